/// What an evaluation found, typed so that people's reports word it in their language. JSON and CSV keep
/// the English text (`Finding.actual`, `Finding.expected`), which is `Catalogue.fact(_, .en)` exactly.
public enum FindingFact: Sendable, Hashable {
    /// Not judged yet (a finding under construction).
    case none
    /// The earliest report for the period, sent by a co-owner or predecessor when `by` is given.
    case submitted(LocalDateTime, by: String?)
    case nothingSubmitted, notYetSubmitted
    /// The task row that delivered (done, or in progress for `ongoing`).
    case delivered(TaskState, date: CivilDate?, by: String?, document: String?)
    /// Nothing delivered: the latest state reported so far.
    case lastState(TaskState, date: CivilDate?)
    case nothingReported
    /// The values a target was judged on.
    case readings([Reading])
    /// Not yet due: the latest value so far of each indicator.
    case latest([Reading])
    case noValueYet
    /// The condition cannot be computed.
    case cannotCompute(UnknownReason)
    /// The obligation waits for an event (with the plan's title for it).
    case waiting(event: String, title: String?)
}

/// The state a task row reports (`tasks.csv` `status`).
public enum TaskState: String, Sendable, Hashable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"

    /// The state in words: `in progress`.
    public var words: String {
        switch self {
        case .done: return "done"
        case .inProgress: return "in progress"
        case .notStarted: return "not started"
        }
    }
}

/// One value read for a target: `dvc 2025 = 79.5%`.
public struct Reading: Sendable, Hashable {
    public var indicator: String
    public var period: Period
    public var value: ReadingValue
    public init(indicator: String, period: Period, value: ReadingValue) {
        self.indicator = indicator
        self.period = period
        self.value = value
    }
}

/// A value as read: a number (already formatted, `18.5%`) or a yes/no answer.
public enum ReadingValue: Sendable, Hashable {
    case number(String)
    case yesNo(Bool)
}

/// Why a condition cannot be computed (a `no_data` finding).
public enum UnknownReason: Sendable, Hashable {
    case noValue(indicator: String, period: Period)
    case noPreviousValue(indicator: String, period: Period)
    case noValueForGrowth(indicator: String, period: Period)
    case growthFromZero(indicator: String, period: Period)
    case divisionByZero
}

/// A remark on a finding (`Finding.notes` is its English text).
public enum FindingNote: Sendable, Hashable {
    /// A later report for the same period that replaces an earlier document.
    case replaces(on: LocalDateTime, document: String)
    /// Another report for the same period; the earliest counts.
    case alsoSubmitted(on: LocalDateTime, line: Int)
    case noTimeGiven
    case noDateGiven
    /// A malformed data row names this obligation (or an indicator it reads): it may be the missing evidence.
    case unreadableRow(file: String, line: Int)
    /// More rows of the kind the previous notes list (a finding lists a few, then counts the rest: a file
    /// of a million duplicate or broken rows must not put a million notes on one finding).
    case moreRows(count: Int)
}

/// What the plan asks of a finding, in parts: the plan's own wording stays as written, the rest is worded per language.
public struct Expectation: Sendable, Hashable {
    /// The requirement as the plan writes it (`report to SKHCN monthly before day 10`).
    public var requirement: String
    /// The start of a delivery window the wording does not show.
    public var windowFrom: CivilDate?
    public var until: CivilDate?
    /// A granted extension ("gia hạn") and the document granting it.
    public var extendedTo: CivilDate?
    public var extensionDocument: String?

    public init(requirement: String = "", windowFrom: CivilDate? = nil, until: CivilDate? = nil,
                extendedTo: CivilDate? = nil, extensionDocument: String? = nil) {
        self.requirement = requirement
        self.windowFrom = windowFrom
        self.until = until
        self.extendedTo = extendedTo
        self.extensionDocument = extensionDocument
    }
}

extension Catalogue {
    /// What was found, in the reader's language; in English it is the finding's `actual` text.
    public static func fact(_ f: FindingFact, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.fact(f) : English.fact(f)
    }

    public static func reason(_ r: UnknownReason, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.reason(r) : English.reason(r)
    }

    public static func note(_ n: FindingNote, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.findingNote(n) : English.findingNote(n)
    }

    /// What the plan asks; in English it is the finding's `expected` text.
    public static func expectation(_ e: Expectation, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.expectation(e) : English.expectation(e)
    }

    /// The `found` value as people read it: a reading list or an ISO date (with time) written the local way.
    public static func reading(_ r: Reading, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.reading(r) : English.reading(r)
    }

    /// A period as people name it: `tháng 6/2025`, `quý III/2025` in Vietnamese; `2025-06`, `Q3 2025` in English.
    public static func period(_ p: Period, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.periodName(p) : English.periodName(p)
    }

    /// A submission instant: `12/6/2025 10:30` in Vietnamese, `2025-06-12T10:30` in English.
    public static func instant(_ t: LocalDateTime, _ lang: Language) -> String {
        guard lang == .vi else { return t.description }
        return date(t.date, lang) + (t.time.map { " \($0)" } ?? "")
    }

    /// A deadline: `4/12/2025 10:00` in Vietnamese, `2025-12-04 10:00` in English.
    public static func deadline(_ d: Deadline, _ lang: Language) -> String {
        guard lang == .vi else { return d.description }
        return date(d.day, lang) + (d.time.map { " \($0)" } ?? "")
    }
}

extension English {
    static func fact(_ f: FindingFact) -> String {
        switch f {
        case .none: return ""
        case let .submitted(t, by): return "submitted \(t)" + (by.map { " by \($0)" } ?? "")
        case .nothingSubmitted: return "nothing submitted"
        case .notYetSubmitted: return "not yet submitted"
        case let .delivered(s, d, by, doc):
            return (s == .done ? "done" : "in progress") + (d.map { " on \($0)" } ?? " (no date given)") + (by.map { " by \($0)" } ?? "")
                + (doc.map { ": \($0)" } ?? "")
        case let .lastState(s, d): return s.words + (d.map { " on \($0)" } ?? "")
        case .nothingReported: return "nothing reported"
        case .readings(let r): return r.map(reading).joined(separator: "; ")
        case .latest(let r): return "latest: " + r.map(reading).joined(separator: "; ")
        case .noValueYet: return "no value yet"
        case .cannotCompute(let r): return reason(r)
        case let .waiting(e, title): return "waiting for \(e)" + (title.map { " (\($0))" } ?? "")
        }
    }

    static func reading(_ r: Reading) -> String {
        let v: String
        switch r.value {
        case .number(let n): v = n
        case .yesNo(let b): v = b ? "yes" : "no"
        }
        return "\(r.indicator) \(r.period) = \(v)"
    }

    static func reason(_ r: UnknownReason) -> String {
        switch r {
        case let .noValue(i, p): return "no value for \(i) in \(p)"
        case let .noPreviousValue(i, p): return "no value for \(i) in \(p), the previous period"
        case let .noValueForGrowth(i, p): return "no value for \(i) in \(p), needed for its growth"
        case let .growthFromZero(i, p): return "growth of \(i) cannot be computed: its value in \(p) is 0"
        case .divisionByZero: return "division by zero: the divisor is 0"
        }
    }

    static func findingNote(_ n: FindingNote) -> String {
        switch n {
        case let .replaces(on, doc): return "a later submission on \(on) replaces \(doc)"
        case let .alsoSubmitted(on, line): return "also submitted on \(on) (line \(line)); the earliest counts"
        case .noTimeGiven: return "the submission gives no time; a date on the deadline's day counts as on time"
        case .noDateGiven: return "the row gives no date, so timeliness could not be checked"
        case .unreadableRow(let file, let line): return "a data row about this could not be read (\(file):\(line)); check it before concluding"
        case .moreRows(let n): return "and \(n) more such \(n == 1 ? "row" : "rows")"
        }
    }

    static func expectation(_ e: Expectation) -> String {
        var text = e.requirement
        if let w = e.windowFrom { text += " (window from \(w))" }
        if let u = e.until { text += " until \(u)" }
        if let x = e.extendedTo { text += "; extended to \(x)" + (e.extensionDocument.map { " by \($0)" } ?? "") }
        return text
    }

    static func periodName(_ p: Period) -> String {
        switch p {
        case .day, .month, .year: return p.description
        case let .week(y, w): return "week \(w) of \(y)"
        case let .quarter(y, q): return "Q\(q) \(y)"
        case let .half(y, h): return "H\(h) \(y)"
        }
    }
}

extension Vietnamese {
    static func fact(_ f: FindingFact) -> String {
        switch f {
        case .none: return ""
        case let .submitted(t, by): return "đã nộp ngày \(instant(t))" + (by.map { " (do \($0) nộp)" } ?? "")
        case .nothingSubmitted: return "chưa nộp"
        case .notYetSubmitted: return "chưa nộp (chưa đến hạn)"
        case let .delivered(s, d, by, doc):
            return (s == .done ? "đã hoàn thành" : "đang thực hiện") + (d.map { " ngày \(Catalogue.date($0, .vi))" } ?? " (không ghi ngày)")
                + (by.map { " (do \($0) thực hiện)" } ?? "") + (doc.map { ": \($0)" } ?? "")
        case let .lastState(s, d): return taskState(s) + (d.map { " (ngày \(Catalogue.date($0, .vi)))" } ?? "")
        case .nothingReported: return "chưa có báo cáo tình hình thực hiện"
        case .readings(let r): return r.map(reading).joined(separator: "; ")
        case .latest(let r): return "số liệu gần nhất: " + r.map(reading).joined(separator: "; ")
        case .noValueYet: return "chưa có giá trị nào"
        case .cannotCompute(let r): return reason(r)
        case let .waiting(e, title): return "chờ sự kiện \(e)" + (title.map { " (\($0))" } ?? "")
        }
    }

    static func taskState(_ s: TaskState) -> String {
        switch s {
        case .done: return "đã hoàn thành"
        case .inProgress: return "đang thực hiện"
        case .notStarted: return "chưa triển khai"
        }
    }

    static func instant(_ t: LocalDateTime) -> String {
        Catalogue.date(t.date, .vi) + (t.time.map { " lúc \($0)" } ?? "")
    }

    static func reading(_ r: Reading) -> String {
        let v: String
        switch r.value {
        case .number(let n): v = vietnameseNumber(n)
        case .yesNo(let b): v = b ? "có" : "không"
        }
        return "\(r.indicator) \(periodName(r.period)) = \(v)"
    }

    /// `25000000000` → `25.000.000.000`, `18.5%` → `18,5%`: numbers as Vietnamese documents write them.
    static func vietnameseNumber(_ text: String) -> String {
        var body = Substring(text)
        let percent = body.hasSuffix("%")
        if percent { body = body.dropLast() }
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return text }
        return (negative ? "-" : "") + Catalogue.groupedDigits(whole, ".") + (parts.count > 1 ? "," + parts[1] : "") + (percent ? "%" : "")
    }

    static func reason(_ r: UnknownReason) -> String {
        switch r {
        case let .noValue(i, p): return "chưa có số liệu \(i) \(periodName(p))"
        case let .noPreviousValue(i, p): return "chưa có số liệu \(i) \(periodName(p)) (kỳ trước)"
        case let .noValueForGrowth(i, p): return "chưa có số liệu \(i) \(periodName(p)), cần để tính tốc độ tăng"
        case let .growthFromZero(i, p): return "không tính được tốc độ tăng của \(i): số liệu \(periodName(p)) bằng 0"
        case .divisionByZero: return "không tính được: phép chia có số chia bằng 0"
        }
    }

    static func findingNote(_ n: FindingNote) -> String {
        switch n {
        case let .replaces(on, doc): return "báo cáo nộp sau ngày \(instant(on)) thay thế \(doc)"
        case let .alsoSubmitted(on, line): return "còn một báo cáo nộp ngày \(instant(on)) (dòng \(line)); tính theo báo cáo nộp sớm nhất"
        case .noTimeGiven: return "báo cáo không ghi giờ nộp; nộp trong ngày hết hạn được coi là đúng hạn"
        case .noDateGiven: return "dòng số liệu không ghi ngày nên không kiểm tra được thời hạn"
        case .unreadableRow(let file, let line): return "có dòng số liệu về nội dung này không đọc được (\(file) dòng \(line)); cần kiểm tra lại trước khi kết luận"
        case .moreRows(let n): return "và \(n) dòng tương tự khác"
        }
    }

    static func expectation(_ e: Expectation) -> String {
        var text = e.requirement
        if let w = e.windowFrom { text += " (thực hiện từ ngày \(Catalogue.date(w, .vi)))" }
        if let u = e.until { text += " until \(u)" }
        if let x = e.extendedTo {
            text += "; được gia hạn đến ngày \(Catalogue.date(x, .vi))" + (e.extensionDocument.map { " theo \($0)" } ?? "")
        }
        return text
    }

    static func periodName(_ p: Period) -> String {
        switch p {
        case let .day(d): return "ngày \(d.day)/\(d.month)/\(d.year)"
        case let .week(y, w): return "tuần \(w)/\(y)"
        case let .month(y, m): return "tháng \(m)/\(y)"
        case let .quarter(y, q): return "quý \(["I", "II", "III", "IV"][max(0, min(3, q - 1))])/\(y)"
        case let .half(y, h): return (h == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + String(y)
        case let .year(y): return "năm \(y)"
        }
    }
}
