import Testing
import TuanthuCore
import TuanthuRuntime

/// `deliver` obligations: every timing, and the day on each side of each deadline (SPEC 4.2, 5).
@Suite("Tasks")
struct TaskTests {
    struct Case: Sendable, CustomStringConvertible {
        var timing: String
        var rows: [String]
        var events: [String] = []
        var asOf: String
        var expected: [String]
        var description: String { "deliver \(timing) \(rows) as of \(asOf)" }
    }

    static let declarations = "event e \"Văn bản hướng dẫn của Trung ương\"\n"

    static let cases: [Case] = [
        // by a month: its last day, inclusive
        .init(timing: "by 2025-12", rows: ["o,STC,,done,2025-12-31"], asOf: "2026-03-01", expected: ["STC 2025-12 met due=2025-12-31"]),
        .init(timing: "by 2025-12", rows: ["o,STC,,done,2026-01-01"], asOf: "2026-03-01", expected: ["STC 2025-12 late due=2025-12-31 +1"]),
        .init(timing: "by 2025-12", rows: [], asOf: "2025-12-30", expected: ["STC 2025-12 pending due=2025-12-31"]),
        .init(timing: "by 2025-12", rows: [], asOf: "2025-12-31", expected: ["STC 2025-12 overdue due=2025-12-31"]),
        .init(timing: "by 2025-12", rows: ["o,STC,,in_progress,2025-11-02"], asOf: "2026-01-05", expected: ["STC 2025-12 overdue due=2025-12-31"]),
        .init(timing: "by 2025-12", rows: ["o,STC,,done,2026-01-03"], asOf: "2026-01-02", expected: ["STC 2025-12 overdue due=2025-12-31"]),
        .init(timing: "by 2025-Q3", rows: ["o,STC,,done,2025-09-30"], asOf: "2025-12-31", expected: ["STC 2025-Q3 met due=2025-09-30"]),
        .init(timing: "by 2025-Q3", rows: ["o,STC,,done,2025-10-01"], asOf: "2025-12-31", expected: ["STC 2025-Q3 late due=2025-09-30 +1"]),
        .init(timing: "by 2027", rows: [], asOf: "2025-12-31", expected: ["STC 2027 pending due=2027-12-31"]),
        // before a date: the day before is the last allowed (the checker makes that day the period)
        .init(timing: "before 2025-03-20", rows: ["o,STC,,done,2025-03-19"], asOf: "2025-12-31", expected: ["STC 2025-03-19 met due=2025-03-19"]),
        .init(timing: "before 2025-03-20", rows: ["o,STC,,done,20/3/2025"], asOf: "2025-12-31", expected: ["STC 2025-03-19 late due=2025-03-19 +1"]),
        // a window: delivery before its start still counts
        .init(timing: "from 2025 by 2026", rows: ["o,STC,,done,2024-11-15"], asOf: "2026-12-31", expected: ["STC 2026 met due=2026-12-31"]),
        .init(timing: "from 2025 by 2026", rows: [], asOf: "2026-12-31", expected: ["STC 2026 overdue due=2026-12-31"]),
        // every year: only a done row delivers, each year from the issue year to as-of
        .init(timing: "every year", rows: ["o,STC,2025,done,2025-08-01"], asOf: "2026-06-30",
              expected: ["STC 2025 met due=2025-12-31", "STC 2026 pending due=2026-12-31"]),
        .init(timing: "every year", rows: ["o,STC,2025,in_progress,2025-08-01"], asOf: "2026-06-30",
              expected: ["STC 2025 overdue due=2025-12-31", "STC 2026 pending due=2026-12-31"]),
        .init(timing: "every year", rows: ["o,STC,,done,2026-01-10"], asOf: "2026-06-30",
              expected: ["STC 2025 overdue due=2025-12-31", "STC 2026 met due=2026-12-31"]),
        .init(timing: "every year", rows: ["o,STC,2025,done,2026-01-10"], asOf: "2026-06-30",
              expected: ["STC 2025 late due=2025-12-31 +10", "STC 2026 pending due=2026-12-31"]),
        // a status written as people type it: any case, `-` or a space for `_`
        .init(timing: "by 2025-12", rows: ["o,STC,,Done,2025-12-31"], asOf: "2026-03-01", expected: ["STC 2025-12 met due=2025-12-31"]),
        .init(timing: "ongoing", rows: ["o,STC,2025,In progress,2025-05-01"], asOf: "2025-12-31", expected: ["STC 2025 met due=2025-12-31"]),
        .init(timing: "ongoing", rows: ["o,STC,2025,in-progress,2025-05-01"], asOf: "2025-12-31", expected: ["STC 2025 met due=2025-12-31"]),
        .init(timing: "ongoing", rows: ["o,STC,2025,NOT STARTED,2025-05-01"], asOf: "2025-12-31", expected: ["STC 2025 overdue due=2025-12-31"]),
        // ongoing: in_progress or done for each year
        .init(timing: "ongoing", rows: ["o,STC,2025,in_progress,2025-05-01"], asOf: "2026-06-30",
              expected: ["STC 2025 met due=2025-12-31", "STC 2026 pending due=2026-12-31"]),
        .init(timing: "ongoing", rows: ["o,STC,2025,in_progress,2025-05-01"], asOf: "2027-01-01",
              expected: ["STC 2025 met due=2025-12-31", "STC 2026 overdue due=2026-12-31", "STC 2027 pending due=2027-12-31"]),
        .init(timing: "ongoing", rows: ["o,STC,2025,not_started,2025-05-01"], asOf: "2025-12-31",
              expected: ["STC 2025 overdue due=2025-12-31"]),
        // ongoing after E: waiting, then yearly from E's year
        .init(timing: "ongoing after e", rows: [], asOf: "2026-06-30", expected: ["STC - waiting due=-"]),
        .init(timing: "ongoing after e", rows: ["o,STC,2026,done,2026-05-01"], events: ["e,2026-03-01"], asOf: "2027-06-30",
              expected: ["STC 2026 met due=2026-12-31", "STC 2027 pending due=2027-12-31"]),
        // after E: waiting, then pending, then met; never overdue
        .init(timing: "after e", rows: [], asOf: "2030-12-31", expected: ["STC - waiting due=-"]),
        .init(timing: "after e", rows: [], events: ["e,2025-09-01"], asOf: "2030-12-31", expected: ["STC - pending due=-"]),
        .init(timing: "after e", rows: ["o,STC,,done,2025-10-01"], events: ["e,2025-09-01"], asOf: "2030-12-31", expected: ["STC - met due=-"]),
        .init(timing: "after e", rows: [], events: ["e,2025-09-01"], asOf: "2025-08-31", expected: ["STC - waiting due=-"]),
        // within N days after E: E's date plus N days is the last allowed day
        .init(timing: "within 60 days after e", rows: [], asOf: "2025-12-31", expected: ["STC - waiting due=-"]),
        .init(timing: "within 60 days after e", rows: ["o,STC,,done,2025-10-31"], events: ["e,2025-09-01"], asOf: "2025-12-31",
              expected: ["STC 2025-10-31 met due=2025-10-31"]),
        .init(timing: "within 60 days after e", rows: ["o,STC,,done,2025-11-01"], events: ["e,2025-09-01"], asOf: "2025-12-31",
              expected: ["STC 2025-10-31 late due=2025-10-31 +1"]),
        .init(timing: "within 60 days after e", rows: [], events: ["e,2025-09-01"], asOf: "2025-10-30", expected: ["STC 2025-10-31 pending due=2025-10-31"]),
        .init(timing: "within 60 days after e", rows: [], events: ["e,2025-09-01"], asOf: "2025-10-31", expected: ["STC 2025-10-31 overdue due=2025-10-31"]),
        .init(timing: "within 5 days after plan_issued", rows: ["o,STC,,done,2025-02-19"], asOf: "2025-12-31", expected: ["STC 2025-02-19 met due=2025-02-19"]),
        .init(timing: "within 5 days after plan_issued", rows: ["o,STC,,done,2025-02-20"], asOf: "2025-12-31", expected: ["STC 2025-02-19 late due=2025-02-19 +1"]),
        // undated: pending until done, never overdue
        .init(timing: "undated", rows: [], asOf: "2030-12-31", expected: ["STC - pending due=-"]),
        .init(timing: "undated", rows: ["o,STC,,in_progress,2026-01-01"], asOf: "2030-12-31", expected: ["STC - pending due=-"]),
        .init(timing: "undated", rows: ["o,STC,,done,2029-01-01"], asOf: "2030-12-31", expected: ["STC - met due=-"]),
    ]

    @Test(arguments: cases)
    func timing(_ c: Case) throws {
        var data = Harness.tasks(c.rows.isEmpty ? "o,STC,,not_started," : c.rows[0])
        if c.rows.isEmpty { data = [:] }
        if !c.events.isEmpty { data.merge(Harness.events(c.events[0])) { $1 } }
        let plan = Harness.plan("deliver \"Kế hoạch\" \(c.timing)", declarations: Self.declarations)
        let run = try Harness.run(plan, data, asOf: c.asOf)
        #expect(run.briefs() == c.expected)
        #expect(run.data.errors.isEmpty)
        #expect(run.evaluation.findings.allSatisfy { $0.kind == "task" })
    }

    @Test func fromIsShownInExpected() throws {
        let run = try Harness.run(Harness.plan("deliver \"Đề án\" by 2026\n  from 2025"), asOf: "2025-06-30")
        let f = try #require(run.finding())
        #expect(f.expected.contains("2025"))
        #expect(f.status == .pending)
    }

    @Test func afterEventNotesTheEventRowAsEvidence() throws {
        var data = Harness.events("e,2025-09-01")
        data.merge(Harness.tasks("o,STC,,done,2025-10-01")) { $1 }
        let run = try Harness.run(Harness.plan("deliver \"Văn bản\" after e", declarations: Self.declarations), data, asOf: "2025-12-31")
        let f = try #require(run.finding())
        #expect(f.evidence.map { $0.file.fileName } == ["events.csv", "tasks.csv"])
        #expect(run.rows.evidence == 2)
    }

    @Test func eventDatedAfterAsOfIsSetAside() throws {
        let run = try Harness.run(Harness.plan("deliver \"Văn bản\" within 30 days after e", declarations: Self.declarations),
                                  Harness.events("e,2025-09-01"), asOf: "2025-08-31")
        #expect(run.briefs() == ["STC - waiting due=-"])
        #expect(run.rows.setAside == 1)
    }

    @Test func everyYearWithPeriodColumnCountsOnlyForThatYear() throws {
        let run = try Harness.run(Harness.plan("deliver \"Quyết định\" every year"),
                                  Harness.tasks("o,STC,2026,done,2025-12-20"), asOf: "2026-12-31")
        #expect(run.briefs() == ["STC 2025 overdue due=2025-12-31", "STC 2026 met due=2026-12-31"])
    }

    @Test func extensionMovesATaskDeadline() throws {
        var data = Harness.tasks("o,STC,,done,2026-01-20")
        data["extensions.csv"] = "obligation,agency,due,document\no,Sở Tài chính,2026-01-31,Công văn 5/UBND\n"
        let run = try Harness.run(Harness.plan("deliver \"Kế hoạch\" by 2025-12"), data, asOf: "2026-03-01")
        #expect(run.briefs() == ["STC 2025-12 met due=2026-01-31"])
        #expect(run.rows.evidence == 2)
    }

    @Test func severalDoneRowsTheEarliestCountsOthersSuperseded() throws {
        let run = try Harness.run(Harness.plan("deliver \"Quyết định\" every year"),
                                  Harness.tasks("o,STC,2025,done,2025-11-02", "o,STC,2025,done,2025-10-01", "o,STC,2025,in_progress,2025-05-01"),
                                  asOf: "2025-12-31")
        #expect(run.briefs() == ["STC 2025 met due=2025-12-31"])
        #expect(run.finding()?.evidence.map(\.line) == [3])
        #expect(run.rowSummary == "evidence 1, set aside 0, superseded 2, unused 0, blank 0")
    }

    @Test func ongoingStopsAtUntil() throws {
        let run = try Harness.run(Harness.plan("deliver \"Báo cáo\" ongoing\n  until 2026"), asOf: "2028-06-30")
        #expect(run.briefs() == ["STC 2025 overdue due=2025-12-31", "STC 2026 overdue due=2026-12-31"])
    }

    @Test func deliveryWithoutDateIsMetWithANote() throws {
        let run = try Harness.run(Harness.plan("deliver \"Kế hoạch\" by 2025-12"), Harness.tasks("o,STC,,done,"), asOf: "2026-01-31")
        let f = try #require(run.finding())
        #expect(f.status == .met)
        #expect(!f.notes.isEmpty)
    }

    /// A `status` cell as a spreadsheet user writes it: any case, words joined by a space, `-` or `_`.
    @Test(arguments: [("done", "done"), ("In progress", "in_progress"), ("NOT-STARTED", "not_started"), ("Not_Started", "not_started"),
                      ("IN PROGRESS", "in_progress"), ("Đang-Làm", "đang_làm"), ("", "")])
    func statusSpellings(cell: String, spelling: String) {
        #expect(TaskStatus.spelling(cell) == spelling)
    }
}
