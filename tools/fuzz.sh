#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 20).
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]   targets: address runtime_value api
# The committed seed corpora (tests/fuzz/corpus/TARGET) are read, never written: new inputs
# go to a scratch folder; a crash leaves its input in build/fuzz/crashes/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(address runtime_value api)
tools/setup
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/crashes
for t in "${targets[@]}"; do
  scratch="$(mktemp -d)"
  echo "fuzz: $t for ${seconds}s"
  if ! build/fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
       -rss_limit_mb=4096 -artifact_prefix=build/fuzz/crashes/"$t"- "$scratch" tests/fuzz/corpus/"$t" \
       > build/fuzz/"$t".log 2>&1; then
    tail -40 build/fuzz/"$t".log
    echo "fuzz: $t FAILED (input kept in build/fuzz/crashes/)"; rm -rf "$scratch"; exit 1
  fi
  grep -E "^stat::number_of_executed_units|^Done" build/fuzz/"$t".log | tail -1
  rm -rf "$scratch"
done
echo "fuzz: ${#targets[@]} targets ran ${seconds}s each without a failure"
