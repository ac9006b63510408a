import Foundation
import Testing
import TuanthuCore
import TuanthuRuntime
import TuanthuSemantics

/// `tuanthu template`: blank sheets per agency that load back, filled in, without edits.
@Suite("Templates")
struct TemplateTests {
    static func checked() throws -> CheckResult {
        var checker = Checker()
        let result = checker.run(files: [IntakeTests.fixturePlan])
        #expect(!result.hasErrors)
        return result
    }

    static func day(_ s: String) -> CivilDate? { CivilDate.parse(utf8: s.utf8) }

    static func sheets(_ only: Set<String>?, from: String? = nil, until: String = "2025-12-31") throws -> [TemplateSheet] {
        TemplateBuilder(plans: try checked().plans, from: from.flatMap(day), until: try #require(day(until))).sheets(agencies: only)
    }

    /// `agency table: obligation period due` for each row.
    static func lines(_ sheets: [TemplateSheet]) -> [String] {
        sheets.flatMap { s in
            s.rows.map { r in
                let col = { (name: String) in s.header.firstIndex(of: name).map { r[$0] } ?? "?" }
                return "\(s.agency) \(s.table.rawValue): \(col(s.table == .observations ? "indicator" : "obligation")) \(col("period")) \(col("due")) [\(col("agency"))]"
            }
        }
    }

    @Test func everyOwedPeriodOfEachAgencyHasARow() throws {
        #expect(Self.lines(try Self.sheets(["STC"], from: "2025-09-01")) == [
            "STC reports: bc_thang 2025-09 2025-09-09 [STC]",
            "STC reports: bc_thang 2025-10 2025-10-09 [STC]",
            "STC reports: bc_thang 2025-11 2025-11-09 [STC]",
            "STC reports: bc_thang 2025-12 2025-12-09 [STC]",
            "STC reports: bc_quy 2025-Q3 2025-09-09 [STC]",
            "STC reports: bc_quy 2025-Q4 2025-12-09 [STC]",
            "STC reports: bc_chung 2025 2025-11-09 [STC]",
            "STC observations: ty_le_so_hoa 2025 2025-12-31 [STC]",
        ])
    }

    @Test func groupAndJointReportsGiveEachMemberItsRows() throws {
        let snv = Self.lines(try Self.sheets(["SNV"]))
        // No 2025-Q1 row: its deadline (9 March) precedes the plan (15 March).
        #expect(snv == [
            "SNV reports: bc_quy 2025-Q2 2025-06-09 [SNV]",
            "SNV reports: bc_quy 2025-Q3 2025-09-09 [SNV]",
            "SNV reports: bc_quy 2025-Q4 2025-12-09 [SNV]",
            "SNV reports: bc_chung 2025 2025-11-09 [SNV]",
            "SNV observations: ty_le_so_hoa 2025 2025-12-31 [SNV]",
        ])
    }

    @Test func aTargetTheGroupOwesAsAWholeGoesToTheGroupsSheet() throws {
        // kts_2025 is province-wide (its indicator is not per agency): one row, under the group, with no agency.
        let group = Self.lines(try Self.sheets(["cac_so"]))
        #expect(group == ["cac_so observations: kinh_tế_số 2025 2025-12-31 []"])
        #expect(!Self.lines(try Self.sheets(["STC"])).contains { $0.contains("kinh_tế_số") })
        let everyone = try Self.sheets(nil)
        #expect(everyone.map { "\($0.agency)/\($0.table.rawValue)" } == [
            "SNV/reports", "SNV/observations", "STC/reports", "STC/observations", "SYT/tasks", "cac_so/observations",
        ])
    }

    @Test func taskSheetCarriesTheDeadlineAndWording() throws {
        let sheet = try #require(try Self.sheets(["SYT"]).first)
        #expect(sheet.table == .tasks)
        #expect(sheet.header == ["plan", "obligation", "agency", "period", "due", "wording", "status", "date", "document"])
        #expect(sheet.rows == [["09/KH-NL", "ke_hoach_so", "SYT", "2025-Q3", "2025-09-30",
                                "Ban hành kế hoạch số hoá hồ sơ — deliver \"Kế hoạch\" by 2025-Q3", "", "", ""]])
    }

    @Test func windowLeavesOutDeadlinesOutsideIt() throws {
        let rows = Self.lines(try Self.sheets(["STC"], from: "2025-06-01", until: "2025-07-31"))
        #expect(rows == [
            "STC reports: bc_thang 2025-06 2025-06-09 [STC]",
            "STC reports: bc_thang 2025-07 2025-07-09 [STC]",
            "STC reports: bc_quy 2025-Q2 2025-06-09 [STC]",
        ])
    }

    @Test func csvHasABOMCRLFAndQuotesWhereNeeded() throws {
        let sheet = try #require(try Self.sheets(["SYT"]).first)
        let text = TemplateBuilder.csv(sheet)
        #expect(text.hasPrefix("\u{FEFF}plan,obligation,agency,period,due,wording,status,date,document\r\n"))
        #expect(text.contains(",\"Ban hành kế hoạch số hoá hồ sơ — deliver \"\"Kế hoạch\"\" by 2025-Q3\",,,\r\n"))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func readmeIsVietnameseAndNamesTheWindow() {
        let text = TemplateBuilder.readme(agency: "STC", from: Self.day("2025-06-01"), until: Self.day("2025-12-31") ?? .init(dayNumber: 0))
        #expect(text.contains("Biểu mẫu số liệu cho STC"))
        #expect(text.contains("từ 1/6/2025 đến 31/12/2025"))
        #expect(text.contains("CSV UTF-8"))
    }

    @Test func filledInSheetsLoadBackWithoutEdits() throws {
        let dir = Harness.scratch().appendingPathComponent("data")
        var written: [String] = []
        for sheet in try Self.sheets(["STC", "cac_so"]) {
            var filled = sheet
            // Fill two rows, as an agency clerk would in a spreadsheet: a day/month/year date and a percent.
            for (i, row) in filled.rows.enumerated() {
                if sheet.table == .reports, row[1] == "bc_thang", row[3] == "2025-04" { filled.rows[i][6] = "8/4/2025"; filled.rows[i][7] = "Báo cáo 12/BC-STC" }
                if sheet.table == .observations, row[1] == "ty_le_so_hoa" { filled.rows[i][6] = "55%" }
            }
            let name = "\(sheet.table.rawValue)-\(sheet.agency).csv"
            try Data(TemplateBuilder.csv(filled).utf8).write(to: dir.appendingPathComponent(name))
            written.append(name)
        }
        #expect(written == ["reports-STC.csv", "observations-STC.csv", "observations-cac_so.csv"])
        var loader = DataLoader(plans: try Self.checked().plans)
        let data = loader.load(directory: dir.path)
        #expect(data.errors.isEmpty)
        #expect(data.warnings.isEmpty)
        #expect(data.reports.map { "\($0.obligation) \($0.agency) \($0.period) \($0.submitted)" } == ["bc_thang STC 2025-04 2025-04-08"])
        #expect(data.observations.map { "\($0.indicator) \($0.agency ?? "-") \($0.period)" } == ["ty_le_so_hoa STC 2025"])
        let blanks = try Self.sheets(["STC", "cac_so"]).reduce(0) { $0 + $1.rows.count } - 2
        #expect(data.blankRows == blanks)
    }

    @Test func fileNamesSurviveEveryDisk() {
        let names = AgencyFileNames.names(for: ["STC", "stc", "Stc", "CON", "nul", "UBND_Đắk", "STC+SNV", "STC"])
        #expect(names["STC"] == "STC")
        #expect(names["stc"] == "stc-2")
        #expect(names["Stc"] == "Stc-3")
        #expect(names["CON"] == "CON_")
        #expect(names["nul"] == "nul_")
        #expect(names["UBND_Đắk"] == "UBND_Đắk")
        #expect(names["STC+SNV"] == "STC+SNV")
        #expect(AgencyFileNames.names(for: ["a/b", "c\\d", "e:f"]).values.sorted() == ["a_b", "c_d", "e_f"])
    }
}
