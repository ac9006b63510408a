/// One line of a `tuanthu explain` step, typed so the catalogue words it per language.
/// `--format json` keeps the English wording (`Catalogue.explain(_, .en)`).
public enum ExplainLine: Sendable, Hashable {
    // obligation
    case obligationIn(id: String, title: String?, plan: String, location: String)
    case requirement(String, cite: String?)
    // owner (names are `ID (full name)`)
    case owner(String)
    case ownerEach(group: String, members: [String])
    case ownersJointly([String])
    case mergedBefore(agency: String, into: String, on: CivilDate, deadline: CivilDate)
    case mergedAfter(agency: String, into: String, on: CivilDate, deadline: CivilDate)
    case dissolved(agency: String, on: CivilDate)
    case findingFor(String)
    case support([String])
    // deadline
    case periodSchedule(Period?, schedule: String)
    case dueOnLastDay
    case dayInclusive(Int), dayStrict(Int), dayClamped(Int)
    case weekdayTime(Weekday, ClockTime, inclusive: Bool)
    case weekday(Weekday, inclusive: Bool)
    case owedWhen(from: CivilDate?, issued: CivilDate, asOf: CivilDate, until: CivilDate?)
    case targetPeriod(Period?)
    case everyYearTarget
    case deliverBy(Period, due: CivilDate)
    case deliverEveryYear(Period?)
    case deliverOngoing(after: String?)
    case deliverAfter(String)
    case deliverWithin(days: Int, after: String)
    case deliverUndated
    case window(CivilDate)
    case lastAllowedDay(Deadline)
    case extended(Expectation)
    case worldAtEndOf(CivilDate)
    // rows (`row` is `file:line`)
    case reportRow(row: String, agency: String, period: Period, received: LocalDateTime, fate: RowVerdict)
    case noReportRow(eligible: [String], period: Period?)
    case otherPeriodRows(count: Int, eligible: [String])
    case noTaskRows(eligible: [String])
    case taskRow(row: String, agency: String, state: TaskState, date: CivilDate?, period: Period?, fate: RowVerdict)
    case noObservations(indicator: String)
    case observationRow(row: String, indicator: String, agency: String?, period: Period, value: String, fate: RowVerdict)
    // values (formulas are code: `growth(x)`, exact constants)
    case comparison(left: String, leftValue: String, op: String, right: String, rightValue: String, holds: Bool)
    case cannotCompute(left: String, op: String, right: String, UnknownReason)
    case between(value: String, x: String, low: String, high: String, holds: Bool)
    case betweenCannotCompute(value: String, low: String, high: String)
    case mustBe(indicator: String, yes: Bool)
    case not, and, or
    case read(Reading)
    // status
    case status(code: String, fact: FindingFact, daysLate: Int?, due: Deadline?, asOf: CivilDate)
    case note(FindingNote)
}

/// What became of a data row for the finding being explained.
public enum RowVerdict: Sendable, Hashable {
    /// It decided the finding: the earliest report for the period.
    case earliest
    /// It decided the finding (the delivering task).
    case counts
    case used
    case setAside(asOf: CivilDate)
    case superseded
    case anotherPeriod
    case anotherAgency
    case notDeciding
    case coarserThan(Period)
    case notUsedFor(Period?)
}

extension Catalogue {
    /// A line of `tuanthu explain` in the reader's language.
    public static func explain(_ line: ExplainLine, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.explain(line) : English.explain(line)
    }
}

extension English {
    static func explain(_ line: ExplainLine) -> String {
        func periodText(_ p: Period?) -> String { p.map { "period \($0) (\($0.firstDay) to \($0.lastDay))" } ?? "no period" }
        func list(_ a: [String]) -> String { a.joined(separator: ", ") }
        switch line {
        case let .obligationIn(id, title, plan, loc): return id + (title.map { " “\($0)”" } ?? "") + " in plan \(plan) (\(loc))"
        case let .requirement(r, cite): return "requirement: \(r)" + (cite.map { "  [cite: \($0)]" } ?? "")
        case .owner(let a): return "owner: \(a)"
        case let .ownerEach(g, m): return "owner: group \(g); each of its \(m.count) members owes it separately: \(list(m))"
        case .ownersJointly(let m): return "owners jointly: \(list(m)) — one finding, met by a row from any of them"
        case let .mergedBefore(a, into, on, day):
            return "\(a) was merged into \(into) on \(on); the deadline \(day) is on or after that date, so \(into)'s line of succession owes this period and rows from \(a) or \(into) count"
        case let .mergedAfter(a, into, on, day): return "\(a) is merged into \(into) only from \(on), after this deadline (\(day)), so \(a) still owes this period"
        case let .dissolved(a, on): return "\(a) is dissolved on \(on): it owes nothing due on or after that day"
        case .findingFor(let a): return "this finding is for: \(a)"
        case .support(let s): return "support (informational): \(list(s))"
        case let .periodSchedule(p, s): return "\(periodText(p)); schedule `\(s)`"
        case .dueOnLastDay: return "no day given: due on the period's last day, inclusive"
        case .dayInclusive(let d): return "`by day \(d)` is inclusive: the last allowed day is that day"
        case .dayStrict(let d): return "`before day \(d)` is strict: the last allowed day is the day before"
        case .dayClamped(let d): return "day \(d) is clamped to the month's last day in shorter months"
        case let .weekdayTime(w, t, inclusive):
            return inclusive ? "any time up to \(t) on \(w.name) counts" : "any instant before \(t) on \(w.name) counts; a date without a time on that day counts as on time"
        case let .weekday(w, inclusive): return inclusive ? "up to \(w.name) inclusive" : "`before \(w.name)`: the last allowed day is the day before"
        case let .owedWhen(from, issued, asOf, until):
            return "a period is owed when its deadline is on or after \(from.map { "`from` \($0)" } ?? "the plan's issue date \(issued)") and it has begun by \(asOf)"
                + (until.map { ", ending by \($0)" } ?? "")
        case .targetPeriod(let p): return "\(periodText(p)); the target is judged on the observation for that period, or the latest finer one inside it"
        case .everyYearTarget: return "`every year`: one finding per year"
        case let .deliverBy(p, due): return "deadline `\(p)`: last allowed day \(due)"
        case .deliverEveryYear(let p): return "`every year`: the \(p?.description ?? "") delivery must be done by \(p?.lastDay.description ?? "the year's end")"
        case .deliverOngoing(let e): return "`ongoing`: each year needs a row saying in_progress or done" + (e.map { ", from the year \($0) happened" } ?? "")
        case .deliverAfter(let e): return "`after \(e)`: waiting until \(e) happens, then pending until a done row arrives; never overdue"
        case let .deliverWithin(n, e): return "`within \(n) days after \(e)`: the last allowed day is \(e)'s date plus \(n) days"
        case .deliverUndated: return "`undated`: no deadline; pending until done, never overdue"
        case .window(let d): return "the plan gives a window starting \(d); delivery before it still counts"
        case .lastAllowedDay(let d): return "last allowed day: \(d)"
        case .extended(let e): return "an extension (gia hạn) moved the deadline: \(expectation(e))"
        case .worldAtEndOf(let d): return "evaluation sees the world at the end of \(d)"
        case let .reportRow(row, a, p, received, fate): return "\(row): \(a) for \(p), received \(received)" + verdict(fate)
        case let .noReportRow(e, p): return "no report row from \(list(e)) for \(p?.description ?? "this period")"
        case let .otherPeriodRows(n, e): return "\(n) row(s) from \(list(e)) are for other periods (wrong period for this finding)"
        case .noTaskRows(let e): return "no task rows from \(list(e)) for this obligation"
        case let .taskRow(row, a, s, d, p, fate):
            return "\(row): \(a) \(s.rawValue)" + (d.map { " on \($0)" } ?? "") + (p.map { " for \($0)" } ?? "") + verdict(fate)
        case .noObservations(let i): return "\(i): no observations"
        case let .observationRow(row, i, a, p, v, fate): return "\(row): \(i)" + (a.map { " (\($0))" } ?? "") + " \(p) = \(v)" + verdict(fate)
        case let .comparison(l, lv, op, r, rv, holds): return "\(l) = \(lv)  \(op)  \(r) = \(rv)  →  \(holds)"
        case let .cannotCompute(l, op, r, why): return "\(l) \(op) \(r) cannot be computed: \(reason(why))"
        case let .between(v, x, lo, hi, holds): return "\(v) = \(x) between \(lo) and \(hi)  →  \(holds)"
        case let .betweenCannotCompute(v, lo, hi): return "\(v) between \(lo) and \(hi) cannot be computed"
        case let .mustBe(i, yes): return "\(i) must be \(yes ? "yes" : "no")"
        case .not: return "not:"
        case .and: return "and"
        case .or: return "or"
        case .read(let r): return "read: " + reading(r)
        case let .status(code, f, days, due, asOf):
            var line = "status: \(code)"
            switch code {
            case "late": line += " — \(fact(f)), \(days ?? 0) day(s) after the last allowed day \(due?.description ?? "")"
            case "overdue": line += " — the deadline \(due?.description ?? "") has passed by \(asOf) and nothing was delivered"
            case "pending": line += " — not yet due (or no deadline); \(fact(f))"
            default: line += " — \(fact(f))"
            }
            return line
        case .note(let n): return "note: " + findingNote(n)
        }
    }

    static func verdict(_ v: RowVerdict) -> String {
        switch v {
        case .earliest: return " — counts (the earliest for this period)"
        case .counts: return " — counts"
        case .used: return " — used"
        case .setAside(let d): return " — set aside: dated after \(d)"
        case .superseded: return " — superseded: a later submission for the same period"
        case .anotherPeriod: return " — another period"
        case .anotherAgency: return " — another agency"
        case .notDeciding: return " — not the deciding row"
        case .coarserThan(let p): return " — coarser than \(p): cannot judge it"
        case .notUsedFor(let p): return " — not used for \(p?.description ?? "this period")"
        }
    }
}

extension Vietnamese {
    static func explain(_ line: ExplainLine) -> String {
        func date(_ d: CivilDate) -> String { Catalogue.date(d, .vi) }
        func periodText(_ p: Period?) -> String {
            p.map { "\(periodName($0)) (từ \(date($0.firstDay)) đến \(date($0.lastDay)))" } ?? "không theo kỳ"
        }
        func list(_ a: [String]) -> String { a.joined(separator: ", ") }
        switch line {
        case let .obligationIn(id, title, plan, loc): return id + (title.map { " “\($0)”" } ?? "") + " thuộc kế hoạch \(plan) (\(loc))"
        case let .requirement(r, cite): return "yêu cầu: \(r)" + (cite.map { "  [căn cứ: \($0)]" } ?? "")
        case .owner(let a): return "cơ quan chịu trách nhiệm: \(a)"
        case let .ownerEach(g, m): return "cơ quan chịu trách nhiệm: nhóm \(g); từng cơ quan trong \(m.count) thành viên thực hiện riêng: \(list(m))"
        case .ownersJointly(let m): return "các cơ quan cùng chịu trách nhiệm: \(list(m)) — một kết quả chung, đạt khi có dòng số liệu của bất kỳ cơ quan nào"
        case let .mergedBefore(a, into, on, day):
            return "\(a) đã sáp nhập vào \(into) từ ngày \(date(on)); thời hạn \(date(day)) từ ngày đó trở đi, nên cơ quan kế thừa \(into) chịu trách nhiệm kỳ này và dòng số liệu của \(a) hoặc \(into) đều được tính"
        case let .mergedAfter(a, into, on, day):
            return "\(a) chỉ sáp nhập vào \(into) từ ngày \(date(on)), sau thời hạn này (\(date(day))), nên \(a) vẫn chịu trách nhiệm kỳ này"
        case let .dissolved(a, on): return "\(a) giải thể từ ngày \(date(on)): không còn nghĩa vụ nào đến hạn từ ngày đó"
        case .findingFor(let a): return "đánh giá đối với: \(a)"
        case .support(let s): return "cơ quan phối hợp (để tham khảo): \(list(s))"
        case let .periodSchedule(p, s): return "\(periodText(p)); lịch báo cáo `\(s)`"
        case .dueOnLastDay: return "không ghi ngày: hạn là ngày cuối kỳ (tính cả ngày đó)"
        case .dayInclusive(let d): return "`by day \(d)` tính cả ngày \(d): ngày cuối cùng được nộp là ngày đó"
        case .dayStrict(let d): return "“trước ngày \(d)” (`before day \(d)`) nghĩa là hạn cuối là ngày hôm trước"
        case .dayClamped(let d): return "ngày \(d) được tính là ngày cuối tháng ở những tháng ngắn hơn"
        case let .weekdayTime(w, t, inclusive):
            return inclusive ? "nộp đến \(t) \(weekdayName(w)) là đúng hạn"
                             : "nộp trước \(t) \(weekdayName(w)) là đúng hạn; nếu chỉ ghi ngày mà không ghi giờ trong ngày đó thì vẫn được coi là đúng hạn"
        case let .weekday(w, inclusive):
            return inclusive ? "đến hết \(weekdayName(w))" : "`before \(w.name)`: ngày cuối cùng được nộp là ngày trước \(weekdayName(w))"
        case let .owedWhen(from, issued, asOf, until):
            return "chỉ tính các kỳ có thời hạn từ \(from.map { "ngày `from` \(date($0))" } ?? "ngày ban hành kế hoạch (\(date(issued)))") trở đi và đã bắt đầu trước hoặc vào ngày \(date(asOf))"
                + (until.map { ", kết thúc chậm nhất ngày \(date($0))" } ?? "")
        case .targetPeriod(let p): return "\(periodText(p)); chỉ tiêu được đánh giá theo số liệu của kỳ đó, hoặc số liệu kỳ ngắn hơn gần nhất trong kỳ"
        case .everyYearTarget: return "`every year`: mỗi năm một kết quả"
        case let .deliverBy(p, due): return "thời hạn `\(p)`: ngày cuối cùng là \(date(due))"
        case .deliverEveryYear(let p):
            return "`every year`: nhiệm vụ \(p.map(periodName) ?? "của năm") phải hoàn thành chậm nhất ngày \(p.map { date($0.lastDay) } ?? "cuối năm")"
        case .deliverOngoing(let e): return "`ongoing`: mỗi năm cần một dòng báo cáo in_progress hoặc done" + (e.map { ", từ năm sự kiện \($0) xảy ra" } ?? "")
        case .deliverAfter(let e): return "`after \(e)`: chờ đến khi \(e) xảy ra, sau đó chưa đến hạn cho đến khi có dòng done; không bao giờ quá hạn"
        case let .deliverWithin(n, e): return "`within \(n) days after \(e)`: ngày cuối cùng là ngày \(e) xảy ra cộng \(n) ngày"
        case .deliverUndated: return "`undated`: không có thời hạn; chưa đến hạn cho đến khi hoàn thành, không bao giờ quá hạn"
        case .window(let d): return "kế hoạch cho thực hiện từ ngày \(date(d)); hoàn thành trước ngày đó vẫn được tính"
        case .lastAllowedDay(let d): return "thời hạn: \(Catalogue.deadline(d, .vi))"
        case .extended(let e): return "được gia hạn, thời hạn thay đổi: \(expectation(e))"
        case .worldAtEndOf(let d): return "đánh giá theo tình hình đến hết ngày \(date(d))"
        case let .reportRow(row, a, p, received, fate): return "\(row): \(a) báo cáo \(periodName(p)), nhận ngày \(instant(received))" + verdict(fate)
        case let .noReportRow(e, p): return "không có dòng báo cáo nào của \(list(e)) cho \(p.map(periodName) ?? "kỳ này")"
        case let .otherPeriodRows(n, e): return "\(n) dòng của \(list(e)) thuộc kỳ khác (không dùng cho kết quả này)"
        case .noTaskRows(let e): return "không có dòng nhiệm vụ nào của \(list(e)) cho nhiệm vụ này"
        case let .taskRow(row, a, s, d, p, fate):
            return "\(row): \(a) \(taskState(s))" + (d.map { " ngày \(date($0))" } ?? "") + (p.map { " cho \(periodName($0))" } ?? "") + verdict(fate)
        case .noObservations(let i): return "\(i): chưa có số liệu nào"
        case let .observationRow(row, i, a, p, v, fate): return "\(row): \(i)" + (a.map { " (\($0))" } ?? "") + " \(periodName(p)) = \(v)" + verdict(fate)
        case let .comparison(l, lv, op, r, rv, holds): return "\(l) = \(lv)  \(op)  \(r) = \(rv)  →  \(holds ? "đúng" : "không đúng")"
        case let .cannotCompute(l, op, r, why): return "không tính được \(l) \(op) \(r): \(reason(why))"
        case let .between(v, x, lo, hi, holds): return "\(v) = \(x) trong khoảng \(lo) đến \(hi)  →  \(holds ? "đúng" : "không đúng")"
        case let .betweenCannotCompute(v, lo, hi): return "không tính được \(v) trong khoảng \(lo) đến \(hi)"
        case let .mustBe(i, yes): return "\(i) phải là \(yes ? "có" : "không")"
        case .not: return "phủ định (not):"
        case .and: return "và (and)"
        case .or: return "hoặc (or)"
        case .read(let r): return "đã đọc: " + reading(r)
        case let .status(code, f, days, due, asOf):
            var line = "kết quả: \(Catalogue.status(code, .vi))"
            let dueText = due.map { Catalogue.deadline($0, .vi) } ?? ""
            switch code {
            case "late": line += " — \(fact(f)), chậm \(days ?? 0) ngày so với thời hạn \(dueText)"
            case "overdue": line += " — thời hạn \(dueText) đã qua tính đến ngày \(date(asOf)) mà chưa thực hiện"
            case "pending": line += " — chưa đến hạn (hoặc không có thời hạn); \(fact(f))"
            default: line += " — \(fact(f))"
            }
            return line
        case .note(let n): return "ghi chú: " + findingNote(n)
        }
    }

    static func verdict(_ v: RowVerdict) -> String {
        switch v {
        case .earliest: return " — được tính (báo cáo sớm nhất của kỳ)"
        case .counts: return " — được tính"
        case .used: return " — được dùng"
        case .setAside(let d): return " — để riêng: ghi ngày sau \(Catalogue.date(d, .vi))"
        case .superseded: return " — bị thay thế: đã có báo cáo khác cho cùng kỳ"
        case .anotherPeriod: return " — thuộc kỳ khác"
        case .anotherAgency: return " — của cơ quan khác"
        case .notDeciding: return " — không phải dòng quyết định kết quả"
        case .coarserThan(let p): return " — kỳ dài hơn \(periodName(p)): không dùng để đánh giá được"
        case .notUsedFor(let p): return " — không dùng cho \(p.map(periodName) ?? "kỳ này")"
        }
    }

    static func weekdayName(_ w: Weekday) -> String {
        switch w {
        case .monday: return "thứ Hai"
        case .tuesday: return "thứ Ba"
        case .wednesday: return "thứ Tư"
        case .thursday: return "thứ Năm"
        case .friday: return "thứ Sáu"
        case .saturday: return "thứ Bảy"
        case .sunday: return "Chủ nhật"
        }
    }
}
