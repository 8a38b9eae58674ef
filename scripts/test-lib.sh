# Sourced by scripts/test*.sh: the pass/fail counters, node --test runs with TAP counting, and the two test
# groups that `npm test`, `npm run test:unit` and `npm run test:e2e` share.
mkdir -p test-results
passed=0
failed=0

# Counts one step by its exit status: step LABEL COMMAND...
step() {
  local label=$1; shift
  echo "== $label"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

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

# The native doctest suite and the node suites: needs only a build, no browser. `unit_tests fast` leaves out
# the CTest runs labelled slow (the claims on the Hard preset's sweep, ~1.5 min), which `npm test` runs.
unit_tests() {
  local ctest_args=() count_args=()
  if [ "${1:-}" = fast ]; then
    ctest_args=(-LE slow)
    count_args=("--test-case-exclude=claim mlp-hard*")
    echo "== native: doctest via CTest, without the slow claims (npm test runs them)"
  else
    echo "== native: doctest via CTest"
  fi
  if ctest --test-dir build/native -j2 --output-on-failure "${ctest_args[@]}"; then
    local n
    n=$(build/native/normlab_tests --count "${count_args[@]}" 2>/dev/null | grep -oE '[0-9]+' | tail -1)
    passed=$((passed + ${n:-1}))
  else
    failed=$((failed + 1))
  fi
  # No code generation from strings: the module and core.js must run under a strict CSP.
  run_node wasm --disallow-code-generation-from-strings tests/wasm/
  run_node web tests/web/
}

# Browser tests one file at a time (the machine has two cores). A failure counts the first time: there is no
# retry, since a test that passes on a second run hides a race. A hung file fails after 5 minutes (the slowest
# takes ~1.5), so a hang cannot use up the CI budget.
E2E_FILE_TIMEOUT=300
e2e_tests() {
  local file name
  for file in tests/e2e/*.test.mjs; do
    name=e2e-$(basename "$file" .test.mjs)
    echo "== $name"
    e2e_run "$name" "$file"
    passed=$((passed + run_pass))
    failed=$((failed + run_fail))
  done
}

summary() {
  echo
  echo "summary: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
}
