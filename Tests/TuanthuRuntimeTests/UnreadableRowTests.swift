import Testing
import TuanthuCore
import TuanthuRuntime

/// With `--keep-going`, a malformed row may be the submission a finding misses; such findings must say so
/// rather than read as a plain accusation.
@Suite("Findings next to unreadable rows")
struct UnreadableRowTests {
    @Test func anOverdueReportNamesTheUnreadableRowForItsPeriodOnly() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"),
                                  Harness.reports("o,STC,2025-03,2025-03-09", "o,STC,2025-04,2025-04-77"), asOf: "2025-05-20")
        #expect(run.data.errors.count == 1)
        let april = try #require(run.finding(period: "2025-04"))
        #expect(april.status == .overdue)
        #expect(april.noteFacts.contains { if case .unreadableRow(_, let line) = $0 { return line == 3 }; return false })
        #expect(april.notes.contains { $0.contains("could not be read") && $0.contains("reports.csv:3") })
        let may = try #require(run.finding(period: "2025-05"))
        #expect(may.status == .overdue)
        #expect(may.noteFacts.isEmpty, "the bad row is for April, not May")
        #expect(run.finding(period: "2025-03")?.noteFacts.isEmpty == true)
    }

    @Test func aTargetReadingAnIndicatorWithABadValueIsFlagged() throws {
        let plan = Harness.plan("achieve kt >= 25% by 2025", declarations: "indicator kt \"Kinh tế số\" : percent\n")
        let run = try Harness.run(plan, Harness.observations("kt,2025,abc,"), asOf: "2026-01-10")
        let f = try #require(run.finding())
        #expect(f.status == .noData)
        #expect(f.noteFacts.contains { if case .unreadableRow = $0 { return true }; return false })
    }

    /// A file of many broken (or repeated) rows must not put one note per row on a finding: three are named,
    /// the rest counted (a million broken rows once made a 640 MB report).
    @Test func aFindingNamesThreeRowsAndCountsTheRest() throws {
        let broken = (0..<7).map { _ in "o,STC,2025-04,2025-04-77" }
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), Harness.reports(broken), asOf: "2025-05-20")
        #expect(run.data.errors.count == 7)
        let april = try #require(run.finding(period: "2025-04"))
        let unreadable = april.noteFacts.filter { if case .unreadableRow = $0 { return true }; return false }
        #expect(unreadable.count == 3)
        #expect(april.noteFacts.last == .moreRows(count: 4))
        #expect(april.notes.last == "and 4 more such rows")

        let repeated = (1...7).map { "o,STC,2025-04,2025-04-0\($0)" }
        let twice = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), Harness.reports(repeated), asOf: "2025-05-20")
        let f = try #require(twice.finding(period: "2025-04"))
        #expect(f.noteFacts.filter { if case .alsoSubmitted = $0 { return true }; return false }.count == 3)
        #expect(f.noteFacts.last == .moreRows(count: 3))
        #expect(twice.evaluation.rows.superseded == 6, "every later row is still superseded")
    }
}
