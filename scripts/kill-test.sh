#!/usr/bin/env bash
# Kills `tuanthu eval -o report.json` at random moments and checks that the report file is always
# either a complete report or absent — never truncated or half-written (reports go through a temporary
# file and a rename: Sources/TuanthuCore/OutputFile.swift; a run sets the previous report aside when it
# starts, to write over it, so a killed run may leave none).
#
#   scripts/kill-test.sh [ROUNDS]        # default 40; TUANTHU=path/to/tuanthu to skip the build
#   FORMAT=csv scripts/kill-test.sh      # the streamed CSV report instead of JSON
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-40}
if [ -z "${TUANTHU:-}" ]; then
  swift build -c release --scratch-path .build-hostile --product tuanthu 2>&1 | grep -E "error" || true
  TUANTHU=$PWD/.build-hostile/release/tuanthu
fi
[ -x "$TUANTHU" ] || { echo "no tuanthu binary at $TUANTHU" >&2; exit 1; }

work=${WORK:-/tmp/tuanthu-kill-test}
rm -rf "$work"; mkdir -p "$work/data"
# A plan and enough data (200,000 report rows) that a run lasts long enough to be killed mid-way.
cat > "$work/plan.plan" <<'PLAN'
plan "K/KH" {
  title "Kế hoạch" issuer "UBND" issued 2020-01-01
}
agency STC "Sở Tài chính"
agency SNV "Sở Nội vụ"
group cac_so "Các sở" = [STC, SNV]
obligation bc "Báo cáo tuần" {
  owner cac_so
  report to STC weekly before thursday 10:00
  cite "I"
}
PLAN
python3 - "$work/data/reports.csv" <<'PY'
import sys, datetime
d0 = datetime.date(2020, 1, 6)
with open(sys.argv[1], "w") as f:
    f.write("obligation,agency,period,submitted,document\n")
    for i in range(100000):
        d = d0 + datetime.timedelta(days=(i % 2000))
        y, w, _ = d.isocalendar()
        for a in ("STC", "SNV"):
            f.write(f"bc,{a},{y}-W{w:02d},{d.isoformat()}T0{i % 10}:30,Báo cáo {i}\n")
PY
# FORMAT=csv exercises the streamed report (written unit by unit, flushed on a helper thread).
format=${FORMAT:-json}
report=$work/report.$format
run() { "$TUANTHU" eval "$work/plan.plan" --data "$work/data" --as-of 2025-06-30 --format "$format" -o "$report" 2>/dev/null; }

t0=$(date +%s.%N); run; t1=$(date +%s.%N)
full=$(echo "($t1 - $t0) * 1000 / 1" | bc)
[ -s "$report" ] || { echo "the first run wrote no report" >&2; exit 1; }
if [ "$format" = json ]; then
  python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$report" || { echo "the first report is not JSON" >&2; exit 1; }
fi
good=$(sha256sum < "$report")
echo "one full run takes ${full} ms; report $(wc -c < "$report") bytes"

broken=0; intact=0; absent=0; removed=0; finished=0; signals=(TERM INT KILL)
for i in $(seq 1 "$rounds"); do
  # Alternate between keeping the previous report and starting from none.
  if [ $((i % 4)) -eq 0 ]; then rm -f "$report"; fi
  had=$([ -e "$report" ] && echo yes || echo no)
  sig=${signals[$((RANDOM % 3))]}
  delay=$(( RANDOM % (full + full / 5 + 1) ))
  # Started directly (not through the `run` function), so the signal reaches tuanthu itself.
  "$TUANTHU" eval "$work/plan.plan" --data "$work/data" --as-of 2025-06-30 --format "$format" -o "$report" 2>/dev/null & pid=$!
  sleep "$(printf '0.%03d' $((delay % 1000)))"; [ $delay -ge 1000 ] && sleep $((delay / 1000))
  kill -s "$sig" "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  [ $rc -lt 128 ] && finished=$((finished + 1))
  if [ -e "$report" ]; then
    if [ "$(sha256sum < "$report")" = "$good" ]; then
      intact=$((intact + 1))
    else
      broken=$((broken + 1))
      echo "round $i (SIG$sig after ${delay} ms): report changed: $(wc -c < "$report") bytes" >&2
      cp "$report" "$work/broken-$i.$format"
      # Restore the good report for the next rounds.
      run
    fi
  else
    absent=$((absent + 1))
    # The run removes the previous report when it starts (docs/cli.md): absent is a whole outcome.
    [ "$had" = yes ] && removed=$((removed + 1))
  fi
  # A finished run rewrites the same bytes; keep a good report around for the next round.
  [ -e "$report" ] || { [ $((i % 4)) -eq 3 ] || run; }
done
# Killed runs leave hidden temporary files; the next run removes those of processes that are gone.
run
leftovers=$(ls -A "$work" | grep -c "^\.report\.$format\.\(tmp\|findings\)" || true)
killed=$((rounds - finished))
echo "rounds $rounds (killed mid-run: $killed): intact $intact, absent $absent (previous report removed by the killed run: $removed), broken $broken; leftover temporary files: $leftovers"
[ "$broken" -eq 0 ]
