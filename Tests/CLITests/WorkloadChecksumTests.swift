import Foundation
import Testing

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
        let hash = SHA256Hex.of(one.report)
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

    /// The SHA-256 used above agrees with the standard's test vectors.
    @Test func sha256KnownAnswers() {
        #expect(SHA256Hex.of(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.of(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.of(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Hex.of(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
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
        let result = try run(args, environment: ["TUANTHU_JOBS": String(jobs)])
        #expect(result.status == 1, "exit status \(result.status) with TUANTHU_JOBS=\(jobs): \(result.stderr)")
        #expect(result.stdout.isEmpty, "-o writes the report to the file only")
        return Run(path: out.path, report: try Data(contentsOf: out))
    }

    /// Removes the reports of a passing test (a failing one keeps them, for a diff).
    static func remove(_ runs: Run...) {
        for run in runs { try? FileManager.default.removeItem(at: URL(fileURLWithPath: run.path).deletingLastPathComponent()) }
    }

    /// Like `CLI.run`, in the fixture folder and with extra environment variables.
    static func run(_ args: [String], environment extra: [String: String]) throws -> CLI.Result {
        guard let binary = CLI.binary else { throw CLI.NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = fixture
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TUANTHU_LANG"] = "en"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// FIPS 180-4 SHA-256, lowercase hex. CLITests depends only on the `tuanthu` executable target
/// (Package.swift), not on TuanthuCore, so it cannot use `TuanthuCore.SHA256`; this small copy keeps the
/// checksum test self-contained (checked against the standard's vectors in `sha256KnownAnswers`).
enum SHA256Hex {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func of(_ data: Data) -> String {
        var message = [UInt8](data)
        let bitLength = UInt64(message.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var w = [UInt32](repeating: 0, count: 64)
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + 4 * i
                w[i] = UInt32(message[j]) << 24 | UInt32(message[j + 1]) << 16 | UInt32(message[j + 2]) << 8 | UInt32(message[j + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }
}
