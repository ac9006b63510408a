/// When a report is due: the last allowed day, and for timed deadlines the cutoff instant on that day.
public struct Deadline: Sendable, Hashable, CustomStringConvertible {
    /// Last allowed day.
    public var day: CivilDate
    /// For timed deadlines: the cutoff on `day`.
    public var time: ClockTime?
    /// `by thursday 10:00` (a report at exactly 10:00 is on time) versus `before thursday 10:00` (it is late).
    /// Ignored when `time` is nil.
    public var timeInclusive: Bool

    public init(day: CivilDate, time: ClockTime? = nil, timeInclusive: Bool = true) {
        self.day = day
        self.time = time
        self.timeInclusive = timeInclusive
    }

    /// "2025-06-09" or "2025-06-12T10:00".
    public var description: String {
        if let fast = CalendarBytes.dateTime(day, time) { return fast }
        guard let time else { return day.description }
        return day.description + "T" + time.description
    }

    /// Judges a submission against this deadline.
    ///
    /// Untimed: late iff the submission's date is after `day`, by the difference in days.
    /// Timed: an earlier date is on time, a later date late by the difference; on `day` itself a
    /// submission without a time is on time (`timeNotGiven: true`), otherwise it is on time when
    /// earlier than the cutoff (or equal to it, when inclusive), else late by 0 days.
    @inlinable
    public func judge(_ submitted: LocalDateTime) -> Timeliness {
        // Days are counted only for late submissions (most are on time).
        if submitted.date > day { return .late(daysLate: submitted.date.days(since: day)) }
        guard let cutoff = time, submitted.date == day else { return .onTime(timeNotGiven: false) }
        guard let at = submitted.time else { return .onTime(timeNotGiven: true) }
        let inTime = timeInclusive ? at <= cutoff : at < cutoff
        return inTime ? .onTime(timeNotGiven: false) : .late(daysLate: 0)
    }
}

public enum Timeliness: Sendable, Equatable {
    /// `timeNotGiven`: the submission fell on a timed deadline's day without a time, so it was given the benefit of the doubt.
    case onTime(timeNotGiven: Bool)
    /// Days after the deadline's day; 0 for a same-day submission after a timed cutoff.
    case late(daysLate: Int)
}

/// What follows `before` / `by` in a schedule.
public enum DayRule: Sendable, Hashable {
    /// `day 10`: a day of the selected month (29...31 clamp to the month's last day). Valid numbers: 1...31.
    case dayOfMonth(Int)
    /// `thursday` or `thursday 10:00`: a day of the ISO week (weekly schedules only).
    case weekday(Weekday, ClockTime?)
}

/// `of first month` / `of last month` / `of month N`.
public enum MonthSelector: Sendable, Hashable {
    case first, last
    /// A calendar month number 1...12 that must lie inside the period.
    case number(Int)
}

/// A report schedule such as `monthly before day 10` or `weekly before thursday 10:00`.
/// The deadline always lies inside the period being reported (a strict `before day 1` or
/// `before monday` gives the day before the period starts).
public struct ReportSchedule: Sendable, Hashable, CustomStringConvertible {
    /// `.week`, `.month`, `.quarter`, `.half`, `.year` (`.day` only supports a nil rule).
    public var grain: Grain
    /// `by` = true, `before` = false. Ignored when `rule` is nil (always inclusive).
    public var inclusive: Bool
    /// nil: due on the period's last day (or the selected month's last day), inclusive.
    public var rule: DayRule?
    /// `of ...`; nil means the period's last month.
    public var month: MonthSelector?

    public init(grain: Grain, inclusive: Bool = false, rule: DayRule? = nil, month: MonthSelector? = nil) {
        self.grain = grain
        self.inclusive = inclusive
        self.rule = rule
        self.month = month
    }

    /// Source-like text: "weekly before thursday 10:00", "quarterly by day 10 of month 9", "yearly".
    public var description: String {
        var text = grain.adverb
        switch rule {
        case nil:
            break
        case let .dayOfMonth(n):
            text += (inclusive ? " by" : " before") + " day " + String(n)
        case let .weekday(weekday, time):
            text += (inclusive ? " by " : " before ") + weekday.name
            if let time { text += " " + time.description }
        }
        switch month {
        case nil: break
        case .first: text += " of first month"
        case .last: text += " of last month"
        case let .number(n): text += " of month " + String(n)
        }
        return text
    }

    /// The deadline for one period, or nil when the schedule cannot apply to it: the period's grain
    /// differs from the schedule's, a weekday rule on a non-weekly schedule, a day rule or a month
    /// selector on a weekly/daily schedule, a day number outside 1...31, or a month N outside the period.
    public func deadline(for period: Period) -> Deadline? {
        guard period.grain == grain else { return nil }
        switch rule {
        case nil:
            guard let month else { return Deadline(day: period.lastDay) }
            guard let (y, m) = ReportSchedule.select(month, in: period) else { return nil }
            return Deadline(day: CalendarMath.lastDay(year: y, month: m))
        case let .weekday(weekday, time):
            guard grain == .week, month == nil else { return nil }
            let target = period.firstDay.adding(days: weekday.rawValue - 1)
            if let time { return Deadline(day: target, time: time, timeInclusive: inclusive) }
            return Deadline(day: inclusive ? target : target.adding(days: -1))
        case let .dayOfMonth(n):
            guard (1...31).contains(n), let (y, m) = ReportSchedule.select(month ?? .last, in: period) else { return nil }
            let date = CivilDate(uncheckedYear: y, month: m, day: min(n, CivilDate.daysInMonth(year: y, month: m)))
            return Deadline(day: inclusive ? date : date.adding(days: -1))
        }
    }

    /// The calendar month a selector picks inside a month-based period.
    private static func select(_ selector: MonthSelector, in period: Period) -> (year: Int, month: Int)? {
        guard period.grain >= .month else { return nil }
        let first = period.firstDay, last = period.lastDay
        switch selector {
        case .first: return (first.year, first.month)
        case .last: return (last.year, last.month)
        case let .number(n):
            guard first.year == last.year, n >= first.month, n <= last.month else { return nil }
            return (first.year, n)
        }
    }

    /// Periods owed (SPEC 4.3), in time order: a period is owed when its deadline's day falls on or
    /// after `start` (the plan's issued date, or `from` if later), it begins on or before `asOf`,
    /// and, when `until` is given, it ends on or before `until`. Periods the schedule cannot apply to
    /// (`deadline(for:)` is nil) are skipped.
    public func owedPeriods(start: CivilDate, until: CivilDate?, asOf: CivilDate) -> [(period: Period, deadline: Deadline)] {
        var owed: [(period: Period, deadline: Deadline)] = []
        // A deadline never lies after its period's last day nor more than one day before its first,
        // so no period ending before `start - 1` can be owed.
        var period = Period.containing(start.adding(days: -1), grain: grain)
        while period.firstDay <= asOf {
            if let until, period.lastDay > until { break }
            if let deadline = deadline(for: period), deadline.day >= start {
                owed.append((period, deadline))
            }
            let following = period.next
            guard following.firstDay > period.firstDay else { break }   // saturated at the end of representable time
            period = following
        }
        return owed
    }
}
