#!/usr/bin/env bash
# Generates pathological inputs under /tmp and times `tuanthu check` / `tuanthu eval` on each with a
# release build. Every case must finish (well under a minute) with a clear error or a report, never
# a crash or a stack overflow; the times should grow linearly with the input (`SCALE=2` doubles them).
#
#   scripts/pathological.sh            # builds release into .build-hostile, runs every case
#   TUANTHU=path/to/tuanthu scripts/pathological.sh [CASE...]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scale=${SCALE:-1}
limit=${LIMIT:-120}
if [ -z "${TUANTHU:-}" ]; then
  swift build -c release --scratch-path .build-hostile --product tuanthu 2>&1 | grep -E "error|warning: unre" || true
  TUANTHU=$root/.build-hostile/release/tuanthu
fi
[ -x "$TUANTHU" ] || { echo "no tuanthu binary at $TUANTHU" >&2; exit 1; }
work=${WORK:-/tmp/tuanthu-pathological}
rm -rf "$work"; mkdir -p "$work"

header='plan "P/KH" {
  title "Kế hoạch" issuer "UBND" issued 2025-02-14
}
agency STC "Sở Tài chính"
indicator x "Chỉ số" : percent
'
obligation='obligation bc "Báo cáo" {
  owner STC
  report to STC monthly before day 10
  cite "I"
}
'
plan_ok() { mkdir -p "$1"; printf '%s%s' "$header" "$obligation" > "$1/plan.plan"; }

# Prints: case, seconds, peak memory, exit code, the first line of stderr.
run() {
  local name=$1; shift
  local out=$work/$name.out err=$work/$name.err
  local t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.mem" timeout "$limit" "$TUANTHU" "$@" >"$out" 2>"$err"
  local rc=$?
  local t1=$(date +%s.%N)
  local secs=$(echo "$t1 - $t0" | bc)
  local mem=$(tail -1 "$work/$name.mem" 2>/dev/null)
  local first=$(grep -v '^ *|' "$err" | grep -v '^ *$' | head -1 | cut -c1-150)
  [ $rc -eq 124 ] && first="TIMED OUT after ${limit}s"
  [ $rc -ge 128 ] && first="KILLED BY SIGNAL $((rc - 128)): $first"
  printf '%-28s %7.2f s %8d KB  exit %-3d %s\n' "$name" "$secs" "${mem:-0}" "$rc" "$first"
}

want() { [ -z "$CASES" ] || [[ " $CASES " == *" $1 "* ]]; }
CASES="$*"

# 1. 100,000 nested parentheses in a condition.
if want nested-parens; then
  d=$work/nested-parens; mkdir -p "$d"
  n=$((100000 * scale))
  { printf '%s' "$header"; printf 'obligation o "O" {\n  owner STC\n  achieve '
    head -c "$n" /dev/zero | tr '\0' '('; printf 'x >= 1%%'; head -c "$n" /dev/zero | tr '\0' ')'
    printf ' by 2030\n  cite "I"\n}\n'; } > "$d/plan.plan"
  run nested-parens check "$d/plan.plan"
fi

# 2. 100,000 nested `not` (recursion without brackets).
if want nested-not; then
  d=$work/nested-not; mkdir -p "$d"
  { printf '%s' "$header"; printf 'obligation o "O" {\n  owner STC\n  achieve '
    yes 'not ' | head -n $((100000 * scale)) | tr -d '\n'; printf 'x >= 1%% by 2030\n  cite "I"\n}\n'; } > "$d/plan.plan"
  run nested-not check "$d/plan.plan"
fi

# 3. A 50 MB plan on a single line: valid declarations, then garbage, then a comment.
if want plan-one-line-decls; then
  d=$work/plan-one-line-decls; mkdir -p "$d"
  python3 - "$d/plan.plan" $((50 * scale)) <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
head = 'plan "P/KH" { title "K" issuer "U" issued 2025-02-14 } '
with open(path, "w") as f:
    f.write(head)
    i, size = 0, len(head)
    while size < mb * 1_000_000:
        s = f'agency A{i} "Cơ quan {i}" '
        f.write(s); size += len(s.encode()); i += 1
PY
  run plan-one-line-decls check "$d/plan.plan"
fi
if want plan-one-line-garbage; then
  d=$work/plan-one-line-garbage; mkdir -p "$d"
  { printf '%s' "$header"; head -c $((50000000 * scale)) /dev/zero | tr '\0' '@'; } > "$d/plan.plan"
  run plan-one-line-garbage check "$d/plan.plan"
  run plan-one-line-garbage-json check --format json "$d/plan.plan"
fi
if want plan-one-line-comment; then
  d=$work/plan-one-line-comment; mkdir -p "$d"
  { printf '%s' "$header"; printf '// '; head -c $((50000000 * scale)) /dev/zero | tr '\0' 'a'; } > "$d/plan.plan"
  run plan-one-line-comment check "$d/plan.plan"
fi
# 4. A plan over the size limit, and a long string and a long number.
if want plan-too-large; then
  d=$work/plan-too-large; mkdir -p "$d"
  { printf '%s// ' "$header"; head -c 70000000 /dev/zero | tr '\0' 'a'; } > "$d/plan.plan"
  run plan-too-large check "$d/plan.plan"
fi
if want plan-long-string; then
  d=$work/plan-long-string; mkdir -p "$d"
  { printf 'plan "P/KH" { title "'; head -c $((10000000 * scale)) /dev/zero | tr '\0' 'x'; printf '" issuer "U" issued 2025-02-14 }\n'; } > "$d/plan.plan"
  run plan-long-string check "$d/plan.plan"
fi
if want plan-long-number; then
  d=$work/plan-long-number; mkdir -p "$d"
  { printf '%s' "$header"; printf 'obligation o "O" {\n  owner STC\n  achieve x >= '; head -c $((10000000 * scale)) /dev/zero | tr '\0' '7'; printf '%% by 2030\n  cite "I"\n}\n'; } > "$d/plan.plan"
  run plan-long-number check "$d/plan.plan"
fi
# 5. 100,000 errors: the text output is cut at 200 with a summary.
if want many-errors; then
  d=$work/many-errors; mkdir -p "$d"
  { printf '%s' "$header"; yes 'agency STC "Trùng"' | head -n $((100000 * scale)); } > "$d/plan.plan"
  run many-errors check "$d/plan.plan"
  echo "    stderr lines: $(wc -l < "$work/many-errors.err"), last: $(tail -2 "$work/many-errors.err" | head -1 | cut -c1-100)"
fi

# 6. Data: one 10 MB field, a 50 MB single-line CSV, 10^6 identical rows, 10^6 bad rows.
if want csv-10mb-field; then
  d=$work/csv-10mb-field; plan_ok "$d"; mkdir -p "$d/data"
  { printf 'obligation,agency,period,submitted,document\nbc,STC,2025-03,2025-03-09,"'
    head -c $((10000000 * scale)) /dev/zero | tr '\0' 'x'; printf '"\n'; } > "$d/data/reports.csv"
  run csv-10mb-field eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json -o "$d/report.json"
fi
if want csv-field-over-limit; then
  d=$work/csv-field-over-limit; plan_ok "$d"; mkdir -p "$d/data"
  { printf 'obligation,agency,period,submitted,document\nbc,STC,2025-03,2025-03-09,'
    head -c 20000000 /dev/zero | tr '\0' 'x'; printf '\nbc,STC,2025-04,2025-04-09,\n'; } > "$d/data/reports.csv"
  run csv-field-over-limit eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json --keep-going -o "$d/report.json"
fi
if want csv-one-line-50mb; then
  d=$work/csv-one-line-50mb; plan_ok "$d"; mkdir -p "$d/data"
  { printf 'obligation,agency,period,submitted'; yes ',x' | head -n $((25000000 * scale)) | tr -d '\n'; } > "$d/data/reports.csv"
  run csv-one-line-50mb eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json -o "$d/report.json"
fi
if want csv-1m-duplicates; then
  d=$work/csv-1m-duplicates; plan_ok "$d"; mkdir -p "$d/data"
  { echo 'obligation,agency,period,submitted'; yes 'bc,STC,2025-03,2025-03-09' | head -n $((1000000 * scale)); } > "$d/data/reports.csv"
  { echo 'indicator,period,value'; yes 'x,2025,12.5' | head -n $((1000000 * scale)); } > "$d/data/observations.csv"
  run csv-1m-duplicates eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json -o "$d/report.json"
fi
if want csv-1m-bad-rows; then
  d=$work/csv-1m-bad-rows; plan_ok "$d"; mkdir -p "$d/data"
  { echo 'obligation,agency,period,submitted'; yes 'bc,STC,2025-13,2025-03-09' | head -n $((1000000 * scale)); } > "$d/data/reports.csv"
  run csv-1m-bad-rows eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json --keep-going -o "$d/report.json"
  echo "    stderr lines: $(wc -l < "$work/csv-1m-bad-rows.err")"
fi
if want json-deep; then
  d=$work/json-deep; plan_ok "$d"; mkdir -p "$d/data"
  { head -c $((1000000 * scale)) /dev/zero | tr '\0' '['; } > "$d/data/data.json"
  run json-deep eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json -o "$d/report.json"
fi
if want json-long-number; then
  d=$work/json-long-number; plan_ok "$d"; mkdir -p "$d/data"
  { printf '{"observations":[{"indicator":"x","period":"2025","value":1'; head -c $((10000000 * scale)) /dev/zero | tr '\0' '0'; printf '}]}'; } > "$d/data/data.json"
  run json-long-number eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json --keep-going -o "$d/report.json"
fi
if want json-1m-rows; then
  d=$work/json-1m-rows; plan_ok "$d"; mkdir -p "$d/data"
  { printf '{"reports":['; yes '{"obligation":"bc","agency":"STC","period":"2025-03","submitted":"2025-03-09"},' | head -n $((1000000 * scale)) | tr -d '\n'
    printf '{"obligation":"bc","agency":"STC","period":"2025-04","submitted":"2025-04-09"}]}'; } > "$d/data/data.json"
  run json-1m-rows eval "$d/plan.plan" --data "$d/data" --as-of 2025-05-20 --format json -o "$d/report.json"
fi
