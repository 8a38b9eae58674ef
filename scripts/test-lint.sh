#!/usr/bin/env bash
# npm run lint: ESLint's rules, then Prettier and clang-format in check mode (npm run format applies them).
# Runs all three even when one fails, so one run shows every finding; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
node_modules/.bin/eslint --cache --cache-location node_modules/.cache/eslint/ . || status=1
node_modules/.bin/prettier --check --log-level warn '**/*.{js,mjs}' || status=1
git ls-files -z '*.cpp' '*.hpp' '*.h' | xargs -0 clang-format --dry-run --Werror || status=1
exit "$status"
