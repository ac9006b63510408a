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
}
