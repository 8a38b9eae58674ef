#!/usr/bin/env bash
# What both serving and building the page need first: the set-up, the WASM modules, the native tools and the
# data they precompute, the certificate PDF's fonts, and a valid content file, built with its formulas as
# MathML (web/generated/lesson.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
bash scripts/build-native.sh
bash scripts/build-data.sh
node scripts/build-fonts.mjs
node scripts/validate-content.mjs --out web/generated/lesson.json
