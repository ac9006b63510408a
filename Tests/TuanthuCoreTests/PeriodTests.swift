import Testing
import TuanthuCore

private func date(_ text: String) throws -> CivilDate {
    try #require(CivilDate.parse(utf8: text.utf8), "bad test date \(text)")
}

private func period(_ text: String) throws -> Period {
    try #require(Period.parse(utf8: text.utf8), "bad test period \(text)")
}

@Suite("Period")
struct PeriodTests {
    // MARK: Parsing and printing

    @Test(arguments: [
        ("2025", Grain.year, "2025-01-01", "2025-12-31"),
        ("2025-H1", .half, "2025-01-01", "2025-06-30"),
        ("2025-H2", .half, "2025-07-01", "2025-12-31"),
        ("2025-Q1", .quarter, "2025-01-01", "2025-03-31"),
        ("2024-Q1", .quarter, "2024-01-01", "2024-03-31"),
        ("2025-Q2", .quarter, "2025-04-01", "2025-06-30"),
        ("2025-Q3", .quarter, "2025-07-01", "2025-09-30"),
        ("2025-Q4", .quarter, "2025-10-01", "2025-12-31"),
        ("2025-01", .month, "2025-01-01", "2025-01-31"),
        ("2025-02", .month, "2025-02-01", "2025-02-28"),
        ("2024-02", .month, "2024-02-01", "2024-02-29"),
        ("2025-06", .month, "2025-06-01", "2025-06-30"),
        ("2025-12", .month, "2025-12-01", "2025-12-31"),
        ("2025-W01", .week, "2024-12-30", "2025-01-05"),
        ("2025-W05", .week, "2025-01-27", "2025-02-02"),
        ("2025-W23", .week, "2025-06-02", "2025-06-08"),
        ("2025-W24", .week, "2025-06-09", "2025-06-15"),
        ("2025-W52", .week, "2025-12-22", "2025-12-28"),
        ("2020-W53", .week, "2020-12-28", "2021-01-03"),
        ("2026-W53", .week, "2026-12-28", "2027-01-03"),
        ("2027-W01", .week, "2027-01-04", "2027-01-10"),
        ("2015-W53", .week, "2015-12-28", "2016-01-03"),
        ("2025-03-20", .day, "2025-03-20", "2025-03-20"),
        ("2024-02-29", .day, "2024-02-29", "2024-02-29"),
        ("0001", .year, "0001-01-01", "0001-12-31"),
        ("9999-Q4", .quarter, "9999-10-01", "9999-12-31"),
    ])
    func parsePrintBounds(text: String, grain: Grain, first: String, last: String) throws {
        let p = try period(text)
        #expect(p.description == text)
        #expect(p.grain == grain)
        #expect(p.firstDay == (try date(first)))
        #expect(p.lastDay == (try date(last)))
        #expect(Period.parse(utf8: p.description.utf8) == p)
    }

    @Test func parsedCases() throws {
        #expect(try period("2025") == .year(2025))
        #expect(try period("2025-H2") == .half(year: 2025, half: 2))
        #expect(try period("2025-Q3") == .quarter(year: 2025, quarter: 3))
        #expect(try period("2025-06") == .month(year: 2025, month: 6))
        #expect(try period("2025-W05") == .week(year: 2025, week: 5))
        #expect(try period("2025-03-20") == .day(date("2025-03-20")))
    }

    @Test(arguments: [
        "", "202", "20255", "0000", "0000-01", "2025-13", "2025-00", "2025-1", "2025-001", "2025-Q0", "2025-Q5",
        "2025-Q", "2025-Q12", "2025-H0", "2025-H3", "2025-H", "2025-W00", "2025-W54", "2025-W53", "2021-W53",
        "2024-W53", "2025-W1", "2025-W001", "2025-w05", "2025-q3", "2025-h1", "2025-02-30", "2025-02-29",
        "2025-3-20", "2025-06-31", " 2025", "2025 ", "2025/06", "2025-M06", "2025-", "-2025", "2025-Q3-1",
        "2025_Q3", "2025-X1", "2025-06-1", "2025-06-001", "20250620", "2025-H1 ",
    ])
    func parseRejects(text: String) {
        #expect(Period.parse(utf8: text.utf8) == nil)
    }

    // MARK: ISO weeks

    @Test(arguments: [
        (1998, 53, "1997-12-29"), (1999, 52, "1999-01-04"), (2000, 52, "2000-01-03"), (2001, 52, "2001-01-01"),
        (2002, 52, "2001-12-31"), (2003, 52, "2002-12-30"), (2004, 53, "2003-12-29"), (2005, 52, "2005-01-03"),
        (2006, 52, "2006-01-02"), (2007, 52, "2007-01-01"), (2008, 52, "2007-12-31"), (2009, 53, "2008-12-29"),
        (2010, 52, "2010-01-04"), (2011, 52, "2011-01-03"), (2012, 52, "2012-01-02"), (2013, 52, "2012-12-31"),
        (2014, 52, "2013-12-30"), (2015, 53, "2014-12-29"), (2016, 52, "2016-01-04"), (2017, 52, "2017-01-02"),
        (2018, 52, "2018-01-01"), (2019, 52, "2018-12-31"), (2020, 53, "2019-12-30"), (2021, 52, "2021-01-04"),
        (2022, 52, "2022-01-03"), (2023, 52, "2023-01-02"), (2024, 52, "2024-01-01"), (2025, 52, "2024-12-30"),
        (2026, 53, "2025-12-29"), (2027, 52, "2027-01-04"), (2028, 52, "2028-01-03"), (2029, 52, "2029-01-01"),
        (2030, 52, "2029-12-31"), (2031, 52, "2030-12-30"), (2032, 53, "2031-12-29"), (2033, 52, "2033-01-03"),
        (2034, 52, "2034-01-02"), (2035, 52, "2035-01-01"), (2036, 52, "2035-12-31"), (2037, 53, "2036-12-29"),
        (2038, 52, "2038-01-04"), (2039, 52, "2039-01-03"), (2040, 52, "2040-01-02"),
    ])
    func isoYears(year: Int, weeks: Int, mondayOfWeekOne: String) throws {
        let monday = try date(mondayOfWeekOne)
        #expect(Period.isoWeeksInYear(year) == weeks)
        #expect(Period.mondayOfWeekOne(isoYear: year) == monday)
        #expect(Period.week(year: year, week: 1).firstDay == monday)
        #expect(Period.containing(monday, grain: .week) == .week(year: year, week: 1))
        #expect(Period.containing(monday.adding(days: -1), grain: .week) == .week(year: year - 1, week: Period.isoWeeksInYear(year - 1)))
        let text = "\(year)-W\(weeks)"
        #expect(Period.parse(utf8: text.utf8) == .week(year: year, week: weeks))
        #expect(Period.parse(utf8: "\(year)-W\(weeks + 1)".utf8) == nil)
        #expect(Period.week(year: year, week: weeks).next == .week(year: year + 1, week: 1))
    }

    @Test(arguments: [
        ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"), ("2024-12-30", "2025-W01"), ("2024-12-29", "2024-W52"),
        ("2025-01-01", "2025-W01"), ("2027-01-03", "2026-W53"), ("2026-12-31", "2026-W53"), ("2027-01-04", "2027-W01"),
        ("2025-06-12", "2025-W24"), ("2025-12-29", "2026-W01"), ("2016-01-01", "2015-W53"),
    ])
    func weekContaining(day: String, week: String) throws {
        #expect(Period.containing(try date(day), grain: .week) == (try period(week)))
    }

    /// Every day 1900...2100: the containing week holds the day, starts on a Monday, has a valid number,
    /// and the week changes exactly on Mondays, to the next week.
    @Test func weeksOfEveryDay1900To2100() throws {
        var day = try date("1900-01-01")
        let end = try date("2100-12-31")
        var current = Period.containing(day, grain: .week)
        var failures = 0
        while day <= end {
            let w = Period.containing(day, grain: .week)
            guard case let .week(y, n) = w else { failures += 1; break }
            if !w.contains(day) || w.firstDay.weekday != .monday || w.lastDay.days(since: w.firstDay) != 6
                || n < 1 || n > Period.isoWeeksInYear(y) || Period.parse(utf8: w.description.utf8) != w {
                failures += 1
            }
            if day.weekday == .monday, day != (try date("1900-01-01")) {
                if w != current.next || w.previous != current { failures += 1 }
            } else if w != current {
                failures += 1
            }
            current = w
            day = day.adding(days: 1)
        }
        #expect(failures == 0)
    }

    // MARK: containing / contains

    @Test(arguments: [
        ("2025-03-20", Grain.day, "2025-03-20"), ("2025-03-20", .week, "2025-W12"), ("2025-03-20", .month, "2025-03"),
        ("2025-03-20", .quarter, "2025-Q1"), ("2025-03-20", .half, "2025-H1"), ("2025-03-20", .year, "2025"),
        ("2025-07-01", .quarter, "2025-Q3"), ("2025-06-30", .half, "2025-H1"), ("2025-07-01", .half, "2025-H2"),
        ("2025-12-31", .quarter, "2025-Q4"), ("2025-12-31", .week, "2026-W01"),
    ])
    func containing(day: String, grain: Grain, expected: String) throws {
        let p = Period.containing(try date(day), grain: grain)
        #expect(p == (try period(expected)))
        #expect(p.contains(try date(day)))
    }

    @Test(arguments: [
        ("2025-Q3", "2025-07-01", true), ("2025-Q3", "2025-09-30", true), ("2025-Q3", "2025-06-30", false),
        ("2025-Q3", "2025-10-01", false), ("2025-W01", "2024-12-30", true), ("2025-W01", "2024-12-29", false),
        ("2025-W01", "2025-01-05", true), ("2025-W01", "2025-01-06", false), ("2024-02", "2024-02-29", true),
        ("2025", "2025-12-31", true), ("2025", "2026-01-01", false), ("2025-03-20", "2025-03-20", true),
        ("2025-03-20", "2025-03-21", false),
    ])
    func containsDate(p: String, day: String, inside: Bool) throws {
        #expect(try period(p).contains(date(day)) == inside)
    }

    @Test(arguments: [
        ("2025", "2025-Q3", true), ("2025", "2025-H2", true), ("2025-H1", "2025-Q2", true), ("2025-H1", "2025-Q3", false),
        ("2025-Q2", "2025-06", true), ("2025-Q2", "2025-07", false), ("2025-06", "2025-06-30", true),
        ("2025-06", "2025-W23", true), ("2025-06", "2025-W27", false), ("2025", "2025-W01", false),
        ("2025", "2025-W02", true), ("2025-Q3", "2025-Q3", true), ("2025-Q3", "2025", false), ("2025-W01", "2025-01-01", true),
        ("2024", "2025-W01", false),
    ])
    func containsPeriod(outer: String, inner: String, inside: Bool) throws {
        #expect(try period(outer).contains(period(inner)) == inside)
    }

    // MARK: previous / next

    @Test(arguments: [
        ("2025-01", "2024-12"), ("2025-W01", "2024-W52"), ("2021-W01", "2020-W53"), ("2027-W01", "2026-W53"),
        ("2025-Q1", "2024-Q4"), ("2025-H1", "2024-H2"), ("2025", "2024"), ("2025-01-01", "2024-12-31"),
        ("2024-03-01", "2024-02-29"), ("2025-07", "2025-06"), ("2025-Q3", "2025-Q2"), ("2025-H2", "2025-H1"),
        ("2025-W24", "2025-W23"), ("2020-W53", "2020-W52"),
    ])
    func previousNext(later: String, earlier: String) throws {
        let a = try period(later), b = try period(earlier)
        #expect(a.previous == b)
        #expect(b.next == a)
    }

    @Test(arguments: Grain.allCases)
    func previousNextChain(grain: Grain) throws {
        var p = Period.containing(try date("2019-11-15"), grain: grain)
        for _ in 0..<120 {
            let n = p.next
            #expect(n.firstDay == p.lastDay.adding(days: 1))
            #expect(n.previous == p)
            #expect(n.grain == grain)
            p = n
        }
    }

    // MARK: periods(grain:overlapping:)

    @Test func overlapping() throws {
        let months = Period.periods(grain: .month, overlapping: try date("2025-02-14"), try date("2025-05-20"))
        #expect(months.map(\.description) == ["2025-02", "2025-03", "2025-04", "2025-05"])
        let weeks = Period.periods(grain: .week, overlapping: try date("2024-12-25"), try date("2025-01-06"))
        #expect(weeks.map(\.description) == ["2024-W52", "2025-W01", "2025-W02"])
        let quarters = Period.periods(grain: .quarter, overlapping: try date("2025-03-31"), try date("2025-04-01"))
        #expect(quarters.map(\.description) == ["2025-Q1", "2025-Q2"])
        let one = Period.periods(grain: .year, overlapping: try date("2025-03-31"), try date("2025-03-31"))
        #expect(one == [.year(2025)])
        #expect(Period.periods(grain: .day, overlapping: try date("2025-03-01"), try date("2025-02-28")).isEmpty)
        let days = Period.periods(grain: .day, overlapping: try date("2024-02-27"), try date("2024-03-01"))
        #expect(days.map(\.description) == ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"])
        let halves = Period.periods(grain: .half, overlapping: try date("2024-12-31"), try date("2025-07-01"))
        #expect(halves.map(\.description) == ["2024-H2", "2025-H1", "2025-H2"])
    }

    // MARK: reportOrder

    @Test func reportOrderSorts() throws {
        let expected = [
            "2025-W26", "2025-06-30", "2025-06", "2025-Q2", "2025-H1", "2025-W27", "2025-07", "2025-W35", "2025-08",
            "2025-Q3", "2025-12-31", "2025-12", "2025-Q4", "2025-H2", "2025",
        ]
        let periods = try expected.map(period)
        for shuffled in [periods.reversed(), periods.shuffled(), periods.shuffled()] {
            #expect(shuffled.sorted(by: Period.reportOrder).map(\.description) == expected)
        }
        #expect(try Period.reportOrder(period("2025-06"), period("2025-Q2")))
        #expect(try Period.reportOrder(period("2025-Q2"), period("2025-H1")))
        #expect(try Period.reportOrder(period("2025-H1"), period("2025-07")))
        #expect(try Period.reportOrder(period("2025-07"), period("2025")))
        #expect(try !Period.reportOrder(period("2025-Q2"), period("2025-Q2")))
        #expect(try !Period.reportOrder(period("2025"), period("2025-12")))
    }

    // MARK: Robustness of directly built cases

    @Test func unnormalisedCasesDoNotTrap() throws {
        #expect(Period.month(year: 2025, month: 13).firstDay == (try date("2026-01-01")))
        #expect(Period.quarter(year: 2025, quarter: 0).lastDay == (try date("2024-12-31")))
        #expect(Period.week(year: 2025, week: 53).firstDay == (try date("2025-12-29")))
        #expect(Period.month(year: 2025, month: 13).next == .month(year: 2026, month: 2))
        for p in [Period.month(year: Int.max, month: Int.min), .week(year: Int.min, week: Int.max), .year(Int.max),
                  .half(year: 0, half: Int.min), .quarter(year: -7, quarter: 99)] {
            _ = p.description
            _ = p.firstDay <= p.lastDay
            _ = p.next.previous
        }
    }

    @Test(arguments: Grain.allCases)
    func grainNames(grain: Grain) {
        #expect(Grain(adverb: grain.adverb) == grain)
        #expect(Period.containing(CivilDate(dayNumber: 20000), grain: grain).grain == grain)
    }

    @Test func grainOrder() {
        #expect(Grain.allCases.sorted() == [.day, .week, .month, .quarter, .half, .year])
        #expect(Grain.half.adverb == "half-yearly")
        #expect(Grain(adverb: "Monthly") == nil)
    }
}

@Suite("Period extremes")
struct PeriodExtremeTests {
    @Test func loopsStopAtTheEndOfRepresentableTime() {
        let end = CivilDate(dayNumber: Int.max)
        let near = end.adding(days: -3)
        #expect(Period.periods(grain: .day, overlapping: near, end).count == 4)
        let owed = ReportSchedule(grain: .day).owedPeriods(start: near, until: nil, asOf: end)
        #expect(owed.count == 4)
    }
}
