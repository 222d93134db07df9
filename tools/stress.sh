#!/usr/bin/env bash
# Runs the randomized order stress test (tests/test_stress.cpp) for SECONDS (default 60) on
# both backends: several threads and a completion callback writing, a reader mixing
# blocking, submitted, timed-out and cancelled reads; every byte checked.
# Usage: tools/stress.sh [SECONDS] [PRESET]   (PRESET: default, asan or tsan)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
preset="${2:-default}"
tools/setup
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target uringnet_tests
for backend in io_uring epoll; do
  echo "stress: $backend for ${seconds}s ($preset)"
  URINGNET_BACKEND="$backend" UN_STRESS_SECONDS="$seconds" \
    build/"$preset"/tests/uringnet_tests "random blocking and submitted reads and writes keep every stream's order"
done
