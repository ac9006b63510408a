/// Labels of the HTML inspection report. Status names, dates and periods come from `Catalogue.status`,
/// `Catalogue.date` and `Catalogue.period`, shared with the text report.
public enum HTMLText: Sendable, Hashable {
    case documentTitle, asOf, plans, supersededBy, generatedBy
    case summary, summaryCaption, status, count, share, total, rows
    case rowCounts(evidence: Int, setAside: Int, superseded: Int, unused: Int, blank: Int)
    case problems, problemsIntro, noProblems, byAgency, byAgencyIntro
    case agency, obligation, kind
    /// A finding's kind (`target`, `task`, `report`).
    case kindName(String)
    case period, due, found, daysLate
    case days(Int)
    case expected, actual, cite, dataRows, notes, support, year, otherPeriods
    /// Column headings of the status matrices: month 1–12, quarter 1–4, half 1–2.
    case monthColumn(Int), quarterColumn(Int), halfColumn(Int)
    case untracked, untrackedIntro, reason
    case dataErrors, dataErrorsIntro
    case dataErrorsBanner(Int)
    case position, code, message
    case filterAgency, filterStatus, allAgencies, allStatuses
    case sortBy, sortOrder, sortDaysLate, sortAgency
    case previous, next
    case page(Int, of: Int)
    case shown(Int, of: Int)
    case findingsCount(Int)
    case legend
    /// What a status means (by its code).
    case statusHelp(String)
}

extension Catalogue {
    /// A label of the HTML report in the reader's language.
    public static func html(_ t: HTMLText, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.html(t) : English.html(t)
    }
}

extension English {
    static func html(_ t: HTMLText) -> String {
        switch t {
        case .documentTitle: return "Plan compliance inspection report"
        case .asOf: return "Data as of"
        case .plans: return "Plans"
        case .supersededBy: return "superseded by"
        case .generatedBy: return "Produced by tuanthu from the plan texts and the data the agencies sent."
        case .summary: return "Summary"
        case .summaryCaption: return "Findings by status"
        case .status: return "Status"
        case .count: return "Count"
        case .share: return "Share"
        case .total: return "Total"
        case .rows: return "Data rows"
        case let .rowCounts(e, s, sup, u, b):
            return "\(e) used as evidence, \(s) set aside (dated after the as-of date), \(sup) superseded, \(u) unused" + (b > 0 ? ", \(b) blank" : "")
        case .problems: return "Problems"
        case .problemsIntro: return "Violated, late, overdue and no-data findings, with the plan citation and the data rows."
        case .noProblems: return "No problems found."
        case .byAgency: return "Findings by agency"
        case .byAgencyIntro: return "Each row is an obligation; each cell is the status for one period."
        case .agency: return "Agency"
        case .obligation: return "Obligation"
        case .kind: return "Kind"
        case .kindName(let k): return k
        case .period: return "Period"
        case .due: return "Deadline"
        case .found: return "Received / value"
        case .daysLate: return "Days late"
        case .days(let n): return n == 1 ? "1 day" : "\(n) days"
        case .expected: return "Expected"
        case .actual: return "Found"
        case .cite: return "Citation"
        case .dataRows: return "Data rows"
        case .notes: return "Notes"
        case .support: return "Supporting agencies"
        case .year: return "Year"
        case .otherPeriods: return "Periods"
        case .monthColumn(let m):
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return names[max(0, min(11, m - 1))]
        case .quarterColumn(let q): return "Q\(q)"
        case .halfColumn(let h): return "H\(h)"
        case .untracked: return "Duties not tracked"
        case .untrackedIntro: return "Duties on request or without a checkable deadline, listed so the transcription stays complete."
        case .reason: return "Reason"
        case .dataErrors: return "Data errors"
        case .dataErrorsIntro: return "Rows that could not be read; they take no part in the findings."
        case .dataErrorsBanner(let n): return "\(n) data row(s) could not be read and were left out (see Data errors)."
        case .position: return "Position"
        case .code: return "Code"
        case .message: return "Message"
        case .filterAgency: return "Agency"
        case .filterStatus: return "Status"
        case .allAgencies: return "All agencies"
        case .allStatuses: return "All statuses"
        case .sortBy: return "Sort"
        case .sortOrder: return "Plan order"
        case .sortDaysLate: return "Most days late first"
        case .sortAgency: return "By agency"
        case .previous: return "Previous"
        case .next: return "Next"
        case let .page(n, total): return "Page \(n) of \(total)"
        case let .shown(n, total): return "Showing \(n) of \(total)"
        case .findingsCount(let n): return n == 1 ? "1 finding" : "\(n) findings"
        case .legend: return "Legend"
        case .statusHelp(let s):
            switch s {
            case "met": return "checked and satisfied, on time"
            case "violated": return "checked and not satisfied"
            case "late": return "delivered or submitted after the deadline"
            case "overdue": return "deadline passed, nothing delivered"
            case "no_data": return "deadline passed, no observation can judge it"
            case "pending": return "not yet due"
            case "waiting": return "waits for an event that has not happened"
            default: return s
            }
        }
    }
}

extension Vietnamese {
    static func html(_ t: HTMLText) -> String {
        switch t {
        case .documentTitle: return "Báo cáo kiểm tra thực hiện kế hoạch"
        case .asOf: return "Số liệu tính đến ngày"
        case .plans: return "Kế hoạch"
        case .supersededBy: return "được thay thế bởi"
        case .generatedBy: return "Lập bằng tuanthu từ văn bản kế hoạch và số liệu các cơ quan gửi."
        case .summary: return "Tổng hợp kết quả"
        case .summaryCaption: return "Số kết quả theo trạng thái"
        case .status: return "Trạng thái"
        case .count: return "Số lượng"
        case .share: return "Tỷ lệ"
        case .total: return "Tổng cộng"
        case .rows: return "Dòng số liệu"
        case let .rowCounts(e, s, sup, u, b):
            return "\(e) dòng làm căn cứ, \(s) dòng đề ngày sau ngày tính, \(sup) dòng bị thay thế, \(u) dòng không dùng" + (b > 0 ? ", \(b) dòng trống" : "")
        case .problems: return "Các nội dung chưa đạt"
        case .problemsIntro: return "Không đạt, nộp muộn, quá hạn và chưa có số liệu, kèm căn cứ trong kế hoạch và dòng số liệu."
        case .noProblems: return "Không có nội dung nào chưa đạt."
        case .byAgency: return "Kết quả theo cơ quan"
        case .byAgencyIntro: return "Mỗi dòng là một nhiệm vụ; mỗi ô là trạng thái của một kỳ."
        case .agency: return "Cơ quan"
        case .obligation: return "Nhiệm vụ"
        case .kind: return "Loại"
        case .kindName(let k):
            switch k {
            case "target": return "chỉ tiêu"
            case "task": return "nhiệm vụ"
            case "report": return "báo cáo"
            default: return k
            }
        case .period: return "Kỳ"
        case .due: return "Thời hạn"
        case .found: return "Ngày nhận / giá trị"
        case .daysLate: return "Số ngày muộn"
        case .days(let n): return "\(n) ngày"
        case .expected: return "Yêu cầu"
        case .actual: return "Thực tế"
        case .cite: return "Căn cứ"
        case .dataRows: return "Dòng số liệu"
        case .notes: return "Ghi chú"
        case .support: return "Cơ quan phối hợp"
        case .year: return "Năm"
        case .otherPeriods: return "Các kỳ"
        case .monthColumn(let m): return "T\(m)"
        case .quarterColumn(let q): return "Quý " + ["I", "II", "III", "IV"][max(0, min(3, q - 1))]
        case .halfColumn(let h): return h == 1 ? "6 tháng đầu" : "6 tháng cuối"
        case .untracked: return "Nhiệm vụ không theo dõi được"
        case .untrackedIntro: return "Các nhiệm vụ thực hiện theo yêu cầu hoặc không có thời hạn kiểm tra được; liệt kê để đối chiếu đủ."
        case .reason: return "Lý do"
        case .dataErrors: return "Lỗi số liệu"
        case .dataErrorsIntro: return "Các dòng số liệu không đọc được; chúng không được dùng để đánh giá."
        case .dataErrorsBanner(let n): return "Có \(n) dòng số liệu bị lỗi, không được dùng để đánh giá (xem mục Lỗi số liệu)."
        case .position: return "Vị trí"
        case .code: return "Mã"
        case .message: return "Nội dung"
        case .filterAgency: return "Cơ quan"
        case .filterStatus: return "Trạng thái"
        case .allAgencies: return "Tất cả cơ quan"
        case .allStatuses: return "Tất cả trạng thái"
        case .sortBy: return "Sắp xếp"
        case .sortOrder: return "Theo thứ tự kế hoạch"
        case .sortDaysLate: return "Muộn nhiều nhất trước"
        case .sortAgency: return "Theo cơ quan"
        case .previous: return "Trang trước"
        case .next: return "Trang sau"
        case let .page(n, total): return "Trang \(n)/\(total)"
        case let .shown(n, total): return "Hiển thị \(n)/\(total)"
        case .findingsCount(let n): return "\(n) kết quả"
        case .legend: return "Chú giải"
        case .statusHelp(let s):
            switch s {
            case "met": return "đã kiểm tra, đạt và đúng hạn"
            case "violated": return "đã kiểm tra, không đạt chỉ tiêu"
            case "late": return "đã nộp hoặc hoàn thành sau thời hạn"
            case "overdue": return "đã quá thời hạn mà chưa nộp hoặc chưa hoàn thành"
            case "no_data": return "đã đến hạn nhưng chưa có số liệu để đánh giá"
            case "pending": return "chưa đến thời hạn"
            case "waiting": return "phụ thuộc một sự kiện hoặc văn bản chưa có"
            default: return s
            }
        }
    }
}
