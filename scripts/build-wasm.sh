#!/usr/bin/env bash
# Builds the WebAssembly module (core + core/bindings/) into web/src/wasm/.
set -euo pipefail
cd "$(dirname "$0")/.."
# em++ runs Debian's acorn from here.
export NODE_PATH=/usr/share/nodejs
# The core needs no header outside core/ and Emscripten's own (xtensor is used by the native tests only).
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j2 --target normlab_wasm normlab_train_wasm
mkdir -p web/src/wasm
for m in normlab normlab-train; do
  cp "build/wasm/$m.mjs" "build/wasm/$m.wasm" web/src/wasm/
  echo "wasm: web/src/wasm/$m.wasm ($(stat -c %s "web/src/wasm/$m.wasm") bytes, $(gzip -9c "web/src/wasm/$m.wasm" | wc -c) gzipped)"
done
