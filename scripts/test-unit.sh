#!/usr/bin/env bash
# The fast loop: CTest and the node suites (tests/wasm, tests/web) against the last build (npm run build).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/test-lib.sh
unit_tests
summary
