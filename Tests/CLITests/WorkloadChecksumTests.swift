import Foundation
import Testing
import TuanthuCore

/// Guards the performance work (issue 9): on a small generated national workload the findings are
/// byte-identical with one thread and with two (`TUANTHU_JOBS`), and pinned by a SHA-256 of the report,
/// so an optimisation that changes a single finding fails here.
///
/// The fixture `Tests/Fixtures/workload/` is `scripts/gen-workload` output (see its README.md); it is run
/// like `scripts/bench.sh` runs it: from the workload folder, with relative paths, as of 2030-06-30.
@Suite("workload checksum")
struct WorkloadChecksumTests {
    static let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/workload", isDirectory: true)
    static let asOf = "2030-06-30"

    /// SHA-256 of `tuanthu eval rules --data data --as-of 2030-06-30 --format csv -o FILE` on the fixture
    /// (the file, with the UTF-8 BOM `-o` writes; 6,852 findings, CRLF line ends).
    ///
    /// Update it deliberately, and only when a change of meaning is intended (a fix to how findings are
    /// judged, a new column): never to make an optimisation pass. Then run the command above from
    /// Tests/Fixtures/workload, diff the new report against the old one, `sha256sum` the file, paste the hash
    /// here and say in the commit message why the findings changed. An optimisation must leave it as it is.
    static let csvSHA256 = "1985af81e11cb0d687d46da2172db3d9b07bd411a0051c632fce11b783ad9101"

    /// The JSON report carries the tool's version (`"tool": {"version": ...}`), so its bytes are not pinned
    /// (a release would change them); jobs=1 and jobs=2 must still agree byte for byte, and the summary
    /// counts are pinned, which says at a glance what moved when the CSV checksum fails.
    static let summary = ["met": 5609, "violated": 49, "late": 796, "overdue": 336, "no_data": 5, "pending": 57, "waiting": 0]

    @Test func csvIsIdenticalWithOneAndTwoThreadsAndPinned() throws {
        let one = try Self.eval(format: "csv", jobs: 1)
        let two = try Self.eval(format: "csv", jobs: 2)
        #expect(one.report.count > 1_000_000, "the report is unexpectedly small: \(one.report.count) bytes")
        #expect(one.report == two.report, "TUANTHU_JOBS=2 differs from a single-threaded run: \(one.path) vs \(two.path)")
        let hash = SHA256.hex(one.report)
        #expect(hash == Self.csvSHA256, """
            the findings on Tests/Fixtures/workload changed (SHA-256 \(hash)); the report is \(one.path). \
            An optimisation must not change them; if a change of meaning is intended, see csvSHA256.
            """)
        if one.report == two.report && hash == Self.csvSHA256 { Self.remove(one, two) }
    }

    @Test func jsonIsIdenticalWithOneAndTwoThreads() throws {
        let one = try Self.eval(format: "json", jobs: 1)
        let two = try Self.eval(format: "json", jobs: 2)
        #expect(!one.report.isEmpty)
        #expect(one.report == two.report, "TUANTHU_JOBS=2 differs from a single-threaded run: \(one.path) vs \(two.path)")
        let report = try CLI.json(one.report)
        #expect(report["asOf"] as? String == Self.asOf)
        #expect(report["summary"] as? [String: Int] == Self.summary, "\(report["summary"] ?? "no summary")")
        // Paths are relative to the working directory, so the report does not depend on where the checkout is.
        let files = (report["inputs"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(files.count == 12 && files.allSatisfy { $0.hasPrefix("data/") || $0.hasPrefix("rules/") }, "\(files)")
        #expect(!String(decoding: one.report, as: UTF8.self).contains(Self.fixture.path))
        if one.report == two.report { Self.remove(one, two) }
    }

    // MARK: - Running

    struct Run {
        var path: String
        var report: Data
    }

    /// Runs `tuanthu eval rules --data data --as-of 2030-06-30 --format FORMAT -o FILE` in the fixture folder
    /// with `TUANTHU_JOBS=jobs`; the workload has late and overdue findings, so the exit status is 1.
    static func eval(format: String, jobs: Int) throws -> Run {
        let out = try CLI.scratch().appendingPathComponent("out-jobs\(jobs).\(format)")
        let args = ["eval", "rules", "--data", "data", "--as-of", asOf, "--format", format, "-o", out.path]
        let result = try CLI.run(args, in: fixture, environment: ["TUANTHU_JOBS": String(jobs)])
        #expect(result.status == 1, "exit status \(result.status) with TUANTHU_JOBS=\(jobs): \(result.stderr)")
        #expect(result.stdout.isEmpty, "-o writes the report to the file only")
        return Run(path: out.path, report: try Data(contentsOf: out))
    }

    /// Removes the reports of a passing test (a failing one keeps them, for a diff).
    static func remove(_ runs: Run...) {
        for run in runs { try? FileManager.default.removeItem(at: URL(fileURLWithPath: run.path).deletingLastPathComponent()) }
    }
}
