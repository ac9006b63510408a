import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuSemantics

/// Golden files for `tuanthu check`: every `Tests/Fixtures/check/<case>.plan` (or folder `<case>/`, checked as
/// the CLI checks a directory) has its text and JSON diagnostics pinned in `<case>.expected.txt` and
/// `<case>.expected.json`. `UPDATE_GOLDEN=1 swift test` rewrites them, so a change shows up as a diff.
enum CheckFixtures {
    /// `Tests/Fixtures/check`, found from this file so the tests run from any working directory.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/check", isDirectory: true)
    /// The repository root: paths in expected output are relative to it (`Tests/Fixtures/check/x.plan`).
    static let repositoryRoot = directory
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Case names: top-level `.plan` files (without the extension) and folders.
    static let cases: [String] = {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return [] }
        var out: [String] = []
        for name in names where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDir)
            if isDir.boolValue { out.append(name) } else if name.hasSuffix(".plan") { out.append(String(name.dropLast(5))) }
        }
        return out.sorted()
    }()

    struct Output {
        var text: String
        var json: String
        /// The text rendering in Vietnamese, the CLI's default language.
        var textVi: String
        var codes: Set<DiagnosticCode>
    }

    /// Checks a case as `tuanthu check` would and renders its diagnostics with repository-relative paths.
    static func check(_ name: String) -> Output {
        let url = directory.appendingPathComponent(name)
        var isDir: ObjCBool = false
        let files: [String]
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            files = PlanFinder.expand([url.path]).files
        } else {
            files = [url.path + ".plan"]
        }
        var checker = Checker()
        let result = checker.run(files: files)
        let renderer = DiagnosticRenderer(sources: result.sources, language: .en)
        let vietnamese = DiagnosticRenderer(sources: result.sources, language: .vi)
        let prefix = repositoryRoot.path.hasSuffix("/") ? repositoryRoot.path : repositoryRoot.path + "/"
        func relative(_ s: String) -> String { s.replacingOccurrences(of: prefix, with: "") }
        return Output(text: relative(renderer.text(result.diagnostics)), json: relative(renderer.json(result.diagnostics)),
                      textVi: relative(vietnamese.text(result.diagnostics)), codes: Set(result.diagnostics.map(\.code)))
    }

    static func expectedURL(_ name: String, _ ext: String) -> URL {
        directory.appendingPathComponent("\(name).expected.\(ext)")
    }
}

@Suite("Golden diagnostics")
struct GoldenTests {
    @Test(arguments: CheckFixtures.cases)
    func diagnostics(_ name: String) throws {
        let out = CheckFixtures.check(name)
        for (ext, actual) in [("txt", out.text), ("json", out.json), ("vi.txt", out.textVi)] {
            let url = CheckFixtures.expectedURL(name, ext)
            if CheckFixtures.updating {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected != nil, "missing \(url.lastPathComponent); run UPDATE_GOLDEN=1 swift test")
            if let expected { #expect(actual == expected, "\(name).expected.\(ext) differs") }
        }
    }

    /// Each case is named after the code it is about (`E102-unknown-party`); that code must be reported.
    @Test(arguments: CheckFixtures.cases.filter { $0.first == "E" || $0.first == "W" })
    func caseReportsItsCode(_ name: String) throws {
        let code = try #require(DiagnosticCode(rawValue: String(name.prefix(4))), "\(name) does not start with a code")
        #expect(CheckFixtures.check(name).codes.contains(code), "\(name) does not report \(code.rawValue)")
    }

    /// Adding a diagnostic code without a fixture that produces it fails here.
    @Test func everyCodeHasAFixture() {
        var seen: Set<DiagnosticCode> = []
        for name in CheckFixtures.cases { seen.formUnion(CheckFixtures.check(name).codes) }
        let missing = DiagnosticCode.allCases.filter { !seen.contains($0) && !Self.coveredElsewhere.contains($0) && !Self.notEmitted.contains($0) }
        #expect(missing.isEmpty, "codes without a fixture: \(missing.map(\.rawValue).joined(separator: ", "))")
        let nowEmitted = Self.notEmitted.filter { seen.contains($0) }
        #expect(nowEmitted.isEmpty, "remove from notEmitted: \(nowEmitted.map(\.rawValue))")
    }

    /// Data codes come from the data loader (the evaluator's tests cover them); W011 is printed by the CLI; W012 (a converted data file) by the data loader
    /// when it truncates its text output, never produced by the checker.
    static let coveredElsewhere: Set<DiagnosticCode> = Set(DiagnosticCode.allCases.filter { $0.rawValue.hasPrefix("E3") })
        .union([.W010, .W011, .W012])

    /// Codes declared but produced by no stage yet (none today): list one here only with a reason, and remove
    /// it once a fixture produces it.
    static let notEmitted: Set<DiagnosticCode> = []

    @Test func fixturesAreStableAcrossRuns() {
        guard let name = CheckFixtures.cases.first(where: { $0.hasPrefix("ten-mistakes") }) else { return }
        #expect(CheckFixtures.check(name).json == CheckFixtures.check(name).json)
    }
}
