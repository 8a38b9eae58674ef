#!/usr/bin/env bash
# Builds the lesson into dist/web: the WASM module, the native tools that precompute shipped data,
# the content check, then Vite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
npx vite build --config web/vite.config.js --logLevel warn
# For course sites: one self-contained HTML file, and SCORM 1.2 / 2004 packages of dist/web.
node scripts/build-single.mjs
node scripts/package-scorm.mjs --from dist/web
echo "build: dist/web is ready (serve it from any static web server); dist/ also holds the single file and SCORM zips"
