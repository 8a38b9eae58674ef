#!/usr/bin/env bash
# Builds the lesson into dist/web: the WASM module, the native tools that precompute shipped data,
# the content check, then Vite and the prerendered lesson.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
npx vite build --config web/vite.config.js --logLevel warn
# The lesson written into dist/web/index.html by the page's own renderer: it reads without JavaScript.
node scripts/prerender.mjs dist/web
# For course sites: one self-contained HTML file, and SCORM 1.2 / 2004 packages of dist/web.
node scripts/build-single.mjs
node scripts/package-scorm.mjs --from dist/web
echo "build: dist/web is ready (serve it from any static web server); dist/ also holds the single file and SCORM zips"
