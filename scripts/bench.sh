#!/usr/bin/env bash
# Benchmarks (not tests): prints tables comparing implementations side by side in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh >/dev/null
# The native baseline gets the machine's best: -O3 -march=native, in its own build folder.
cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-march=native" >/dev/null
cmake --build build/bench-native -j2 --target normlab_bench >/dev/null
node bench/kernels.mjs build/bench-native/normlab_bench
for extra in bench/*.bench.mjs; do
  [ -e "$extra" ] && node "$extra"
done
exit 0
