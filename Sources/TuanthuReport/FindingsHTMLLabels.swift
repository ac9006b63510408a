import TuanthuCore
import TuanthuRuntime

/// Every text the HTML report prints, one complete table per language.
///
/// The memberwise initialiser makes the compiler check that both tables are complete; a later
/// change moves these texts into the message catalogue.
struct HTMLLabels: Sendable {
    var language: Language
    var documentTitle: String
    var heading: String
    var asOf: String
    var plans: String
    var supersededBy: String
    var generatedBy: String
    var summary: String
    var summaryCaption: String
    var status: String
    var count: String
    var share: String
    var total: String
    var rows: String
    var rowsText: @Sendable (RowCounts) -> String
    var problems: String
    var problemsIntro: String
    var noProblems: String
    var byAgency: String
    var byAgencyIntro: String
    var agency: String
    var obligation: String
    var kind: String
    var kinds: [String: String]
    var period: String
    var due: String
    var found: String
    var daysLate: String
    var days: @Sendable (Int) -> String
    var expected: String
    var actual: String
    var cite: String
    var rule: String
    var dataRows: String
    var notes: String
    var support: String
    var none: String
    var year: String
    var otherPeriods: String
    var monthColumns: [String]
    var quarterColumns: [String]
    var halfColumns: [String]
    var untracked: String
    var untrackedIntro: String
    var reason: String
    var dataErrors: String
    var dataErrorsIntro: String
    var dataErrorsBanner: @Sendable (Int) -> String
    var file: String
    var position: String
    var code: String
    var message: String
    var didYouMean: @Sendable (String) -> String
    var filterAgency: String
    var filterStatus: String
    var allAgencies: String
    var allStatuses: String
    var sortBy: String
    var sortOrder: String
    var sortDaysLate: String
    var sortAgency: String
    var previous: String
    var next: String
    var page: @Sendable (Int, Int) -> String
    var shown: @Sendable (Int, Int) -> String
    var findingsCount: @Sendable (Int) -> String
    var legend: String
    var statusNames: [Status: String]
    var statusHelp: [Status: String]
    var date: @Sendable (CivilDate) -> String
    var periodName: @Sendable (Period) -> String

    static func of(_ language: Language) -> HTMLLabels {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    func statusName(_ s: Status) -> String { statusNames[s] ?? s.rawValue }

    func deadline(_ d: Deadline) -> String {
        guard let t = d.time else { return date(d.day) }
        return date(d.day) + " " + t.description
    }

    /// A `found` value as data wrote it; an ISO date (with or without time) is written the local way.
    func foundValue(_ s: String) -> String {
        let head = s.prefix(10)
        guard head.count == 10, let d = CivilDate.parse(utf8: head.utf8) else { return s }
        let rest = s.dropFirst(10)
        return date(d) + (rest.first == "T" ? " " + rest.dropFirst() : rest)
    }

    static let vi = HTMLLabels(
        language: .vi,
        documentTitle: "Báo cáo kiểm tra thực hiện kế hoạch",
        heading: "Báo cáo kiểm tra thực hiện kế hoạch",
        asOf: "Số liệu tính đến ngày",
        plans: "Kế hoạch",
        supersededBy: "được thay thế bởi",
        generatedBy: "Lập bằng tuanthu từ văn bản kế hoạch và số liệu các cơ quan gửi.",
        summary: "Tổng hợp kết quả",
        summaryCaption: "Số kết quả theo trạng thái",
        status: "Trạng thái",
        count: "Số lượng",
        share: "Tỷ lệ",
        total: "Tổng cộng",
        rows: "Dòng số liệu",
        rowsText: { r in
            "\(r.evidence) dòng làm căn cứ, \(r.setAside) dòng đề ngày sau ngày tính, \(r.superseded) dòng bị thay thế, "
                + "\(r.unused) dòng không dùng" + (r.blank > 0 ? ", \(r.blank) dòng trống" : "")
        },
        problems: "Các nội dung chưa đạt",
        problemsIntro: "Không đạt, nộp muộn, quá hạn và chưa có số liệu, kèm căn cứ trong kế hoạch và dòng số liệu.",
        noProblems: "Không có nội dung nào chưa đạt.",
        byAgency: "Kết quả theo cơ quan",
        byAgencyIntro: "Mỗi dòng là một nhiệm vụ; mỗi ô là trạng thái của một kỳ.",
        agency: "Cơ quan",
        obligation: "Nhiệm vụ",
        kind: "Loại",
        kinds: ["target": "chỉ tiêu", "task": "nhiệm vụ", "report": "báo cáo"],
        period: "Kỳ",
        due: "Thời hạn",
        found: "Ngày nhận / giá trị",
        daysLate: "Số ngày muộn",
        days: { "\($0) ngày" },
        expected: "Yêu cầu",
        actual: "Thực tế",
        cite: "Căn cứ",
        rule: "Quy định tại",
        dataRows: "Dòng số liệu",
        notes: "Ghi chú",
        support: "Số liệu liên quan",
        none: "—",
        year: "Năm",
        otherPeriods: "Các kỳ",
        monthColumns: (1...12).map { "T\($0)" },
        quarterColumns: ["Quý I", "Quý II", "Quý III", "Quý IV"],
        halfColumns: ["6 tháng đầu", "6 tháng cuối"],
        untracked: "Nhiệm vụ không theo dõi được",
        untrackedIntro: "Các nhiệm vụ thực hiện theo yêu cầu hoặc không có thời hạn kiểm tra được; liệt kê để đối chiếu đủ.",
        reason: "Lý do",
        dataErrors: "Lỗi số liệu",
        dataErrorsIntro: "Các dòng số liệu không đọc được; chúng không được dùng để đánh giá.",
        dataErrorsBanner: { "Có \($0) dòng số liệu bị lỗi, không được dùng để đánh giá (xem mục Lỗi số liệu)." },
        file: "Tệp",
        position: "Vị trí",
        code: "Mã",
        message: "Nội dung",
        didYouMean: { "có phải là ‘\($0)’?" },
        filterAgency: "Cơ quan",
        filterStatus: "Trạng thái",
        allAgencies: "Tất cả cơ quan",
        allStatuses: "Tất cả trạng thái",
        sortBy: "Sắp xếp",
        sortOrder: "Theo thứ tự kế hoạch",
        sortDaysLate: "Muộn nhiều nhất trước",
        sortAgency: "Theo cơ quan",
        previous: "Trang trước",
        next: "Trang sau",
        page: { "Trang \($0)/\($1)" },
        shown: { "Hiển thị \($0)/\($1)" },
        findingsCount: { "\($0) kết quả" },
        legend: "Chú giải",
        statusNames: [.met: "đạt", .violated: "không đạt", .late: "nộp muộn", .overdue: "quá hạn",
                      .noData: "chưa có số liệu", .pending: "chưa đến hạn", .waiting: "chờ văn bản hướng dẫn / chờ sự kiện"],
        statusHelp: [.met: "đã kiểm tra, đạt và đúng hạn", .violated: "đã kiểm tra, không đạt chỉ tiêu",
                     .late: "đã nộp hoặc hoàn thành sau thời hạn", .overdue: "đã quá thời hạn mà chưa nộp hoặc chưa hoàn thành",
                     .noData: "đã đến hạn nhưng chưa có số liệu để đánh giá", .pending: "chưa đến thời hạn",
                     .waiting: "phụ thuộc một sự kiện hoặc văn bản chưa có"],
        date: { "\($0.day)/\($0.month)/\($0.year)" },
        periodName: { p in
            switch p {
            case let .day(d): return "ngày \(d.day)/\(d.month)/\(d.year)"
            case let .week(y, w): return "tuần \(w)/\(y)"
            case let .month(y, m): return "tháng \(m)/\(y)"
            case let .quarter(y, q): return "quý \(["I", "II", "III", "IV"][max(0, min(3, q - 1))])/\(y)"
            case let .half(y, h): return (h == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + String(y)
            case let .year(y): return "năm \(y)"
            }
        }
    )

    static let en = HTMLLabels(
        language: .en,
        documentTitle: "Plan compliance inspection report",
        heading: "Plan compliance inspection report",
        asOf: "Data as of",
        plans: "Plans",
        supersededBy: "superseded by",
        generatedBy: "Produced by tuanthu from the plan texts and the data the agencies sent.",
        summary: "Summary",
        summaryCaption: "Findings by status",
        status: "Status",
        count: "Count",
        share: "Share",
        total: "Total",
        rows: "Data rows",
        rowsText: { r in
            "\(r.evidence) used as evidence, \(r.setAside) set aside (dated after the as-of date), \(r.superseded) superseded, "
                + "\(r.unused) unused" + (r.blank > 0 ? ", \(r.blank) blank" : "")
        },
        problems: "Problems",
        problemsIntro: "Violated, late, overdue and no-data findings, with the plan citation and the data rows.",
        noProblems: "No problems found.",
        byAgency: "Findings by agency",
        byAgencyIntro: "Each row is an obligation; each cell is the status for one period.",
        agency: "Agency",
        obligation: "Obligation",
        kind: "Kind",
        kinds: ["target": "target", "task": "task", "report": "report"],
        period: "Period",
        due: "Deadline",
        found: "Received / value",
        daysLate: "Days late",
        days: { $0 == 1 ? "1 day" : "\($0) days" },
        expected: "Expected",
        actual: "Found",
        cite: "Citation",
        rule: "Rule at",
        dataRows: "Data rows",
        notes: "Notes",
        support: "Related data",
        none: "—",
        year: "Year",
        otherPeriods: "Periods",
        monthColumns: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        quarterColumns: ["Q1", "Q2", "Q3", "Q4"],
        halfColumns: ["H1", "H2"],
        untracked: "Duties not tracked",
        untrackedIntro: "Duties on request or without a checkable deadline, listed so the transcription stays complete.",
        reason: "Reason",
        dataErrors: "Data errors",
        dataErrorsIntro: "Rows that could not be read; they take no part in the findings.",
        dataErrorsBanner: { "\($0) data row(s) could not be read and were left out (see Data errors)." },
        file: "File",
        position: "Position",
        code: "Code",
        message: "Message",
        didYouMean: { "did you mean ‘\($0)’?" },
        filterAgency: "Agency",
        filterStatus: "Status",
        allAgencies: "All agencies",
        allStatuses: "All statuses",
        sortBy: "Sort",
        sortOrder: "Plan order",
        sortDaysLate: "Most days late first",
        sortAgency: "By agency",
        previous: "Previous",
        next: "Next",
        page: { "Page \($0) of \($1)" },
        shown: { "Showing \($0) of \($1)" },
        findingsCount: { $0 == 1 ? "1 finding" : "\($0) findings" },
        legend: "Legend",
        statusNames: [.met: "met", .violated: "violated", .late: "late", .overdue: "overdue",
                      .noData: "no data", .pending: "pending", .waiting: "waiting"],
        statusHelp: [.met: "checked and satisfied, on time", .violated: "checked and not satisfied",
                     .late: "delivered or submitted after the deadline", .overdue: "deadline passed, nothing delivered",
                     .noData: "deadline passed, no observation can judge it", .pending: "not yet due",
                     .waiting: "waits for an event that has not happened"],
        date: { $0.description },
        periodName: { p in
            switch p {
            case .day, .month, .year: return p.description
            case let .week(y, w): return "week \(w) of \(y)"
            case let .quarter(y, q): return "Q\(q) \(y)"
            case let .half(y, h): return "H\(h) \(y)"
            }
        }
    )
}
