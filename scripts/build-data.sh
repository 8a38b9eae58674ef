#!/usr/bin/env bash
# Data the page ships that the native build of the core computes (so that it shows instantly and a
# live WASM re-run in the browser can reproduce it exactly).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p web/public/data
if [ -x build/native/normlab_sweep ]; then
  out=web/public/data/sweep-default.json
  # The sweep is deterministic: recompute only when the trainer changed.
  if [ ! -f "$out" ] || [ build/native/normlab_sweep -nt "$out" ]; then
    echo "data: computing the default learning-rate sweep natively"
    build/native/normlab_sweep "$out"
  fi
fi
# Every default comparison of the training figure, trained natively from the page's own preset configs
# (tools/comparisons.mjs rewrites it only when normlab_compare or the configs changed).
if [ -x build/native/normlab_compare ] && [ -f web/src/wasm/normlab-train.mjs ]; then
  node tools/comparisons.mjs web/public/data/comparisons-default.json
fi
if [ -f data/digits/digits.bin ]; then
  cp data/digits/digits.bin web/public/data/digits.bin
fi
