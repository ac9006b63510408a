/// A proleptic Gregorian calendar date with no time zone.
///
/// Arithmetic is done on day numbers (days since 1970-01-01) with Howard Hinnant's
/// days-from-civil algorithm; Foundation's `Calendar`/`Date` are deliberately not used.
///
/// The validating initialiser and the parsers accept years 1...9999 only. Arithmetic
/// (`adding(days:)`, `init(dayNumber:)`) is total: it may step outside that range (year 0,
/// year 10000, ...) and saturates at roughly ±1.9 million years instead of trapping.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored compactly (8 bytes): a national run holds millions of dates. Years stay within ±2 million.
    // Visible to inlined code (comparisons, `Deadline.judge`): judging a million report cells compares dates.
    @usableFromInline let storedYear: Int32
    @usableFromInline let storedMonth: UInt8
    @usableFromInline let storedDay: UInt8
    @inlinable public var year: Int { Int(storedYear) }
    @inlinable public var month: Int { Int(storedMonth) }
    @inlinable public var day: Int { Int(storedDay) }

    /// The date as one number that orders as the date does.
    @inlinable var ordinal: Int64 { Int64(storedYear) << 16 | Int64(storedMonth) << 8 | Int64(storedDay) }

    /// Validates: years 1...9999, months 1...12, days within the month (leap years honoured).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInRealMonth(year: year, month: month) else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Trusted construction from fields already known to form a real date.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
    }

    /// The date `dayNumber` days after 1970-01-01 (negative: before). Saturates far outside 1...9999.
    public init(dayNumber: Int) {
        let z0 = min(max(dayNumber, -CalendarMath.dayNumberLimit), CalendarMath.dayNumberLimit)
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097                                          // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365    // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)                    // [0, 365]
        let mp = (5 * doy + 2) / 153                                         // [0, 11], March-based
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(uncheckedYear: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it). A date's month is always 1...12 and its day within it,
    /// so days_from_civil needs no normalising here.
    public var dayNumber: Int {
        CalendarMath.daysFromNormalized(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CivilDate(dayNumber: overflow ? (days > 0 ? Int.max : Int.min) : sum)
    }

    /// `self - other` in days: positive when `self` is later.
    public func days(since other: CivilDate) -> Int {
        dayNumber - other.dayNumber
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = CalendarMath.floorMod(dayNumber + 3, 7)   // 0 = Monday
        return Weekday(rawValue: index + 1) ?? .monday
    }

    /// 1-based ordinal day within the year (1...366).
    public var dayOfYear: Int {
        dayNumber - CalendarMath.daysFromCivil(year: year, month: 1, day: 1) + 1
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in a month. Months outside 1...12 are normalised (month 13 of 2025 is January 2026).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        let (y, m) = CalendarMath.normalize(year: year, month: month)
        return daysInRealMonth(year: y, month: m)
    }

    /// Days in month 1...12 of `year` (no normalising: every parsed date asks).
    @inline(__always)
    static func daysInRealMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inlinable
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.ordinal < rhs.ordinal }

    @inlinable
    public static func == (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.ordinal == rhs.ordinal }

    /// "2025-06-09".
    public var description: String {
        if let fast = CalendarBytes.dateTime(self, nil) { return fast }
        return CalendarBytes.padded(year, width: 4) + "-" + CalendarBytes.padded(month, width: 2)
            + "-" + CalendarBytes.padded(day, width: 2)
    }

    /// ISO form only: exactly four, two and two digits separated by hyphens ("2025-03-20").
    @inlinable
    public static func parse<C: Collection>(utf8: C) -> CivilDate? where C.Element == UInt8 {
        CalendarBytes.withBuffer(utf8) { parseISO($0) }
    }

    /// Vietnamese day/month/year: "20/3/2025", "20/03/2025", "1/1/2025".
    /// Day and month take one or two digits, the year exactly four.
    @inlinable
    public static func parseDayMonthYear<C: Collection>(utf8: C) -> CivilDate? where C.Element == UInt8 {
        CalendarBytes.withBuffer(utf8) { parseDMY($0) }
    }

    @usableFromInline
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard b.count == 10, b[4] == CalendarBytes.hyphen, b[7] == CalendarBytes.hyphen,
              let y = CalendarBytes.digits(b, from: 0, count: 4),
              let m = CalendarBytes.digits(b, from: 5, count: 2),
              let d = CalendarBytes.digits(b, from: 8, count: 2) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    @usableFromInline
    static func parseDMY(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard let (d, afterDay) = CalendarBytes.digitRun(b, from: 0, maxCount: 2),
              afterDay < b.count, b[afterDay] == CalendarBytes.slash,
              let (m, afterMonth) = CalendarBytes.digitRun(b, from: afterDay + 1, maxCount: 2),
              afterMonth < b.count, b[afterMonth] == CalendarBytes.slash,
              b.count == afterMonth + 5,
              let y = CalendarBytes.digits(b, from: afterMonth + 1, count: 4) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}

/// ISO weekday numbering: Monday = 1 ... Sunday = 7.
public enum Weekday: Int, Sendable, CaseIterable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Lowercase English name: "thursday".
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// From the lowercase English name; anything else (including capitalised names) is nil.
    public init?(name: String) {
        guard let match = Weekday.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public var description: String { name }
}

/// Integer helpers for the calendar code. All are total (no traps on extreme inputs).
enum CalendarMath {
    /// Day numbers are clamped to this magnitude (about ±1.9 million years, inside `yearLimit`) before arithmetic.
    static let dayNumberLimit = 700_000_000
    /// Years are clamped to this magnitude before arithmetic.
    static let yearLimit = 2_000_000

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    static func clamp(_ value: Int, _ limit: Int) -> Int {
        min(max(value, -limit), limit)
    }

    /// Brings a (year, month) pair with any month number into range: month 13 -> January of the next year.
    static func normalize(year: Int, month: Int) -> (year: Int, month: Int) {
        let y = clamp(year, yearLimit)
        let m = clamp(month, yearLimit * 12)
        let index = y * 12 + (m - 1)
        return (floorDiv(index, 12), floorMod(index, 12) + 1)
    }

    /// Howard Hinnant's days_from_civil. Month is normalised; day may be any (clamped) number.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let (y, m) = normalize(year: year, month: month)
        return daysFromNormalized(year: y, month: m, day: clamp(day, dayNumberLimit))
    }

    /// days_from_civil for a month in 1...12 and a year and day within the clamped limits.
    @inline(__always)
    static func daysFromNormalized(year y0: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400                                         // [0, 399]
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1        // [0, 365] for real days
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy                  // [0, 146096]
        return era * 146_097 + doe - 719_468
    }

    /// The first day of a (possibly unnormalised) month.
    static func firstDay(year: Int, month: Int) -> CivilDate {
        let (y, m) = normalize(year: year, month: month)
        return CivilDate(uncheckedYear: y, month: m, day: 1)
    }

    /// The last day of a (possibly unnormalised) month.
    static func lastDay(year: Int, month: Int) -> CivilDate {
        let (y, m) = normalize(year: year, month: month)
        return CivilDate(uncheckedYear: y, month: m, day: CivilDate.daysInMonth(year: y, month: m))
    }
}
