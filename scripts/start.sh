#!/usr/bin/env bash
# Serves the lesson for development at http://127.0.0.1:5173/ (Vite; edits reload the page).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
exec npx vite --config web/vite.config.js --host 127.0.0.1 --port "${PORT:-5173}" --strictPort
