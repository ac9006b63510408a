#!/usr/bin/env bash
# Benchmark `tuanthu eval` on a generated national workload, beside DuckDB and `cat`.
#
# Tools: tuanthu (the CSV findings report, all kinds); duckdb (scripts/bench_duckdb.py run: the report
# duties' findings in 8 columns, the headline comparison); duckdb-report (bench_duckdb.py run-report: the
# report duties' findings as tuanthu writes them, all 16 columns with expected/actual/location/cite/evidence,
# same order and bytes); cat (reading and writing the data's bytes, the floor).
#
#   scripts/bench.sh SCALE            SCALE = s | m | l (see scripts/gen-workload)
#
# Environment:
#   TUANTHU=path   the tuanthu binary to time (default: build the working tree with
#                  `swift build -c release --scratch-path .build-bench` and use that)
#   RUNS=n         runs per tool (default 3; min and median are reported)
#   SKIP=tool,...  leave tools out (tuanthu, duckdb, duckdb-report, cat)
#   AS_OF=date     default 2030-06-30 (the generator's)
#   REUSE=1        no new runs: compare and summarise the outputs and times of the last runs
#   FRESH_OUTPUTS=1 each tool's previous output is removed before its run, untimed (by default a run
#                  replaces the previous run's output, as a rerun does)
#
# The workload lives in /tmp/tuanthu-workload/SCALE (generated when missing), outputs in
# /tmp/tuanthu-workload/SCALE/out. Needs python3 with duckdb (`pip install duckdb`) and
# GNU time (/usr/bin/time). Prints a Markdown table and the ratios; exits 1 when DuckDB and
# tuanthu disagree on a report finding (`compare`: status, due, daysLate) or on any cell or the order of
# the full report (`compare-report`: tuanthu's report rows against duckdb-report's).
set -euo pipefail

SCALE=${1:?usage: scripts/bench.sh s|m|l}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=/tmp/tuanthu-workload/$SCALE
OUT=$WORK/out
RUNS=${RUNS:-3}
AS_OF=${AS_OF:-2030-06-30}
SKIP=${SKIP:-}

if [[ ! -f $WORK/workload.json ]]; then
  echo "generating $WORK ..." >&2
  python3 "$ROOT/scripts/gen-workload" "$SCALE" --out "$WORK" >&2
fi
if [[ -z ${TUANTHU:-} ]]; then
  (cd "$ROOT" && swift build -c release --scratch-path .build-bench >&2)
  TUANTHU=$ROOT/.build-bench/release/tuanthu
fi
python3 -c 'import duckdb' || { echo "needs: pip install duckdb" >&2; exit 2; }
# duckdb-report reads each duty's clause, location and cite from schedules.json: a workload generated
# before they were written there gets a new schedules.json (nothing else is touched)
if [[ ,${SKIP:-}, != *,duckdb-report,* ]] && ! grep -q '"expected"' "$WORK/schedules.json"; then
  echo "refreshing $WORK/schedules.json ..." >&2
  python3 "$ROOT/scripts/gen-workload" $(python3 -c 'import json, sys; m = json.load(open(sys.argv[1]))
print(m["scale"], "--provinces", m["provinces"], "--agencies", m["agencies"], "--topics", m["topics"])' \
    "$WORK/workload.json") --out "$WORK" --schedules-only >&2
fi
mkdir -p "$OUT"
[[ ${REUSE:-} == 1 ]] || rm -f "$OUT"/*.time

echo "checking rules ..." >&2
(cd "$WORK" && "$TUANTHU" check rules >&2)

# run TOOL I CMD...: time one run with GNU time into $OUT/TOOL.I.time ("wall user sys maxrss_kb exit")
run() {
  local tool=$1 i=$2; shift 2
  local status=0
  /usr/bin/time -f "%e %U %S %M %x" -o "$OUT/$tool.$i.time" "$@" >"$OUT/$tool.$i.log" 2>&1 || status=$?
  # tuanthu exits 1 when a finding fails (late, overdue): that is a successful run here
  if [[ $status -ne 0 && !( $tool == tuanthu && $status -eq 1 ) ]]; then
    echo "$tool run $i failed (exit $status):" >&2; tail -20 "$OUT/$tool.$i.log" >&2; exit 2
  fi
  # GNU time prefixes "Command exited with non-zero status N": keep only the figures
  tail -n 1 "$OUT/$tool.$i.time" >"$OUT/$tool.$i.time.tmp" && mv "$OUT/$tool.$i.time.tmp" "$OUT/$tool.$i.time"
  echo "  $tool run $i: $(cut -d' ' -f1 "$OUT/$tool.$i.time") s" >&2
}
skip() { [[ ,$SKIP, == *,$1,* ]]; }

cat "$WORK"/data/*.csv >/dev/null   # warm the page cache once, for every tool alike
# By default each run replaces the previous run's output, as a user rerunning after a correction does.
# Replacing a file costs freeing its blocks, which on a filesystem mounted with `discard` (this machine's
# root) waits for the disk: 0.11 s for a 206 MB report at m, 1.2 s for 1.7 GB at l, 0.06 s for DuckDB's
# 71 MB; duckdb-report writes 202 MB at m (tuanthu now frees its previous report beside the run:
# docs/cli.md). FRESH_OUTPUTS=1 removes each tool's previous output first, untimed, for every tool alike.
# Before each run, `sync` (untimed) writes out what the previous tool left in the page cache, so no tool's
# run pays for another's writeback (DuckDB and cat do not flush their outputs; tuanthu does).
fresh() { [[ ${FRESH_OUTPUTS:-} != 1 ]] || rm -f "$@"; sync; }
[[ ${REUSE:-} == 1 ]] && RUNS=0
for i in $(seq 1 "$RUNS"); do
  if ! skip tuanthu; then
    fresh "$OUT/tuanthu.csv"
    (cd "$WORK" && run tuanthu "$i" "$TUANTHU" eval rules --data data --as-of "$AS_OF" --format csv -o "$OUT/tuanthu.csv")
  fi
  if ! skip duckdb; then
    fresh "$OUT/duckdb.csv"
    run duckdb "$i" python3 "$ROOT/scripts/bench_duckdb.py" run "$WORK" "$AS_OF" "$OUT/duckdb.csv"
  fi
  if ! skip duckdb-report; then
    fresh "$OUT/duckdb-report.csv"
    run duckdb-report "$i" python3 "$ROOT/scripts/bench_duckdb.py" run-report "$WORK" "$AS_OF" "$OUT/duckdb-report.csv"
  fi
  if ! skip cat; then
    fresh "$OUT/cat.out"
    run cat "$i" sh -c "cat '$WORK'/data/*.csv > '$OUT/cat.out'"
  fi
done

agreement="not checked"
if ! skip tuanthu && ! skip duckdb; then
  status=0
  python3 "$ROOT/scripts/bench_duckdb.py" compare "$OUT/tuanthu.csv" "$OUT/duckdb.csv" >"$OUT/compare.txt" || status=$?
  case $status in
    0) agreement=yes ;;
    1) agreement=NO ;;
    *) agreement="comparison failed" ;;
  esac
  cat "$OUT/compare.txt" >&2
fi
agreement_report="not checked"
if ! skip tuanthu && ! skip duckdb-report; then
  status=0
  python3 "$ROOT/scripts/bench_duckdb.py" compare-report "$OUT/tuanthu.csv" "$OUT/duckdb-report.csv" \
    >"$OUT/compare-report.txt" || status=$?
  case $status in
    0) agreement_report=yes ;;
    1) agreement_report=NO ;;
    *) agreement_report="comparison failed" ;;
  esac
  cat "$OUT/compare-report.txt" >&2
fi

python3 - "$WORK" "$OUT" "$agreement" "$TUANTHU" "$agreement_report" <<'EOF'
import glob, json, os, statistics, sys
work, out, agreement, tuanthu, agreement_report = sys.argv[1:]
meta = json.load(open(os.path.join(work, "workload.json")))
def lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f) - 1
rows = []
for tool in ("tuanthu", "duckdb", "duckdb-report", "cat"):
    times = sorted(glob.glob(os.path.join(out, f"{tool}.*.time")))
    if not times:
        continue
    t = [list(map(float, open(p).read().split()[:4])) for p in times]
    wall = [x[0] for x in t]
    cpu = [x[1] + x[2] for x in t]
    rss = max(x[3] for x in t) / 1024
    if tool == "tuanthu":
        findings = f"{lines(os.path.join(out, 'tuanthu.csv')):,} (all kinds)"
        agree = agreement
    elif tool == "duckdb":
        findings = f"{lines(os.path.join(out, 'duckdb.csv')):,} (reports)"
        agree = agreement
    elif tool == "duckdb-report":
        findings = f"{lines(os.path.join(out, 'duckdb-report.csv')):,} (reports, 16 columns)"
        agree = agreement_report
    else:
        findings, agree = "—", "—"
    rows.append((tool, min(wall), statistics.median(wall), statistics.median(cpu), rss, findings, agree, len(t)))
size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(work, "data", "*.csv")))
r = meta["rows"]
print(f"\nscale {meta['scale']}: {meta['provinces']} plans x {meta['agencies']} agencies x {meta['topics']} topic(s) x 5 report duties; "
      f"{r['reports']:,} report rows ({r['reports_after_as_of']:,} after as-of {meta['asOf']}), "
      f"{r['tasks']:,} task rows, {r['observations']:,} observation rows; {size / 1e6:.1f} MB of CSV")
print(f"tuanthu: {tuanthu}; {os.cpu_count()} CPUs; load average before the summary {os.getloadavg()[0]:.1f}\n")
print("| tool | runs | wall min (s) | wall median (s) | CPU median (s, user+sys) | peak RSS (MB) | findings | agreement |")
print("|---|---|---|---|---|---|---|---|")
for tool, wmin, wmed, cmed, rss, findings, agree, n in rows:
    print(f"| {tool} | {n} | {wmin:.2f} | {wmed:.2f} | {cmed:.2f} | {rss:.0f} | {findings} | {agree} |")
med = {row[0]: row[2] for row in rows}
cpu = {row[0]: row[3] for row in rows}
print()
for other in ("duckdb", "duckdb-report", "cat"):
    if "tuanthu" in med and other in med:
        # GNU time has 10 ms resolution: a floor of 0.005 s keeps `cat` on small workloads printable.
        wall = med['tuanthu'] / max(med[other], 0.005)
        speed = f" ({1 / wall:.1f}x faster)" if wall < 1 else ""
        print(f"tuanthu / {other}: {wall:.2f}x wall (median){speed}, "
              f"{cpu['tuanthu'] / max(cpu[other], 0.005):.2f}x CPU")
EOF
[[ $agreement != NO && $agreement_report != NO ]]
