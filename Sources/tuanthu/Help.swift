enum Help {
    static let overview = """
    tuanthu — check provincial plans and evaluate compliance with them

    USAGE:
      tuanthu check  [PATH...] [--format text|json|sarif|github] [--strict]
      tuanthu eval   [PATH...] --data DIR [--as-of DATE] [--format text|json|csv] [-o FILE]
                     [--keep-going] [--number-locale vi]
      tuanthu fmt    [PATH...] [--check]
      tuanthu test   [PATH...]
      tuanthu explain OBLIGATION [PATH...] --data DIR [--as-of DATE] [--agency A] [--period P] [--format text|json]

    PATH is a .plan file or a folder searched for *.plan; none means rules/.
    Run ‘tuanthu COMMAND --help’ for details. Exit codes: 0 ok, 1 problems found, 2 usage or input error.
    """

    static func text(for command: String) -> String? {
        switch command {
        case "check":
            return """
            tuanthu check [PATH...] [--format text|json|sarif|github] [--strict]

            Compiles plan files and reports every problem with its file:line:column.
              --format FORMAT  text (default, on stderr), json, sarif (SARIF 2.1.0) or github (Actions annotations)
              --strict         treat warnings as failures (exit 1)
            Exit: 0 clean, 1 errors (or warnings with --strict), 2 unreadable input or bad usage.
            """
        case "eval":
            return """
            tuanthu eval [PATH...] --data DIR [--as-of DATE] [--format text|json|csv] [-o FILE]
                         [--keep-going] [--number-locale vi]

            Evaluates the plans against the submitted data in DIR and reports one finding per
            obligation, owing agency and period.
              --data DIR           folder with observations.csv, reports.csv, tasks.csv, events.csv,
                                   extensions.csv (or data.json)
              --as-of DATE         the day the inspection sees the world at its end (default: today in Vietnam, UTC+7)
              --format FORMAT      text (default), json or csv
              -o FILE              write the report to FILE atomically instead of standard output
              --keep-going         write the report even when data rows are malformed (listed under dataErrors)
              --number-locale vi   read 1.250.000.000 and 6,5 as Vietnamese spreadsheets write them
            Exit: 0 no failing finding, 1 a violated, late or overdue finding, 2 usage, compile or data errors.
            """
        case "fmt":
            return """
            tuanthu fmt [PATH...] [--check]

            Rewrites plan files in the one canonical layout (indentation, aligned columns, one blank line
            between obligations, normalised spacing and literals), keeping every comment. A file that does
            not parse is left untouched. Files are written atomically.
              --check   change nothing; list the files that would change and exit 1 if there are any
            """
        case "test":
            return """
            tuanthu test [PATH...]

            Runs the `test` blocks written inside plan files, each on its own inline rows (never the data
            folder). A failing expectation prints the test, the expectation, what was found and where.
            The last line is always `N passed, M failed`. Exit 1 on any failure.
            """
        case "explain":
            return """
            tuanthu explain OBLIGATION [PATH...] --data DIR [--as-of DATE] [--agency A] [--period P] [--format text|json]

            Explains each matching finding step by step: who owes it and why (groups, mergers), how the
            deadline was computed, which data rows were considered or set aside (file:line), the values
            and the exact arithmetic, and the status.
            """
        default:
            return nil
        }
    }
}
