#!/usr/bin/env bash
# Benchmarks (not tests): prints tables comparing implementations side by side in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh >/dev/null
# The native baseline gets the machine's best: -O3 -march=native, in its own build folder.
cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-march=native" >/dev/null
cmake --build build/bench-native -j2 --target normlab_bench normlab_sweep normlab_conv normlab_transformer >/dev/null
node bench/kernels.mjs build/bench-native/normlab_bench
# bench/conv.bench.mjs and bench/transformer.bench.mjs run the native trainers (normlab_conv, normlab_transformer
# --time) themselves and print their rows beside the WASM and tfjs ones.
for extra in bench/*.bench.mjs; do
  [ -e "$extra" ] && node "$extra"
done

# In Chromium, on a build of the page in its own folder (dist/web may be in use by tests).
bash scripts/build-native.sh >/dev/null
bash scripts/build-data.sh >/dev/null
out=build/bench-dist
npx vite build --config web/vite.config.js --logLevel warn --outDir "$PWD/$out" --emptyOutDir
# The same page as `npm run build` ships: the lesson prerendered into index.html (Lighthouse measures it).
node scripts/prerender.mjs "$out"
echo
echo "### Playground: input-to-paint in Chromium"
NORMLAB_DIST="$out" node tests/e2e/playground-timing.mjs
echo
echo "### Training figure: wall times and long tasks in Chromium (default, Transformer and conv comparisons)"
NORMLAB_DIST="$out" node tests/e2e/training-timing.mjs
echo
echo "### Start-up: navigation to the first figure drawn from the core"
NORMLAB_DIST="$out" node tests/e2e/startup-timing.mjs --runs 5
echo
echo "### First paint by thread time (layout before it, blocking after it)"
node tests/e2e/first-paint-trace.mjs "$out" --runs 5
echo
echo "### Lighthouse (mobile and desktop presets)"
node scripts/lighthouse.mjs "$out" --runs 3 || true
node scripts/lighthouse.mjs "$out" --runs 3 --preset desktop || true
exit 0
