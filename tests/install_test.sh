#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds a consumer against it four ways:
# find_package (shared and static) and pkg-config (shared and static). Each must run.
set -euo pipefail
build="$1"; src="$(cd "$(dirname "$0")" && pwd)/consumer"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
libdir="$(ls -d "$tmp/prefix"/lib*)"
test -f "$tmp/prefix/include/uringnet/uringnet.h"
test -f "$libdir/pkgconfig/uringnet.pc"
test -f "$libdir/cmake/uringnet/uringnetConfig.cmake"
test -f "$tmp/prefix/share/uringnet/python/uringnet/__init__.py"
test -f "$tmp/prefix/share/uringnet/python/uringnet/py.typed"

cmake -S "$src" -B "$tmp/cmake" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cmake" >/dev/null
"$tmp/cmake/consumer_shared"
"$tmp/cmake/consumer_static"

export PKG_CONFIG_PATH="$libdir/pkgconfig"
cc -o "$tmp/pc_shared" "$src/main.c" $(pkg-config --cflags --libs uringnet)
LD_LIBRARY_PATH="$libdir" "$tmp/pc_shared"
cc -o "$tmp/pc_static" "$src/main.c" $(pkg-config --cflags uringnet) "$libdir/liburingnet.a" \
   $(pkg-config --static --libs-only-l uringnet | sed 's/-luringnet//')
"$tmp/pc_static"
echo "install test: find_package and pkg-config consumers, shared and static, all work"
