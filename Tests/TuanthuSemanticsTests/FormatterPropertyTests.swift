import Foundation
import Testing
import TuanthuCore
import TuanthuSemantics
import TuanthuSyntax

/// The laws of `tuanthu fmt`: formatting is idempotent, its output parses, every comment survives, and the
/// checked plan of the output equals the checked plan of the input — on every plan in the repository and on
/// a corpus of generated plans.
enum FormatLaws {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Formatted {
        var text: String
        var parseErrors: [String]
    }

    /// Parses and formats `text`; the errors are those of parsing the input.
    static func format(_ text: String, path: String = "input.plan") -> Formatted {
        var sources = SourceMap()
        let bytes: [UInt8]
        switch SourceFile.decode(Array(text.utf8)) {
        case .success(let b): bytes = b
        case .failure: bytes = Array(text.utf8)
        }
        let source = sources.add(path: path, bytes: bytes)
        let (ast, diagnostics) = Parser.parse(source)
        let errors = diagnostics.filter { $0.severity == .error }.map { d -> String in
            let (line, column) = source.position(of: d.span.start)
            return "\(path):\(line):\(column): \(d.code.rawValue) \(Catalogue.text(d.message))"
        }
        return Formatted(text: Formatter.format(ast, source: source), parseErrors: errors)
    }

    /// The comment texts of a file, in order (trimmed: the formatter may re-space before a comment).
    static func comments(_ text: String) -> [String] {
        var sources = SourceMap()
        let source = sources.add(path: "c.plan", bytes: Array(text.utf8))
        return Parser.parse(source).file.comments.map { $0.text.trimmingCharacters(in: .whitespaces) }
    }

    /// Checks every `.plan` under `directory`; returns the checked plans by relative path and every diagnostic.
    static func check(_ directory: URL) -> (plans: [String: CheckedPlan], diagnostics: [String], errors: [String]) {
        var checker = Checker()
        let files = PlanFinder.expand([directory.path]).files
        let result = checker.run(files: files)
        let prefix = directory.path + "/"
        var plans: [String: CheckedPlan] = [:]
        for p in result.plans { plans[p.file.replacingOccurrences(of: prefix, with: "")] = normalised(p) }
        let all = result.diagnostics.map { d -> String in
            let file = result.sources.file(d.span.file)
            let path = file?.path.replacingOccurrences(of: prefix, with: "") ?? "-"
            return "\(path): \(d.code.rawValue)"
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.map { d -> String in
            let loc = result.sources.location(d.span)
            return "\(loc.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"): \(d.code.rawValue) \(Catalogue.text(d.message))"
        }
        return (plans, all.sorted(), errors)
    }

    /// A checked plan without source positions and without the requirement's verbatim text, which layout changes.
    static func normalised(_ plan: CheckedPlan) -> CheckedPlan {
        var p = plan
        let none = Span.none
        p.file = ""
        p.fileID = 0
        for (k, var a) in p.agencies { a.span = none; p.agencies[k] = a }
        for (k, var g) in p.groups { g.span = none; p.groups[k] = g }
        for (k, var i) in p.indicators { i.span = none; p.indicators[k] = i }
        for (k, var e) in p.events { e.span = none; p.events[k] = e }
        p.obligations = p.obligations.map { o in
            var o = o
            o.location = none
            o.requirementText = ""
            return o
        }
        p.tests = p.tests.map { t in
            var t = t
            t.span = none
            t.expectations = t.expectations.map { e in
                var e = e
                e.span = none
                e.text = ""
                return e
            }
            t.rows = t.rows.map { r in
                switch r {
                case .submitted(let o, let a, let p, let on, _): return .submitted(obligation: o, agency: a, period: p, on: on, span: none)
                case .observed(let i, let a, let p, let v, _): return .observed(indicator: i, agency: a, period: p, value: v, span: none)
                case .task(let o, let a, let d, let on, let p, _): return .task(obligation: o, agency: a, done: d, on: on, period: p, span: none)
                case .happened(let e, let on, _): return .happened(event: e, on: on, span: none)
                }
            }
            return t
        }
        return p
    }

    /// Writes `files` (relative path → text) under a fresh temporary directory.
    static func write(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-fmt-\(UUID().uuidString)", isDirectory: true)
        for (rel, text) in files {
            let url = dir.appendingPathComponent(rel)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// Every `.plan` in `rules/` and `examples/`, by path relative to the repository root.
    static let repositoryPlans: [String: String] = {
        var out: [String: String] = [:]
        for top in ["rules", "examples"] {
            for f in PlanFinder.expand([repositoryRoot.appendingPathComponent(top).path]).files {
                let rel = f.replacingOccurrences(of: repositoryRoot.path + "/", with: "")
                out[rel] = (try? String(contentsOfFile: f, encoding: .utf8)) ?? ""
            }
        }
        return out
    }()

    /// Asserts the laws for a set of files (relative path → source); `label` names the case in failures.
    static func assertLaws(_ files: [String: String], label: String, requireClean: Bool) throws {
        var formatted: [String: String] = [:]
        for (rel, text) in files.sorted(by: { $0.key < $1.key }) {
            let once = format(text, path: rel)
            #expect(once.parseErrors.isEmpty, "\(label) \(rel): input does not parse: \(once.parseErrors)\n\(text)")
            let twice = format(once.text, path: rel)
            #expect(twice.parseErrors.isEmpty, "\(label) \(rel): formatted output does not parse: \(twice.parseErrors)\n\(once.text)")
            #expect(twice.text == once.text, "\(label) \(rel): fmt is not idempotent\n--- input\n\(text)\n--- once\n\(once.text)\n--- twice\n\(twice.text)")
            // Fields may be reordered (and their comments with them), so compare the comments as a multiset.
            #expect(comments(once.text).sorted() == comments(text).sorted(), "\(label) \(rel): comments lost or changed\n--- input\n\(text)\n--- once\n\(once.text)")
            formatted[rel] = once.text
        }
        let originalDir = try write(files)
        let formattedDir = try write(formatted)
        defer {
            try? FileManager.default.removeItem(at: originalDir)
            try? FileManager.default.removeItem(at: formattedDir)
        }
        let before = check(originalDir)
        let after = check(formattedDir)
        if requireClean { #expect(before.errors.isEmpty, "\(label): generated plan does not check clean: \(before.errors)\n\(files)") }
        #expect(after.errors == [] || !before.errors.isEmpty, "\(label): formatted plan has errors: \(after.errors)")
        #expect(before.diagnostics == after.diagnostics, "\(label): diagnostics changed by fmt")
        #expect(before.plans.keys.sorted() == after.plans.keys.sorted(), "\(label): set of plans changed")
        for (rel, plan) in before.plans {
            #expect(after.plans[rel] == plan, "\(label) \(rel): the checked plan changed\n--- input\n\(files[rel] ?? "")\n--- formatted\n\(formatted[rel] ?? "")")
        }
    }
}

@Suite("Formatter properties")
struct FormatterPropertyTests {
    @Test func repositoryHasPlans() {
        #expect(FormatLaws.repositoryPlans.count >= 3)
        #expect(FormatLaws.repositoryPlans.keys.contains { $0.hasPrefix("rules/") })
        #expect(FormatLaws.repositoryPlans.keys.contains { $0.hasPrefix("examples/") })
    }

    /// Every plan in the repository: idempotent, parses, keeps comments, and checks to the same plan.
    @Test func repositoryPlansKeepTheirMeaning() throws {
        try FormatLaws.assertLaws(FormatLaws.repositoryPlans, label: "repository", requireClean: true)
    }

    /// The committed plans are already in canonical layout (what `fmt --check` enforces in CI).
    @Test func repositoryPlansAreFormatted() {
        for (rel, text) in FormatLaws.repositoryPlans.sorted(by: { $0.key < $1.key }) {
            #expect(FormatLaws.format(text, path: rel).text == text, "\(rel) is not in canonical layout; run tuanthu fmt \(rel)")
        }
    }

    static let corpusSize = 1_000
    static let batches = 10

    /// A seeded corpus of random valid plans, in batches so failures name a narrow seed range.
    @Test(arguments: 0..<batches)
    func generatedPlansKeepTheirMeaning(_ batch: Int) throws {
        let perBatch = Self.corpusSize / Self.batches
        for seed in (batch * perBatch)..<((batch + 1) * perBatch) {
            var generator = PlanGenerator(seed: UInt64(seed))
            let (plan, roster) = generator.generate()
            var files = ["plan.plan": plan]
            if let roster { files["co-quan.plan"] = roster }
            try FormatLaws.assertLaws(files, label: "seed \(seed)", requireClean: true)
        }
    }

    /// The generator really covers the forms it claims to (a guard against it silently degenerating).
    @Test func generatedCorpusCoversTheGrammar() {
        var missing: Set<String> = ["use", "alias", "merged", "dissolved", "group", "per", "event", "jointly", "support", "achieve",
                                    "between", " of ", "previous(", "growth(", "not", " or", " and", "deliver", "before", "ongoing",
                                    "within", "undated", "after", "report", "weekly", "half-yearly", "request", "untracked", "until",
                                    "cite", "line", "submitted", "observed", "done", "started", "happened", "expect", "//", "\\\"",
                                    "\\\\", "%", "{ owner", "1_000-style number"]
        for seed in 0..<200 where !missing.isEmpty {
            var g = PlanGenerator(seed: UInt64(seed))
            let (plan, roster) = g.generate()
            let text = (plan + (roster ?? "")).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "  ", with: " ")
            missing = missing.filter { !($0 == "1_000-style number" ? text.contains(/[0-9]_[0-9]/) : text.contains($0)) }
        }
        #expect(missing.isEmpty, "the generated corpus never uses \(missing.sorted())")
    }
}
