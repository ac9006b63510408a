/// The size of a period, shortest first.
public enum Grain: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case day, week, month, quarter, half, year

    public static func < (lhs: Grain, rhs: Grain) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The schedule keyword: "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly".
    public var adverb: String {
        switch self {
        case .day: "daily"
        case .week: "weekly"
        case .month: "monthly"
        case .quarter: "quarterly"
        case .half: "half-yearly"
        case .year: "yearly"
        }
    }

    /// From the schedule keyword (lowercase, exactly as `adverb` spells it).
    public init?(adverb: String) {
        guard let match = Grain.allCases.first(where: { $0.adverb == adverb }) else { return nil }
        self = match
    }

    /// "day", "week", "month", "quarter", "half", "year".
    public var description: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        case .half: "half"
        case .year: "year"
        }
    }
}

/// A calendar period a plan can set obligations on.
///
/// `parse` only produces valid periods. Cases built directly with out-of-range numbers are still
/// handled without trapping: they are normalised arithmetically (`.month(year: 2025, month: 13)`
/// covers January 2026, `.week(year: 2025, week: 53)` is the week after 2025-W52), but they compare
/// unequal to their normalised spelling, so construct periods with valid numbers.
public enum Period: Sendable, Hashable, CustomStringConvertible {
    case day(CivilDate)
    /// ISO-8601 week: `year` is the week-numbering year, weeks start on Monday.
    case week(year: Int, week: Int)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case half(year: Int, half: Int)
    case year(Int)

    public var grain: Grain {
        switch self {
        case .day: .day
        case .week: .week
        case .month: .month
        case .quarter: .quarter
        case .half: .half
        case .year: .year
        }
    }

    /// The first (month/quarter/half/year: 0-based) calendar month index and month count, for month-based grains.
    private var monthSpan: (year: Int, firstMonth: Int, count: Int)? {
        switch self {
        case .day, .week: nil
        case let .month(y, m): (y, CalendarMath.clamp(m, 1_000_000_000), 1)
        case let .quarter(y, q): (y, (CalendarMath.clamp(q, 100_000_000) - 1) * 3 + 1, 3)
        case let .half(y, h): (y, (CalendarMath.clamp(h, 100_000_000) - 1) * 6 + 1, 6)
        case let .year(y): (y, 1, 12)
        }
    }

    public var firstDay: CivilDate {
        switch self {
        case let .day(date):
            return date
        case let .week(y, w):
            return Period.mondayOfWeekOne(isoYear: y).adding(days: 7 * (CalendarMath.clamp(w, 100_000_000) - 1))
        case .month, .quarter, .half, .year:
            guard let span = monthSpan else { return CivilDate(dayNumber: 0) }
            return CalendarMath.firstDay(year: span.year, month: span.firstMonth)
        }
    }

    public var lastDay: CivilDate {
        switch self {
        case let .day(date):
            return date
        case .week:
            return firstDay.adding(days: 6)
        case .month, .quarter, .half, .year:
            guard let span = monthSpan else { return CivilDate(dayNumber: 0) }
            return CalendarMath.lastDay(year: span.year, month: span.firstMonth + span.count - 1)
        }
    }

    /// "2025", "2025-H1", "2025-Q3", "2025-06", "2025-W05", "2025-03-20".
    public var description: String {
        let pad = CalendarBytes.padded
        let fits = CalendarBytes.fits
        switch self {
        case let .week(y, w) where fits(y, 4) && fits(w, 2):
            return String(unsafeUninitializedCapacity: 8) { b in
                CalendarBytes.put(y, 4, b, 0); b[4] = CalendarBytes.hyphen; b[5] = CalendarBytes.upperW; CalendarBytes.put(w, 2, b, 6); return 8
            }
        case let .month(y, m) where fits(y, 4) && fits(m, 2):
            return String(unsafeUninitializedCapacity: 7) { b in
                CalendarBytes.put(y, 4, b, 0); b[4] = CalendarBytes.hyphen; CalendarBytes.put(m, 2, b, 5); return 7
            }
        case let .quarter(y, q) where fits(y, 4) && fits(q, 1):
            return String(unsafeUninitializedCapacity: 7) { b in
                CalendarBytes.put(y, 4, b, 0); b[4] = CalendarBytes.hyphen; b[5] = CalendarBytes.upperQ; CalendarBytes.put(q, 1, b, 6); return 7
            }
        default: break
        }
        switch self {
        case let .day(date): return date.description
        case let .week(y, w): return pad(y, 4) + "-W" + pad(w, 2)
        case let .month(y, m): return pad(y, 4) + "-" + pad(m, 2)
        case let .quarter(y, q): return pad(y, 4) + "-Q" + String(q)
        case let .half(y, h): return pad(y, 4) + "-H" + String(h)
        case let .year(y): return pad(y, 4)
        }
    }

    // MARK: ISO weeks

    /// The Monday of week 1 of an ISO week-numbering year (the week holding 4 January).
    public static func mondayOfWeekOne(isoYear: Int) -> CivilDate {
        let jan4 = CivilDate(dayNumber: CalendarMath.daysFromCivil(year: isoYear, month: 1, day: 4))
        return jan4.adding(days: 1 - jan4.weekday.rawValue)
    }

    /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    public static func isoWeeksInYear(_ isoYear: Int) -> Int {
        let jan1 = CivilDate(dayNumber: CalendarMath.daysFromCivil(year: isoYear, month: 1, day: 1)).weekday
        if jan1 == .thursday || (jan1 == .wednesday && CivilDate.isLeapYear(CalendarMath.clamp(isoYear, CalendarMath.yearLimit))) {
            return 53
        }
        return 52
    }

    // MARK: Parsing

    /// The six forms of `description`, with ranges validated (years 1...9999, week within the ISO year).
    /// Letters are uppercase only; no surrounding whitespace.
    @inlinable
    public static func parse<C: Collection>(utf8: C) -> Period? where C.Element == UInt8 {
        CalendarBytes.withBuffer(utf8) { parseBuffer($0) }
    }

    @usableFromInline
    static func parseBuffer(_ b: UnsafeBufferPointer<UInt8>) -> Period? {
        guard b.count >= 4, let y = CalendarBytes.digits(b, from: 0, count: 4), y >= 1 else { return nil }
        if b.count == 4 { return .year(y) }
        guard b[4] == CalendarBytes.hyphen else { return nil }
        switch b.count {
        case 7:
            switch b[5] {
            case CalendarBytes.upperH:
                guard let h = CalendarBytes.digits(b, from: 6, count: 1), (1...2).contains(h) else { return nil }
                return .half(year: y, half: h)
            case CalendarBytes.upperQ:
                guard let q = CalendarBytes.digits(b, from: 6, count: 1), (1...4).contains(q) else { return nil }
                return .quarter(year: y, quarter: q)
            default:
                guard let m = CalendarBytes.digits(b, from: 5, count: 2), (1...12).contains(m) else { return nil }
                return .month(year: y, month: m)
            }
        case 8:
            // Every year has 52 ISO weeks; only week 53 needs the calendar.
            guard b[5] == CalendarBytes.upperW, let w = CalendarBytes.digits(b, from: 6, count: 2),
                  w >= 1, w <= 52 || (w == 53 && isoWeeksInYear(y) == 53) else { return nil }
            return .week(year: y, week: w)
        case 10:
            return CivilDate.parseISO(b).map(Period.day)
        default:
            return nil
        }
    }

    // MARK: Relations

    public func contains(_ date: CivilDate) -> Bool {
        firstDay <= date && date <= lastDay
    }

    /// True when `other` lies entirely inside `self` (a period contains itself).
    public func contains(_ other: Period) -> Bool {
        firstDay <= other.firstDay && other.lastDay <= lastDay
    }

    /// The period of the given grain that holds `date` (for weeks, in the ISO week-numbering year).
    public static func containing(_ date: CivilDate, grain: Grain) -> Period {
        switch grain {
        case .day:
            return .day(date)
        case .week:
            let thursday = date.adding(days: 4 - date.weekday.rawValue)
            return .week(year: thursday.year, week: (thursday.dayOfYear - 1) / 7 + 1)
        case .month:
            return .month(year: date.year, month: date.month)
        case .quarter:
            return .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
        case .half:
            return .half(year: date.year, half: (date.month - 1) / 6 + 1)
        case .year:
            return .year(date.year)
        }
    }

    /// The period of the same grain just before this one (2025-W01 -> 2024-W52, 2025-Q1 -> 2024-Q4).
    public var previous: Period {
        Period.containing(firstDay.adding(days: -1), grain: grain)
    }

    /// The period of the same grain just after this one.
    public var next: Period {
        Period.containing(lastDay.adding(days: 1), grain: grain)
    }

    /// Every period of `grain` that shares at least one day with `first...last`, in time order.
    /// Empty when `last` precedes `first`.
    public static func periods(grain: Grain, overlapping first: CivilDate, _ last: CivilDate) -> [Period] {
        guard first <= last else { return [] }
        var result: [Period] = []
        var period = containing(first, grain: grain)
        while period.firstDay <= last {
            result.append(period)
            let following = period.next
            guard following.firstDay > period.firstDay else { break }   // saturated at the end of representable time
            period = following
        }
        return result
    }

    /// The order findings are reported in: by last day, then the shorter period first
    /// (2025-06 < 2025-Q2 < 2025-H1 < 2025-07 < 2025), then by first day, then by text.
    public static func reportOrder(_ a: Period, _ b: Period) -> Bool {
        let (aLast, bLast) = (a.lastDay, b.lastDay)
        if aLast != bLast { return aLast < bLast }
        if a.grain != b.grain { return a.grain < b.grain }
        let (aFirst, bFirst) = (a.firstDay, b.firstDay)
        if aFirst != bFirst { return aFirst > bFirst }
        return a.description < b.description
    }
}
