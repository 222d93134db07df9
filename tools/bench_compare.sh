#!/usr/bin/env bash
# The asynchronous echo server of an earlier revision against the current one: both
# bench-servers are built (REV's in a temporary git worktree), then driven by the same
# bench-load, interleaved within each round (which goes first alternates), and the ratio
# current / REV of the server's CPU time per message and of messages/s is reported per round
# as the median over the rounds and its range. Then the blocking C client of both revisions
# (bench-load blocking, each linked to its own library) against the same plain epoll echo
# server, the same way: ratio now / before of round trips/s, whole-process CPU per round trip
# and latency. For a closing note's before/after table.
#
# Usage: tools/bench_compare.sh REV [SECONDS=5] [ROUNDS=3] [BLOCKING_ROUNDS=ROUNDS]
#        (not a test: a shared machine is noisy)
# ROUNDS=0 leaves the asynchronous server out; BLOCKING_ROWS="8 128,1 128" (threads and
# message size, comma-separated) runs only those blocking rows (default: all six).
set -euo pipefail
cd "$(dirname "$0")/.."
rev="$1"; seconds="${2:-5}"; rounds="${3:-3}"; brounds="${4:-$rounds}"
tools/setup >/dev/null
cmake --preset default >/dev/null
cmake --build --preset default --target bench-server bench-load >/dev/null
before="$(mktemp -d)"
trap 'git worktree remove --force "$before" >/dev/null 2>&1 || rm -rf "$before"' EXIT
git worktree add --detach --force "$before" "$rev" >/dev/null 2>&1
(cd "$before" && cmake --preset default >/dev/null && cmake --build --preset default --target bench-server bench-load >/dev/null)
B=build/default
port=23000
ulimit -n 65536 2>/dev/null || true
run() { # server-binary backend connections port -> one bench-load line (runs in a subshell)
  local port="$4"
  "$1" uringnet "$port" "$2" > /tmp/uringnet-compare-server.out 2>&1 &
  local pid=$!
  for _ in $(seq 50); do grep -q ready /tmp/uringnet-compare-server.out 2>/dev/null && break; sleep 0.1; done
  "$B/bench-load" echo "$port" "$3" 128 1 "$seconds" "$pid" || echo "bench-load failed"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}
echo "## Asynchronous echo server: $(git rev-parse --short HEAD) against $(git rev-parse --short "$rev")"
echo
echo "128-byte messages, depth 1, ${seconds} s a run; ratio now / before within each round, median of ${rounds} [range]."
echo
echo "| backend | connections | server CPU µs/message | messages/s | before: msgs/s, CPU µs/msg | now: msgs/s, CPU µs/msg | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for backend in io_uring epoll; do
  [ "$rounds" = 0 ] && break
  for conns in 50 500; do
    lines=""
    for r in $(seq "$rounds"); do
      order="before now"; [ $((r % 2)) = 0 ] && order="now before"
      for who in $order; do
        bin="$B/bench-server"; [ "$who" = before ] && bin="$before/$B/bench-server"
        port=$((port + 1))
        lines+="round=$r who=$who $(run "$bin" "$backend" "$conns" "$port")"$'\n'
      done
    done
    echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py compare "$backend" "$conns"
  done
done

echo
echo "## Blocking C client: $(git rev-parse --short HEAD) against $(git rev-parse --short "$rev")"
echo
echo "N threads, each with its own connection, against the plain epoll echo server; each"
echo "revision's bench-load with its own library, ${seconds} s a run; ratio now / before within each"
echo "round, median of ${brounds} [range]."
echo
echo "| client | threads | message | throughput | CPU per round trip | p50 latency | mean latency | before: round trips/s, CPU µs/rt | now: round trips/s, CPU µs/rt | mismatches |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
port=$((port + 1))
"$B/bench-server" epoll "$port" > /tmp/uringnet-compare-server.out 2>&1 &
epoll_pid=$!
for _ in $(seq 50); do grep -q ready /tmp/uringnet-compare-server.out 2>/dev/null && break; sleep 0.1; done
IFS=, read -r -a rows <<< "${BLOCKING_ROWS:-1 128,8 128,64 128,1 65536,8 65536,64 65536}"
for cfg in "${rows[@]}"; do
  read -r threads size <<< "$cfg"
  lines=""
  for r in $(seq "$brounds"); do
    order="before now"; [ $((r % 2)) = 0 ] && order="now before"
    for who in $order; do
      bin="$B/bench-load"; [ "$who" = before ] && bin="$before/$B/bench-load"
      lines+="round=$r $("$bin" blocking "$port" "$threads" "$size" "$seconds" uringnet | sed "s/mode=uringnet/mode=$who/")"$'\n'
    done
  done
  echo -n "$lines" | /usr/bin/python3 tools/bench/ratios.py "C now / before" "$threads" "$size" now before
done
kill "$epoll_pid" 2>/dev/null || true; wait "$epoll_pid" 2>/dev/null || true
