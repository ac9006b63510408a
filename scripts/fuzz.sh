#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs one of them.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   TARGET: check | csv | json | eval   (or FuzzCheck, FuzzCSV, FuzzJSON, FuzzEval)
#
# Linux only (needs `swiftc -sanitize=fuzzer,address`). One process, no -jobs or -workers: it uses one
# core. The working corpus grows in .build-fuzz/corpus/TARGET (not in git), starting from the
# seeds in Fuzz/Corpus/TARGET; crashes, leaks and timeouts are written to .build-fuzz/artifacts/TARGET/.
# Copy each one into Tests/Fixtures/fuzz-regressions/TARGET/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

target=${1:?usage: scripts/fuzz.sh check|csv|json|eval [SECONDS] [libFuzzer flags]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  check|FuzzCheck) name=check; exe=FuzzCheck ;;
  csv|FuzzCSV) name=csv; exe=FuzzCSV ;;
  json|FuzzJSON) name=json; exe=FuzzJSON ;;
  eval|FuzzEval) name=eval; exe=FuzzEval ;;
  *) echo "unknown target: $target (check, csv, json or eval)" >&2; exit 2 ;;
esac

scratch=$root/.build-fuzz
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  # Optimised (10x the executions of -Onone), with testability for the CSV chunk-size hook.
  (cd Fuzz && swift build -c release --scratch-path "$scratch" --product "$exe" \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing 2>&1 \
     | grep -v "Cannot export local symbol" | grep -v '^\[' || true)
fi
bin=$scratch/release/$exe
[ -x "$bin" ] || { echo "build failed: $bin missing" >&2; exit 1; }

corpus=$scratch/corpus/$name
artifacts=$scratch/artifacts/$name/
mkdir -p "$corpus" "$artifacts"
dict=()
[ -f "Fuzz/Dictionaries/$name.dict" ] && dict=(-dict="Fuzz/Dictionaries/$name.dict")

# detect_leaks: Swift runtime metadata caches look like leaks at exit; real leaks grow per run and
# show up with -rss_limit_mb instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# The target writes its inputs as files into a scratch folder named after its process (FuzzSupport's
# `Scratch`, in /dev/shm or TMPDIR): removed when it ends.
"$bin" "$corpus" "Fuzz/Corpus/$name" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 "${dict[@]}" "$@" &
pid=$!
trap 'kill -INT $pid 2>/dev/null' INT TERM
status=0
wait $pid || status=$?
# Interrupted: the target was asked to stop (it prints its statistics first); its own status is the run's.
while kill -0 $pid 2>/dev/null; do wait $pid || status=$?; done
rm -rf "/dev/shm/tuanthu-fuzz-$name-$pid" "${TMPDIR:-/tmp}/tuanthu-fuzz-$name-$pid"
exit $status
