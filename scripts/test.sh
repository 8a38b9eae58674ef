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

# ESLint's rules, Prettier and clang-format (npm run format fixes the last two).
echo "== lint"
if npm run --silent lint; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== native: doctest via CTest"
if ctest --test-dir build/native --output-on-failure; then
  n=$(build/native/normlab_tests --count 2>/dev/null | grep -oE '[0-9]+' | tail -1)
  passed=$((passed + ${n:-1}))
else
  failed=$((failed + 1))
fi

echo "== size budget of the built page"
if node scripts/size-budget.mjs dist/web; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# Only the categories a page decides alone; the performance score is a timing and lives in `npm run bench`.
echo "== Lighthouse on the built page: accessibility, best practices, SEO"
if node scripts/lighthouse.mjs dist/web --gate; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== native: doctest under AddressSanitizer + UndefinedBehaviorSanitizer"
if bash scripts/sanitize.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== native: libFuzzer over the core's API for 60 s (docs/robustness.md)"
if bash scripts/fuzz.sh 60; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# Sets run_pass/run_fail from the TAP summary of run $1; a cancelled test (timed out) counts as failed, and so
# does a run that printed no summary.
tap_counts() {
  local fail cancelled
  run_pass=$(grep -sE '^# pass ' "test-results/$1.tap" | awk '{print $3}')
  fail=$(grep -sE '^# fail ' "test-results/$1.tap" | awk '{print $3}')
  cancelled=$(grep -sE '^# cancelled ' "test-results/$1.tap" | awk '{print $3}')
  run_pass=${run_pass:-0}
  run_fail=$(( ${fail:-1} + ${cancelled:-0} ))
}

# Runs node --test; sets run_pass/run_fail.
node_run() {  # $1: label, rest: node --test arguments
  local label=$1; shift
  rm -f "test-results/$label.tap"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="test-results/$label.tap" "$@"
  tap_counts "$label"
}

# Like node_run for one browser-test file, within a time limit: node's runner cancels the file after
# E2E_FILE_TIMEOUT seconds (a page that never answers page.evaluate would otherwise wait forever), and
# `timeout` stops it 30 s later should the runner itself hang.
e2e_run() {  # $1: label, $2: test file
  local label=$1 file=$2 status=0
  rm -f "test-results/$label.tap"
  timeout -k 10 $((E2E_FILE_TIMEOUT + 30)) node --test --test-timeout=$((E2E_FILE_TIMEOUT * 1000)) --test-reporter=spec \
    --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="test-results/$label.tap" \
    "$file" || status=$?
  [ "$status" -eq 124 ] && echo "== $label: stopped after $((E2E_FILE_TIMEOUT + 30)) s"
  tap_counts "$label"
}

run_node() {  # $1: label, rest: node --test arguments
  echo "== $1"
  node_run "$@"
  passed=$((passed + run_pass))
  failed=$((failed + run_fail))
}

# No code generation from strings: the module and core.js must run under a strict CSP.
run_node wasm --disallow-code-generation-from-strings tests/wasm/
run_node web tests/web/

# Browser tests one file at a time (the machine has two cores). A failure counts the first time: there is no
# retry, since a test that passes on a second run hides a race. A hung file fails after 5 minutes (the slowest
# takes ~1.5), so a hang cannot use up the CI budget.
E2E_FILE_TIMEOUT=300
for file in tests/e2e/*.test.mjs; do
  name=e2e-$(basename "$file" .test.mjs)
  echo "== $name"
  e2e_run "$name" "$file"
  passed=$((passed + run_pass))
  failed=$((failed + run_fail))
done

echo
echo "summary: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
