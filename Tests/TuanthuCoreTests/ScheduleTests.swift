import Testing
import TuanthuCore

private func date(_ text: String) throws -> CivilDate {
    try #require(CivilDate.parse(utf8: text.utf8), "bad test date \(text)")
}

private func period(_ text: String) throws -> Period {
    try #require(Period.parse(utf8: text.utf8), "bad test period \(text)")
}

private func at(_ hour: Int, _ minute: Int) -> ClockTime? {
    ClockTime(hour: hour, minute: minute)
}

// Schedules of the SPEC, by their source text.
private let weeklyBeforeThursday10 = ReportSchedule(grain: .week, inclusive: false, rule: .weekday(.thursday, at(10, 0)))
private let weeklyByThursday10 = ReportSchedule(grain: .week, inclusive: true, rule: .weekday(.thursday, at(10, 0)))
private let weeklyByFriday = ReportSchedule(grain: .week, inclusive: true, rule: .weekday(.friday, nil))
private let weeklyBeforeFriday = ReportSchedule(grain: .week, inclusive: false, rule: .weekday(.friday, nil))
private let weeklyBeforeMonday = ReportSchedule(grain: .week, inclusive: false, rule: .weekday(.monday, nil))
private let weeklyBySunday = ReportSchedule(grain: .week, inclusive: true, rule: .weekday(.sunday, nil))
private let weekly = ReportSchedule(grain: .week)
private func monthly(before day: Int, of month: MonthSelector? = nil) -> ReportSchedule {
    ReportSchedule(grain: .month, inclusive: false, rule: .dayOfMonth(day), month: month)
}
private func monthly(by day: Int) -> ReportSchedule {
    ReportSchedule(grain: .month, inclusive: true, rule: .dayOfMonth(day))
}
private func quarterly(before day: Int, of month: MonthSelector? = nil, inclusive: Bool = false) -> ReportSchedule {
    ReportSchedule(grain: .quarter, inclusive: inclusive, rule: .dayOfMonth(day), month: month)
}
private func halfYearly(before day: Int, of month: MonthSelector? = nil) -> ReportSchedule {
    ReportSchedule(grain: .half, inclusive: false, rule: .dayOfMonth(day), month: month)
}
private func yearly(before day: Int, of month: MonthSelector? = nil, inclusive: Bool = false) -> ReportSchedule {
    ReportSchedule(grain: .year, inclusive: inclusive, rule: .dayOfMonth(day), month: month)
}

/// "ok", "ok?" (on time, time not given), "late N".
private func verdict(_ t: Timeliness) -> String {
    switch t {
    case let .onTime(timeNotGiven): timeNotGiven ? "ok?" : "ok"
    case let .late(days): "late \(days)"
    }
}

@Suite("Schedules and deadlines")
struct ScheduleTests {
    @Test(arguments: [
        // weekly
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T10:00"),
        (weeklyByThursday10, "2025-W24", "2025-06-12T10:00"),
        (weeklyByFriday, "2025-W24", "2025-06-13"),
        (weeklyBeforeFriday, "2025-W24", "2025-06-12"),
        (weeklyBeforeMonday, "2025-W24", "2025-06-08"),
        (weeklyBySunday, "2025-W24", "2025-06-15"),
        (weekly, "2025-W24", "2025-06-15"),
        (weeklyByFriday, "2025-W01", "2025-01-03"),
        (weeklyByFriday, "2026-W53", "2027-01-01"),
        (weeklyBeforeMonday, "2020-W53", "2020-12-27"),
        (weeklyBeforeThursday10, "2020-W53", "2020-12-31T10:00"),
        (ReportSchedule(grain: .week, inclusive: false, rule: .weekday(.thursday, ClockTime(hour: 10, minute: 0, second: 30))),
         "2025-W24", "2025-06-12T10:00:30"),
        // monthly
        (monthly(before: 10), "2025-06", "2025-06-09"),
        (monthly(by: 10), "2025-06", "2025-06-10"),
        (monthly(before: 1), "2025-03", "2025-02-28"),
        (monthly(before: 1), "2024-03", "2024-02-29"),
        (monthly(before: 1), "2025-01", "2024-12-31"),
        (monthly(by: 1), "2025-03", "2025-03-01"),
        (monthly(before: 10, of: .last), "2025-06", "2025-06-09"),
        (monthly(before: 10, of: .first), "2025-06", "2025-06-09"),
        (monthly(before: 10, of: .number(6)), "2025-06", "2025-06-09"),
        // day 29-31 clamp to the month's last day
        (monthly(before: 31), "2025-02", "2025-02-27"),
        (monthly(by: 31), "2025-02", "2025-02-28"),
        (monthly(before: 31), "2024-02", "2024-02-28"),
        (monthly(by: 31), "2024-02", "2024-02-29"),
        (monthly(before: 30), "2024-02", "2024-02-28"),
        (monthly(by: 30), "2024-02", "2024-02-29"),
        (monthly(before: 29), "2025-02", "2025-02-27"),
        (monthly(by: 29), "2025-02", "2025-02-28"),
        (monthly(before: 29), "2024-02", "2024-02-28"),
        (monthly(by: 29), "2024-02", "2024-02-29"),
        (monthly(before: 28), "2025-02", "2025-02-27"),
        (monthly(before: 31), "2025-04", "2025-04-29"),
        (monthly(by: 31), "2025-04", "2025-04-30"),
        (monthly(before: 31), "2025-01", "2025-01-30"),
        (monthly(by: 31), "2025-12", "2025-12-31"),
        (monthly(by: 31), "1900-02", "1900-02-28"),
        (monthly(by: 31), "2000-02", "2000-02-29"),
        (ReportSchedule(grain: .month), "2025-02", "2025-02-28"),
        // quarterly
        (quarterly(before: 10, of: .last), "2025-Q3", "2025-09-09"),
        (quarterly(before: 10), "2025-Q3", "2025-09-09"),
        (quarterly(before: 10, of: .first), "2025-Q3", "2025-07-09"),
        (quarterly(before: 10, of: .number(8)), "2025-Q3", "2025-08-09"),
        (quarterly(before: 10, of: .number(7)), "2025-Q3", "2025-07-09"),
        (quarterly(before: 10, of: .number(9)), "2025-Q3", "2025-09-09"),
        (quarterly(before: 31, of: .number(9), inclusive: true), "2025-Q3", "2025-09-30"),
        (quarterly(before: 10), "2025-Q1", "2025-03-09"),
        (quarterly(before: 1, of: .first), "2025-Q1", "2024-12-31"),
        (quarterly(before: 31, of: .number(2)), "2024-Q1", "2024-02-28"),
        (ReportSchedule(grain: .quarter), "2025-Q1", "2025-03-31"),
        // half-yearly
        (halfYearly(before: 15, of: .last), "2025-H1", "2025-06-14"),
        (halfYearly(before: 15, of: .last), "2025-H2", "2025-12-14"),
        (halfYearly(before: 15), "2025-H2", "2025-12-14"),
        (halfYearly(before: 15, of: .first), "2025-H2", "2025-07-14"),
        (halfYearly(before: 15, of: .number(3)), "2025-H1", "2025-03-14"),
        (halfYearly(before: 15, of: .number(12)), "2025-H2", "2025-12-14"),
        (ReportSchedule(grain: .half), "2025-H1", "2025-06-30"),
        // yearly
        (yearly(before: 10, of: .number(11)), "2025", "2025-11-09"),
        (yearly(before: 5, of: .number(6)), "2025", "2025-06-04"),
        (yearly(before: 10), "2025", "2025-12-09"),
        (yearly(before: 10, of: .first), "2025", "2025-01-09"),
        (yearly(before: 1, of: .first), "2025", "2024-12-31"),
        (yearly(before: 31, of: .number(2), inclusive: true), "2024", "2024-02-29"),
        (yearly(before: 31, of: .number(2), inclusive: true), "2025", "2025-02-28"),
        (ReportSchedule(grain: .year), "2025", "2025-12-31"),
        (ReportSchedule(grain: .year, month: .number(6)), "2025", "2025-06-30"),
        (ReportSchedule(grain: .year, month: .first), "2025", "2025-01-31"),
        // daily
        (ReportSchedule(grain: .day), "2025-03-20", "2025-03-20"),
    ])
    func deadlines(schedule: ReportSchedule, periodText: String, expected: String) throws {
        let deadline = try #require(schedule.deadline(for: period(periodText)), "\(schedule) for \(periodText)")
        #expect(deadline.description == expected, "\(schedule) for \(periodText)")
        #expect(deadline.day <= (try period(periodText)).lastDay)
    }

    @Test(arguments: [
        (ReportSchedule(grain: .month, inclusive: false, rule: .weekday(.thursday, nil)), "2025-06"),
        (ReportSchedule(grain: .year, inclusive: true, rule: .weekday(.friday, at(10, 0))), "2025"),
        (ReportSchedule(grain: .week, inclusive: false, rule: .dayOfMonth(10)), "2025-W24"),
        (ReportSchedule(grain: .week, inclusive: true, rule: .weekday(.friday, nil), month: .first), "2025-W24"),
        (ReportSchedule(grain: .week, month: .last), "2025-W24"),
        (ReportSchedule(grain: .day, inclusive: true, rule: .dayOfMonth(10)), "2025-03-20"),
        (ReportSchedule(grain: .day, inclusive: true, rule: .weekday(.friday, nil)), "2025-03-20"),
        (monthly(before: 0), "2025-06"),
        (monthly(before: 32), "2025-06"),
        (monthly(before: -1), "2025-06"),
        (monthly(before: 10, of: .number(7)), "2025-06"),
        (monthly(before: 10), "2025-Q3"),                    // grain mismatch
        (monthly(before: 10), "2025-W24"),
        (weeklyByFriday, "2025-06"),
        (quarterly(before: 10), "2025"),
        (quarterly(before: 10, of: .number(6)), "2025-Q3"),
        (quarterly(before: 10, of: .number(10)), "2025-Q3"),
        (quarterly(before: 10, of: .number(0)), "2025-Q3"),
        (halfYearly(before: 15, of: .number(7)), "2025-H1"),
        (halfYearly(before: 15, of: .number(6)), "2025-H2"),
        (yearly(before: 10, of: .number(13)), "2025"),
        (yearly(before: 10, of: .number(0)), "2025"),
        (ReportSchedule(grain: .year, month: .number(13)), "2025"),
    ])
    func inapplicable(schedule: ReportSchedule, periodText: String) throws {
        #expect(schedule.deadline(for: try period(periodText)) == nil, "\(schedule) for \(periodText)")
    }

    @Test func timedDeadlineFlags() throws {
        let strict = try #require(weeklyBeforeThursday10.deadline(for: period("2025-W24")))
        #expect(strict == Deadline(day: try date("2025-06-12"), time: at(10, 0), timeInclusive: false))
        let inclusive = try #require(weeklyByThursday10.deadline(for: period("2025-W24")))
        #expect(inclusive.timeInclusive && inclusive.time == at(10, 0))
        let untimed = try #require(monthly(before: 10).deadline(for: period("2025-06")))
        #expect(untimed.time == nil)
    }

    @Test(arguments: [
        (weeklyBeforeThursday10, "weekly before thursday 10:00"),
        (weeklyByFriday, "weekly by friday"),
        (monthly(before: 10), "monthly before day 10"),
        (monthly(by: 10), "monthly by day 10"),
        (quarterly(before: 10, of: .last), "quarterly before day 10 of last month"),
        (halfYearly(before: 15, of: .first), "half-yearly before day 15 of first month"),
        (yearly(before: 10, of: .number(11)), "yearly before day 10 of month 11"),
        (ReportSchedule(grain: .year), "yearly"),
    ])
    func scheduleText(schedule: ReportSchedule, text: String) {
        #expect(schedule.description == text)
    }

    // MARK: Timeliness on both sides of every deadline

    @Test(arguments: [
        // monthly before day 10: the 9th on time, the 10th late by 1
        (monthly(before: 10), "2025-06", "2025-06-09", "ok"),
        (monthly(before: 10), "2025-06", "2025-06-09T23:59:59", "ok"),
        (monthly(before: 10), "2025-06", "2025-06-10", "late 1"),
        (monthly(before: 10), "2025-06", "2025-06-10T00:00", "late 1"),
        (monthly(before: 10), "2025-06", "2025-06-20", "late 11"),
        (monthly(before: 10), "2025-06", "2025-05-31", "ok"),
        (monthly(by: 10), "2025-06", "2025-06-10", "ok"),
        (monthly(by: 10), "2025-06", "2025-06-11", "late 1"),
        (monthly(before: 31), "2025-02", "2025-02-27", "ok"),
        (monthly(before: 31), "2025-02", "2025-02-28", "late 1"),
        (monthly(before: 31), "2025-02", "2025-03-01", "late 2"),
        (monthly(by: 31), "2024-02", "2024-02-29", "ok"),
        (monthly(by: 31), "2024-02", "2024-03-01", "late 1"),
        (monthly(before: 1), "2025-03", "2025-02-28", "ok"),
        (monthly(before: 1), "2025-03", "2025-03-01", "late 1"),
        // weekly before thursday 10:00
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T09:59:59", "ok"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T09:59", "ok"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T10:00", "late 0"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T10:30", "late 0"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12T23:59", "late 0"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-12", "ok?"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-11T23:00", "ok"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-11", "ok"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-13", "late 1"),
        (weeklyBeforeThursday10, "2025-W24", "2025-06-13T08:00", "late 1"),
        (weeklyBeforeThursday10, "2025-W24", "20/6/2025 09:00", "late 8"),
        // weekly by thursday 10:00
        (weeklyByThursday10, "2025-W24", "2025-06-12T10:00", "ok"),
        (weeklyByThursday10, "2025-W24", "2025-06-12T10:00:00", "ok"),
        (weeklyByThursday10, "2025-W24", "2025-06-12T10:00:01", "late 0"),
        (weeklyByThursday10, "2025-W24", "2025-06-12", "ok?"),
        // weekly by friday / before friday
        (weeklyByFriday, "2025-W24", "2025-06-13T23:59", "ok"),
        (weeklyByFriday, "2025-W24", "2025-06-14", "late 1"),
        (weeklyBeforeFriday, "2025-W24", "2025-06-12", "ok"),
        (weeklyBeforeFriday, "2025-W24", "2025-06-13T00:01", "late 1"),
        (weeklyByFriday, "2026-W53", "2027-01-01", "ok"),
        (weeklyByFriday, "2026-W53", "2027-01-02", "late 1"),
        // quarterly / half-yearly / yearly
        (quarterly(before: 10, of: .last), "2025-Q3", "2025-09-09", "ok"),
        (quarterly(before: 10, of: .last), "2025-Q3", "2025-09-10", "late 1"),
        (quarterly(before: 10, of: .first), "2025-Q3", "2025-07-09", "ok"),
        (quarterly(before: 10, of: .first), "2025-Q3", "2025-07-10", "late 1"),
        (halfYearly(before: 15, of: .last), "2025-H1", "2025-06-14", "ok"),
        (halfYearly(before: 15, of: .last), "2025-H1", "2025-06-15", "late 1"),
        (halfYearly(before: 15, of: .last), "2025-H2", "2025-12-14", "ok"),
        (halfYearly(before: 15, of: .last), "2025-H2", "2025-12-15", "late 1"),
        (yearly(before: 10, of: .number(11)), "2025", "2025-11-09", "ok"),
        (yearly(before: 10, of: .number(11)), "2025", "2025-11-10", "late 1"),
        (yearly(before: 5, of: .number(6)), "2025", "2025-06-04", "ok"),
        (yearly(before: 5, of: .number(6)), "2025", "2025-06-05", "late 1"),
        (ReportSchedule(grain: .year), "2025", "2025-12-31T23:59", "ok"),
        (ReportSchedule(grain: .year), "2025", "2026-01-01", "late 1"),
        (ReportSchedule(grain: .year), "2025", "2027-01-01", "late 366"),
    ])
    func timeliness(schedule: ReportSchedule, periodText: String, submitted: String, expected: String) throws {
        let deadline = try #require(schedule.deadline(for: period(periodText)))
        let when = try #require(LocalDateTime.parse(utf8: submitted.utf8))
        #expect(verdict(deadline.judge(when)) == expected, "\(schedule) \(periodText) submitted \(submitted)")
    }

    @Test func timelinessEquality() {
        #expect(Timeliness.onTime(timeNotGiven: true) != .onTime(timeNotGiven: false))
        #expect(Timeliness.late(daysLate: 0) != .onTime(timeNotGiven: false))
        #expect(Timeliness.late(daysLate: 2) == .late(daysLate: 2))
    }

    // MARK: Owed periods

    private func owed(_ schedule: ReportSchedule, start: String, until: String? = nil, asOf: String) throws -> [String] {
        let untilDate = try until.map(date)
        return schedule.owedPeriods(start: try date(start), until: untilDate, asOf: try date(asOf))
            .map { "\($0.period)@\($0.deadline)" }
    }

    @Test func specExample() throws {
        // SPEC 10: monthly before day 10, issued 2025-02-14, as of 2025-05-20.
        #expect(try owed(monthly(before: 10), start: "2025-02-14", asOf: "2025-05-20")
            == ["2025-03@2025-03-09", "2025-04@2025-04-09", "2025-05@2025-05-09"])
    }

    @Test(arguments: [
        // a deadline equal to start is owed; one day later it is not
        ("2025-03-09", nil, "2025-05-20", ["2025-03", "2025-04", "2025-05"]),
        ("2025-03-10", nil, "2025-05-20", ["2025-04", "2025-05"]),
        ("2025-02-09", nil, "2025-03-01", ["2025-02", "2025-03"]),
        // asOf: a period is owed from its first day
        ("2025-02-14", nil, "2025-05-31", ["2025-03", "2025-04", "2025-05"]),
        ("2025-02-14", nil, "2025-06-01", ["2025-03", "2025-04", "2025-05", "2025-06"]),
        ("2025-02-14", nil, "2025-04-30", ["2025-03", "2025-04"]),
        ("2025-02-14", nil, "2025-03-01", ["2025-03"]),
        ("2025-02-14", nil, "2025-02-28", []),
        // until: a period is owed only when it ends on or before `until`
        ("2025-01-01", "2025-08-31", "2025-12-31", ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]),
        ("2025-01-01", "2025-08-30", "2025-12-31", ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"]),
        ("2025-06-01", "2025-08-31", "2025-07-15", ["2025-06", "2025-07"]),
        ("2025-06-01", "2025-05-31", "2025-12-31", []),
        // across a year boundary
        ("2024-11-20", nil, "2025-02-01", ["2024-12", "2025-01", "2025-02"]),
    ])
    func owedMonthly(start: String, until: String?, asOf: String, expected: [String]) throws {
        let periods = try owed(monthly(before: 10), start: start, until: until, asOf: asOf).map { String($0.prefix(7)) }
        #expect(periods == expected)
    }

    @Test func owedWeeklyOverYearBoundary() throws {
        #expect(try owed(weeklyByFriday, start: "2024-12-20", asOf: "2025-01-10")
            == ["2024-W51@2024-12-20", "2024-W52@2024-12-27", "2025-W01@2025-01-03", "2025-W02@2025-01-10"])
        #expect(try owed(weeklyByFriday, start: "2024-12-21", asOf: "2025-01-05")
            == ["2024-W52@2024-12-27", "2025-W01@2025-01-03"])
        #expect(try owed(weeklyByFriday, start: "2026-12-26", asOf: "2027-01-04")
            == ["2026-W53@2027-01-01", "2027-W01@2027-01-08"])
        #expect(try owed(weeklyBeforeThursday10, start: "2025-06-12", asOf: "2025-06-16")
            == ["2025-W24@2025-06-12T10:00", "2025-W25@2025-06-19T10:00"])
        #expect(try owed(weeklyBeforeThursday10, start: "2025-06-13", asOf: "2025-06-16")
            == ["2025-W25@2025-06-19T10:00"])
    }

    @Test func owedWhenDeadlinePrecedesThePeriod() throws {
        // `before monday` falls on the Sunday before the week; `before day 1` on the last day of the month before.
        #expect(try owed(weeklyBeforeMonday, start: "2025-06-08", asOf: "2025-06-16")
            == ["2025-W24@2025-06-08", "2025-W25@2025-06-15"])
        #expect(try owed(weeklyBeforeMonday, start: "2025-06-09", asOf: "2025-06-16")
            == ["2025-W25@2025-06-15"])
        #expect(try owed(monthly(before: 1), start: "2025-02-28", asOf: "2025-03-05") == ["2025-03@2025-02-28"])
        #expect(try owed(monthly(before: 1), start: "2025-03-01", asOf: "2025-03-05") == [])
    }

    @Test func owedOtherGrains() throws {
        #expect(try owed(quarterly(before: 10, of: .last), start: "2025-02-14", asOf: "2025-10-01")
            == ["2025-Q1@2025-03-09", "2025-Q2@2025-06-09", "2025-Q3@2025-09-09", "2025-Q4@2025-12-09"])
        #expect(try owed(quarterly(before: 10, of: .first), start: "2025-02-14", asOf: "2025-10-01")
            == ["2025-Q2@2025-04-09", "2025-Q3@2025-07-09", "2025-Q4@2025-10-09"])
        #expect(try owed(halfYearly(before: 15), start: "2025-06-14", until: "2025-12-31", asOf: "2026-03-01")
            == ["2025-H1@2025-06-14", "2025-H2@2025-12-14"])
        #expect(try owed(yearly(before: 10, of: .number(11)), start: "2025-11-09", asOf: "2026-01-01")
            == ["2025@2025-11-09", "2026@2026-11-09"])
        #expect(try owed(ReportSchedule(grain: .year), start: "2025-12-31", asOf: "2025-12-31") == ["2025@2025-12-31"])
        #expect(try owed(ReportSchedule(grain: .year), start: "2026-01-01", asOf: "2026-01-01") == ["2026@2026-12-31"])
        // a period already begun before the plan but due after it is owed, even if asOf precedes start
        #expect(try owed(monthly(by: 20), start: "2025-02-14", asOf: "2025-02-01") == ["2025-02@2025-02-20"])
        // schedules that never apply owe nothing
        #expect(try owed(ReportSchedule(grain: .month, rule: .weekday(.friday, nil)), start: "2025-01-01", asOf: "2025-12-31") == [])
    }

    @Test func owedDaily() throws {
        #expect(try owed(ReportSchedule(grain: .day), start: "2024-02-28", until: "2024-03-01", asOf: "2024-12-31")
            == ["2024-02-28@2024-02-28", "2024-02-29@2024-02-29", "2024-03-01@2024-03-01"])
    }
}
