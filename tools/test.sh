#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds uringnet and runs every test (ctest).
# Usage: tools/test.sh [preset]   (default, asan or tsan; see CMakePresets.json)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
tools/setup
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset" -j"$(nproc)"
