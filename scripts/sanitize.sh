#!/usr/bin/env bash
# The whole doctest suite under AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer), in its
# own build folder (build/asan) with the option CMakeLists.txt already has (NORMLAB_SANITIZE: it adds
# -fsanitize=address,undefined -fno-sanitize-recover=all, so any report aborts the run).
# clang++ is preferred when installed: its -fsanitize=undefined also checks float->int conversions that
# overflow (float-cast-overflow), which g++'s does not. Override with CXX=g++.
# Exits non-zero on any sanitizer report or failed test.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/asan
if [ -z "${CXX:-}" ]; then
  if command -v clang++ >/dev/null; then CXX=clang++; else CXX=g++; fi
else
  build="build/asan-$(basename "$CXX")"  # an explicit compiler gets its own folder
fi
# A different compiler needs a fresh cache.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q "^CMAKE_CXX_COMPILER:.*=$(command -v "$CXX")\$" "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
# RelWithDebInfo: optimised like the shipped code (some UB only shows there), with line numbers in reports.
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNORMLAB_SANITIZE=ON >/dev/null
cmake --build "$build" -j2 --target normlab_tests

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
echo "== doctest suite under ASan + UBSan ($CXX)"
"$build/normlab_tests" --no-intro=true "$@"
echo "sanitize: clean"
