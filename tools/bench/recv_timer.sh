#!/usr/bin/env bash
# Runs tools/bench/recv_timer.c for each receive timeout, interleaved, ROUNDS times, and
# prints each one's median CPU µs per round trip and range. Usage: tools/bench/recv_timer.sh
# [ROUNDS=6] [TIMEOUTS_MS="0 10 100 300 1000"]   (not a test: benchmark on an idle machine)
set -euo pipefail
cd "$(dirname "$0")"
rounds="${1:-6}"; timeouts="${2:-0 10 100 300 1000}"
bin="$(mktemp)"; trap 'rm -f "$bin"' EXIT
cc -O2 -o "$bin" recv_timer.c -lpthread
out=""
for _ in $(seq "$rounds"); do
  for t in $timeouts; do out+="$("$bin" "$t")"$'\n'; done
done
for t in $timeouts; do
  echo -n "$out" | sed -n "s/^timeout_ms=$t cpu_us_per_rt=//p" | sort -n |
    awk -v t="$t" '{a[NR]=$1} END {printf "timeout %5s ms: %s µs per round trip [%s-%s]\n", t, a[int((NR+1)/2)], a[1], a[NR]}'
done
