/// Labels and sentences of the interface around the diagnostics: renderer labels, the text report, the CLI.
/// Statuses keep their SPEC codes in JSON and CSV; these are the words people read.
public enum UIText: Sendable, Hashable {
    // Diagnostic renderer
    case severity(Severity)
    case noteLabel, helpLabel
    case didYouMean(String)
    // Text report
    case complianceAsOf(String)
    case plansLine(String)
    case supersededBy(String)
    case summaryLabel
    case rowsLine(evidence: Int, setAside: Int, asOf: String, superseded: Int, unused: Int, blank: Int)
    case unusedRowsLabel
    case dataErrorsSummary(Int)
    case byAgency
    case problems(Int)
    case due(String)
    case daysLate(Int)
    case expectedLabel
    case dataLabel
    case allFindings(Int)
    case column(ReportColumn)
    case notCheckable(Int)
    case dataErrors(Int)
    /// An untracked duty that is a report `on request`, with the plan's wording of it.
    case onRequest(String)
    // CLI
    case checkedSummary(files: Int, plans: Int, rosters: Int, errors: Int, warnings: Int)
    case unknownCommand(String)
    case didYouMeanCommand(String)
    case runHelp(String)
    case noSuchPath(String)
    case unknownFormat(String, [String])
    case unknownLanguage(String)
    case needsValue(String)
    case unknownOption(String)
    case testFail(plan: String, test: String, location: String, asOf: String)
    case testOk(plan: String, test: String)
    case testNoMatch
    case testFound(finding: String, status: String)
    case required(String)
    case notADate(option: String, text: String, periodsToo: Bool)
    case notAPeriod(option: String, text: String)
    case optionTakes(option: String, values: String)
    case splitByNeedsOutput
    /// `-o` names a file the run reads (a plan or a data file).
    case outputIsInput(String)
    case wroteReports(count: Int, folder: String)
    /// The progress line of a long run on a terminal.
    case progressRows(Int)
    case progressFindings(Int)
    /// A streamed run reads and judges at once.
    case progressRowsAndFindings(rows: Int, findings: Int)
    case cannotWrite(path: String, detail: String)
    case cannotWriteIn(folder: String, detail: String)
    case cannotRead(String)
    case dataErrorsNoReport(Int)
    case noPlanFiles(String)
    case planErrors(Int)
    case notUTF8Untouched(String)
    case doesNotParseUntouched(String)
    case formatterFailed(String)
    case formatted(String)
    case nameTheObligation
    case noFindingFor(String)
    case withThatAgencyAndPeriod
    case unknownAgency(String)
    case nothingOwed(agency: String?)
    case wroteSheets(sheets: Int, agencies: Int, folder: String)
    case unknownOptionSuggest(String, String)
    /// A step of `tuanthu explain`.
    case topic(ExplainTopic)
}

/// The steps of `tuanthu explain`, in order.
public enum ExplainTopic: String, Sendable, Hashable, CaseIterable {
    case obligation, owner, deadline, rows, values, status
}

/// Columns of the text report's table of findings.
public enum ReportColumn: String, Sendable, Hashable, CaseIterable {
    case plan, obligation, agency, period, status, due, found
}

extension Catalogue {
    /// An interface text in the reader's language.
    public static func ui(_ t: UIText, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.ui(t) : English.ui(t)
    }

    /// A finding status as people read it; the code (`no_data`) stays in JSON and CSV.
    public static func status(_ code: String, _ lang: Language) -> String {
        guard lang == .vi else { return code }
        switch code {
        case "met": return "đạt"
        case "violated": return "không đạt"
        case "late": return "nộp muộn"
        case "overdue": return "quá hạn"
        case "no_data": return "chưa có số liệu"
        case "pending": return "chưa đến hạn"
        case "waiting": return "chờ văn bản hướng dẫn/sự kiện"
        default: return code
        }
    }

    /// The status codes of SPEC 6, in report order.
    public static let statusCodes = ["met", "violated", "late", "overdue", "no_data", "pending", "waiting"]
}

extension English {
    static func ui(_ t: UIText) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch t {
        case .severity(let s): return s.rawValue
        case .noteLabel: return "note"
        case .helpLabel: return "help"
        case .didYouMean(let s): return "did you mean ‘\(s)’?"
        case .complianceAsOf(let d): return "tuanthu — compliance as of \(d)"
        case .plansLine(let p): return "plans: \(p)"
        case .supersededBy(let p): return " (superseded by \(p))"
        case .summaryLabel: return "Summary: "
        case .unusedRowsLabel: return "rows no obligation reads: "
        case let .rowsLine(e, s, d, sup, u, b):
            return "Rows: \(e) used as evidence, \(s) set aside (dated after \(d)), \(sup) superseded, \(u) unused" + (b > 0 ? ", \(b) blank skipped" : "")
        case .dataErrorsSummary(let n): return "Data errors: \(n) row(s) could not be read (listed at the end)"
        case .byAgency: return "By agency:"
        case .problems(let n): return "Problems (\(n)):"
        case .due(let d): return "due \(d)"
        case .daysLate(let n): return "\(plural(n, "day")) late"
        case .expectedLabel: return "expected"
        case .dataLabel: return "data"
        case .allFindings(let n): return "All findings (\(n)):"
        case .column(let c): return c.rawValue
        case .notCheckable(let n): return "Not checkable (untracked, \(n)):"
        case .dataErrors(let n): return "Data errors (\(n)):"
        case .onRequest(let r): return "on request (\(r))"
        case let .checkedSummary(f, p, r, e, w):
            return "checked \(plural(f, "file")) (\(plural(p, "plan")), \(plural(r, "roster"))): \(plural(e, "error")), \(plural(w, "warning"))"
        case .unknownCommand(let c): return "tuanthu: unknown command ‘\(c)’"
        case .didYouMeanCommand(let s): return "; did you mean ‘\(s)’?"
        case .runHelp(let c): return "Run ‘tuanthu \(c) --help’ for usage."
        case .noSuchPath(let p): return "no such file or directory: \(p)"
        case .unknownFormat(let f, let all): return "unknown format ‘\(f)’ (use \(all.dropLast().joined(separator: ", ")) or \(all.last ?? ""))"
        case .unknownLanguage(let l): return "unknown language ‘\(l)’ (use vi or en)"
        case .needsValue(let o): return "\(o) needs a value"
        case .unknownOption(let o): return "unknown option \(o)"
        case let .testFail(p, t, l, d): return "FAIL  \(p) — \(t)  (\(l), as of \(d))"
        case let .testOk(p, t): return "ok    \(p) — \(t)"
        case .testNoMatch: return "found: no finding matches (check the obligation, agency and period)"
        case let .testFound(f, s): return "found: \(f) is \(s)"
        case .required(let o): return "\(o) is required"
        case let .notADate(o, t, p): return "\(o) ‘\(t)’ is not a date (write 2025-12-31" + (p ? ", 2025-12 or 2025)" : ")")
        case let .notAPeriod(o, t): return "\(o) ‘\(t)’ is not a period (2025, 2025-Q3, 2025-06, …)"
        case let .optionTakes(o, v): return "\(o) takes \(v)"
        case .splitByNeedsOutput: return "--split-by agency needs -o DIR (a folder for the per-agency reports)"
        case .outputIsInput(let p): return "-o \(p) is one of the files this run reads: write the report to another file"
        case let .wroteReports(n, d): return "wrote \(plural(n, "report")), one per agency, in \(d)"
        case let .progressRows(n): return "reading data: \(Catalogue.grouped(n, ",")) row\(n == 1 ? "" : "s") so far"
        case let .progressFindings(n): return "judging: \(Catalogue.grouped(n, ",")) finding\(n == 1 ? "" : "s") so far"
        case let .progressRowsAndFindings(rows, findings):
            return "reading and judging: \(Catalogue.grouped(rows, ",")) row\(rows == 1 ? "" : "s") read, \(Catalogue.grouped(findings, ",")) finding\(findings == 1 ? "" : "s") so far"
        case let .cannotWrite(p, d): return "cannot write \(p): \(d)"
        case let .cannotWriteIn(f, d): return "cannot write in \(f): \(d)"
        case .cannotRead(let p): return "cannot read \(p)"
        case .dataErrorsNoReport(let n): return "\(plural(n, "data error")); no report written (use --keep-going to write one anyway)"
        case .noPlanFiles(let p): return "no .plan files found in \(p)"
        case .planErrors(let n): return "the plans have \(plural(n, "error")); fix them first (see ‘tuanthu check’)"
        case .notUTF8Untouched(let p): return "\(p) is not UTF-8 text; left untouched"
        case .doesNotParseUntouched(let p): return "\(p) does not parse; left untouched"
        case .formatterFailed(let p): return "internal error formatting \(p); left untouched (please report it)"
        case .formatted(let p): return "formatted \(p)"
        case .nameTheObligation: return "name the obligation to explain"
        case .noFindingFor(let o): return "no finding for ‘\(o)’"
        case .withThatAgencyAndPeriod: return " with that agency and period"
        case .unknownAgency(let a): return "unknown agency ‘\(a)’"
        case .nothingOwed(let a): return "nothing is owed in that window" + (a.map { " by \($0)" } ?? "")
        case let .wroteSheets(s, a, f): return "wrote \(plural(s, "sheet")) for \(a) agenc\(a == 1 ? "y" : "ies") in \(f)"
        case let .unknownOptionSuggest(o, s): return "unknown option \(o) (did you mean \(s)?)"
        case .topic(let t): return t.rawValue
        }
    }
}

extension Vietnamese {
    static func ui(_ t: UIText) -> String {
        switch t {
        case .severity(.error): return "lỗi"
        case .severity(.warning): return "cảnh báo"
        case .severity(.note): return "lưu ý"
        case .noteLabel: return "ghi chú"
        case .helpLabel: return "gợi ý"
        case .didYouMean(let s): return "có phải là ‘\(s)’?"
        case .complianceAsOf(let d): return "tuanthu — tình hình thực hiện tính đến ngày \(d)"
        case .plansLine(let p): return "kế hoạch: \(p)"
        case .supersededBy(let p): return " (đã được thay thế bởi \(p))"
        case .summaryLabel: return "Tổng hợp: "
        case .unusedRowsLabel: return "dòng không thuộc nhiệm vụ nào: "
        case let .rowsLine(e, s, d, sup, u, b):
            return "Dòng số liệu: \(e) dòng dùng làm căn cứ, \(s) dòng để riêng (ghi ngày sau \(d)), \(sup) dòng đã được thay thế, \(u) dòng không dùng đến"
                + (b > 0 ? ", \(b) dòng trống bỏ qua" : "")
        case .dataErrorsSummary(let n): return "Lỗi số liệu: \(n) dòng không đọc được (liệt kê ở cuối)"
        case .byAgency: return "Theo cơ quan:"
        case .problems(let n): return "Các trường hợp cần xử lý (\(n)):"
        case .due(let d): return "thời hạn \(d)"
        case .daysLate(let n): return "chậm \(n) ngày"
        case .expectedLabel: return "yêu cầu"
        case .dataLabel: return "số liệu"
        case .allFindings(let n): return "Toàn bộ kết quả (\(n)):"
        case .column(let c):
            switch c {
            case .plan: return "kế hoạch"
            case .obligation: return "nhiệm vụ"
            case .agency: return "cơ quan"
            case .period: return "kỳ"
            case .status: return "kết quả"
            case .due: return "thời hạn"
            case .found: return "ghi nhận"
            }
        case .notCheckable(let n): return "Không kiểm tra được bằng số liệu (\(n)):"
        case .dataErrors(let n): return "Lỗi số liệu (\(n)):"
        case .onRequest(let r): return "báo cáo khi có yêu cầu (\(r))"
        case let .checkedSummary(f, p, r, e, w):
            return "đã kiểm tra \(f) tệp (\(p) kế hoạch, \(r) danh sách cơ quan): \(e) lỗi, \(w) cảnh báo"
        case .unknownCommand(let c): return "tuanthu: không có lệnh ‘\(c)’"
        case .didYouMeanCommand(let s): return "; có phải là ‘\(s)’?"
        case .runHelp(let c): return "Chạy ‘tuanthu \(c) --help’ để xem cách dùng."
        case .noSuchPath(let p): return "không có tệp hoặc thư mục: \(p)"
        case .unknownFormat(let f, let all): return "không có định dạng ‘\(f)’ (dùng \(all.dropLast().joined(separator: ", ")) hoặc \(all.last ?? ""))"
        case .unknownLanguage(let l): return "không có ngôn ngữ ‘\(l)’ (dùng vi hoặc en)"
        case .needsValue(let o): return "\(o) cần có giá trị đi kèm"
        case .unknownOption(let o): return "không có tùy chọn \(o)"
        case let .testFail(p, t, l, d): return "FAIL  \(p) — \(t)  (\(l), tính đến ngày \(d))"
        case let .testOk(p, t): return "ok    \(p) — \(t)"
        case .testNoMatch: return "thực tế: không có kết quả nào khớp (kiểm tra lại nhiệm vụ, cơ quan và kỳ)"
        case let .testFound(f, s): return "thực tế: \(f) có kết quả \(s)"
        case .required(let o): return "cần có \(o)"
        case let .notADate(o, t, p): return "\(o) ‘\(t)’ không phải là một ngày (ghi 2025-12-31" + (p ? ", 2025-12 hoặc 2025)" : " hoặc 31/12/2025)")
        case let .notAPeriod(o, t): return "\(o) ‘\(t)’ không phải là một kỳ (2025, 2025-Q3, 2025-06, …)"
        case let .optionTakes(o, v): return "\(o) chỉ nhận \(v)"
        case .splitByNeedsOutput: return "--split-by agency cần có -o THƯ_MỤC (thư mục chứa báo cáo của từng cơ quan)"
        case .outputIsInput(let p): return "-o \(p) là một tệp mà lần chạy này đọc vào: hãy ghi báo cáo ra tệp khác"
        case let .wroteReports(n, d): return "đã ghi \(n) báo cáo, mỗi cơ quan một báo cáo, vào \(d)"
        case let .progressRows(n): return "đang đọc số liệu: đã đọc \(Catalogue.grouped(n, ".")) dòng"
        case let .progressFindings(n): return "đang đánh giá: đã có \(Catalogue.grouped(n, ".")) kết quả"
        case let .progressRowsAndFindings(rows, findings):
            return "đang đọc và đánh giá: đã đọc \(Catalogue.grouped(rows, ".")) dòng, đã có \(Catalogue.grouped(findings, ".")) kết quả"
        case let .cannotWrite(p, d): return "không ghi được \(p): \(d)"
        case let .cannotWriteIn(f, d): return "không ghi được vào \(f): \(d)"
        case .cannotRead(let p): return "không đọc được \(p)"
        case .dataErrorsNoReport(let n): return "có \(n) lỗi số liệu; chưa ghi báo cáo (dùng --keep-going để vẫn ghi báo cáo)"
        case .noPlanFiles(let p): return "không tìm thấy tệp .plan nào trong \(p)"
        case .planErrors(let n): return "các kế hoạch còn \(n) lỗi; hãy sửa trước (xem ‘tuanthu check’)"
        case .notUTF8Untouched(let p): return "\(p) không phải văn bản UTF-8; giữ nguyên tệp"
        case .doesNotParseUntouched(let p): return "\(p) có lỗi cú pháp; giữ nguyên tệp"
        case .formatterFailed(let p): return "lỗi nội bộ khi định dạng \(p); giữ nguyên tệp (vui lòng báo lỗi này)"
        case .formatted(let p): return "đã định dạng \(p)"
        case .nameTheObligation: return "hãy ghi tên nhiệm vụ cần giải thích"
        case .noFindingFor(let o): return "không có kết quả nào cho ‘\(o)’"
        case .withThatAgencyAndPeriod: return " với cơ quan và kỳ đã chọn"
        case .unknownAgency(let a): return "không có cơ quan ‘\(a)’"
        case .nothingOwed(let a): return (a.map { "\($0) không" } ?? "không") + " có nhiệm vụ nào phải thực hiện trong khoảng thời gian này"
        case let .wroteSheets(s, a, f): return "đã ghi \(s) biểu mẫu cho \(a) cơ quan vào \(f)"
        case let .unknownOptionSuggest(o, s): return "không có tùy chọn \(o) (có phải là \(s)?)"
        case .topic(let t):
            switch t {
            case .obligation: return "Nhiệm vụ"
            case .owner: return "Cơ quan thực hiện"
            case .deadline: return "Thời hạn"
            case .rows: return "Dòng số liệu"
            case .values: return "Giá trị và phép tính"
            case .status: return "Kết quả"
            }
        }
    }
}

extension Catalogue {
    /// A count with its thousands grouped: `988,586` in English, `988.586` in Vietnamese.
    static func grouped(_ n: Int, _ separator: Character) -> String {
        (n < 0 ? "-" : "") + groupedDigits(Substring(String(n.magnitude)), separator)
    }

    /// A run of digits with a separator before each group of three from the right (`25000` → `25.000`).
    static func groupedDigits(_ digits: Substring, _ separator: Character) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return out
    }
}
