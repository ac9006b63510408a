/// The parser's "expected …" descriptions in both languages (`Message.expected`).
extension Phrase {
    public static let rosterPath = Phrase(vi: "đường dẫn tệp trong ngoặc kép, ví dụ use \"co-quan.plan\"", en: "a file path in quotes, e.g. use \"co-quan.plan\"")
    public static let eventName = Phrase(vi: "tên một sự kiện", en: "an event name")
    public static let planNumber = Phrase(vi: "số hiệu kế hoạch trong ngoặc kép, ví dụ plan \"484/KH-UBND\"", en: "the plan's number in quotes, e.g. plan \"484/KH-UBND\"")
    public static let planTitle = Phrase(vi: "tên (trích yếu) kế hoạch trong ngoặc kép", en: "the plan's title in quotes")
    public static let planIssuer = Phrase(vi: "cơ quan ban hành trong ngoặc kép", en: "the issuing body in quotes")
    public static let issueDate = Phrase(vi: "ngày ban hành, ví dụ 2025-02-14", en: "the issue date, e.g. 2025-02-14")
    public static let documentNumber = Phrase(vi: "số hiệu văn bản trong ngoặc kép", en: "a document number in quotes")
    public static let supersededPlan = Phrase(vi: "số hiệu kế hoạch bị thay thế, trong ngoặc kép", en: "the superseded plan's number in quotes")
    public static let planNumberInQuotes = Phrase(vi: "số hiệu kế hoạch trong ngoặc kép", en: "a plan number in quotes")
    public static let sourcePath = Phrase(vi: "đường dẫn tệp văn bản gốc trong ngoặc kép", en: "the source text's path in quotes")
    public static let agencyIdentifier = Phrase(vi: "mã cơ quan, ví dụ agency STC \"Sở Tài chính\"", en: "an agency identifier, e.g. agency STC \"Sở Tài chính\"")
    public static let agencyFullName = Phrase(vi: "tên đầy đủ của cơ quan trong ngoặc kép", en: "the agency's full name in quotes")
    public static let alias = Phrase(vi: "tên gọi khác trong ngoặc kép", en: "an alias in quotes")
    public static let successorAgency = Phrase(vi: "cơ quan tiếp nhận sau sáp nhập", en: "the successor agency")
    public static let mergerDate = Phrase(vi: "ngày sáp nhập, ví dụ 2025-03-01", en: "the merger date, e.g. 2025-03-01")
    public static let dissolutionDate = Phrase(vi: "ngày giải thể, ví dụ 2025-07-01", en: "the dissolution date, e.g. 2025-07-01")
    public static let groupIdentifier = Phrase(vi: "mã nhóm cơ quan", en: "a group identifier")
    public static let indicatorIdentifier = Phrase(vi: "mã chỉ tiêu", en: "an indicator identifier")
    public static let unit = Phrase(vi: "đơn vị tính (percent, count, number, money, rank, yesno)", en: "a unit (percent, count, number, money, rank, yesno)")
    public static let equalsSign = Phrase(vi: "dấu `=` để so sánh bằng", en: "`=` for equality")
    public static let value = Phrase(vi: "một giá trị (chỉ tiêu, con số hoặc tỷ lệ phần trăm)", en: "a value (an indicator, a number or a percent)")
    public static let obligationIdentifier = Phrase(vi: "mã nhiệm vụ", en: "an obligation identifier")
    public static let untrackedReason = Phrase(vi: "lý do trong ngoặc kép, ví dụ untracked \"kịp thời\"", en: "the reason in quotes, e.g. untracked \"kịp thời\"")
    public static let fromPeriod = Phrase(vi: "một ngày, tháng hoặc năm sau `from`", en: "a date, month or year after `from`")
    public static let untilPeriod = Phrase(vi: "một ngày, tháng hoặc năm sau `until`", en: "a date, month or year after `until`")
    public static let citedSection = Phrase(vi: "phần được trích dẫn trong ngoặc kép, ví dụ cite \"Phụ lục II, mục 3\"", en: "the cited section in quotes, e.g. cite \"Phụ lục II, mục 3\"")
    public static let lineNumber = Phrase(vi: "số thứ tự dòng", en: "a line number")
    public static let targetPeriod = Phrase(vi: "kỳ của mục tiêu, ví dụ by 2030 hoặc by 2025-12", en: "the target's period, e.g. by 2030 or by 2025-12")
    public static let firstYear = Phrase(vi: "năm đầu", en: "the first year")
    public static let lastYear = Phrase(vi: "năm cuối", en: "the last year")
    public static let targetTiming = Phrase(vi: "`by KỲ` hoặc `every year` sau điều kiện", en: "`by PERIOD` or `every year` after the condition")
    public static let windowStart = Phrase(vi: "thời điểm bắt đầu, ví dụ from 2025", en: "the start of the window, e.g. from 2025")
    public static let deadlineBy = Phrase(vi: "thời hạn, ví dụ by 2025-12", en: "a deadline, e.g. by 2025-12")
    public static let dateBefore = Phrase(vi: "một ngày, ví dụ before 2025-03-20", en: "a date, e.g. before 2025-03-20")
    public static let numberOfDays = Phrase(vi: "số ngày", en: "a number of days")
    public static let deadline = Phrase(vi: "thời hạn (by, before, every year, ongoing, after, within, undated)", en: "a deadline (by, before, every year, ongoing, after, within, undated)")
    public static let frequency = Phrase(vi: "tần suất báo cáo (weekly, monthly, quarterly, half-yearly, yearly) hoặc `on request`", en: "a frequency (weekly, monthly, quarterly, half-yearly, yearly) or `on request`")
    public static let dayOfMonth = Phrase(vi: "một ngày trong tháng, ví dụ day 10", en: "a day of the month, e.g. day 10")
    public static let dayOrWeekday = Phrase(vi: "`day N` hoặc một thứ trong tuần", en: "`day N` or a weekday")
    public static let monthNumber = Phrase(vi: "số tháng từ 1 đến 12", en: "a month number 1-12")
    public static let monthOfPeriod = Phrase(vi: "`last month`, `first month` hoặc `month N`", en: "`last month`, `first month` or `month N`")
    public static let testName = Phrase(vi: "tên bài kiểm thử trong ngoặc kép", en: "the test's name in quotes")
    public static let asOfDate = Phrase(vi: "một ngày, ví dụ as of 2025-08-01", en: "a date, e.g. as of 2025-08-01")
    public static let obligationName = Phrase(vi: "tên một nhiệm vụ", en: "an obligation name")
    public static let reportedPeriod = Phrase(vi: "kỳ báo cáo, ví dụ for 2025-06", en: "the reported period, e.g. for 2025-06")
    public static let receivedDate = Phrase(vi: "ngày nhận được, ví dụ on 2025-06-12", en: "the date it was received, e.g. on 2025-06-12")
    public static let indicatorName = Phrase(vi: "tên một chỉ tiêu", en: "an indicator name")
    public static let observedPeriod = Phrase(vi: "kỳ của số liệu, ví dụ for 2025", en: "the observed period, e.g. for 2025")
    public static let dateOnTask = Phrase(vi: "một ngày, ví dụ on 2025-11-30", en: "a date, e.g. on 2025-11-30")
    public static let period = Phrase(vi: "một kỳ", en: "a period")
    public static let dateOnEvent = Phrase(vi: "một ngày, ví dụ on 2025-09-01", en: "a date, e.g. on 2025-09-01")
    public static let periodIn = Phrase(vi: "một kỳ, ví dụ in 2025-06", en: "a period, e.g. in 2025-06")
    public static let status = Phrase(vi: "một trạng thái (met, violated, late, overdue, no_data, pending, waiting)", en: "a status (met, violated, late, overdue, no_data, pending, waiting)")
    public static let party = Phrase(vi: "một cơ quan hoặc nhóm cơ quan (mã hoặc \"tên\")", en: "an agency or group (identifier or \"name\")")
}

extension Phrase {
    /// "one of `a`, `b`": the keywords the parser would accept.
    public static func oneOf(_ words: [String]) -> Phrase {
        let list = words.map { "`\($0)`" }.joined(separator: ", ")
        return Phrase(vi: "một trong các từ " + list, en: "one of " + list)
    }
}

/// Notes the checker attaches (`NoteMessage.help`).
extension Phrase {
    public static let writeAComparison = Phrase(
        vi: "hãy viết một phép so sánh, ví dụ kinh_te_so >= 25%, hoặc tt_atttt = yes",
        en: "write a comparison, e.g. kinh_te_so >= 25%, or tt_atttt = yes")
    public static let planIssuedIsBuiltIn = Phrase(
        vi: "plan_issued là sự kiện có sẵn: ngày của nó là ngày ban hành (`issued`) của kế hoạch",
        en: "plan_issued is built in: it is dated by the plan's `issued` field")
}
