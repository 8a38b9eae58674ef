#!/usr/bin/env bash
# npm run lint: ESLint's rules, then Prettier and clang-format in check mode (npm run format applies them), then
# clang-tidy's checks (.clang-tidy) over the core.
# Runs every tool even when one fails, so one run shows every finding; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
node_modules/.bin/eslint --cache --cache-location node_modules/.cache/eslint/ . || status=1
node_modules/.bin/prettier --check --log-level warn '**/*.{js,mjs}' || status=1
git ls-files -z '*.cpp' '*.hpp' '*.h' | xargs -0 clang-format --dry-run --Werror || status=1
# clang-tidy parses each file as the WebAssembly build compiles it (em++'s target and sysroot), the only build that
# sees the bindings too; the core itself is plain C++ and parses the same either way. Two files at a time.
cflags=$(NODE_PATH=/usr/share/nodejs em++ --cflags) || status=1
tidy() { clang-tidy --quiet "$@" -- $cflags -std=c++20 -Icore/include -Icore/src -DNORMLAB_VERSION='"lint"'; }
export -f tidy
export cflags
tidy=$(git ls-files -z 'core/*.cpp' | xargs -0 -n 17 -P 2 bash -c 'tidy "$@"' tidy 2>&1) || status=1
# clang-tidy counts the warnings it hid in system headers on stderr; only findings are worth printing.
grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' <<<"$tidy" || true
exit "$status"
