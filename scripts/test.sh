#!/usr/bin/env bash
# Every test: lint, the native doctest suite (CTest), the node:test suites against the WASM module and the
# page's modules, the size budget, Lighthouse, the sanitizers and the fuzzer, and the Chromium tests of the
# built page. Ends with one summary line; any failure exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/build.sh || { echo "test: the build failed"; exit 1; }
source scripts/test-lib.sh

# ESLint's rules, Prettier and clang-format (npm run format fixes the last two).
step lint npm run --silent lint
unit_tests
step "size budget of the built page" node scripts/size-budget.mjs dist/web
# Only the categories a page decides alone; the performance score is a timing and lives in `npm run bench`.
step "Lighthouse on the built page: accessibility, best practices, SEO" node scripts/lighthouse.mjs dist/web --gate
# The claims ("claim <id>") are long training runs of code the other cases already take through the sanitizers,
# and run several times slower under them: CTest runs them above, the sanitizers run the rest.
step "native: doctest under AddressSanitizer + UndefinedBehaviorSanitizer" bash scripts/sanitize.sh \
  --test-case-exclude='claim *'
step "native: libFuzzer over the core's API for 60 s (docs/robustness.md)" bash scripts/fuzz.sh 60
e2e_tests
summary
