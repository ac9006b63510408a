import Testing
import TuanthuCore

private func date(_ text: String) throws -> CivilDate {
    try #require(CivilDate.parse(utf8: text.utf8), "bad test date \(text)")
}

@Suite("CivilDate")
struct CivilDateTests {
    @Test(arguments: [
        (1900, false), (2000, true), (2024, true), (2025, false), (2100, false), (2400, true),
        (1996, true), (1997, false), (4, true), (1, false), (1600, true), (1700, false), (2023, false), (2028, true),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeapYear(year) == leap)
        #expect(CivilDate.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test(arguments: [
        (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31),
    ])
    func daysInMonth2025(month: Int, days: Int) {
        #expect(CivilDate.daysInMonth(year: 2025, month: month) == days)
        #expect(CivilDate(year: 2025, month: month, day: days) != nil)
        #expect(CivilDate(year: 2025, month: month, day: days + 1) == nil)
    }

    @Test func daysInMonthNormalisesMonth() {
        #expect(CivilDate.daysInMonth(year: 2023, month: 14) == 29)   // 2024-02
        #expect(CivilDate.daysInMonth(year: 2025, month: 0) == 31)    // 2024-12
    }

    @Test(arguments: [
        (2024, 2, 29, true), (2025, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
        (2025, 4, 31, false), (2025, 1, 0, false), (2025, 1, 32, false), (2025, 0, 1, false), (2025, 13, 1, false),
        (0, 1, 1, false), (1, 1, 1, true), (9999, 12, 31, true), (10000, 1, 1, false), (-5, 1, 1, false),
        (2025, -1, 1, false), (2025, 6, -3, false),
    ])
    func validation(year: Int, month: Int, day: Int, valid: Bool) {
        let d = CivilDate(year: year, month: month, day: day)
        #expect((d != nil) == valid)
        if let d { #expect(d.year == year && d.month == month && d.day == day) }
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2025-06-09", 20248),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896), ("1900-01-01", -25567), ("2100-12-31", 47846),
        ("2024-02-29", 19782),
    ])
    func knownDayNumbers(text: String, number: Int) throws {
        let d = try date(text)
        #expect(d.dayNumber == number)
        #expect(CivilDate(dayNumber: number) == d)
    }

    /// Every day from 1900-01-01 to 2100-12-31: consecutive day numbers, round trips, a 7-day weekday cycle.
    @Test func dayNumberRoundTripEveryDay1900To2100() throws {
        var expected = try date("1900-01-01").dayNumber
        var weekday = Weekday.monday.rawValue
        var failures = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CivilDate.daysInMonth(year: year, month: month) {
                    let d = try #require(CivilDate(year: year, month: month, day: day))
                    let n = d.dayNumber
                    let back = CivilDate(dayNumber: n)
                    if n != expected || back != d || d.weekday.rawValue != weekday
                        || d.adding(days: 1).dayNumber != n + 1 || back.description != Self.iso(year, month, day) {
                        failures += 1
                    }
                    expected += 1
                    weekday = weekday % 7 + 1
                }
            }
        }
        #expect(failures == 0)
        #expect(expected == (try date("2101-01-01")).dayNumber)
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)", dd = d < 10 ? "0\(d)" : "\(d)"
        return "\(y)-\(mm)-\(dd)"
    }

    @Test(arguments: [
        ("1970-01-01", Weekday.thursday), ("2025-06-12", .thursday), ("2000-01-01", .saturday),
        ("2024-02-29", .thursday), ("1900-01-01", .monday), ("2025-01-01", .wednesday), ("0001-01-01", .monday),
        ("9999-12-31", .friday), ("2025-06-09", .monday), ("2025-06-15", .sunday), ("1969-12-28", .sunday),
    ])
    func weekdays(text: String, weekday: Weekday) throws {
        #expect(try date(text).weekday == weekday)
    }

    @Test(arguments: Weekday.allCases)
    func weekdayNames(weekday: Weekday) {
        #expect(Weekday(name: weekday.name) == weekday)
        #expect(weekday.description == weekday.name)
    }

    @Test func weekdayNameSpelling() {
        #expect(Weekday.thursday.name == "thursday")
        #expect(Weekday(name: "Thursday") == nil)
        #expect(Weekday(name: "thu") == nil)
        #expect(Weekday(name: "") == nil)
        #expect(Weekday.monday.rawValue == 1 && Weekday.sunday.rawValue == 7)
    }

    @Test(arguments: [
        ("2024-02-28", 1, "2024-02-29"), ("2024-02-28", 2, "2024-03-01"), ("2025-02-28", 1, "2025-03-01"),
        ("2025-12-31", 1, "2026-01-01"), ("2025-01-01", -1, "2024-12-31"), ("2025-03-01", -1, "2025-02-28"),
        ("2025-06-09", 0, "2025-06-09"), ("2025-06-09", 365, "2026-06-09"), ("2024-06-09", -366, "2023-06-09"),
        ("1999-12-31", 1, "2000-01-01"), ("2000-02-28", 1, "2000-02-29"), ("1900-02-28", 1, "1900-03-01"),
    ])
    func addingDays(from: String, days: Int, to: String) throws {
        let a = try date(from), b = try date(to)
        #expect(a.adding(days: days) == b)
        #expect(b.days(since: a) == days)
        #expect(a.days(since: b) == -days)
    }

    @Test func ordering() throws {
        #expect(try date("2025-01-31") < date("2025-02-01"))
        #expect(try date("2024-12-31") < date("2025-01-01"))
        #expect(try !(date("2025-01-01") < date("2025-01-01")))
        #expect(try date("2025-03-20").dayOfYear == 79)
        #expect(try date("2024-12-31").dayOfYear == 366)
    }

    @Test func arithmeticIsTotal() throws {
        let far = CivilDate(dayNumber: Int.max)
        let early = CivilDate(dayNumber: Int.min)
        #expect(far > early)
        _ = try date("2025-01-01").adding(days: Int.max).description
        _ = try date("2025-01-01").adding(days: Int.min).weekday
        #expect(CivilDate(dayNumber: -719_163).description == "0000-12-31")
        #expect(CivilDate(dayNumber: 2_932_897).description == "10000-01-01")
        #expect(try date("0001-01-01").adding(days: -366).description == "0000-01-01")
        #expect(try date("0001-01-01").adding(days: -367).description == "-0001-12-31")
    }

    @Test(arguments: [
        ("2025-03-20", "2025-03-20"), ("0005-01-01", "0005-01-01"), ("2024-02-29", "2024-02-29"),
        ("9999-12-31", "9999-12-31"),
    ])
    func isoParsePrint(text: String, printed: String) throws {
        #expect(try date(text).description == printed)
    }

    @Test(arguments: [
        "", "2025", "2025-3-20", "2025-03-2", "25-03-20", "2025/03/20", "2025-02-30", "2025-02-29", "2025-13-01",
        "2025-00-10", "2025-01-00", "0000-01-01", "2025-03-20 ", " 2025-03-20", "2025-03-20T09:30", "2025-O3-20",
        "+025-03-20", "2025-03-+1", "20/03/2025", "2025--3-20", "２０２５-03-20",
    ])
    func isoRejects(text: String) {
        #expect(CivilDate.parse(utf8: text.utf8) == nil)
    }

    @Test(arguments: [
        ("20/3/2025", "2025-03-20"), ("20/03/2025", "2025-03-20"), ("1/1/2025", "2025-01-01"),
        ("01/01/2025", "2025-01-01"), ("29/2/2024", "2024-02-29"), ("31/12/9999", "9999-12-31"), ("5/11/2025", "2025-11-05"),
    ])
    func dayMonthYear(text: String, iso: String) throws {
        let parsed = try #require(CivilDate.parseDayMonthYear(utf8: text.utf8))
        #expect(parsed.description == iso)
    }

    @Test(arguments: [
        "", "32/1/2025", "29/2/2025", "0/1/2025", "1/0/2025", "1/13/2025", "20/3/25", "20/3/02025", "020/3/2025",
        "20/003/2025", "20-3-2025", "20/3/2025 ", "/3/2025", "20//2025", "20/3/", "2025-03-20", "20/3/0000", "a/3/2025",
    ])
    func dayMonthYearRejects(text: String) {
        #expect(CivilDate.parseDayMonthYear(utf8: text.utf8) == nil)
    }

    @Test func parsesEveryKindOfByteCollection() throws {
        let expected = try date("2025-03-20")
        let line = "x,2025-03-20,y"
        let cell = line.split(separator: ",")[1]
        #expect(CivilDate.parse(utf8: cell.utf8) == expected)                      // Substring.UTF8View
        #expect(CivilDate.parse(utf8: Array("2025-03-20".utf8)[...]) == expected)  // ArraySlice
        #expect(CivilDate.parse(utf8: "2025-03-20".utf8.lazy.map { $0 }) == expected)   // not contiguous
        #expect(CivilDate.parseDayMonthYear(utf8: "20/3/2025".utf8.lazy.map { $0 }) == expected)
        let long = String(repeating: "2", count: 100)
        #expect(CivilDate.parse(utf8: long.utf8.lazy.map { $0 }) == nil)
        #expect(Period.parse(utf8: long.utf8.lazy.map { $0 }) == nil)
        #expect(LocalDateTime.parse(utf8: long.utf8) == nil)
    }
}

@Suite("ClockTime and LocalDateTime")
struct LocalDateTimeTests {
    @Test(arguments: [
        (0, 0, 0, true), (23, 59, 59, true), (24, 0, 0, false), (10, 60, 0, false), (10, 0, 60, false),
        (-1, 0, 0, false), (12, -1, 0, false), (12, 0, -1, false),
    ])
    func clockValidation(hour: Int, minute: Int, second: Int, valid: Bool) {
        #expect((ClockTime(hour: hour, minute: minute, second: second) != nil) == valid)
    }

    @Test(arguments: [
        ("10:00", "10:00"), ("09:30", "09:30"), ("9:30", "09:30"), ("10:00:30", "10:00:30"), ("10:00:00", "10:00"),
        ("00:00", "00:00"), ("23:59:59", "23:59:59"),
    ])
    func clockParsePrint(text: String, printed: String) throws {
        let time = try #require(ClockTime.parse(utf8: text.utf8))
        #expect(time.description == printed)
    }

    @Test(arguments: ["", "24:00", "10:60", "10:00:60", "10", "10:0", "100:00", "10:000", "10:00:", "10:00:5", ":30", "10-00", "10:00 "])
    func clockRejects(text: String) {
        #expect(ClockTime.parse(utf8: text.utf8) == nil)
    }

    @Test func clockOrdering() throws {
        let a = try #require(ClockTime(hour: 9, minute: 59, second: 59))
        let b = try #require(ClockTime(hour: 10, minute: 0))
        #expect(a < b)
        #expect(b.secondOfDay == 36000)
    }

    @Test(arguments: [
        ("2025-06-12", "2025-06-12"), ("2025-06-12T09:30", "2025-06-12T09:30"), ("2025-06-12 09:30", "2025-06-12T09:30"),
        ("2025-06-12T09:30:15", "2025-06-12T09:30:15"), ("2025-06-12 09:30:00", "2025-06-12T09:30"),
        ("20/3/2025", "2025-03-20"), ("20/3/2025 09:30", "2025-03-20T09:30"), ("20/03/2025 9:05", "2025-03-20T09:05"),
        ("20/03/2025T23:59:59", "2025-03-20T23:59:59"), ("2025-06-12T00:00", "2025-06-12T00:00"),
        ("2024-02-29", "2024-02-29"), ("9999-12-31T23:59", "9999-12-31T23:59"), ("0001-01-01T00:00", "0001-01-01T00:00"),
    ])
    func localParse(text: String, printed: String) throws {
        let value = try #require(LocalDateTime.parse(utf8: text.utf8))
        #expect(value.description == printed)
        #expect(LocalDateTime.parse(utf8: printed.utf8) == value)
    }

    @Test(arguments: [
        "", "2025-06-12T25:00", "2025-6-12", "32/1/2025", "2025-02-30", "2025-06-12T", "2025-06-12 ", "2025-06-12  09:30",
        "2025-06-12T09:30Z", "2025-06-12T09:30:15.5", "2025-06-12T09:30+07:00", "2025-06-12t09:30", "T09:30", "09:30",
        "2025-06-12T09", "2025-06-12T24:00", "2025-06-12T09:60", "2025-06-12T09:30:60", " 2025-06-12", "20/3/2025 ",
        "2025-06-12T09:30 ", "2025-06-12x09:30",
        // The common ten- and sixteen-byte forms, read without searching, with a wrong byte at each kind of place.
        "2025-06-1a", "2025-0/-12", "/025-06-12", "0000-01-01", "2025-00-10", "2025-06-00", "2025-13-01", "2023-02-29",
        "2025-06-12T0:300", "2025-06-12T09:3/", "2025-06-12T:9:30", "2025-06-12T09-30", "2025-06-12T9a:30", "2025_06-12T09:30",
    ])
    func localRejects(text: String) {
        #expect(LocalDateTime.parse(utf8: text.utf8) == nil)
    }

    @Test func localOrdering() throws {
        let d = try date("2025-06-12")
        let untimed = LocalDateTime(date: d)
        let early = LocalDateTime(date: d, time: ClockTime(hour: 0, minute: 0))
        let late = LocalDateTime(date: d, time: ClockTime(hour: 10, minute: 30))
        let nextDay = LocalDateTime(date: d.adding(days: 1))
        #expect(untimed < early && early < late && late < nextDay)
        #expect(!(untimed < untimed))
        #expect(!(early < untimed))
    }
}

@Suite("Submission instants written as bytes")
struct LocalDateTimeBytesTests {
    /// Written where asked, after what is already there, the bytes are the description's.
    static func written(_ instant: LocalDateTime) -> [UInt8]? {
        var buf = [UInt8](repeating: 0x41, count: 1 + LocalDateTime.maxWrittenLength)
        let count = buf.withUnsafeMutableBufferPointer { instant.writeDescription(into: $0, at: 1) }
        return count.map { Array(buf[..<(1 + $0)]) }
    }

    @Test(arguments: ["2025-06-12", "2025-06-12T09:30", "2025-06-12T23:59:59", "0001-01-01T00:00"])
    func bytesAreTheDescription(_ text: String) throws {
        let instant = try #require(LocalDateTime.parse(utf8: text.utf8))
        #expect(Self.written(instant) == [0x41] + Array(instant.description.utf8))
        #expect(instant.description == text)
    }

    /// A year beyond four digits is not written (the compact CSV writer then writes the description).
    @Test func aDateOutsideTheUsualYearsIsLeftToTheDescription() {
        let far = LocalDateTime(date: CivilDate(dayNumber: 5_000_000), time: ClockTime(hour: 7, minute: 5))
        #expect(Self.written(far) == nil)
        #expect(far.description.utf8.count > 10)
    }
}
