#!/usr/bin/env bash
# The benchmark: echo servers in their own processes (uringnet on io_uring, uringnet with
# epoll forced, a plain epoll loop, blocking thread-per-connection), driven by bench-load
# over loopback. Prints a markdown table: messages/s, p50/p99 latency and the server's CPU
# time per message (from /proc), the median of ROUNDS runs; then blocking clients (1, 8 and 64
# threads, 128 B and 64 KiB) through the blocking C API and the Python binding against plain
# blocking sockets, BLOCKING_ROUNDS interleaved rounds each, with plain sockets against
# themselves in three of those rows (the method's own noise); and the memory 10,000 idle
# connections cost.
#
# Then Simple's side against the C API it is built on, interleaved rounds the same way: std.net's
# blocking TcpStream (the monoio_* adapters, Simple's calling convention) against the blocking C
# API, and an IoDriver echo server against the same server on the C asynchronous API taking its
# completions with un_poll.
#
# Then Python's asyncio: echo servers on uringnet.asyncio (streams and protocols) against the same
# servers on asyncio's default loop and on uvloop, each in its own process, interleaved rounds.
#
# Then Unix stream sockets: the uringnet echo server against the plain epoll server on Unix
# sockets, beside the same pair on TCP, interleaved rounds.
#
# Usage: tools/bench.sh [SECONDS=5] [ROUNDS=3] [BLOCKING_ROUNDS=ROUNDS]
#        SECTIONS="echo blocking idle simple asyncio unix" (the default: all) picks sections
#        (not a test: numbers on a shared machine vary)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"; rounds="${2:-3}"; brounds="${3:-$rounds}"
sections=" ${SECTIONS:-echo blocking idle simple asyncio unix} "
want() { [[ "$sections" == *" $1 "* ]]; }
tools/setup >/dev/null
cmake --preset default >/dev/null
cmake --build --preset default >/dev/null  # (the library, bench-server, bench-load, the Python extension)
B=build/default
port=21000 # below the ephemeral port range, which the clients use
ulimit -n 65536 2>/dev/null || true

start_server() { # kind [backend] -> sets $pid, $port
  port=$((port + 1))
  "$B/bench-server" "$1" "$port" ${2:-} > /tmp/uringnet-bench-server.out 2>&1 &
  pid=$!
  for _ in $(seq 50); do grep -q ready /tmp/uringnet-bench-server.out 2>/dev/null && return; sleep 0.1; done
  echo "bench: server $1 did not start" >&2; exit 1
}
stop_server() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

if want echo; then
servers=("uringnet io_uring" "uringnet epoll" "epoll" "blocking")
names=("uringnet (io_uring)" "uringnet (epoll backend)" "plain epoll" "blocking threads")
echo "## Echo, 128-byte messages, pipelining depth 1, ${seconds} s, median of ${rounds} runs"
echo
echo "| server | connections | messages/s | p50 µs | p99 µs | server CPU µs/message | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for conns in 50 500; do
  declare -A out=()
  for r in $(seq "$rounds"); do
    for i in "${!servers[@]}"; do
      start_server ${servers[$i]}
      out[$i,$r]=$("$B/bench-load" echo "$port" "$conns" 128 1 "$seconds" "$pid") || echo "bench: echo load against ${names[$i]} failed (exit $?)" >&2
      stop_server
    done
  done
  for i in "${!servers[@]}"; do
    runs=""; for r in $(seq "$rounds"); do runs+="${out[$i,$r]}"$'\n'; done
    printf "| %s | %d | %s | %s | %s | %s | %s |\n" "${names[$i]}" "$conns" \
      "$(echo -n "$runs" | field msgs_per_s | median)" "$(echo -n "$runs" | field p50_us | median)" \
      "$(echo -n "$runs" | field p99_us | median)" "$(echo -n "$runs" | field server_cpu_us_per_msg | median)" \
      "$(echo -n "$runs" | field mismatches | sort -n | tail -1)"
  done
  unset out
done

fi

if want blocking; then
echo
echo "## Blocking clients: uringnet's blocking API against plain blocking sockets"
echo
echo "N threads, each with its own connection, write a message and read until its echo is back"
echo "(every byte checked), against the plain epoll echo server. Whole-process client CPU per"
echo "round trip (calling threads and the runtime's threads). Each round runs both clients"
echo "seconds apart (alternating which goes first); the ratios are uringnet / plain within a"
echo "round: median over ${brounds} rounds [range]. Python: the generated binding vs Python's socket."
echo "The rows 'C plain / plain' run the plain client against itself the same way: how far from"
echo "1.00x a ratio lands when nothing differs (this machine's noise at this number of rounds);"
echo "in those rows the two figure columns are the plain client's two runs."
echo "Mean latency is shown next to p50 because with many more threads than cores the latency"
echo "distribution has two modes (a thread answered while still on a core, or after waiting its"
echo "turn), and a round's p50 lands in either of them."
echo
echo "| client | threads | message | throughput | CPU per round trip | p50 latency | mean latency | plain: round trips/s, CPU µs/rt | uringnet: round trips/s, CPU µs/rt | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
start_server epoll
py() { URINGNET_LIB="$B/liburingnet.so" PYTHONPATH="generated/python:$B/python" /usr/bin/python3 tools/bench/blocking_client.py "$@"; }
# (A/A: the plain client twice a round, the second run labelled plain2)
for cfg in "C 1 128" "C 8 128" "C 64 128" "C 1 65536" "C 8 65536" "C 64 65536" \
           "A/A 1 65536" "A/A 8 128" "A/A 64 128" \
           "Python 1 128" "Python 8 128" "Python 1 65536" "Python 8 65536" \
           "Python-ctypes 1 128" "Python-ctypes 1 65536"; do
  read -r client threads size <<< "$cfg"
  lines=""
  for r in $(seq "$brounds"); do
    order="plain uringnet"; [ $((r % 2)) = 0 ] && order="uringnet plain"
    for mode in $order; do
      case "$client" in
        C) lines+="round=$r $("$B/bench-load" blocking "$port" "$threads" "$size" "$seconds" "$mode")"$'\n' ;;
        A/A) lines+="round=$r $("$B/bench-load" blocking "$port" "$threads" "$size" "$seconds" plain |
                                  sed "s/mode=plain/mode=${mode/uringnet/plain2}/")"$'\n' ;;
        Python) lines+="round=$r $(py "$port" "$threads" "$size" "$seconds" "$mode")"$'\n' ;;
        Python-ctypes) lines+="round=$r $(py "$port" "$threads" "$size" "$seconds" "${mode/uringnet/uringnet-ctypes}" |
                                          sed "s/mode=uringnet-ctypes/mode=uringnet/")"$'\n' ;;
      esac
    done
  done
  if [ "$client" = A/A ]; then
    echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py "C plain / plain" "$threads" "$size" plain2 plain
  else
    echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py "$client" "$threads" "$size"
  fi
done
stop_server

fi

if want idle; then
echo
echo "## 10,000 idle connections held by the uringnet server"
echo
# The server keeps a read in flight on every connection, into a 16-byte buffer of its own.
echo "Each connection has a read in flight into a 16-byte buffer of the server's (its own"
echo "bookkeeping: about 80 bytes); resident memory of the server process before and after:"
echo
echo "| backend | RSS before KiB | RSS after KiB | bytes per idle connection |"
echo "| --- | ---: | ---: | ---: |"
for backend in io_uring epoll; do
  start_server uringnet "$backend 16"
  line=$("$B/bench-load" idle "$port" 10000 "$pid")
  stop_server
  printf "| %s | %s | %s | **%s** |\n" "$backend" "$(echo "$line" | field server_rss_before_kib)" \
    "$(echo "$line" | field server_rss_after_kib)" "$(echo "$line" | field bytes_per_connection)"
done
fi

if want simple; then
echo
echo "## Simple against the C API it is built on"
echo
echo "std.net's blocking TcpStream: write, then read until the echo is back, through the monoio_*"
echo "adapters with Simple's calling convention (RuntimeValue arrays of the test stand-in),"
echo "against the same client on the blocking C API, one connection, the plain epoll echo server."
echo "Packed byte arrays (Simple's newest layout) lie over the client's own buffers, so that the"
echo "client copies nothing the C client does not; arrays of byte words (the older layouts) the"
echo "client fills and reads out itself, which is in the figure. Ratios Simple / C within a round,"
echo "median over ${brounds} rounds [range]; whole-process CPU per round trip, every byte checked."
echo
echo "| client | threads | message | throughput | CPU per round trip | p50 latency | mean latency | C: round trips/s, CPU µs/rt | Simple: round trips/s, CPU µs/rt | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
start_server epoll
# (A/A: the C client against itself, the second run labelled c2: the noise floor)
for cfg in "simple-packed 1 128" "simple-packed 8 128" "simple-packed 1 65536" "simple-words 1 128" \
           "simple-words 1 65536" "c2 1 128" "c2 1 65536"; do
  read -r mode threads size <<< "$cfg"
  lines=""
  for r in $(seq "$brounds"); do
    order="uringnet $mode"; [ $((r % 2)) = 0 ] && order="$mode uringnet"
    for m in $order; do
      lines+="round=$r $("$B/bench-load" blocking "$port" "$threads" "$size" "$seconds" "${m/c2/uringnet}" |
                         sed "s/mode=uringnet/mode=$m/")"$'\n'
    done
  done
  label="Simple ${mode#simple-}"; [ "$mode" = c2 ] && label="A/A: C / C"
  echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py "$label" "$threads" "$size" "$mode" uringnet
done
stop_server
echo
echo "An echo server written against IoDriver's methods (std.net.driver's externs: submit_accept,"
echo "submit_recv of up to 64 KiB, submit_send_bytes of the array poll_recv_bytes gave, a new"
echo "Simple array per message, then recv again) against the same server on the C asynchronous"
echo "API taking its completions with un_poll on a thread of its own; 128-byte messages,"
echo "depth 1, bench-load checking every byte. Ratios IoDriver / C within a round, median over"
echo "${brounds} rounds [range]; server CPU per message from /proc."
echo
echo "| server | connections | server CPU µs/message | messages/s | C (un_poll): msgs/s, CPU µs/msg | IoDriver: msgs/s, CPU µs/msg | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# (A/A: the C server against itself, the second run labelled c2)
for cfg in "driver 1" "driver 50" "driver 500" "c2 50"; do
  read -r other conns <<< "$cfg"
  lines=""
  for r in $(seq "$brounds"); do
    order="uringnet-poll $other"; [ $((r % 2)) = 0 ] && order="$other uringnet-poll"
    for k in $order; do
      start_server "${k/c2/uringnet-poll}"
      lines+="round=$r who=$k $("$B/bench-load" echo "$port" "$conns" 128 1 "$seconds" "$pid")"$'\n'
      stop_server
    done
  done
  label="IoDriver"; [ "$other" = c2 ] && label="A/A: C / C"
  echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py compare "$label" "$conns" "$other" uringnet-poll
done
fi

if want asyncio; then
echo
echo "## Python asyncio echo servers: uringnet.asyncio against asyncio's loop and uvloop"
echo
echo "The same echo server (tools/bench/asyncio_server.py: streams read up to 64 KiB, write it back"
echo "and drain; protocols write back in data_received) on uringnet.asyncio (on asyncio's default"
echo "loop), on asyncio's default loop and on uvloop; 128-byte messages, depth 1, bench-load (C)"
echo "checking every byte. Ratios uringnet / other within a round, median over ${brounds} rounds"
echo "[range]; whole-process server CPU per message from /proc (uringnet's runtime thread included)."
echo "A/A: uvloop's protocol server against itself (the noise floor)."
echo
echo "| uringnet / other | connections | server CPU µs/message | messages/s | other: msgs/s, CPU µs/msg | uringnet: msgs/s, CPU µs/msg | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
start_py_server() { # kind -> sets $pid, $port
  port=$((port + 1))
  URINGNET_LIB="$B/liburingnet.so" PYTHONPATH="generated/python:$B/python" /usr/bin/python3 tools/bench/asyncio_server.py \
    "$1" "$port" > /tmp/uringnet-bench-server.out 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q ready /tmp/uringnet-bench-server.out 2>/dev/null && return; sleep 0.1; done
  echo "bench: server $1 did not start: $(cat /tmp/uringnet-bench-server.out)" >&2; exit 1
}
for cfg in "uringnet-streams asyncio-streams 1" "uringnet-streams asyncio-streams 50" \
           "uringnet-streams asyncio-streams 500" "uringnet-streams uvloop-streams 1" \
           "uringnet-streams uvloop-streams 50" "uringnet-streams uvloop-streams 500" \
           "uringnet-protocol uvloop-protocol 1" "uringnet-protocol uvloop-protocol 50" \
           "uringnet-protocol uvloop-protocol 500" "uvloop-protocol uvloop-protocol 50"; do
  read -r ours other conns <<< "$cfg"
  a="$ours"; [ "$ours" = "$other" ] && a="$ours-2"
  lines=""
  for r in $(seq "$brounds"); do
    order="$a $other"; [ $((r % 2)) = 0 ] && order="$other $a"
    for k in $order; do
      start_py_server "${k%-2}"
      lines+="round=$r who=$k $("$B/bench-load" echo "$port" "$conns" 128 1 "$seconds" "$pid")"$'\n'
      stop_server
    done
  done
  label="$ours / $other"; [ "$ours" = "$other" ] && label="A/A: $other / $other"
  echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py compare "$label" "$conns" "$a" "$other"
done
fi

if want unix; then
echo
echo "## Unix stream sockets: the uringnet server against a plain epoll server"
echo
echo "The echo servers of the first table on a Unix stream socket (bench-server and bench-load with"
echo "BENCH_UNIX_DIR: the same code, AF_UNIX), beside the same two on TCP in the same rounds;"
echo "128-byte messages, depth 1, every byte checked. Ratios uringnet / plain epoll within a round,"
echo "median over ${brounds} rounds [range]; server CPU per message from /proc."
echo
echo "| socket | connections | server CPU µs/message | messages/s | plain epoll: msgs/s, CPU µs/msg | uringnet: msgs/s, CPU µs/msg | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
unix_dir="$(mktemp -d)"
for cfg in "unix 1" "tcp 1" "unix 50" "tcp 50" "unix 500" "tcp 500"; do
  read -r family conns <<< "$cfg"
  lines=""
  for r in $(seq "$brounds"); do
    order="uringnet epoll"; [ $((r % 2)) = 0 ] && order="epoll uringnet"
    for k in $order; do
      if [ "$family" = unix ]; then export BENCH_UNIX_DIR="$unix_dir"; else unset BENCH_UNIX_DIR; fi
      if [ "$k" = uringnet ]; then start_server uringnet io_uring; else start_server epoll; fi
      lines+="round=$r who=$k $("$B/bench-load" echo "$port" "$conns" 128 1 "$seconds" "$pid")"$'\n'
      stop_server
    done
  done
  unset BENCH_UNIX_DIR
  echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py compare "$family" "$conns" uringnet epoll
done
rm -rf "$unix_dir"
fi
