import Testing
import TuanthuCore
import TuanthuRuntime

/// `report` obligations: each schedule's deadline with the day on each side of it (SPEC 4.3, 5).
@Suite("Reports")
struct ReportTests {
    struct Boundary: Sendable, CustomStringConvertible {
        var schedule: String
        var period: String
        var submitted: String?
        var asOf: String
        var expected: String
        var description: String { "\(schedule) \(period) \(submitted ?? "none") as of \(asOf)" }
    }

    static let boundaries: [Boundary] = [
        // monthly before day 10: last allowed day the 9th
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: "2025-06-09", asOf: "2025-07-31", expected: "STC 2025-06 met due=2025-06-09"),
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: "2025-06-10", asOf: "2025-07-31", expected: "STC 2025-06 late due=2025-06-09 +1"),
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: "20/6/2025", asOf: "2025-07-31", expected: "STC 2025-06 late due=2025-06-09 +11"),
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: nil, asOf: "2025-06-08", expected: "STC 2025-06 pending due=2025-06-09"),
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: nil, asOf: "2025-06-09", expected: "STC 2025-06 overdue due=2025-06-09"),
        .init(schedule: "monthly before day 10", period: "2025-06", submitted: "2025-06-03", asOf: "2025-06-05", expected: "STC 2025-06 met due=2025-06-09"),
        // monthly by day 10: inclusive
        .init(schedule: "monthly by day 10", period: "2025-06", submitted: "2025-06-10", asOf: "2025-07-31", expected: "STC 2025-06 met due=2025-06-10"),
        .init(schedule: "monthly by day 10", period: "2025-06", submitted: "2025-06-11", asOf: "2025-07-31", expected: "STC 2025-06 late due=2025-06-10 +1"),
        // day 31 in a short month is its last day
        .init(schedule: "monthly by day 31", period: "2025-06", submitted: "2025-06-30", asOf: "2025-07-31", expected: "STC 2025-06 met due=2025-06-30"),
        .init(schedule: "monthly by day 31", period: "2025-06", submitted: "2025-07-01", asOf: "2025-07-31", expected: "STC 2025-06 late due=2025-06-30 +1"),
        // quarterly before day 10 of last month
        .init(schedule: "quarterly before day 10 of last month", period: "2025-Q3", submitted: "2025-09-09", asOf: "2025-12-31", expected: "STC 2025-Q3 met due=2025-09-09"),
        .init(schedule: "quarterly before day 10 of last month", period: "2025-Q3", submitted: "2025-09-10", asOf: "2025-12-31", expected: "STC 2025-Q3 late due=2025-09-09 +1"),
        // half-yearly before day 15 of last month
        .init(schedule: "half-yearly before day 15 of last month", period: "2025-H1", submitted: "2025-06-14", asOf: "2025-12-31", expected: "STC 2025-H1 met due=2025-06-14"),
        .init(schedule: "half-yearly before day 15 of last month", period: "2025-H1", submitted: "2025-06-15", asOf: "2025-12-31", expected: "STC 2025-H1 late due=2025-06-14 +1"),
        .init(schedule: "half-yearly before day 15 of last month", period: "2025-H2", submitted: "2025-12-14", asOf: "2025-12-31", expected: "STC 2025-H2 met due=2025-12-14"),
        .init(schedule: "half-yearly before day 15 of last month", period: "2025-H2", submitted: "2025-12-15", asOf: "2025-12-31", expected: "STC 2025-H2 late due=2025-12-14 +1"),
        // yearly before day 10 of month 11
        .init(schedule: "yearly before day 10 of month 11", period: "2025", submitted: "2025-11-09", asOf: "2025-12-31", expected: "STC 2025 met due=2025-11-09"),
        .init(schedule: "yearly before day 10 of month 11", period: "2025", submitted: "2025-11-10", asOf: "2025-12-31", expected: "STC 2025 late due=2025-11-09 +1"),
        // yearly with no day: the period's last day
        .init(schedule: "yearly", period: "2025", submitted: "2025-12-31", asOf: "2026-01-31", expected: "STC 2025 met due=2025-12-31"),
        .init(schedule: "yearly", period: "2025", submitted: "2026-01-01", asOf: "2026-01-31", expected: "STC 2025 late due=2025-12-31 +1"),
        .init(schedule: "yearly", period: "2025", submitted: nil, asOf: "2025-12-30", expected: "STC 2025 pending due=2025-12-31"),
        .init(schedule: "yearly", period: "2025", submitted: nil, asOf: "2025-12-31", expected: "STC 2025 overdue due=2025-12-31"),
        // weekly before thursday 10:00 (2025-W23: Thursday 5 June)
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-05T09:59", asOf: "2025-06-30", expected: "STC 2025-W23 met due=2025-06-05T10:00"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-05T10:00", asOf: "2025-06-30", expected: "STC 2025-W23 late due=2025-06-05T10:00 +0"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-05 10:30", asOf: "2025-06-30", expected: "STC 2025-W23 late due=2025-06-05T10:00 +0"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-05", asOf: "2025-06-30", expected: "STC 2025-W23 met due=2025-06-05T10:00"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-04T23:59:59", asOf: "2025-06-30", expected: "STC 2025-W23 met due=2025-06-05T10:00"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: "2025-06-06T08:00", asOf: "2025-06-30", expected: "STC 2025-W23 late due=2025-06-05T10:00 +1"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: nil, asOf: "2025-06-04", expected: "STC 2025-W23 pending due=2025-06-05T10:00"),
        .init(schedule: "weekly before thursday 10:00", period: "2025-W23", submitted: nil, asOf: "2025-06-05", expected: "STC 2025-W23 overdue due=2025-06-05T10:00"),
        .init(schedule: "weekly by thursday 10:00", period: "2025-W23", submitted: "2025-06-05T10:00", asOf: "2025-06-30", expected: "STC 2025-W23 met due=2025-06-05T10:00"),
        .init(schedule: "weekly before thursday", period: "2025-W23", submitted: "2025-06-05", asOf: "2025-06-30", expected: "STC 2025-W23 late due=2025-06-04 +1"),
    ]

    @Test(arguments: boundaries)
    func boundary(_ c: Boundary) throws {
        let data = c.submitted.map { Harness.reports("o,STC,\(c.period),\($0)") } ?? [:]
        let run = try Harness.run(Harness.plan("report to SKHCN \(c.schedule)"), data, asOf: c.asOf)
        let f = try #require(run.finding(period: c.period), "no finding for \(c.period): \(run.briefs())")
        #expect(f.brief == c.expected)
        #expect(run.data.errors.isEmpty)
    }

    /// SPEC 10, verbatim.
    @Test func workedExample() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"),
                                  Harness.reports("o,STC,2025-03,2025-03-09", "o,STC,2025-04,2025-04-10"), asOf: "2025-05-20")
        #expect(run.briefs() == [
            "STC 2025-03 met due=2025-03-09",
            "STC 2025-04 late due=2025-04-09 +1",
            "STC 2025-05 overdue due=2025-05-09",
        ])
        #expect(run.finding(period: "2025-04")?.actual == "submitted 2025-04-10")
        #expect(run.finding(period: "2025-04")?.kind == "report")
        #expect(run.rows.evidence == 2)
    }

    @Test func dateOnlySubmissionOnTimedDeadlineDayIsNoted() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN weekly before thursday 10:00"),
                                  Harness.reports("o,STC,2025-W23,2025-06-05"), asOf: "2025-06-06")
        let f = try #require(run.finding(period: "2025-W23"))
        #expect(f.status == .met)
        #expect(f.notes.contains { $0.contains("no time") })
    }

    @Test func fromAndUntilBoundThePeriods() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10\n  from 2025-05\n  until 2025-08"), asOf: "2025-12-31")
        #expect(run.evaluation.findings.compactMap { $0.period?.description } == ["2025-05", "2025-06", "2025-07", "2025-08"])
    }

    @Test func untilDateInsideAMonthExcludesThatMonth() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10\n  until 2025-05-20"), asOf: "2025-12-31")
        #expect(run.evaluation.findings.compactMap { $0.period?.description } == ["2025-03", "2025-04"])
    }

    @Test func periodNotBegunIsNotOwed() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), asOf: "2025-04-30")
        #expect(run.briefs() == ["STC 2025-03 overdue due=2025-03-09", "STC 2025-04 overdue due=2025-04-09"])
        let may = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), asOf: "2025-05-01")
        #expect(may.briefs().last == "STC 2025-05 pending due=2025-05-09")
    }

    @Test func severalSubmissionsTheEarliestCounts() throws {
        let data = ["reports.csv": """
            obligation,agency,period,submitted,replaces
            o,STC,2025-06,2025-06-20,115/BC
            o,STC,2025-06,2025-06-12,
            o,STC,2025-06,2025-06-25,
            """ + "\n"]
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), data, asOf: "2025-06-30")
        let f = try #require(run.finding(period: "2025-06"))
        #expect(f.brief == "STC 2025-06 late due=2025-06-09 +3")
        #expect(f.evidence.map(\.line) == [3])
        #expect(f.notes.count == 2)
        #expect(f.notes.contains { $0.contains("replaces 115/BC") })
        #expect(run.data.errors.isEmpty)
        #expect(run.rows.evidence == 1)
        #expect(run.rows.superseded == 2)
    }

    @Test func submissionsAfterAsOfAreSetAside() throws {
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"),
                                  Harness.reports("o,STC,2025-05,2025-05-08", "o,STC,2025-06,2025-06-21"), asOf: "2025-06-20")
        #expect(run.finding(period: "2025-06")?.status == .overdue)
        #expect(run.rows.setAside == 1)
        #expect(run.rows.evidence == 1)
    }

    @Test func onRequestIsUntrackedWithoutFinding() throws {
        let plan = Harness.plan("report to SKHCN on request") + """
            obligation kip_thoi "Kịp thời" {
              owner STC
              untracked "kịp thời, khi có vướng mắc"
              cite "Mục IV.4"
            }

            """
        let run = try Harness.run(plan, asOf: "2025-12-31")
        #expect(run.evaluation.findings.isEmpty)
        #expect(run.evaluation.untracked.map(\.obligation) == ["o", "kip_thoi"])
        #expect(run.evaluation.untracked.last?.reason == "kịp thời, khi có vướng mắc")
    }

    @Test func reportByAGroupYieldsOneFindingPerMember() throws {
        let plan = Harness.plan("report to SKHCN quarterly", owner: "cac_so", declarations: "group cac_so \"Các sở\" = [STC, SNV]\n")
        let run = try Harness.run(plan, Harness.reports("o,STC,2025-Q1,2025-03-30", "o,Sở Nội vụ,2025-Q1,2025-04-02"), asOf: "2025-04-30")
        #expect(run.briefs() == [
            "SNV 2025-Q1 late due=2025-03-31 +2",
            "SNV 2025-Q2 pending due=2025-06-30",
            "STC 2025-Q1 met due=2025-03-31",
            "STC 2025-Q2 pending due=2025-06-30",
        ])
    }

    @Test func extensionMovesTheDeadline() throws {
        var data = Harness.reports("o,STC,2025-06,2025-06-15")
        data["extensions.csv"] = "obligation,agency,period,due,document\no,STC,2025-06,2025-06-20,Công văn 12/UBND\n"
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), data, asOf: "2025-06-30")
        let f = try #require(run.finding(period: "2025-06"))
        #expect(f.brief == "STC 2025-06 met due=2025-06-20")
        #expect(f.expected.contains("Công văn 12/UBND"))
    }

    /// An extension is checked against the duty's schedule up to its due date, but not beyond a century after
    /// the plan's issue: rows due 9999-12-31 are checked in a moment (each laid out 96,000 months before), and a
    /// period beyond the century is not owed.
    @Test func farFutureExtensionsAreCheckedWithoutLayingOutMillennia() throws {
        var data = Harness.reports("o,STC,2025-06,2025-06-15")
        data["extensions.csv"] = "obligation,agency,period,due\n" + (10...28).map { "o,STC,,9999-12-\($0)\n" }.joined()
            + "o,STC,2025-06,9999-12-31\no,STC,2126-01,2126-02-10\n"
        let run = try Harness.run(Harness.plan("report to SKHCN monthly before day 10"), data, asOf: "2025-06-30")
        #expect(run.errors == ["extensions.csv:22:7 E303"])
        #expect(run.data.extensions.count == 20)
        #expect(run.finding(period: "2025-06")?.brief == "STC 2025-06 met due=9999-12-31")
    }
}
