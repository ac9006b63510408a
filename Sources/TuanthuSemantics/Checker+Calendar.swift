import TuanthuCore
import TuanthuSyntax

extension Checker {
    /// A calendar literal as a period; reports invalid ones (`2025-02-30`, `2025-13`, `2025-Q5`).
    mutating func period(_ c: CalendarLiteral) -> Period? {
        if let p = Period.parse(utf8: c.text.utf8) { return p }
        let isDateShape = c.text.split(separator: "-").count == 3
        report(Diagnostic(isDateShape ? .invalidDate(c.text) : .invalidPeriod(c.text), at: c.span))
        return nil
    }

    /// A calendar literal that must be a single day.
    mutating func date(_ c: CalendarLiteral, role: PeriodContext) -> CivilDate? {
        guard let p = period(c) else { return nil }
        if case .day(let d) = p { return d }
        report(Diagnostic(.periodKindNotAllowed(period: c.text, context: role), at: c.span))
        return nil
    }

    /// `from X`: the first day of X.
    mutating func startDate(_ c: CalendarLiteral) -> CivilDate? { period(c)?.firstDay }

    /// `until X`: the last day of X.
    mutating func endDate(_ c: CalendarLiteral) -> CivilDate? { period(c)?.lastDay }

    /// A year literal (`2030`), or nil with a diagnostic.
    mutating func year(_ c: CalendarLiteral) -> Int? {
        guard let p = period(c) else { return nil }
        if case .year(let y) = p { return y }
        report(Diagnostic(.periodKindNotAllowed(period: c.text, context: .yearExpected), at: c.span))
        return nil
    }

    mutating func clock(_ t: TimeLiteral) -> ClockTime? {
        // `H:MM` or `HH:MM` in ASCII digits (as the lexer writes times), read without splitting the text.
        var hour = 0, minute = 0, hourDigits = 0, minuteDigits = 0, colons = 0, other = false
        for b in t.text.utf8 {
            if b == UInt8(ascii: ":") {
                colons += 1
            } else if b >= 0x30 && b <= 0x39, colons == 0 {
                if hourDigits < 3 { hour = hour * 10 + Int(b - 0x30) }
                hourDigits += 1
            } else if b >= 0x30 && b <= 0x39 {
                if minuteDigits < 3 { minute = minute * 10 + Int(b - 0x30) }
                minuteDigits += 1
            } else {
                other = true
            }
        }
        if !other, colons == 1, hourDigits == 1 || hourDigits == 2, minuteDigits == 2,
           let time = ClockTime(hour: hour, minute: minute, second: 0) {
            return time
        }
        let parts = t.text.split(separator: ":")
        if parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
           let time = ClockTime(hour: h, minute: m, second: 0) {
            return time
        }
        report(Diagnostic(.invalidTime(t.text), at: t.span))
        return nil
    }

    /// A written schedule as a calendar `ReportSchedule`, with its calendar values checked.
    mutating func schedule(_ s: ScheduleSyntax) -> ReportSchedule? {
        let grain: Grain
        switch s.frequency {
        case .weekly: grain = .week
        case .monthly: grain = .month
        case .quarterly: grain = .quarter
        case .halfYearly: grain = .half
        case .yearly: grain = .year
        }
        var rule: DayRule?
        var ok = true
        switch s.day {
        case nil: break
        case .day(let d)?:
            if d.value < 1 || d.value > 31 {
                report(Diagnostic(.dayOutOfRange(d.value), at: d.span)); ok = false
            } else if grain == .week {
                report(Diagnostic(.scheduleForm(.dayInWeekly(written: written(s))), at: d.span)); ok = false
            } else {
                rule = .dayOfMonth(d.value)
                if d.value >= 29 { lateDayLint(day: d.value, month: s.month, grain: grain, span: d.span) }
            }
        case .weekday(let w, let t)?:
            guard let wd = Weekday(name: w.text.lowercased()) else {
                report(Diagnostic(.unknownWeekday(w.text), at: w.span, suggestion: Suggestion.closest(to: w.text, among: Keywords.weekdays)))
                return nil
            }
            var time: ClockTime?
            if let t { time = clock(t); if time == nil { ok = false } }
            if grain != .week {
                report(Diagnostic(.scheduleForm(.weekdayNotWeekly(written: written(s), frequency: s.frequency.rawValue)), at: w.span)); ok = false
            }
            rule = .weekday(wd, time)
        }
        var month: MonthSelector?
        switch s.month {
        case nil: break
        case .first?: month = .first
        case .last?: month = .last
        case .number(let n)?:
            if n.value < 1 || n.value > 12 { report(Diagnostic(.monthOutOfRange(n.value), at: n.span)); ok = false }
            month = .number(n.value)
        }
        if month != nil, grain == .month || grain == .week {
            report(Diagnostic(.scheduleForm(.monthPickNotAllowed(written: written(s))), at: s.monthSpan ?? s.span))
            ok = false
        }
        if case .number(let n)? = s.month, grain != .year {
            report(Diagnostic(.scheduleForm(.monthNumberNotYearly(written: written(s), month: n.value)), at: s.monthSpan ?? s.span))
            ok = false
        }
        guard ok else { return nil }
        return ReportSchedule(grain: grain, inclusive: s.inclusive ?? true, rule: rule, month: month)
    }

    /// The schedule as written, spaces collapsed, for messages.
    private func written(_ s: ScheduleSyntax) -> String {
        let raw = loader.sources.file(s.span.file)?.text(s.span) ?? s.frequency.rawValue
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private mutating func lateDayLint(day: Int, month: ScheduleSyntax.MonthChoice?, grain: Grain, span: Span) {
        if case .number(let m)? = month, grain == .year {
            // A fixed month: only a day that month can lack is worth a warning (29 February in common years).
            let shortest = m.value == 2 ? 28 : CivilDate.daysInMonth(year: 2025, month: m.value)
            if day <= shortest { return }
        }
        report(Diagnostic(.lateDayOfMonth(day: day), at: span))
    }
}
