#!/usr/bin/env bash
# Builds tests/fuzz/fuzz_core.cpp with clang (-fsanitize=fuzzer,address,undefined) into build/fuzz/ and runs
# it for a bounded time from the committed seed corpus (tests/fuzz/corpus/, copied to a temporary folder so
# that the committed one is never modified). Exits non-zero on any finding: a crash, an exception other
# than normlab::invalid_argument, a leak, undefined behaviour, an allocation above 256 MB, a hang (> 10 s
# per input) or a broken postcondition. The reproducer is kept in build/fuzz/findings/.
#   usage: scripts/fuzz.sh [seconds=60]        (extra arguments go to libFuzzer, e.g. -jobs=2)
#   replay one input:  build/fuzz/fuzz_core build/fuzz/findings/crash-<hash>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

# clang++ and libFuzzer's runtime (libclang-rt-14-dev comes with Debian's clang package).
CXX=${FUZZ_CXX:-clang++}
if ! command -v "$CXX" >/dev/null || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
  "$CXX" -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "fuzz: installing clang (with libFuzzer)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
  else
    echo "fuzz: needs clang++ with libFuzzer; run:  sudo apt-get install -y clang libclang-rt-14-dev" >&2
    exit 1
  fi
fi

# The core's sources: exactly the files CMakeLists.txt and core/src/train/sources.cmake list (explicitly,
# never globbed), read from there so that a new core file cannot escape the fuzzer.
mapfile -t sources < <(grep -ohE 'core/src/[A-Za-z0-9_/]+\.cpp' CMakeLists.txt core/src/train/sources.cmake | sort -u)
if [ ${#sources[@]} -lt 10 ]; then
  echo "fuzz: could not read the core's source list from CMakeLists.txt" >&2
  exit 1
fi

out=build/fuzz
mkdir -p "$out/obj" "$out/findings"
# -O1 -g: fast enough to fuzz, precise stacks. -ffp-contract=off as in CMakeLists.txt (same arithmetic).
flags=(-std=c++20 -O1 -g -fno-omit-frame-pointer -ffp-contract=off -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=all -Icore/include -Icore/src -DNORMLAB_VERSION=\"fuzz\")
# Rebuild an object when its source, any core header or this script is newer.
newest_header=$(ls -t core/include/normlab/*.hpp core/src/*.hpp core/src/train/*.hpp scripts/fuzz.sh 2>/dev/null | head -1)
objects=()
stale=()
for src in "${sources[@]}" tests/fuzz/fuzz_core.cpp; do
  obj="$out/obj/$(echo "$src" | tr / _).o"
  objects+=("$obj")
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then stale+=("$src"); fi
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "fuzz: compiling ${#stale[@]} file(s) with $CXX"
  running=0
  for src in "${stale[@]}"; do
    "$CXX" "${flags[@]}" -c "$src" -o "$out/obj/$(echo "$src" | tr / _).o" &
    running=$((running + 1))
    if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi  # two cores: two at a time
  done
  while [ "$running" -gt 0 ]; do wait -n; running=$((running - 1)); done
fi
"$CXX" -fsanitize=fuzzer,address,undefined "${objects[@]}" -o "$out/fuzz_core"

# Run from a copy of the corpus; new interesting inputs land in the copy only.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/fuzz/corpus "$work/corpus"
echo "fuzz: running for ${seconds}s from $(ls tests/fuzz/corpus | wc -l) seed inputs"
set +e
ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  "$out/fuzz_core" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len=4096 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$out/findings/" "$@" "$work/corpus" >"$out/last-run.log" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ]; then
  # The report: from the sanitizer's or libFuzzer's first error line to the end (stack, input, summary).
  sed -n '/ERROR: \|runtime error:\|fuzz_core finding\|deadly signal\|uncaught exception/,$p' "$out/last-run.log" |
    grep -vE '^(stat::|MS: |artifact_prefix|Base64)' >&2
  echo "fuzz: FINDING (exit $status); reproducer in $out/findings/ (replay: $out/fuzz_core <file>), log $out/last-run.log" >&2
  exit 1
fi
echo "fuzz: no findings ($(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$out/last-run.log" | grep -oE '[0-9]+$') executions)"
