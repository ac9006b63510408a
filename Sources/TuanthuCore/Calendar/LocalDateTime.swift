/// A wall-clock time of day, no time zone.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    @usableFromInline let storedHour: UInt8
    @usableFromInline let storedMinute: UInt8
    @usableFromInline let storedSecond: UInt8
    @inlinable public var hour: Int { Int(storedHour) }
    @inlinable public var minute: Int { Int(storedMinute) }
    @inlinable public var second: Int { Int(storedSecond) }

    /// Validates hour 0...23, minute and second 0...59 (no leap seconds, no "24:00").
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        storedHour = UInt8(hour)
        storedMinute = UInt8(minute)
        storedSecond = UInt8(second)
    }

    /// Seconds since midnight.
    @inlinable public var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    @inlinable
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool {
        lhs.secondOfDay < rhs.secondOfDay
    }

    /// "10:00", or "10:00:30" when the seconds are not zero.
    public var description: String {
        if CalendarBytes.timeFits(self) {
            return String(unsafeUninitializedCapacity: 8) { buf in CalendarBytes.putTime(hour, minute, second, buf, 0) }
        }
        let hm = CalendarBytes.padded(hour, width: 2) + ":" + CalendarBytes.padded(minute, width: 2)
        return second == 0 ? hm : hm + ":" + CalendarBytes.padded(second, width: 2)
    }

    /// "09:30", "9:30", "09:30:15": the hour takes one or two digits, minutes and seconds exactly two.
    @inlinable
    public static func parse<C: Collection>(utf8: C) -> ClockTime? where C.Element == UInt8 {
        CalendarBytes.withBuffer(utf8) { parseBuffer($0) }
    }

    @usableFromInline
    static func parseBuffer(_ b: UnsafeBufferPointer<UInt8>) -> ClockTime? {
        guard let (h, afterHour) = CalendarBytes.digitRun(b, from: 0, maxCount: 2),
              afterHour < b.count, b[afterHour] == CalendarBytes.colon,
              let m = CalendarBytes.digits(b, from: afterHour + 1, count: 2) else { return nil }
        let afterMinute = afterHour + 3
        if b.count == afterMinute { return ClockTime(hour: h, minute: m) }
        guard b.count == afterMinute + 3, b[afterMinute] == CalendarBytes.colon,
              let s = CalendarBytes.digits(b, from: afterMinute + 1, count: 2) else { return nil }
        return ClockTime(hour: h, minute: m, second: s)
    }
}

/// A submission instant as written in data: a date, maybe with a local time.
///
/// Ordering: by date, then a missing time sorts before any time on the same date.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CivilDate
    public var time: ClockTime?

    public init(date: CivilDate, time: ClockTime? = nil) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        switch (lhs.time, rhs.time) {
        case (nil, nil), (.some, nil): return false
        case (nil, .some): return true
        case let (.some(a), .some(b)): return a < b
        }
    }

    /// The most bytes `writeDescription` writes.
    public static let maxWrittenLength = 19

    /// Writes `description` at `at` and returns its length, when the year has four digits (always, for
    /// instants read from data); nil (nothing written) otherwise. The caller makes room for
    /// `maxWrittenLength` bytes.
    public func writeDescription(into buf: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int? {
        guard CalendarBytes.dateFits(date), time.map(CalendarBytes.timeFits) ?? true,
              at >= 0, at + Self.maxWrittenLength <= buf.count else { return nil }
        CalendarBytes.putDate(date.year, date.month, date.day, buf, at)
        guard let time else { return 10 }
        buf[at + 10] = CalendarBytes.upperT
        return 11 + CalendarBytes.putTime(time.hour, time.minute, time.second, buf, at + 11)
    }

    /// The forms data mostly holds, "2025-06-12" and "2025-06-12T09:30", read digit by digit without
    /// searching; nil for anything else (then read the general way, which accepts these too).
    @inline(__always)
    static func parseCommon(_ b: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        guard b.count == 10 || b.count == 16, let p = b.baseAddress,
              p[4] == CalendarBytes.hyphen, p[7] == CalendarBytes.hyphen else { return nil }
        @inline(__always) func digit(_ i: Int) -> UInt32 { UInt32(p[i]) &- 0x30 }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3), m0 = digit(5), m1 = digit(6), a0 = digit(8), a1 = digit(9)
        // A byte below '0' wraps to a large number: one comparison checks both ends.
        guard d0 <= 9, d1 <= 9, d2 <= 9, d3 <= 9, m0 <= 9, m1 <= 9, a0 <= 9, a1 <= 9 else { return nil }
        let year = Int(d0 &* 1000 &+ d1 &* 100 &+ d2 &* 10 &+ d3), month = Int(m0 &* 10 &+ m1), day = Int(a0 &* 10 &+ a1)
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        if b.count == 10 { return LocalDateTime(date: date) }
        guard p[10] == CalendarBytes.upperT, p[13] == CalendarBytes.colon else { return nil }
        let h0 = digit(11), h1 = digit(12), n0 = digit(14), n1 = digit(15)
        guard h0 <= 9, h1 <= 9, n0 <= 9, n1 <= 9, let time = ClockTime(hour: Int(h0 &* 10 &+ h1), minute: Int(n0 &* 10 &+ n1)) else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    /// "2025-06-12" or "2025-06-12T09:30" (seconds only when not zero).
    public var description: String {
        if let fast = CalendarBytes.dateTime(date, time) { return fast }
        guard let time else { return date.description }
        return date.description + "T" + time.description
    }

    /// Accepts a date (ISO "2025-06-12" or day/month/year "20/3/2025"), optionally followed by
    /// "T" or one space and a `ClockTime` ("09:30", "9:30", "09:30:15").
    /// No surrounding whitespace, time zone suffix or fractional seconds.
    @inlinable
    public static func parse<C: Collection>(utf8: C) -> LocalDateTime? where C.Element == UInt8 {
        CalendarBytes.withBuffer(utf8) { parseBuffer($0) }
    }

    @usableFromInline
    static func parseBuffer(_ b: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        if let common = parseCommon(b) { return common }
        var split = b.count
        for i in 0..<b.count where b[i] == CalendarBytes.upperT || b[i] == CalendarBytes.space {
            split = i
            break
        }
        let datePart = UnsafeBufferPointer(rebasing: b[0..<split])
        guard let date = datePart.count == 10 && datePart[4] == CalendarBytes.hyphen
            ? CivilDate.parseISO(datePart)
            : CivilDate.parseDMY(datePart) else { return nil }
        if split == b.count { return LocalDateTime(date: date) }
        guard let time = ClockTime.parseBuffer(UnsafeBufferPointer(rebasing: b[(split + 1)...])) else { return nil }
        return LocalDateTime(date: date, time: time)
    }
}
