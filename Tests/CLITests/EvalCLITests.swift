import Foundation
import Testing

/// `tuanthu eval` as a user meets it: exit codes, stdout/stderr, golden JSON, determinism (SPEC 6-8).
@Suite("tuanthu eval")
struct EvalCLITests {
    static let fixtures = "Tests/Fixtures/eval"
    static let multi = ["eval", "\(fixtures)/multi-agency/plan.plan", "--data", "\(fixtures)/multi-agency/data", "--as-of", "2025-12-31"]
    static let broken = ["eval", "\(fixtures)/data-errors/plan.plan", "--data", "\(fixtures)/data-errors/data", "--as-of", "2025-12-31"]

    /// The findings JSON of the multi-agency fixture is pinned byte for byte.
    @Test func goldenFindingsJSON() throws {
        let result = try CLI.run(Self.multi + ["--format", "json"])
        #expect(result.status == 1, "late, overdue and violated findings fail the run: \(result.stderr)")
        let url = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/multi-agency/expected.json")
        if CLI.updating {
            try result.stdout.write(to: url)
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(result.text == String(decoding: expected, as: UTF8.self), "expected.json differs; run UPDATE_GOLDEN=1 swift test and review the diff")
    }

    @Test(arguments: ["json", "csv", "text"])
    func twoRunsGiveIdenticalBytes(_ format: String) throws {
        let first = try CLI.run(Self.multi + ["--format", format])
        let second = try CLI.run(Self.multi + ["--format", format])
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    /// Written with `-o`, the JSON report is streamed (findings parked in a temporary file, the report written
    /// around them); printed, it is built whole. Both must be the same bytes: with findings, untracked duties and
    /// data errors (`--keep-going`), and with no finding at all.
    @Test(arguments: [
        multi,
        broken + ["--keep-going"],
        ["eval", "examples/quickstart", "--data", "examples/quickstart/data", "--as-of", "2025-12-31"],
        ["eval", "examples/quickstart", "--data", "examples/quickstart/data", "--as-of", "2024-01-01"],
    ])
    func reportWrittenToAFileMatchesStdout(args: [String]) throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("report.json").path
        let written = try CLI.run(args + ["--format", "json", "-o", out])
        #expect(written.stdout.isEmpty)
        let printed = try CLI.run(args + ["--format", "json"])
        #expect(written.status == printed.status)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == printed.stdout, "\(args)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["report.json"], "no temporary file is left behind")
    }

    /// A rerun replaces the report; a rerun that stops on data errors leaves no report (the previous one,
    /// now stale, is gone), for every format written with `-o`.
    @Test(arguments: ["csv", "json", "text"])
    func aFailedRerunLeavesNoStaleReport(format: String) throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("report." + format).path
        let first = try CLI.run(Self.multi + ["--format", format, "-o", out])
        #expect(first.status == 1)
        let firstReport = try Data(contentsOf: URL(fileURLWithPath: out))
        let failed = try CLI.run(Self.broken + ["--format", format, "-o", out])
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "a run with data errors leaves no report")
        let again = try CLI.run(Self.multi + ["--format", format, "-o", out])
        #expect(again.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == firstReport)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report." + format], "no temporary file is left behind")
    }

    /// Plan errors stop the run before it starts: the previous report stays.
    @Test func planErrorsKeepThePreviousReport() throws {
        let dir = try CLI.scratch()
        let plan = dir.appendingPathComponent("bad.plan")
        try Data("plan \"X\" {\n".utf8).write(to: plan)
        let out = dir.appendingPathComponent("report.csv")
        try Data("previous\n".utf8).write(to: out)
        let result = try CLI.run(["eval", plan.path, "--data", "\(Self.fixtures)/multi-agency/data", "--as-of", "2025-12-31", "--format", "csv", "-o", out.path])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: out) == Data("previous\n".utf8))
    }

    /// `-o` naming a plan or a data file of the run is refused before anything is read or removed.
    @Test(arguments: ["plan.plan", "data/reports.csv", "./data/../data/reports.csv", "hard-link.csv"])
    func theReportMayNotReplaceAnInput(name: String) throws {
        let fixture = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/multi-agency")
        let dir = try CLI.scratch()
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("plan.plan"), to: dir.appendingPathComponent("plan.plan"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("data"), to: dir.appendingPathComponent("data"))
        try FileManager.default.linkItem(at: dir.appendingPathComponent("data/reports.csv"), to: dir.appendingPathComponent("hard-link.csv"))
        let target = dir.appendingPathComponent(name)
        let before = try Data(contentsOf: target)
        let result = try CLI.run(["eval", "plan.plan", "--data", "data", "--as-of", "2025-12-31", "--format", "csv", "-o", name, "--lang", "en"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is one of the files this run reads"), "\(result.stderr)")
        #expect(try Data(contentsOf: target) == before, "the input is untouched")
    }

    /// Something other than a regular file at `-o` (here a folder) is never removed.
    @Test func aFolderAtTheOutputPathIsLeftAlone() throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("report.csv")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: out.appendingPathComponent("inside.txt"))
        let result = try CLI.run(Self.multi + ["--format", "csv", "-o", out.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("inside.txt").path))
    }

    /// A report that cannot be written says why in the system's words, not a guess.
    @Test func anUnwritableReportSaysWhy() throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("missing/report.csv").path
        let result = try CLI.run(Self.multi + ["--format", "csv", "-o", out, "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write \(out): No such file or directory"), "\(result.stderr)")
        let folder = try CLI.run(Self.multi + ["--format", "csv", "-o", dir.path, "--lang", "en"])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("Is a directory"), "\(folder.stderr)")
    }

    /// A standard output that cannot take the report (a full disk: /dev/full) is an error, exit 2, never a
    /// crash or a silent success; `print`-based commands too.
    @Test(arguments: ["csv", "json", "text", "html"])
    func aFullStandardOutputIsAnError(format: String) throws {
        let full = URL(fileURLWithPath: "/dev/full")
        guard FileManager.default.fileExists(atPath: full.path) else { return }
        let result = try CLI.run(Self.multi + ["--format", format, "--lang", "en"], stdoutFile: full)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write (stdout)"), "\(result.stderr)")
        let check = try CLI.run(["check", "\(Self.fixtures)/multi-agency", "--format", "json"], stdoutFile: full)
        #expect(check.status == 2 && check.stderr.contains("(stdout)"), "\(check.stderr)")
    }

    @Test func reportShape() throws {
        let result = try CLI.run(Self.multi + ["--format", "json"])
        let report = try CLI.json(result.stdout)
        #expect(report["asOf"] as? String == "2025-12-31")
        let inputs = report["inputs"] as? [[String: Any]] ?? []
        let files = inputs.compactMap { $0["file"] as? String }
        #expect(files.contains("\(Self.fixtures)/multi-agency/data/reports.csv"))
        #expect(files.contains("\(Self.fixtures)/multi-agency/plan.plan"))
        for input in inputs {
            let hash = input["sha256"] as? String ?? ""
            #expect(hash.count == 64 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(input)")
        }
        let rows = report["rows"] as? [String: Int] ?? [:]
        #expect(rows["evidence"] == 15 && rows["setAside"] == 1 && rows["superseded"] == 2 && rows["unused"] == 1, "\(rows)")
        let findings = report["findings"] as? [[String: Any]] ?? []
        let summary = report["summary"] as? [String: Int] ?? [:]
        #expect(summary.values.reduce(0, +) == findings.count)
        #expect(Set(summary.keys) == ["met", "violated", "late", "overdue", "no_data", "pending", "waiting"])
        let joint = findings.first { $0["obligation"] as? String == "de_an" }
        #expect(joint?["agency"] as? String == "SKHCN+STC")
        #expect((joint?["actual"] as? String)?.contains("SKHCN") == true)
        let weekly = findings.first { $0["obligation"] as? String == "bc_tuan" && $0["period"] as? String == "2025-W49" }
        #expect(weekly?["due"] as? String == "2025-12-04T10:00")
        #expect(weekly?["status"] as? String == "late")
        #expect(weekly?["daysLate"] as? Int == 0)
        let target = findings.first { $0["obligation"] as? String == "chi_3pt" }
        #expect(target?["cite"] as? String == "Mục II.2; Phụ lục I")
        #expect(target?["status"] as? String == "met")
        let untracked = report["untracked"] as? [[String: Any]] ?? []
        #expect(untracked.compactMap { $0["obligation"] as? String } == ["kien_nghi"])
        #expect(!findings.contains { $0["obligation"] as? String == "kien_nghi" })
        #expect((report["dataErrors"] as? [Any])?.isEmpty == true)
    }

    /// SPEC 7: plan, obligation, agency, then period by last day, shorter first.
    @Test func findingsOrder() throws {
        let report = try CLI.json(try CLI.run(Self.multi + ["--format", "json"]).stdout)
        let findings = report["findings"] as? [[String: Any]] ?? []
        let keys = findings.map { f in
            [f["plan"] as? String ?? "", f["obligation"] as? String ?? "", f["agency"] as? String ?? "", f["due"] as? String ?? ""]
        }
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect(a.lexicographicallyPrecedes(b), "\(a) should come before \(b)")
        }
    }

    @Test func textReportPrintsTheFourRowCounts() throws {
        let result = try CLI.run(Self.multi + ["--format", "text"])
        #expect(result.status == 1)
        #expect(result.text.contains("15 used as evidence, 1 set aside (dated after 2025-12-31), 2 superseded, 1 unused"))
    }

    @Test func csvHasOneRowPerFinding() throws {
        let csv = try CLI.run(Self.multi + ["--format", "csv"]).text
        let json = try CLI.json(try CLI.run(Self.multi + ["--format", "json"]).stdout)
        let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 1 + ((json["findings"] as? [Any])?.count ?? -1))
        #expect(records.first?.hasPrefix("plan,obligation,kind,agency,period,status,due") == true)
    }

    /// A run with no finding at all (nothing owed yet): the streamed report closes an empty array as `[]`.
    @Test func streamedReportWithNoFindingMatchesStdout() throws {
        let dir = try CLI.scratch()
        try Data("""
            plan "1/KH" {
              title "T"
              issuer "UBND"
              issued 2025-06-01
            }
            agency A "Sở A"
            obligation bc "Báo cáo" {
              owner A
              report to A monthly before day 10
              cite "I"
            }
            """.utf8).write(to: dir.appendingPathComponent("plan.plan"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let args = ["eval", "plan.plan", "--data", "data", "--as-of", "2025-05-01", "--format", "json"]
        let printed = try CLI.run(args, in: dir)
        let report = try CLI.json(printed.stdout)
        #expect((report["findings"] as? [Any])?.isEmpty == true)
        let written = try CLI.run(args + ["-o", "report.json"], in: dir)
        #expect(written.status == printed.status)
        #expect(try Data(contentsOf: dir.appendingPathComponent("report.json")) == printed.stdout)
    }

    /// A killed run leaves hidden temporary files beside the report; the next run removes those whose process
    /// is gone and keeps those of a run still going.
    @Test func staleTemporaryFilesOfKilledRunsAreRemoved() throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("report.json").path
        let gone = dir.appendingPathComponent(".report.json.findings-4000001").path
        let goneTmp = dir.appendingPathComponent(".report.json.tmp-4000002").path
        let alive = dir.appendingPathComponent(".report.json.tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        for p in [gone, goneTmp, alive] { _ = FileManager.default.createFile(atPath: p, contents: Data("x".utf8)) }
        _ = try CLI.run(Self.multi + ["--format", "json", "-o", out])
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(!FileManager.default.fileExists(atPath: goneTmp))
        #expect(FileManager.default.fileExists(atPath: alive), "the file of a process still running is kept")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    // MARK: Exit codes

    @Test func allMetExitsZero() throws {
        // As of 2025-03-01 nothing is due yet in the data-errors plan, but its data has errors: use a clean copy.
        let dir = try CLI.scratch()
        let plan = CLI.repositoryRoot.appendingPathComponent("\(Self.fixtures)/data-errors/plan.plan")
        try FileManager.default.copyItem(at: plan, to: dir.appendingPathComponent("plan.plan"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("obligation,agency,period,submitted\nbc_thang,STC,2025-03,2025-03-09\nbc_thang,STC,2025-04,2025-04-01\n".utf8)
            .write(to: dir.appendingPathComponent("data/reports.csv"))
        let met = try CLI.run(["eval", "plan.plan", "--data", "data", "--as-of", "2025-05-31", "--format", "json"], in: dir)
        #expect(met.status == 0, "\(met.stderr)")
        let late = try CLI.run(["eval", "plan.plan", "--data", "data", "--as-of", "2026-01-31", "--format", "json"], in: dir)
        #expect(late.status == 0, "no_data does not fail a run: \(late.stderr)")
        let report = try CLI.json(late.stdout)
        #expect((report["summary"] as? [String: Int])?["no_data"] == 1)
    }

    @Test func dataErrorsExitTwoWithoutAReport() throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("report.json").path
        let result = try CLI.run(Self.broken + ["--format", "json", "-o", out])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(Self.fixtures)/data-errors/data/reports.csv:3:10: error[E309]") }, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(Self.fixtures)/data-errors/data/reports.csv:4:14: error[E303]") }, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(Self.fixtures)/data-errors/data/observations.csv:2:15: error[E305]") }, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(Self.fixtures)/data-errors/data/observations.csv:3:10: error[E305]") }, "\(result.stderr)")
        let stdout = try CLI.run(Self.broken + ["--format", "json"])
        #expect(stdout.status == 2)
        #expect(stdout.stdout.isEmpty)
    }

    @Test func keepGoingWritesTheReportAndStillExitsTwo() throws {
        let result = try CLI.run(Self.broken + ["--format", "json", "--keep-going"])
        #expect(result.status == 2)
        let report = try CLI.json(result.stdout)
        let errors = report["dataErrors"] as? [[String: Any]] ?? []
        let brief = errors.map { e in
            "\(e["file"] as? String ?? ""):\(e["line"] as? Int ?? 0):\(e["column"] as? Int ?? 0) \(e["code"] as? String ?? "")"
        }
        #expect(brief == [
            "\(Self.fixtures)/data-errors/data/observations.csv:2:15 E305",
            "\(Self.fixtures)/data-errors/data/observations.csv:3:10 E305",
            "\(Self.fixtures)/data-errors/data/reports.csv:3:10 E309",
            "\(Self.fixtures)/data-errors/data/reports.csv:4:14 E303",
        ])
        #expect(errors.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
        // The valid rows still count.
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["period"] as? String == "2025-03" && $0["status"] as? String == "met" })
    }

    @Test func vietnameseNumberLocale() throws {
        let result = try CLI.run(Self.broken + ["--format", "json", "--keep-going", "--number-locale", "vi"])
        #expect(result.status == 2)
        let report = try CLI.json(result.stdout)
        let errors = report["dataErrors"] as? [[String: Any]] ?? []
        #expect(errors.compactMap { $0["file"] as? String }.allSatisfy { $0.hasSuffix("reports.csv") }, "\(errors)")
        let findings = report["findings"] as? [[String: Any]] ?? []
        let target = findings.first { $0["obligation"] as? String == "kts_2025" }
        #expect(target?["status"] as? String == "violated")
        #expect(target?["found"] as? String == "kts 2025 = 6.5%")
    }

    @Test func compileErrorExitsTwo() throws {
        let dir = try CLI.scratch()
        try Data("plan \"x\" {\n  title \"t\"\n}\n".utf8).write(to: dir.appendingPathComponent("bad.plan"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let result = try CLI.run(["eval", "bad.plan", "--data", "data", "--as-of", "2025-12-31"], in: dir)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["eval", "\(Self.fixtures)/multi-agency/plan.plan"]).status == 2)
        #expect(try CLI.run(Self.multi + ["--as-of", "2025-13-01"]).status == 2)
        #expect(try CLI.run(Self.multi + ["--format", "yaml"]).status == 2)
        #expect(try CLI.run(Self.multi + ["--number-locale", "fr"]).status == 2)
        #expect(try CLI.run(["eval", "\(Self.fixtures)/multi-agency/plan.plan", "--data", "no/such/dir", "--as-of", "2025-12-31"]).status == 2)
    }
}
