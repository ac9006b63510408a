import TuanthuCore
import TuanthuSemantics

/// One blank sheet: a table's header and the rows an agency owes in a window, ready to fill in.
public struct TemplateSheet: Sendable {
    public var agency: String
    public var table: Table
    public var header: [String]
    public var rows: [[String]]
}

/// Builds the blank sheets agencies fill in (`tuanthu template`): a row for every report period, task and
/// target an agency owes between `from` and `until`, with its due date and the plan's wording.
public struct TemplateBuilder {
    let plans: [CheckedPlan]
    let from: CivilDate?
    let until: CivilDate

    public init(plans: [CheckedPlan], from: CivilDate?, until: CivilDate) {
        self.plans = plans
        self.from = from
        self.until = until
    }

    /// Template columns beyond the table's own, ignored when the filled sheet is read back.
    public static let helperColumns = ["due", "wording"]

    static let headers: [Table: [String]] = [
        .reports: ["plan", "obligation", "agency", "period", "due", "wording", "submitted", "document"],
        .tasks: ["plan", "obligation", "agency", "period", "due", "wording", "status", "date", "document"],
        .observations: ["plan", "indicator", "agency", "period", "due", "wording", "value", "source"],
    ]

    /// Sheets per agency (only `agency` when given), in a fixed order.
    public func sheets(agency only: String?) -> [TemplateSheet] {
        sheets(agencies: only.map { [$0] })
    }

    /// Sheets for the given agencies (a group's id selects what the group owes as a whole, such as a
    /// province-wide target), or for everyone when nil.
    public func sheets(agencies selected: Set<String>?) -> [TemplateSheet] {
        let wanted = { (id: String) in selected?.contains(id) ?? true }
        var rows: [String: [Table: [[String]]]] = [:]
        for (pi, plan) in plans.enumerated() {
            let lowering = Lowering(plan: plan, planIndex: pi, asOf: until, events: ["plan_issued": plan.issued], supersededFrom: nil)
            for (oi, o) in plan.obligations.enumerated() {
                for a in lowering.lower(oi) {
                    if let d = a.deadline?.day, let from, d < from { continue }
                    if let d = a.deadline?.day, d > until { continue }
                    let period = a.period?.description ?? ""
                    let due = a.deadline?.description ?? ""
                    let wording = (o.title.map { $0 + " — " } ?? "") + o.requirementText
                    switch o.requirement {
                    case .report:
                        for ag in a.agency.split(separator: "+").map(String.init) where wanted(ag) {
                            rows[ag, default: [:]][.reports, default: []].append([plan.id, o.id, ag, period, due, wording, "", ""])
                        }
                    case .deliver:
                        for ag in a.agency.split(separator: "+").map(String.init) where wanted(ag) {
                            rows[ag, default: [:]][.tasks, default: []].append([plan.id, o.id, ag, period, due, wording, "", "", ""])
                        }
                    case .achieve(_, _, let indicators):
                        let owner = a.observedAgency ?? a.agency
                        guard wanted(owner) || owner.split(separator: "+").contains(where: { wanted(String($0)) }) else { continue }
                        for id in indicators {
                            let perAgency = plan.indicators[id]?.perAgency == true
                            rows[owner, default: [:]][.observations, default: []].append(
                                [plan.id, id, perAgency ? owner : "", period, due, wording, "", ""])
                        }
                    case .untracked:
                        break
                    }
                }
            }
        }
        var out: [TemplateSheet] = []
        for agency in rows.keys.sorted() {
            for table in [Table.reports, .tasks, .observations] {
                guard let r = rows[agency]?[table], !r.isEmpty, let header = Self.headers[table] else { continue }
                var seen: Set<[String]> = []
                out.append(TemplateSheet(agency: agency, table: table, header: header, rows: r.filter { seen.insert($0).inserted }))
            }
        }
        return out
    }

    /// RFC 4180 text with a UTF-8 BOM (so spreadsheets show the diacritics) and CRLF line ends.
    public static func csv(_ sheet: TemplateSheet) -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var text = "\u{FEFF}" + sheet.header.map(quote).joined(separator: ",") + "\r\n"
        for r in sheet.rows { text += r.map(quote).joined(separator: ",") + "\r\n" }
        return text
    }

    /// The short Vietnamese guide written beside the sheets.
    public static func readme(agency: String, from: CivilDate?, until: CivilDate) -> String {
        """
        # Biểu mẫu số liệu cho \(agency)

        Các tệp trong thư mục này liệt kê những gì \(agency) phải nộp theo kế hoạch\(from.map { " từ \($0.day)/\($0.month)/\($0.year)" } ?? "") đến \(until.day)/\(until.month)/\(until.year):

        - `reports.csv` — các kỳ báo cáo: điền cột `submitted` bằng ngày cơ quan nhận được báo cáo (theo sổ công văn đến), ví dụ `12/6/2025` hoặc `2025-06-12`; nếu có giờ, ghi `2025-06-12 09:30`. Cột `document` ghi số, ký hiệu văn bản.
        - `tasks.csv` — các nhiệm vụ: cột `status` ghi `done` (đã hoàn thành), `in_progress` (đang thực hiện) hoặc `not_started` (chưa thực hiện); cột `date` ghi ngày hoàn thành hoặc ngày cập nhật; cột `document` ghi văn bản, sản phẩm.
        - `observations.csv` — các chỉ tiêu: cột `value` ghi số liệu, ví dụ `18.5` (phần trăm có thể ghi `18.5%`), số nguyên cho số lượng, `yes`/`no` (có/không) cho chỉ tiêu có/không; cột `source` ghi nguồn số liệu.

        Không sửa các cột `plan`, `obligation`, `indicator`, `agency`, `period`; cột `due` (thời hạn) và `wording` (nội dung theo kế hoạch) chỉ để tham khảo. Dòng nào chưa có số liệu thì để trống: dòng trống được bỏ qua, không bị tính là lỗi.

        Lưu tệp dưới dạng CSV UTF-8 (trong Excel: "CSV UTF-8 (Comma delimited)"); dấu phân cách `,` hoặc `;` đều được. Gửi lại các tệp cho cơ quan tổng hợp (Sở Khoa học và Công nghệ hoặc Thanh tra).
        """
    }
}
