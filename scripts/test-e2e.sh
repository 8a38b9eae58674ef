#!/usr/bin/env bash
# The Chromium tests (tests/e2e) against the last build in dist/ (npm run build).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/test-lib.sh
e2e_tests
summary
