#!/usr/bin/env bash
# Installs what building and testing need, only when it is missing (safe to run again and again):
# Debian packages (apt-get as root, or the exact command to run otherwise) and the npm packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ clang libclang-rt-14-dev emscripten libxtensor-dev doctest-dev chromium libxml2-utils clang-format clang-tidy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Commit messages: subject at most 72 characters (.githooks/commit-msg), in a clone that has not chosen its own hooks.
if git rev-parse --git-dir >/dev/null 2>&1 && [ -z "$(git config core.hooksPath)" ]; then
  git config core.hooksPath .githooks
fi
