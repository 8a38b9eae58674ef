#!/usr/bin/env bash
# Builds the WebAssembly module (core + core/bindings/) into web/src/wasm/.
set -euo pipefail
cd "$(dirname "$0")/.."
# em++ runs Debian's acorn from here.
export NODE_PATH=/usr/share/nodejs
# em++ must not see /usr/include (it clashes with Emscripten's libc): give it a folder holding only
# the xtensor and xtl header trees, and xsimd's where installed (xtensor only uses it when asked to).
inc=build/xtensor-include
mkdir -p "$inc"
for d in xtensor xtl xsimd; do
  # -L too: a link to a tree that is not installed is dangling, and -e alone would try to create it again.
  [ -e "$inc/$d" ] || [ -L "$inc/$d" ] || [ ! -d "/usr/include/$d" ] || ln -s "/usr/include/$d" "$inc/$d"
done
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DNORMLAB_XTENSOR_INCLUDE="$PWD/$inc" >/dev/null
cmake --build build/wasm -j2 --target normlab_wasm normlab_train_wasm
mkdir -p web/src/wasm
for m in normlab normlab-train; do
  cp "build/wasm/$m.mjs" "build/wasm/$m.wasm" web/src/wasm/
  echo "wasm: web/src/wasm/$m.wasm ($(stat -c %s "web/src/wasm/$m.wasm") bytes, $(gzip -9c "web/src/wasm/$m.wasm" | wc -c) gzipped)"
done
