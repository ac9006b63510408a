import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuRuntime
import TuanthuSemantics

/// The runnable examples under `examples/`: each is evaluated through the library exactly as
/// `tuanthu eval PLANS --data DIR --as-of 2025-12-31 --format json` wires it (Checker → DataLoader →
/// Evaluator → FindingsJSON.render with the plan files' sha256 as `planInputs`), and the findings JSON
/// must equal the example's `expected.json` byte for byte. `UPDATE_GOLDEN=1 swift test` rewrites them;
/// review the diff (every status must be what the SPEC says for that data) before committing.
enum ExampleRuns {
    /// The repository root, found from this file so the tests run from any working directory.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Must equal `CLI.version` in Sources/tuanthu/CLI.swift (the executable target cannot be imported here).
    static let toolVersion = "0.1.0"

    struct Example: CustomTestStringConvertible, Sendable {
        var name: String
        /// Plan paths as on the command line, relative to the repository root.
        var plans: [String]
        var data: String
        var asOf: String
        var expected: String
        var testDescription: String { name }
    }

    /// The commands each example's README gives (run from the repository root).
    static let all: [Example] = [
        Example(name: "quickstart", plans: ["examples/quickstart"], data: "examples/quickstart/data",
                asOf: "2025-12-31", expected: "examples/quickstart/expected.json"),
        Example(name: "kon-tum-484", plans: ["rules/kon-tum/484-KH-UBND.plan"], data: "examples/kon-tum-484/data",
                asOf: "2025-12-31", expected: "examples/kon-tum-484/expected.json"),
        Example(name: "binh-phuoc", plans: ["rules/binh-phuoc"], data: "examples/binh-phuoc/data",
                asOf: "2025-12-31", expected: "examples/binh-phuoc/expected.json"),
    ]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Evaluates an example and renders its findings JSON with repository-relative paths.
    ///
    /// The library is given absolute paths (so the test does not depend on the working directory) and the
    /// root prefix is removed from the output, which yields the bytes the CLI writes for the relative paths.
    static func render(_ example: Example) throws -> String {
        let prefix = repositoryRoot.path.hasSuffix("/") ? repositoryRoot.path : repositoryRoot.path + "/"
        let (files, missing) = PlanFinder.expand(example.plans.map { prefix + $0 })
        guard missing.isEmpty, !files.isEmpty else { throw Failure(description: "no plans at \(example.plans)") }
        var checker = Checker()
        let checked = checker.run(files: files)
        if checked.hasErrors {
            let errors = checked.diagnostics.filter { $0.severity == .error }
            throw Failure(description: errors.map { "\(Catalogue.text($0.message)) at \($0.span)" }.joined(separator: "\n"))
        }
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: .plain))
        let data = loader.load(directory: prefix + example.data)
        if !data.errors.isEmpty {
            throw Failure(description: data.errors.map { "\($0.file):\($0.line): \(Catalogue.text($0.message))" }
                .joined(separator: "\n"))
        }
        guard let asOf = CivilDate.parse(utf8: example.asOf.utf8) else { throw Failure(description: "bad as-of") }
        let evaluation = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources)
        let planInputs = checked.sources.files.map { file in
            (file: file.path, sha256: SHA256.hex(FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []))
        }
        let json = FindingsJSON.render(evaluation, toolVersion: toolVersion, planInputs: planInputs)
        return json.replacingOccurrences(of: prefix, with: "")
    }
}

@Suite("examples/: findings JSON pinned in expected.json")
struct ExamplesTests {
    @Test(arguments: ExampleRuns.all)
    func findingsMatchExpected(_ example: ExampleRuns.Example) throws {
        let actual = try ExampleRuns.render(example)
        let url = ExampleRuns.repositoryRoot.appendingPathComponent(example.expected)
        if ExampleRuns.updating {
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        #expect(expected != nil, "missing \(example.expected); run UPDATE_GOLDEN=1 swift test")
        guard let expected else { return }
        if actual != expected {
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1): expected \($0.element.1) | got \($0.element.0)" }
                ?? "lengths differ (\(e.count) vs \(a.count) lines)"
            Issue.record("\(example.expected) differs from the evaluation (\(where_)); if the change is intended, run UPDATE_GOLDEN=1 swift test and review the diff")
        }
    }

    /// The examples are written so that the statuses their READMEs promise appear.
    @Test func quickstartShowsEveryStatus() throws {
        let json = try ExampleRuns.render(ExampleRuns.all[0])
        for status in ["met", "violated", "late", "overdue", "no_data", "pending", "waiting"] {
            #expect(json.contains("\"status\": \"\(status)\""), "quickstart has no \(status) finding")
        }
    }
}
