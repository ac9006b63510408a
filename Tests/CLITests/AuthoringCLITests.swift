import Foundation
import Testing

/// `tuanthu fmt`, `tuanthu test` and `tuanthu explain` as a user meets them: exit codes, what is printed, and
/// what happens to the files on disk.
@Suite("tuanthu fmt, test, explain")
struct AuthoringCLITests {
    static let tidy = """
        plan "1/KH" {
          title      "Kế hoạch"
          issuer     "UBND tỉnh"
          issued     2025-02-14
        }

        agency STC "Sở Tài chính"

        obligation bc_thang "Báo cáo tháng" {
          owner STC
          report to STC monthly before day 10
          cite "Mục IV"
        }

        """

    static let untidy = "plan \"2/KH\" { title \"K\" issuer \"U\" issued 2025-02-14 }\nagency  STC  \"Sở Tài chính\"\n"

    /// Writes files into a fresh scratch directory.
    func scratch(_ files: [String: String]) throws -> URL {
        let dir = try CLI.scratch()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    // MARK: fmt

    @Test func fmtCheckPassesOnFormattedFiles() throws {
        let dir = try scratch(["a.plan": Self.tidy])
        let r = try CLI.run(["fmt", "--check", "a.plan"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.text.isEmpty)
    }

    @Test func fmtCheckListsFilesThatWouldChangeAndExits1() throws {
        let dir = try scratch(["a.plan": Self.tidy, "b.plan": Self.untidy])
        let r = try CLI.run(["fmt", "--check", "a.plan", "b.plan"], in: dir)
        #expect(r.status == 1)
        #expect(r.text.split(separator: "\n").map(String.init) == ["b.plan"], "stdout: \(r.text)")
        // --check never writes.
        #expect(try String(contentsOf: dir.appendingPathComponent("b.plan"), encoding: .utf8) == Self.untidy)
    }

    @Test func fmtRewritesThenCheckPasses() throws {
        let dir = try scratch(["b.plan": Self.untidy])
        let r = try CLI.run(["fmt", "b.plan"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("b.plan"), encoding: .utf8)
        #expect(text.contains("plan \"2/KH\" {\n  title      \"K\"\n"))
        #expect(text.contains("agency STC \"Sở Tài chính\"\n"))
        #expect(try CLI.run(["fmt", "--check", "b.plan"], in: dir).status == 0)
        // Atomic write: no temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["b.plan"])
    }

    @Test func fmtCheckOnADirectory() throws {
        let dir = try scratch(["a.plan": Self.tidy, "b.plan": Self.untidy])
        let r = try CLI.run(["fmt", "--check", "."], in: dir)
        #expect(r.status == 1)
        #expect(r.text.contains("b.plan"))
        #expect(!r.text.contains("a.plan"))
    }

    @Test func fmtRefusesAFileThatDoesNotParse() throws {
        let broken = "plan \"3/KH\" {\n  title \"K\"\n  issued 2025-02-14\n}\nobligation o {\n  owner STC\n  report to STC monthly before day\n}\n"
        let dir = try scratch(["broken.plan": broken])
        let before = try Data(contentsOf: dir.appendingPathComponent("broken.plan"))
        let r = try CLI.run(["fmt", "broken.plan"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.plan:7:"), "the syntax error is located: \(r.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("broken.plan")) == before, "the file must be left byte-identical")
        let check = try CLI.run(["fmt", "--check", "broken.plan"], in: dir)
        #expect(check.status == 2)
    }

    @Test func fmtOnTheRepositoryIsClean() throws {
        let r = try CLI.run(["fmt", "--check", "rules", "examples"])
        #expect(r.status == 0, "files not in canonical layout: \(r.text) \(r.stderr)")
    }

    // MARK: test

    static let testedPlan = """
        plan "5/KH" {
          title      "Kế hoạch có kiểm thử"
          issuer     "UBND tỉnh"
          issued     2025-02-14
        }

        agency STC   "Sở Tài chính"
        agency SKHCN "Sở Khoa học và Công nghệ"

        obligation bc_thang "Báo cáo tháng" {
          owner STC
          report to SKHCN monthly before day 10
          cite "Mục IV"
        }

        test "đúng hạn" {
          as of 2025-08-01
          submitted bc_thang by STC for 2025-06 on 2025-06-05
          expect bc_thang for STC in 2025-06 is met
        }

        test "kỳ vọng sai" {
          as of 2025-08-01
          submitted bc_thang by STC for 2025-06 on 2025-06-12
          expect bc_thang for STC in 2025-06 is met
        }

        """

    @Test func testPrintsTheFailureAndTheCount() throws {
        let dir = try scratch(["p.plan": Self.testedPlan])
        let r = try CLI.run(["test", "p.plan", "--lang", "en"], in: dir)
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let out = r.text
        #expect(out.contains("FAIL  5/KH — kỳ vọng sai"), "names the test: \(out)")
        #expect(!out.contains("FAIL  5/KH — đúng hạn"))
        #expect(out.contains("expect bc_thang for STC in 2025-06 is met"), "shows the expectation: \(out)")
        #expect(out.contains("found: bc_thang STC 2025-06 is late"), "shows what was found: \(out)")
        #expect(out.contains("p.plan:25:"), "points at the expectation's line: \(out)")
        let last = out.split(separator: "\n").last.map(String.init)
        #expect(last == "1 passed, 1 failed")
    }

    @Test func passingTestsExit0() throws {
        let passing = Self.testedPlan.replacingOccurrences(of: "on 2025-06-12\n  expect bc_thang for STC in 2025-06 is met",
                                                           with: "on 2025-06-12\n  expect bc_thang for STC in 2025-06 is late")
        let dir = try scratch(["p.plan": passing])
        let r = try CLI.run(["test", "p.plan", "--lang", "en"], in: dir)
        #expect(r.status == 0, "\(r.text) \(r.stderr)")
        #expect(r.text.split(separator: "\n").last == "2 passed, 0 failed")
    }

    // MARK: explain

    static let explained = """
        plan "6/KH" {
          title      "Ví dụ mục 10"
          issuer     "UBND tỉnh"
          issued     2025-02-14
        }

        agency STC   "Sở Tài chính"
        agency SKHCN "Sở Khoa học và Công nghệ"

        obligation bc_thang "Báo cáo tháng" {
          owner STC
          report to SKHCN monthly before day 10
          cite "Mục IV.2"
        }

        """

    func explainScratch() throws -> URL {
        let dir = try scratch(["plan.plan": Self.explained])
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let reports = "obligation,agency,period,submitted,document\nbc_thang,STC,2025-03,2025-03-09,BC 1\nbc_thang,STC,2025-04,2025-04-10,BC 2\n"
        try Data(reports.utf8).write(to: data.appendingPathComponent("reports.csv"))
        return dir
    }

    @Test func explainALateFinding() throws {
        let dir = try explainScratch()
        let r = try CLI.run(["explain", "bc_thang", "plan.plan", "--data", "data", "--as-of", "2025-05-20", "--period", "2025-04", "--lang", "en"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let out = r.text
        #expect(out.contains("status: late"), "the status: \(out)")
        #expect(out.contains("reports.csv:3"), "the data row that counted, as file:line: \(out)")
        #expect(out.contains("plan.plan:12"), "the plan line of the requirement: \(out)")
        #expect(out.contains("before day 10"), "the schedule the deadline comes from: \(out)")
        #expect(out.contains("2025-04-09"), "the computed last allowed day: \(out)")
        #expect(out.contains("1 day"), "how late: \(out)")
        #expect(!out.contains("reports.csv:2"), "the March row is for another period and is only counted: \(out)")
    }

    /// Without `--lang`, explain speaks Vietnamese: the same facts, worded for the inspector.
    @Test func explainInVietnamese() throws {
        let dir = try explainScratch()
        let r = try CLI.run(["explain", "bc_thang", "plan.plan", "--data", "data", "--as-of", "2025-05-20", "--period", "2025-04", "--lang", "vi"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let out = r.text
        #expect(out.contains("kết quả: nộp muộn"), "the status: \(out)")
        #expect(out.contains("reports.csv:3"), "the data row that counted: \(out)")
        #expect(out.contains("“trước ngày 10” (`before day 10`) nghĩa là hạn cuối là ngày hôm trước"), "the schedule: \(out)")
        #expect(out.contains("9/4/2025"), "the last allowed day, written the Vietnamese way: \(out)")
        #expect(out.contains("chậm 1 ngày"), "how late: \(out)")
        #expect(!out.contains("status: late") && !out.contains("owner:"), "no English left: \(out)")
    }

    @Test func explainAsJSON() throws {
        let dir = try explainScratch()
        let r = try CLI.run(["explain", "bc_thang", "plan.plan", "--data", "data", "--as-of", "2025-05-20", "--format", "json"], in: dir)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: r.stdout)
        let text = r.text
        #expect(object is [String: Any] || object is [Any])
        for status in ["met", "late", "overdue"] { #expect(text.contains("\"\(status)\""), "\(status) finding in \(text)") }
        #expect(text.contains("reports.csv:3"))
        // JSON keeps the English wording whatever the language, like the findings JSON.
        let vi = try CLI.run(["explain", "bc_thang", "plan.plan", "--data", "data", "--as-of", "2025-05-20", "--format", "json", "--lang", "vi"], in: dir)
        #expect(vi.stdout == r.stdout)
        #expect(text.contains("status: late"))
    }

    @Test func explainAnUnknownObligationSuggests() throws {
        let dir = try explainScratch()
        let r = try CLI.run(["explain", "bc_thnag", "plan.plan", "--data", "data", "--as-of", "2025-05-20"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bc_thang"))
    }
}
