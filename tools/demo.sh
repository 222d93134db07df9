#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds uringnet and runs the echo demo.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup
cmake --preset default
cmake --build --preset default --target uringnet-demo
exec build/default/uringnet-demo
