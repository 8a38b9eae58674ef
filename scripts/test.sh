#!/usr/bin/env bash
# Every test: the native doctest suite (CTest), the node:test suites against the WASM module and the
# page's modules, and the Chromium tests of the built page. Ends with one summary line; any failure
# exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/build.sh || { echo "test: the build failed"; exit 1; }

mkdir -p test-results
passed=0
failed=0

echo "== native: doctest via CTest"
if ctest --test-dir build/native --output-on-failure; then
  n=$(build/native/normlab_tests --count 2>/dev/null | grep -oE '[0-9]+' | tail -1)
  passed=$((passed + ${n:-1}))
else
  failed=$((failed + 1))
fi

echo "== size budget of the built page"
if node scripts/size-budget.mjs dist/web; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== Lighthouse on the built page (mobile preset, median of 3 runs)"
if node scripts/lighthouse.mjs dist/web --runs 3; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== native: doctest under AddressSanitizer + UndefinedBehaviorSanitizer"
if bash scripts/sanitize.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== native: libFuzzer over the core's API for 60 s (docs/robustness.md)"
if bash scripts/fuzz.sh 60; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

run_node() {  # $1: label, rest: node --test arguments
  local label=$1; shift
  echo "== $label"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="test-results/$label.tap" "$@"
  local p f
  p=$(grep -E '^# pass ' "test-results/$label.tap" | awk '{print $3}')
  f=$(grep -E '^# fail ' "test-results/$label.tap" | awk '{print $3}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
}

# No code generation from strings: the module and core.js must run under a strict CSP.
run_node wasm --disallow-code-generation-from-strings tests/wasm/
run_node web tests/web/
# One browser test file at a time: the machine has two cores.
run_node e2e --test-concurrency=1 tests/e2e/

echo
echo "npm test: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
