import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuSemantics

/// Every code example of SPEC sections 3, 4 and 9, pasted verbatim, wrapped in a minimal plan that declares
/// the names it uses: each must check with no errors (warnings such as "never used" are allowed).
enum Spec {
    static let planBlock = """
    plan "484/KH-UBND" {
      title  "Triển khai thực hiện Nghị quyết 03/NQ-CP"
      issuer "UBND tỉnh Kon Tum"
      issued 2025-02-14
    }

    """

    /// The names SPEC examples use, minus those a given example declares itself.
    static func declarations(except declared: String) -> String {
        let all: [(String, String)] = [
            ("SKHCN", "agency SKHCN \"Sở Khoa học và Công nghệ\" alias \"Sở KH&CN\""),
            ("STTTT", "agency STTTT \"Sở Thông tin và Truyền thông\" merged into SKHCN on 2025-03-01"),
            ("STC", "agency STC \"Sở Tài chính\""),
            ("SNV", "agency SNV \"Sở Nội vụ\""),
            ("SYT", "agency SYT \"Sở Y tế\""),
            ("UBND_TP", "agency UBND_TP \"UBND thành phố Kon Tum\""),
            ("UBND_TINH", "agency UBND_TINH \"UBND tỉnh Kon Tum\""),
            ("cac_so", "group cac_so \"Các sở, ban, ngành\" = [SKHCN, STC, SNV, SYT]"),
            ("cac_don_vi", "group cac_don_vi \"Các đơn vị, địa phương\" = [SKHCN, STC, SNV, UBND_TP]"),
            ("kinh_te_so", "indicator kinh_te_so \"Quy mô kinh tế số\" : percent"),
            ("dvc_truc_tuyen", "indicator dvc_truc_tuyen \"Tỷ lệ thủ tục trực tuyến\" : percent per agency"),
            ("dn_cns", "indicator dn_cns \"Doanh nghiệp công nghệ số\" : count"),
            ("xh_dti", "indicator xh_dti \"Xếp hạng chỉ số DTI\" : rank"),
            ("chi_ngan_sach", "indicator chi_ngan_sach \"Tổng chi ngân sách tỉnh\" : money"),
            ("chi_khcn", "indicator chi_khcn \"Chi KH, CN, ĐMST và CĐS\" : money"),
            ("hdi", "indicator hdi \"Chỉ số HDI\" : number"),
            ("tt_atttt", "indicator tt_atttt \"Trung tâm an ninh mạng cấp tỉnh\" : yesno"),
            ("kinh_phi_tw_giao", "indicator kinh_phi_tw_giao \"Kinh phí Trung ương giao\" : money"),
            ("don_sang_che", "indicator don_sang_che \"Đơn đăng ký sáng chế\" : count"),
            ("chi_rd_ngoai_ns", "indicator chi_rd_ngoai_ns \"Chi R&D ngoài ngân sách\" : money"),
            ("chi_rd", "indicator chi_rd \"Tổng chi R&D\" : money"),
            ("x", "indicator x \"X\" : number"),
            ("y", "indicator y \"Y\" : number"),
            ("huong_dan_tw", "event huong_dan_tw \"Văn bản hướng dẫn của Trung ương\""),
        ]
        return all.filter { name, _ in
            !declared.contains("agency \(name) ") && !declared.contains("group  \(name) ") && !declared.contains("group \(name) ")
                && !declared.contains("indicator \(name) ") && !declared.contains("event \(name) ")
        }.map(\.1).joined(separator: "\n") + "\n\n"
    }

    /// A plan file around one example: the plan block (unless the example has one), the declarations, the example.
    static func wrap(_ example: String) -> String {
        (example.contains("plan \"") ? "" : planBlock) + declarations(except: example) + example + "\n"
    }

    static func obligation(_ requirement: String, owner: String = "STC") -> String {
        "obligation o \"Ví dụ\" {\n  owner \(owner)\n  \(requirement)\n  cite \"Mục I\"\n}\n"
    }

    /// Checks files written into a fresh temporary folder; returns the rendered errors (empty when clean).
    static func errors(_ files: [String: String], check names: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var checker = Checker()
        let result = checker.run(files: names.map { dir.appendingPathComponent($0).path })
        let errors = result.diagnostics.filter { $0.severity == .error }
        return DiagnosticRenderer(sources: result.sources).text(errors)
    }

    static func errors(_ example: String) throws -> String {
        try errors(["plan.plan": wrap(example)], check: ["plan.plan"])
    }
}

@Suite("SPEC examples check clean")
struct SpecExampleTests {
    // MARK: section 3

    static let declarationsExample = """
    plan "484/KH-UBND" {                       // the plan's own number
      title      "Triển khai thực hiện Nghị quyết 03/NQ-CP"
      issuer     "UBND tỉnh Kon Tum"
      issued     2025-02-14
      implements "03/NQ-CP", "57-NQ/TW"
      source     "../../../shared/seeds/004_22cd2849f6c7996c.txt"  // relative to this file; `cite ... line N` points into it
    }

    agency SKHCN "Sở Khoa học và Công nghệ" alias "Sở KH&CN"
    agency STTTT "Sở Thông tin và Truyền thông" merged into SKHCN on 2025-03-01
    agency STC   "Sở Tài chính"
    group  cac_don_vi "Các đơn vị, địa phương" = [SKHCN, STC, SNV, UBND_TP]

    indicator kinh_te_so "Quy mô kinh tế số"            : percent
    indicator dvc_truc_tuyen "Tỷ lệ thủ tục trực tuyến" : percent per agency
    indicator dn_cns  "Doanh nghiệp công nghệ số"       : count
    indicator xh_dti  "Xếp hạng chỉ số DTI"             : rank
    indicator chi_ngan_sach "Tổng chi ngân sách tỉnh"   : money
    indicator chi_khcn "Chi KH, CN, ĐMST và CĐS"        : money
    indicator hdi     "Chỉ số HDI"                      : number
    indicator tt_atttt "Trung tâm an ninh mạng cấp tỉnh" : yesno

    event huong_dan_tw "Văn bản hướng dẫn của Trung ương"
    """

    @Test func section3Declarations() throws {
        let errors = try Spec.errors(Self.declarationsExample)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func section3Roster() throws {
        let roster = """
        // rules/kon-tum/co-quan.plan — the roster
        agency SKHCN "Sở Khoa học và Công nghệ" alias "Sở KH&CN"
        agency UBND_DH "UBND huyện Đắk Hà" dissolved on 2025-07-01
        // ... STC, SNV, SYT and the other agencies
        group  cac_so "Các sở, ban, ngành" = [SKHCN, STC, SNV, SYT]
        group  cac_don_vi "Các sở, ban, ngành, UBND các huyện" = [cac_so, UBND_DH]   // groups may contain groups
        """
        let rosterFile = roster.replacingOccurrences(of: "// ... STC, SNV, SYT and the other agencies",
                                                     with: "agency STC \"Sở Tài chính\"\nagency SNV \"Sở Nội vụ\"\nagency SYT \"Sở Y tế\"")
        let plan = """
        // rules/kon-tum/484-KH-UBND.plan
        use "co-quan.plan"                         // path relative to this file

        """ + Spec.planBlock + Spec.obligation("report to \"Sở KH&CN\" monthly before day 10", owner: "cac_don_vi")
        let errors = try Spec.errors(["co-quan.plan": rosterFile, "484-KH-UBND.plan": plan], check: ["484-KH-UBND.plan", "co-quan.plan"])
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test(arguments: ["owner \"Sở Tài chính\"", "owner STC", "owner cac_don_vi", "owner jointly STC, SKHCN", "owner jointly cac_so"])
    func section3And4Parties(owner: String) throws {
        let errors = try Spec.errors(Spec.obligation("deliver \"Văn bản\" by 2025-12").replacingOccurrences(of: "owner STC", with: owner))
        #expect(errors.isEmpty, "\(errors)")
    }

    // MARK: section 4

    @Test func section4Obligation() throws {
        let errors = try Spec.errors("""
        obligation kinh_te_so_2030 "Quy mô kinh tế số tối thiểu 25% GRDP" {
          owner STTTT
          achieve kinh_te_so >= 25% by 2030
          cite "Phụ lục I, mục I.4" line 478
        }
        """)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func section4EveryField() throws {
        let errors = try Spec.errors("""
        obligation nv13 "Xây dựng Đề án chuyển đổi số" {
          owner jointly SKHCN, STC
          support cac_so, "Sở Nội vụ"
          deliver "Đề án của UBND tỉnh" by 2026
          from 2025                        // "2025-2026"; the same as `deliver ... from 2025 by 2026`
          cite "Phụ lục II, mục 13"
          cite "Mục III.2"
        }

        obligation bc_thang_2025 "Báo cáo tháng trong năm 2025" {
          owner cac_so
          report to SKHCN monthly before day 10
          until 2025-12
          cite "Mục IV.3"
        }

        obligation kien_nghi "Kịp thời báo cáo, kiến nghị" {
          owner cac_so
          untracked "kịp thời, khi có vướng mắc"
          cite "Mục IV.4"
        }
        """)
        #expect(errors.isEmpty, "\(errors)")
    }

    /// 4.1: the four `achieve` timings, with `<condition>` filled in.
    @Test(arguments: [
        "achieve <condition> by 2030                    // one check, on period 2030",
        "achieve <condition> by 2025-12                 // period 2025-12 (or the latest finer period inside it)",
        "achieve <condition> every year from 2025 to 2030",
        "achieve <condition> every year                 // each year from the plan's issue year to --as-of",
    ])
    func section41Timings(line: String) throws {
        let errors = try Spec.errors(Spec.obligation(line.replacingOccurrences(of: "<condition>", with: "kinh_te_so >= 25%")))
        #expect(errors.isEmpty, "\(errors)")
    }

    /// 4.1: every line of the condition list, and the precedence example.
    @Test(arguments: [
        "kinh_te_so >= 25%                  // comparisons: < <= > >= = !=",
        "dn_cns >= 3",
        "xh_dti <= 45                       // rank: top 45",
        "tt_atttt = yes",
        "dvc_truc_tuyen between 10% and 15% // inclusive range: above 15% is a violation",
        "chi_khcn >= 3% of chi_ngan_sach    // `P of X` = P × X, typed as X",
        "chi_khcn >= kinh_phi_tw_giao       // not lower than the central allocation [002]",
        "chi_khcn >= previous(chi_khcn)     // \"tăng dần\": value of the previous period [000]",
        "growth(don_sang_che) between 2% and 5%   // year-on-year growth as a percent [002]",
        "hdi > 0.7 and kinh_te_so >= 20%    // and / or / not, parentheses",
        "not (tt_atttt = no) or hdi >= 0.8",
        "chi_rd_ngoai_ns / chi_rd > 60%     // money / money is a percent [002: \">60% from non-state sources\"]",
        "x between 1 and 2 and y > 3",
        "dvc_truc_tuyen >= 10%",
        "hdi > 0.7",
        "chi_khcn >= 30_000_000_000",
    ])
    func section41Conditions(condition: String) throws {
        // A trailing comment must stay at the end of the line, after the timing.
        let parts = condition.components(separatedBy: "//")
        let comment = parts.count > 1 ? " //" + parts.dropFirst().joined(separator: "//") : ""
        let line = "achieve \(parts[0].trimmingCharacters(in: .whitespaces)) by 2030\(comment)"
        let errors = try Spec.errors(Spec.obligation(line))
        #expect(errors.isEmpty, "\(errors)")
    }

    /// 4.2: every `deliver` form.
    @Test(arguments: [
        "deliver \"Quyết định\" by 2025-12            // end of December 2025, inclusive",
        "deliver \"Kế hoạch\" by 2025-Q3              // \"trong quý III/2025\"",
        "deliver \"Đề án\" by 2027",
        "deliver \"Quyết định\" every year            // \"Hằng năm\": once per calendar year",
        "deliver \"Báo cáo\" ongoing                  // \"Thường xuyên\": a progress row each year",
        "deliver \"Văn bản\" after huong_dan_tw       // \"Sau khi có văn bản hướng dẫn của TW\"",
        "deliver \"Văn bản\" within 60 days after huong_dan_tw",
        "deliver \"Kế hoạch\" within 5 days after plan_issued   // \"chậm nhất sau 05 ngày kể từ khi Kế hoạch này được ban hành\" [000]",
        "deliver \"Kế hoạch\" before 2025-03-20       // \"Trước 20/3/2025\": last allowed day 19 March [002]",
        "deliver \"Đề án\" from 2025 by 2026          // \"2025-2026\"",
        "deliver \"Báo cáo\" ongoing after huong_dan_tw // \"Sau khi có hướng dẫn ... Thường xuyên\": waiting, then ongoing from E's year",
        "deliver \"Kế hoạch cụ thể\" undated          // no deadline in the plan: pending until done, never overdue",
        "deliver by 2025-12                         // the plan's product cell is empty: the title stands for it",
    ])
    func section42Deliver(line: String) throws {
        let errors = try Spec.errors(Spec.obligation(line))
        #expect(errors.isEmpty, "\(errors)")
    }

    /// 4.3: every `report` form.
    @Test(arguments: [
        "report to SKHCN weekly before thursday 10:00          // \"trước 10h00 thứ Năm hằng tuần\"",
        "report to SKHCN monthly before day 10                 // \"trước ngày 10 hằng tháng\" [000]",
        "report to SKHCN monthly before day 18                 // \"trước ngày 18 hằng tháng\"",
        "report to SKHCN quarterly before day 10 of last month // \"trước ngày 10 của tháng cuối quý\" [000]",
        "report to SKHCN yearly before day 10 of month 11      // \"trước ngày 10 tháng 11 hằng năm\" [000]",
        "report to SKHCN yearly before day 5 of month 6        // the \"6 tháng\" report [001]",
        "report to SKHCN monthly by day 10                     // inclusive variant",
        "report to SKHCN half-yearly before day 15 of last month // periods 2025-H1 (due 14 June), 2025-H2 (14 December) [002]",
        "report to SKHCN, UBND_TINH yearly                     // no day given: due on the period's last day",
        "report to SKHCN on request                            // \"đột xuất\": yields no finding, listed under `untracked`",
    ])
    func section43Report(line: String) throws {
        let errors = try Spec.errors(Spec.obligation(line))
        #expect(errors.isEmpty, "\(errors)")
    }

    // MARK: section 9

    @Test func section9TestBlock() throws {
        let obligations = """
        obligation bc_thang "Báo cáo tháng" {
          owner STC
          report to SKHCN monthly before day 10
          cite "Mục IV.3"
        }

        obligation nv10 "Nhiệm vụ 10" {
          owner STTTT
          deliver "Kế hoạch" by 2025-12
          cite "Phụ lục II, mục 10"
        }

        obligation kinh_te_so_2030 "Quy mô kinh tế số tối thiểu 25% GRDP" {
          owner STTTT
          achieve kinh_te_so >= 25% by 2030
          cite "Phụ lục I, mục I.4"
        }

        obligation vb_tw "Văn bản sau hướng dẫn" {
          owner STC
          deliver "Văn bản" after huong_dan_tw
          cite "Mục III"
        }

        """
        let errors = try Spec.errors(obligations + """
        test "báo cáo tháng 6 nộp trễ" {
          as of 2025-08-01
          submitted bc_thang by STC for 2025-06 on 2025-06-12
          observed kinh_te_so for 2025 = 18.5%
          done nv10 by STTTT on 2025-11-30
          happened huong_dan_tw on 2025-09-01
          expect bc_thang for STC in 2025-06 is late
          expect kinh_te_so_2030 is pending
        }
        """)
        #expect(errors.isEmpty, "\(errors)")
    }

    /// The wrapper itself is honest: a broken example does report errors.
    @Test func wrapperDetectsErrors() throws {
        #expect(try !Spec.errors(Spec.obligation("achieve kinh_te_so >= 25% by 2025-13")).isEmpty)
        #expect(try !Spec.errors(Spec.obligation("deliver \"X\" after su_kien_khong_co")).isEmpty)
    }
}
