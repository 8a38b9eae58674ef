#!/usr/bin/env bash
# The fast loop: CTest and the node suites (tests/wasm, tests/web) against the last build (npm run build),
# without the CTest run labelled slow (the claims on the Hard preset's sweep, which npm test runs).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/test-lib.sh
unit_tests fast
summary
