import Foundation
import Testing

/// Vietnamese by default, English with `--lang en` or `TUANTHU_LANG=en`; codes, JSON keys and statuses the same in both.
@Suite("Language of messages and reports")
struct LanguageCLITests {
    static let mistakes = "Tests/Fixtures/check/ten-mistakes.plan"
    static let example = "Tests/Fixtures/eval/multi-agency"
    static let goldens = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/language")

    /// Runs the binary with `TUANTHU_LANG` set as given (nil: unset).
    static func run(_ args: [String], lang: String?) throws -> CLI.Result {
        guard let binary = CLI.binary else { throw CLI.NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = CLI.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TUANTHU_LANG"] = lang
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkSpeaksVietnameseByDefault() throws {
        let r = try Self.run(["check", Self.mistakes], lang: nil)
        #expect(r.status == 1)
        #expect(r.stderr.contains("lỗi[E201]: ‘2025-02-30’ không phải là một ngày có thật"), "\(r.stderr)")
        #expect(r.stderr.contains("= gợi ý: có phải là ‘Sở Tài chính’?"))
        #expect(r.stderr.contains("đã kiểm tra 1 tệp (0 kế hoạch, 0 danh sách cơ quan)") || r.stderr.contains("đã kiểm tra 1 tệp ("))
        #expect(!r.stderr.contains("error["))
    }

    @Test func langEnAndEnvironmentGiveEnglish() throws {
        let byOption = try Self.run(["check", Self.mistakes, "--lang", "en"], lang: nil)
        let byEnvironment = try Self.run(["check", Self.mistakes], lang: "en")
        for r in [byOption, byEnvironment] {
            #expect(r.stderr.contains("error[E201]: ‘2025-02-30’ is not a real date"), "\(r.stderr)")
            #expect(r.stderr.contains("= help: did you mean ‘Sở Tài chính’?"))
        }
        #expect(byOption.stderr == byEnvironment.stderr)
        // The option wins over the environment.
        let both = try Self.run(["check", Self.mistakes, "--lang=vi"], lang: "en")
        #expect(both.stderr.contains("lỗi[E201]"))
    }

    @Test func jsonKeepsCodesAndKeysInBothLanguages() throws {
        let vi = try CLI.json(Self.run(["check", Self.mistakes, "--format", "json"], lang: "vi").stdout)
        let en = try CLI.json(Self.run(["check", Self.mistakes, "--format", "json", "--lang", "en"], lang: nil).stdout)
        let a = try #require(vi["diagnostics"] as? [[String: Any]]), b = try #require(en["diagnostics"] as? [[String: Any]])
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(Set(x.keys) == Set(y.keys))
            #expect(x["code"] as? String == y["code"] as? String)
            #expect(x["severity"] as? String == y["severity"] as? String)
            #expect(x["line"] as? Int == y["line"] as? Int)
        }
    }

    @Test func unknownLanguageIsAUsageError() throws {
        let r = try Self.run(["check", Self.mistakes, "--lang", "fr"], lang: nil)
        #expect(r.status == 2)
        #expect(r.stderr.contains("vi"))
    }

    /// The text report of an example, pinned in both languages (`UPDATE_GOLDEN=1` rewrites them).
    @Test(arguments: ["vi", "en"])
    func textReportGolden(_ lang: String) throws {
        let r = try Self.run(["eval", "\(Self.example)/plan.plan", "--data", "\(Self.example)/data", "--as-of", "2025-12-31",
                              "--format", "text", "--lang", lang], lang: nil)
        let url = Self.goldens.appendingPathComponent("multi-agency.report.\(lang).txt")
        if CLI.updating {
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            try r.stdout.write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(r.text == expected, "multi-agency.report.\(lang).txt differs")
        if lang == "vi" {
            #expect(r.text.contains("tính đến ngày 31/12/2025"))
            #expect(!r.text.contains("overdue") && !r.text.contains("no_data"))
        }
    }

    /// The quickstart example's text report in both languages: finding texts (what was found, what the plan
    /// asks) are worded by the catalogue, not left in English (`UPDATE_GOLDEN=1` rewrites them).
    @Test(arguments: ["vi", "en"])
    func quickstartReportGolden(_ lang: String) throws {
        let r = try Self.run(["eval", "examples/quickstart", "--data", "examples/quickstart/data", "--as-of", "2025-12-31",
                              "--format", "text", "--lang", lang], lang: nil)
        let url = Self.goldens.appendingPathComponent("quickstart.report.\(lang).txt")
        if CLI.updating {
            try r.stdout.write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(r.text == expected, "quickstart.report.\(lang).txt differs")
        if lang == "vi" {
            for english in ["submitted 20", "nothing submitted", "not yet submitted", "latest:", "no value for", "waiting for", "done on"] {
                #expect(!r.text.contains(english), "English left in the Vietnamese report: \(english)")
            }
            #expect(r.text.contains("đã nộp ngày"))
        }
    }

    @Test func helpIsVietnameseByDefault() throws {
        let overview = try Self.run(["--help"], lang: nil)
        #expect(overview.status == 0)
        #expect(overview.text.contains("CÁCH DÙNG:"), "\(overview.text)")
        let eval = try Self.run(["eval", "--help"], lang: nil)
        #expect(eval.text.contains("--data THƯ_MỤC"), "\(eval.text)")
        #expect(eval.text.contains("Mã thoát"))
        let english = try Self.run(["eval", "--help", "--lang", "en"], lang: nil)
        #expect(english.text.contains("Evaluates the plans against the submitted data"), "\(english.text)")
    }

    @Test func usageErrorsSpeakTheReadersLanguage() throws {
        let vi = try Self.run(["eval", "examples/quickstart"], lang: nil)
        #expect(vi.status == 2)
        #expect(vi.stderr.contains("cần có --data"), "\(vi.stderr)")
        let en = try Self.run(["eval", "examples/quickstart"], lang: "en")
        #expect(en.stderr.contains("--data DIR is required"), "\(en.stderr)")
        let option = try Self.run(["check", "--stirct"], lang: nil)
        #expect(option.stderr.contains("không có tùy chọn --stirct (có phải là --strict?)"), "\(option.stderr)")
    }

    @Test func explainSpeaksVietnameseByDefault() throws {
        let r = try Self.run(["explain", "bc_thang", "examples/quickstart", "--data", "examples/quickstart/data",
                              "--as-of", "2025-08-01", "--period", "2025-06"], lang: nil)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("cơ quan chịu trách nhiệm: STC"), "\(r.text)")
        #expect(r.text.contains("kết quả: nộp muộn"), "\(r.text)")
        #expect(r.text.contains("chậm 3 ngày"), "\(r.text)")
        #expect(!r.text.contains("status: late") && !r.text.contains("received 2025"), "\(r.text)")
    }

    @Test func testSummaryLineStaysEnglish() throws {
        let r = try Self.run(["test", "examples"], lang: "vi")
        let last = r.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.range(of: #"^\d+ passed, \d+ failed$"#, options: .regularExpression) != nil, "\(last)")
    }
}
