#!/usr/bin/env python3
"""The benchmark's reference implementation of tuanthu's report duties, as one DuckDB query.

    bench_duckdb.py run WORKLOAD_DIR AS_OF OUT.csv                 findings for the report duties (8 columns)
    bench_duckdb.py run-report WORKLOAD_DIR AS_OF OUT.csv          the same as tuanthu's CSV report does it:
                                                                    16 columns, its order and bytes
    bench_duckdb.py compare TUANTHU.csv DUCKDB.csv                 do both agree on every report finding?
    bench_duckdb.py compare-report TUANTHU.csv DUCKDB-REPORT.csv   ... on every cell of it, in the same order?
    bench_duckdb.py sql WORKLOAD_DIR AS_OF                         print the query (run)
    bench_duckdb.py sql-report WORKLOAD_DIR AS_OF                  print the query (run-report)

Used by scripts/bench.sh only; the product never depends on DuckDB (`pip install duckdb`).

The query reads WORKLOAD_DIR/schedules.json (written by scripts/gen-workload: every report
duty with its plan, issue date, owing agencies and schedule) and WORKLOAD_DIR/data/reports-*.csv,
and applies SPEC §4.3/§5 to report duties:

* periods: ISO weeks, months, quarters, years; the deadline (`due`) is the last allowed day
  (`before day 10` -> day 9; `before thursday 10:00` -> that Thursday, with the time;
  `quarterly before day 10 of last month` -> the 9th of the quarter's last month;
  `yearly before day 10 of month 11` -> 9 November);
* a period is owed when its deadline is on or after the plan's issue date and it begins on or
  before as-of;
* submissions dated after as-of are set aside; the earliest remaining one counts;
* on or before the deadline -> met (timed deadline: a date-only submission on the deadline day is
  met, a timed one at or after the time is late by 0 days); after -> late, daysLate = days between;
  none -> overdue when the deadline is on or before as-of, else pending.

It handles what gen-workload writes (ISO dates and `YYYY-MM-DDTHH:MM` date-times, no mergers,
dissolutions, extensions, `from`/`until` or supersession), not the whole language.

`run` writes plan,obligation,agency,period,status,due,found,daysLate. `run-report` writes tuanthu's
16 columns (plan,obligation,kind,agency,period,status,due,found,daysLate,expected,actual,file,line,
column,cite,evidence) for the report duties, in tuanthu's order (plan, obligation, agency, period) and
format (UTF-8 BOM, CRLF): `expected`, `file`, `line`, `column` and `cite` from schedules.json, `actual`
from the finding, `evidence` (`data/reports-NN.csv:LINE`, the row that counts) from the data files.
"""

import sys

import duckdb

# The duties and the periods each agency owes by as-of, shared by both queries (`{dir}`, `{as_of}` filled in).
OWED = r"""duties AS (
    SELECT plan, CAST(issued AS DATE) AS issued, obligation, frequency,
           day, month, weekday, time, unnest(agencies) AS agency
    FROM read_json('{dir}/schedules.json', format = 'array', columns = {{
        plan: 'VARCHAR', issued: 'VARCHAR', obligation: 'VARCHAR', frequency: 'VARCHAR',
        agencies: 'VARCHAR[]', day: 'INTEGER', month: 'INTEGER', weekday: 'INTEGER', time: 'VARCHAR'}})
),
years AS (SELECT range AS y FROM range(2024, 2032)),
mondays AS (SELECT CAST(w AS DATE) AS pstart
            FROM generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2031-12-29', INTERVAL 7 DAY) AS t(w)),
-- last allowed day for `before day N` in month (y, m): day N (or the month's last day) minus one
periods AS (
    SELECT d.plan, d.issued, d.obligation, d.agency, strftime(w.pstart, '%G-W%V') AS period,
           w.pstart, CAST(w.pstart + (d.weekday - 1) AS DATE) AS due_date, d.time AS due_time
    FROM duties d, mondays w WHERE d.frequency = 'weekly'
    UNION ALL
    SELECT d.plan, d.issued, d.obligation, d.agency, printf('%04d-%02d', y, m),
           make_date(y, m, 1),
           CAST(make_date(y, m, least(d.day, day(last_day(make_date(y, m, 1))))) - 1 AS DATE), NULL
    FROM duties d, years, (SELECT range AS m FROM range(1, 13)) ms WHERE d.frequency = 'monthly'
    UNION ALL
    SELECT d.plan, d.issued, d.obligation, d.agency, printf('%04d-Q%d', y, q),
           make_date(y, 3 * q - 2, 1),
           CAST(make_date(y, 3 * q - 3 + d.month,
                least(d.day, day(last_day(make_date(y, 3 * q - 3 + d.month, 1))))) - 1 AS DATE), NULL
    FROM duties d, years, (SELECT range AS q FROM range(1, 5)) qs WHERE d.frequency = 'quarterly'
    UNION ALL
    SELECT d.plan, d.issued, d.obligation, d.agency, CAST(y AS VARCHAR),
           make_date(y, 1, 1),
           CAST(make_date(y, d.month, least(d.day, day(last_day(make_date(y, d.month, 1))))) - 1 AS DATE), NULL
    FROM duties d, years WHERE d.frequency = 'yearly'
),
owed AS (
    SELECT * FROM periods WHERE due_date >= issued AND pstart <= DATE '{as_of}'
),
"""

QUERY = r"""
COPY (
WITH """ + OWED + r"""firsts AS (   -- earliest submission received by as-of, per plan, obligation, agency, period
    SELECT plan, obligation, agency, period, min(submitted) AS submitted
    FROM read_csv('{dir}/data/reports-*.csv', header = true, all_varchar = true)
    WHERE CAST(substr(submitted, 1, 10) AS DATE) <= DATE '{as_of}'
    GROUP BY ALL
),
judged AS (
    SELECT o.plan, o.obligation, o.agency, o.period, o.due_date, o.due_time, f.submitted,
           CAST(substr(f.submitted, 1, 10) AS DATE) AS sdate,
           CASE
             WHEN f.submitted IS NULL THEN CASE WHEN o.due_date <= DATE '{as_of}' THEN 'overdue' ELSE 'pending' END
             WHEN CAST(substr(f.submitted, 1, 10) AS DATE) < o.due_date THEN 'met'
             WHEN CAST(substr(f.submitted, 1, 10) AS DATE) > o.due_date THEN 'late'
             WHEN o.due_time IS NULL OR length(f.submitted) = 10 THEN 'met'
             WHEN substr(f.submitted, 12, 5) < o.due_time THEN 'met'
             ELSE 'late'
           END AS status
    FROM owed o LEFT JOIN firsts f USING (plan, obligation, agency, period)
)
SELECT plan, obligation, agency, period, status,
       CASE WHEN due_time IS NULL THEN strftime(due_date, '%Y-%m-%d')
            ELSE strftime(due_date, '%Y-%m-%d') || 'T' || due_time END AS due,
       submitted AS found,
       CASE WHEN status = 'late' THEN date_diff('day', due_date, sdate) END AS daysLate
FROM judged
ORDER BY plan, obligation, agency, due_date, period
) TO '{out}' (HEADER, DELIMITER ',')
"""


def run(wdir, as_of, out):
    duckdb.sql(QUERY.format(dir=wdir, as_of=as_of, out=out))


# The full report: the same findings with all 16 columns of tuanthu's CSV report, its row order
# (plan, obligation, agency, then period) and its bytes (a UTF-8 BOM, CRLF line ends, RFC 4180 quoting,
# empty cells for nulls). `expected`, `file`, `line`, `column` and `cite` come from schedules.json (the
# plan's text is not parsed); `evidence` is the counted row's data file and line, computed from the data:
# `row_number() OVER ()` over the files read in order (insertion order preserved, DuckDB's default)
# numbers the rows of all files in turn (files in name order), and a row's line is its number minus its
# file's first one, plus 2 (the header is line 1). The earliest submission received by as-of counts; among
# equal ones the lower row number: the earlier file, then the earlier line. `compare-report` checks every
# cell against tuanthu's.
REPORT_QUERY = r"""
COPY (
WITH clauses AS (   -- per duty: the clause as printed, where it is in the plan, the cite
    SELECT plan, obligation, expected, file, line, "column", cite
    FROM read_json('{dir}/schedules.json', format = 'array', columns = {{
        plan: 'VARCHAR', obligation: 'VARCHAR', expected: 'VARCHAR', file: 'VARCHAR',
        line: 'INTEGER', "column": 'INTEGER', cite: 'VARCHAR'}})
),
""" + OWED + r"""numbered AS MATERIALIZED (   -- every data row, numbered in file order
    SELECT plan, obligation, agency, period, submitted, filename, row_number() OVER () AS n
    FROM read_csv('{dir}/data/reports-*.csv', header = true, all_varchar = true, filename = true)
),
files AS (   -- each file's first and last row numbers
    SELECT filename, min(n) AS n0, max(n) AS n1 FROM numbered GROUP BY filename
),
firsts AS (   -- earliest submission received by as-of, then the earlier row (file, then line)
    SELECT plan, obligation, agency, period, min((submitted, n)) AS f
    FROM numbered
    WHERE CAST(substr(submitted, 1, 10) AS DATE) <= DATE '{as_of}'
    GROUP BY ALL
),
judged AS (
    SELECT o.plan, o.obligation, o.agency, o.period, o.pstart, o.due_date, o.due_time,
           f.f[1] AS submitted, f.f[2] AS n,
           CAST(substr(f.f[1], 1, 10) AS DATE) AS sdate,
           CASE
             WHEN f.f IS NULL THEN CASE WHEN o.due_date <= DATE '{as_of}' THEN 'overdue' ELSE 'pending' END
             WHEN CAST(substr(f.f[1], 1, 10) AS DATE) < o.due_date THEN 'met'
             WHEN CAST(substr(f.f[1], 1, 10) AS DATE) > o.due_date THEN 'late'
             WHEN o.due_time IS NULL OR length(f.f[1]) = 10 THEN 'met'
             WHEN substr(f.f[1], 12, 5) < o.due_time THEN 'met'
             ELSE 'late'
           END AS status
    FROM owed o LEFT JOIN firsts f USING (plan, obligation, agency, period)
)
SELECT j.plan AS "{bom}plan", j.obligation, 'report' AS kind, j.agency, j.period, j.status,
       CASE WHEN j.due_time IS NULL THEN strftime(j.due_date, '%Y-%m-%d')
            ELSE strftime(j.due_date, '%Y-%m-%d') || 'T' || j.due_time END AS due,
       j.submitted AS found,
       CASE WHEN j.status = 'late' THEN date_diff('day', j.due_date, j.sdate) END AS daysLate,
       c.expected,
       CASE WHEN j.submitted IS NOT NULL THEN 'submitted ' || j.submitted
            WHEN j.status = 'overdue' THEN 'nothing submitted'
            ELSE 'not yet submitted' END AS actual,
       c.file, c.line, c."column", c.cite,
       'data/' || parse_filename(s.filename) || ':' || (j.n - s.n0 + 2) AS evidence
FROM judged j
JOIN clauses c USING (plan, obligation)
LEFT JOIN files s ON j.n BETWEEN s.n0 AND s.n1   -- the file the row is in
ORDER BY j.plan, j.obligation, j.agency, j.pstart
) TO '{out}' (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE E'\r\n')
"""


def run_report(wdir, as_of, out):
    duckdb.sql(REPORT_QUERY.format(dir=wdir, as_of=as_of, out=out, bom="\ufeff"))


# explicit dialect: the sniffer, seeing no quotes in its sample, would otherwise reject quoted cites
CSV = "header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', strict_mode = true"

COMPARE = r"""
WITH t AS (
    SELECT plan, obligation, agency, period, status, due, coalesce(daysLate, '') AS daysLate
    FROM read_csv('{t}', {CSV}) WHERE kind = 'report'
), d AS (
    SELECT plan, obligation, agency, period, status, due, coalesce(daysLate, '') AS daysLate
    FROM read_csv('{d}', {CSV})
)
SELECT coalesce(t.plan, d.plan) AS plan, coalesce(t.obligation, d.obligation) AS obligation,
       coalesce(t.agency, d.agency) AS agency, coalesce(t.period, d.period) AS period,
       t.status AS t_status, d.status AS d_status, t.due AS t_due, d.due AS d_due,
       t.daysLate AS t_daysLate, d.daysLate AS d_daysLate
FROM t FULL OUTER JOIN d USING (plan, obligation, agency, period)
WHERE t.plan IS NULL OR d.plan IS NULL
   OR t.status <> d.status OR t.due <> d.due OR t.daysLate <> d.daysLate
ORDER BY 1, 2, 3, 4
"""


def compare(tcsv, dcsv):
    con = duckdb.connect()
    one = lambda q: con.execute(q).fetchall()[0][0]
    n_t = one(f"SELECT count(*) FROM read_csv('{tcsv}', {CSV})")
    n_tr = one(f"SELECT count(*) FROM read_csv('{tcsv}', {CSV}) WHERE kind='report'")
    n_d = one(f"SELECT count(*) FROM read_csv('{dcsv}', {CSV})")
    con.execute("CREATE TEMP TABLE diff AS " + COMPARE.format(t=tcsv, d=dcsv, CSV=CSV))
    n_diff = one("SELECT count(*) FROM diff")
    print(f"tuanthu findings: {n_t} (report: {n_tr}); duckdb findings: {n_d}; disagreements: {n_diff}")
    if n_diff:
        for row in con.execute("SELECT * FROM diff LIMIT 20").fetchall():
            print("  ", row)
        print(con.sql("""SELECT (t_status IS NULL) AS only_duckdb, (d_status IS NULL) AS only_tuanthu,
                                t_status, d_status, count(*) AS n FROM diff GROUP BY ALL ORDER BY n DESC LIMIT 20"""))
    return n_diff


REPORT_KEY = ["plan", "obligation", "agency", "period"]
REPORT_VALUES = ["kind", "status", "due", "found", "daysLate", "expected", "actual", "file", "line",
                 "column", "cite", "evidence"]


def compare_report(tcsv, dcsv):
    """Every cell of tuanthu's report findings (kind = report) against DuckDB's full report, joined
    on (plan, obligation, agency, period); then whether both list them in the same order."""
    con = duckdb.connect()
    one = lambda q: con.execute(q).fetchall()[0][0]
    # empty cells read as NULL: compare them as ''; n = the row's place among its file's report rows
    cols = ", ".join(f'coalesce("{c}", \'\') AS "{c}"' for c in REPORT_KEY + REPORT_VALUES)
    con.execute(f"CREATE TEMP TABLE t AS SELECT {cols}, row_number() OVER () AS n "
                f"FROM read_csv('{tcsv}', {CSV}) WHERE kind = 'report'")
    con.execute(f"CREATE TEMP TABLE d AS SELECT {cols}, row_number() OVER () AS n FROM read_csv('{dcsv}', {CSV})")
    n_t = one(f"SELECT count(*) FROM read_csv('{tcsv}', {CSV})")
    n_tr, n_d = one("SELECT count(*) FROM t"), one("SELECT count(*) FROM d")
    key = ", ".join(f"coalesce(t.{c}, d.{c}) AS {c}" for c in REPORT_KEY)
    differs = " OR ".join(f't."{c}" <> d."{c}"' for c in REPORT_VALUES)
    # per row: which columns differ, and both values of each
    which = " || ".join(f"""CASE WHEN t."{c}" <> d."{c}" THEN '{c}: ' || t."{c}" || ' | ' || d."{c}" || '; ' ELSE '' END"""
                        for c in REPORT_VALUES)
    con.execute(f"""CREATE TEMP TABLE diff AS
        SELECT {key}, CASE WHEN t.plan IS NULL THEN 'only duckdb' WHEN d.plan IS NULL THEN 'only tuanthu'
                           ELSE {which} END AS difference
        FROM t FULL OUTER JOIN d USING ({", ".join(REPORT_KEY)})
        WHERE t.plan IS NULL OR d.plan IS NULL OR {differs}
        ORDER BY 1, 2, 3, 4""")
    n_diff = one("SELECT count(*) FROM diff")
    # order: the findings both list, each side's rank among them
    n_order = one(f"""SELECT count(*) FROM (
        SELECT row_number() OVER (ORDER BY t.n) AS tr, row_number() OVER (ORDER BY d.n) AS dr
        FROM t JOIN d USING ({', '.join(REPORT_KEY)})) WHERE tr <> dr""")
    print(f"tuanthu findings: {n_t} (report: {n_tr}); duckdb full-report findings: {n_d}; "
          f"disagreements (any of {len(REPORT_VALUES)} columns, or missing): {n_diff}; "
          f"row order: {'same' if n_order == 0 else f'{n_order} findings at another place'}")
    if n_diff:
        print("  plan, obligation, agency, period: column: tuanthu | duckdb; ...")
        for row in con.execute("SELECT * FROM diff LIMIT 20").fetchall():
            print("  ", row)
        per_col = " UNION ALL ".join(
            f"""SELECT '{c}' AS col, count(*) AS n FROM t JOIN d USING ({", ".join(REPORT_KEY)}) WHERE t."{c}" <> d."{c}" """
            for c in REPORT_VALUES)
        print(con.sql(f"""SELECT * FROM ({per_col}) WHERE n > 0 UNION ALL
                          SELECT difference, count(*) FROM diff WHERE difference LIKE 'only %' GROUP BY ALL
                          ORDER BY n DESC"""))
    return n_diff + n_order


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "run" and len(sys.argv) == 5:
        run(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "run-report" and len(sys.argv) == 5:
        run_report(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] in ("compare", "compare-report") and len(sys.argv) == 4:
        try:
            n = (compare if sys.argv[1] == "compare" else compare_report)(*sys.argv[2:])
        except Exception as e:  # not a disagreement: the comparison itself failed
            print(f"comparison failed: {e}", file=sys.stderr)
            sys.exit(2)
        sys.exit(1 if n else 0)
    elif len(sys.argv) >= 2 and sys.argv[1] == "sql" and len(sys.argv) == 4:
        print(QUERY.format(dir=sys.argv[2], as_of=sys.argv[3], out="/dev/stdout"))
    elif len(sys.argv) >= 2 and sys.argv[1] == "sql-report" and len(sys.argv) == 4:
        print(REPORT_QUERY.format(dir=sys.argv[2], as_of=sys.argv[3], out="/dev/stdout", bom="\ufeff"))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
