import Foundation
import Testing

/// Data as agencies send it, tried the way a new user would (SPEC 6, `tuanthu template`, `--split-by agency`).
@Suite("tuanthu data intake")
struct IntakeCLITests {
    static let quickstart = "examples/quickstart"
    static let fixtures = "Tests/Fixtures/intake"
    /// The quickstart plan by absolute path, for runs from a scratch folder.
    static var quickstartPlan: String { CLI.repositoryRoot.appendingPathComponent(quickstart).path }

    /// Findings keyed by obligation, agency and period, with data file paths cut to their last component.
    static func findings(_ report: [String: Any]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for case let f as [String: Any] in report["findings"] as? [Any] ?? [] {
            let key = "\(f["obligation"] ?? "") \(f["agency"] ?? "") \(f["period"] as? String ?? "-")"
            let evidence = (f["evidence"] as? [[String: Any]] ?? []).map { "\(($0["file"] as? String ?? "").split(separator: "/").last ?? ""):\($0["line"] ?? "")" }
            out[key] = ["status": "\(f["status"] ?? "")", "due": "\(f["due"] ?? "")", "expected": "\(f["expected"] ?? "")",
                        "evidence": evidence.sorted().joined(separator: " ")]
        }
        return out
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The quickstart data reorganised as agencies send it: reports split by agency, STC's saved with `;`
    /// and day/month/year dates, SYT's in a `reports/` folder with decomposed Unicode and agency names.
    static func splitQuickstart(into data: URL) throws {
        let fm = FileManager.default
        let source = CLI.repositoryRoot.appendingPathComponent("\(quickstart)/data")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["events.csv", "observations.csv", "tasks.csv"] {
            try fm.copyItem(at: source.appendingPathComponent(name), to: data.appendingPathComponent(name))
        }
        let lines = String(decoding: try Data(contentsOf: source.appendingPathComponent("reports.csv")), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map(String.init)
        var stc = ["obligation;agency;period;submitted;document"]
        var syt = ["obligation,agency,period,submitted,document"]
        for line in lines.dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if c[1] == "STC" {
                let ymd = c[3].split(separator: "-").compactMap { Int($0) }
                stc.append([c[0], c[1], c[2], "\(ymd[2])/\(ymd[1])/\(ymd[0])", c[4]].joined(separator: ";"))
            } else {
                syt.append([c[0], "Sở Y tế", c[2], c[3], c[4]].joined(separator: ","))
            }
        }
        try write(stc.joined(separator: "\r\n") + "\r\n", data.appendingPathComponent("reports-STC.csv"))
        try write((syt.joined(separator: "\n") + "\n").decomposedStringWithCanonicalMapping, data.appendingPathComponent("reports/SYT.csv"))
    }

    @Test func splitSemicolonDecomposedAndExtendedDataGiveTheSameFindings() throws {
        let before = try CLI.run(["eval", Self.quickstart, "--data", "\(Self.quickstart)/data", "--as-of", "2025-12-31", "--format", "json"])
        #expect(before.status == 1)
        let dir = try CLI.scratch()
        let data = dir.appendingPathComponent("data")
        try Self.splitQuickstart(into: data)
        #expect(String(decoding: try Data(contentsOf: data.appendingPathComponent("reports/SYT.csv")), as: UTF8.self).unicodeScalars.contains("\u{0309}"))

        let split = try CLI.run(["eval", Self.quickstart, "--data", data.path, "--as-of", "2025-12-31", "--format", "json"])
        #expect(split.status == 1, "\(split.stderr)")
        #expect(split.stderr.isEmpty, "\(split.stderr)")
        var expected = Self.findings(try CLI.json(before.stdout))
        let got = Self.findings(try CLI.json(split.stdout))
        #expect(Set(got.keys) == Set(expected.keys))
        for (key, f) in got {
            var g = f, e = expected[key] ?? [:]
            g["evidence"] = nil; e["evidence"] = nil
            #expect(g == e, "\(key)")
            #expect(f["evidence"]?.split(separator: " ").count == expected[key]?["evidence"]?.split(separator: " ").count)
        }
        #expect(got["bc_thang STC 2025-06"]?["evidence"] == "reports-STC.csv:4")
        #expect(got["bc_quy SYT 2025-Q3"]?["evidence"] == "SYT.csv:3")

        // A written extension for the late June report: only that finding changes.
        try Self.write("obligation,agency,period,due,document\nbc_thang,Sở Tài chính,2025-06,15/6/2025,Công văn 55/UBND-KT\n",
                       data.appendingPathComponent("extensions.csv"))
        let extended = try CLI.run(["eval", Self.quickstart, "--data", data.path, "--as-of", "2025-12-31", "--format", "json"])
        #expect(extended.status == 1, "\(extended.stderr)")
        let after = Self.findings(try CLI.json(extended.stdout))
        let june = "bc_thang STC 2025-06"
        #expect(after[june]?["status"] == "met")
        #expect(after[june]?["due"] == "2025-06-15")
        #expect(after[june]?["expected"] == "report to SKHCN monthly before day 10; extended to 2025-06-15 by Công văn 55/UBND-KT")
        #expect(after[june]?["evidence"] == "extensions.csv:2 reports-STC.csv:4")
        expected[june] = nil
        for (key, f) in got where key != june { #expect(after[key] == f, "\(key)") }

        // `explain` shows the extension too.
        let explained = try CLI.run(["explain", "bc_thang", Self.quickstart, "--data", data.path, "--as-of", "2025-12-31",
                                     "--agency", "STC", "--period", "2025-06", "--lang", "en"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.text.contains("Công văn 55/UBND-KT"))
    }

    @Test func extensionForAPeriodNotOwedStopsTheRun() throws {
        let dir = try CLI.scratch()
        let data = dir.appendingPathComponent("data")
        try Self.splitQuickstart(into: data)
        try Self.write("obligation,agency,period,due\nbc_thang,STC,2025-Q2,2025-06-15\nbc_thang,SYT,2025-06,2025-06-15\n",
                       data.appendingPathComponent("extensions.csv"))
        let run = try CLI.run(["eval", Self.quickstart, "--data", data.path, "--as-of", "2025-12-31", "--format", "json", "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.stderr)")
        #expect(lines.first?.hasSuffix("data/extensions.csv:2:14: error[E303]: ‘2025-Q2’ is not a period (did you mean ‘2025-06’?)") == true, "\(run.stderr)")
        #expect(lines.dropFirst().first?.hasSuffix("data/extensions.csv:3:10: error[E309]: unknown agency ‘SYT’ (did you mean ‘STC’?)") == true, "\(run.stderr)")
    }

    @Test func badRowsInSplitFilesAreLineExact() throws {
        let dir = try CLI.scratch()
        let data = dir.appendingPathComponent("data")
        try Self.splitQuickstart(into: data)
        try Self.write("obligation;agency;period;submitted\nbc_thang;STC;2025-12;31/12/2025\nbc_thang;STC;2025-13;1/12/2025\n",
                       data.appendingPathComponent("reports/STC-bo-sung.csv"))
        let run = try CLI.run(["eval", Self.quickstartPlan, "--data", "data", "--as-of", "2025-12-31", "--format", "json", "--lang", "en"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("data/reports/STC-bo-sung.csv:3:14: error[E303]: ‘2025-13’ is not a period\n"), "\(run.stderr)")
    }

    @Test func tcvn3FileIsRejectedOnceWithAdvice() throws {
        let dir = try CLI.scratch()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/legacy/reports.tcvn3.csv"),
                                         to: dir.appendingPathComponent("data/reports.csv"))
        let plan = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/plan.plan").path
        let run = try CLI.run(["eval", plan, "--data", "data", "--as-of", "2025-12-31", "--format", "json", "--lang", "en"], in: dir)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("data/reports.csv:3:11: error[E001]:") == true, "\(run.stderr)")
        #expect(lines.first?.contains("TCVN3") == true)
        #expect(lines.first?.contains("iconv -f TCVN5712-1 -t UTF-8 data/reports.csv > converted.csv") == true)
    }

    @Test func windows1258FileIsConvertedWithAWarning() throws {
        let dir = try CLI.scratch()
        let plan = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/plan.plan").path
        var reports: [String: Data] = [:]
        for (folder, fixture) in [("utf8", "reports.utf8.csv"), ("cp1258", "reports.cp1258.csv")] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/legacy/\(fixture)"),
                                             to: dir.appendingPathComponent("\(folder)/reports.csv"))
            let run = try CLI.run(["eval", plan, "--data", folder, "--as-of", "2025-12-31", "--format", "csv", "--lang", "en"], in: dir)
            #expect(run.status == 1)
            reports[folder] = run.stdout
            if folder == "cp1258" {
                #expect(run.stderr.hasPrefix("cp1258/reports.csv:1:1: warning[W012]: cp1258/reports.csv is in Windows-1258"), "\(run.stderr)")
            }
        }
        let utf8 = String(decoding: reports["utf8"] ?? Data(), as: UTF8.self)
        let converted = String(decoding: reports["cp1258"] ?? Data(), as: UTF8.self).replacingOccurrences(of: "cp1258/", with: "utf8/")
        #expect(!utf8.isEmpty)
        #expect(converted == utf8)
    }

    @Test func templateForOneAgencyFilledInTwoRowsEvaluates() throws {
        let dir = try CLI.scratch()
        let made = try CLI.run(["template", Self.quickstartPlan, "--out", "mau", "--agency", "Sở Tài chính", "--until", "2025-12-31"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let folder = dir.appendingPathComponent("mau/STC")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["HUONG-DAN.md", "observations.csv", "reports.csv", "tasks.csv"])
        let readme = String(decoding: try Data(contentsOf: folder.appendingPathComponent("HUONG-DAN.md")), as: UTF8.self)
        #expect(readme.contains("Biểu mẫu số liệu cho STC"))
        let sheet = try Data(contentsOf: folder.appendingPathComponent("reports.csv"))
        #expect(Array(sheet.prefix(3)) == [0xEF, 0xBB, 0xBF])
        var lines = String(decoding: sheet, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}plan,obligation,agency,period,due,wording,submitted,document")
        #expect(lines[1] == "01/KH-VD,bc_thang,STC,2025-04,2025-04-09,Sở Tài chính báo cáo tháng về Sở KH&CN — report to SKHCN monthly before day 10,,")
        #expect(lines.count == 11)   // header, April to December, and the empty string after the last CRLF
        // The clerk fills April (on time) and June (late), typing dates as Vietnamese documents write them.
        lines[1] = String(lines[1].dropLast(2)) + ",8/4/2025,Báo cáo 112/BC-STC"
        lines[3] = String(lines[3].dropLast(2)) + ",12/6/2025,Báo cáo 171/BC-STC"
        let data = dir.appendingPathComponent("data")
        try Self.write(lines.joined(separator: "\r\n"), data.appendingPathComponent("reports-STC.csv"))
        for table in ["observations", "tasks"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent("\(table).csv"), to: data.appendingPathComponent("\(table)-STC.csv"))
        }
        let run = try CLI.run(["eval", Self.quickstartPlan, "--data", "data", "--as-of", "2025-12-31", "--format", "json"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let report = try CLI.json(run.stdout)
        let found = Self.findings(report)
        #expect(found["bc_thang STC 2025-04"]?["status"] == "met")
        #expect(found["bc_thang STC 2025-06"]?["status"] == "late")
        #expect(found["bc_thang STC 2025-06"]?["evidence"] == "reports-STC.csv:4")
        #expect(found["bc_thang STC 2025-05"]?["status"] == "overdue")
        let rows = report["rows"] as? [String: Any]
        #expect(rows?["evidence"] as? Int == 2)
        #expect((rows?["blank"] as? Int ?? 0) > 0)
    }

    @Test func templateForAGroupAndUnknownAgency() throws {
        let dir = try CLI.scratch()
        let plan = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/plan.plan").path
        let made = try CLI.run(["template", plan, "--out", "mau", "--agency", "cac_so", "--until", "2025-12-31"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("mau").path).sorted() == ["SNV", "STC", "cac_so"])
        let unknown = try CLI.run(["template", plan, "--out", "mau2", "--agency", "STX"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("‘STX’"))
        #expect(unknown.stderr.contains("‘STC’"))
    }

    @Test func handoutsPerAgencyWithBOMOrWithout() throws {
        let dir = try CLI.scratch()
        let args = ["eval", Self.quickstart, "--data", "\(Self.quickstart)/data", "--as-of", "2025-12-31", "--split-by", "agency", "--format", "csv"]
        let withBOM = try CLI.run(args + ["-o", dir.appendingPathComponent("bom").path])
        #expect(withBOM.status == 1, "\(withBOM.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("bom").path).sorted()
        #expect(names == ["SGDDT.csv", "SKHCN.csv", "SNV.csv", "STC.csv", "SYT.csv"])
        let stc = try Data(contentsOf: dir.appendingPathComponent("bom/STC.csv"))
        #expect(Array(stc.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: stc.dropFirst(3), as: UTF8.self)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 11)
        #expect(rows.allSatisfy { $0.split(separator: ",")[3] == "STC" })

        let plain = try CLI.run(args + ["-o", dir.appendingPathComponent("plain").path, "--no-bom"])
        #expect(plain.status == 1)
        let stcPlain = try Data(contentsOf: dir.appendingPathComponent("plain/STC.csv"))
        #expect(stcPlain == stc.dropFirst(3))

        let json = try CLI.run(["eval", Self.quickstart, "--data", "\(Self.quickstart)/data", "--as-of", "2025-12-31", "--split-by", "agency",
                                "--format", "json", "-o", dir.appendingPathComponent("json").path])
        #expect(json.status == 1)
        let syt = try CLI.json(try Data(contentsOf: dir.appendingPathComponent("json/SYT.json")))
        #expect((syt["findings"] as? [Any])?.count == 3)
    }

    /// A joint duty's finding goes to each co-owner's handout, once, in report order with the agency's own.
    @Test func aJointFindingGoesToEachCoOwner() throws {
        let dir = try CLI.scratch()
        let plan = """
            plan "04/KH-T" {
              title "Thử"
              issuer "UBND tỉnh"
              issued 2025-01-10
            }
            agency SKHCN "Sở Khoa học và Công nghệ"
            agency STC "Sở Tài chính"
            obligation a "A" {
              owner jointly SKHCN, STC
              report to SKHCN yearly
              cite "1"
            }
            obligation b "B" {
              owner STC
              report to SKHCN yearly
              cite "2"
            }

            """
        try Self.write(plan, dir.appendingPathComponent("t.plan"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let whole = try CLI.run(["eval", "t.plan", "--data", "data", "--as-of", "2026-12-31", "--format", "csv"], in: dir)
        let run = try CLI.run(["eval", "t.plan", "--data", "data", "--as-of", "2026-12-31", "--split-by", "agency", "--format", "csv", "--no-bom", "-o", "out"], in: dir)
        #expect(run.status == 1, "\(run.stderr)")
        // CSV lines end in CRLF (one Character): split on newlines, not on "\n".
        let rows = whole.text.split(whereSeparator: \.isNewline).dropFirst()
        for agency in ["SKHCN", "STC"] {
            let handout = try String(contentsOf: dir.appendingPathComponent("out/\(agency).csv"), encoding: .utf8)
            let expected = rows.filter { $0.split(separator: ",")[3].split(separator: "+").contains { $0 == agency } }
            #expect(Array(handout.split(whereSeparator: \.isNewline).dropFirst()) == Array(expected), "\(agency)")
            #expect(!expected.isEmpty)
        }
        let joint = rows.filter { $0.split(separator: ",")[3] == "SKHCN+STC" }
        #expect(joint.count == 2, "\(whole.text)")
    }

    @Test func handoutNamesForIdentifiersThatDifferOnlyInCase() throws {
        let dir = try CLI.scratch()
        let plan = """
            plan "03/KH-T" {
              title "Thử"
              issuer "UBND tỉnh"
              issued 2025-01-10
            }
            agency SKHCN "Sở Khoa học và Công nghệ"
            agency STC "Sở Tài chính"
            agency stc "Sở Thương chính"
            agency UBND_Đắk "UBND huyện Đắk"
            obligation a "A" {
              owner STC
              report to SKHCN yearly
              cite "1"
            }
            obligation b "B" {
              owner stc
              report to SKHCN yearly
              cite "2"
            }
            obligation c "C" {
              owner UBND_Đắk
              report to SKHCN yearly
              cite "3"
            }

            """
        try Self.write(plan, dir.appendingPathComponent("t.plan"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let run = try CLI.run(["eval", "t.plan", "--data", "data", "--as-of", "2025-12-31", "--split-by", "agency", "--format", "json", "-o", "out"], in: dir)
        #expect(run.status == 1, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).map { $0.precomposedStringWithCanonicalMapping }
        #expect(names.contains("UBND_Đắk.json"))
        // On a case-insensitive disk (macOS, Windows) `STC.json` and `stc.json` would be one file; the names
        // must differ by more than case.
        #expect(Set(names.map { $0.lowercased() }).count == 3)
        let templates = try CLI.run(["template", "t.plan", "--out", "mau", "--until", "2025-12-31"], in: dir)
        #expect(templates.status == 0, "\(templates.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("mau").path).map { $0.precomposedStringWithCanonicalMapping }.sorted()
        #expect(folders == ["STC", "UBND_Đắk", "stc-2"])
    }
}
