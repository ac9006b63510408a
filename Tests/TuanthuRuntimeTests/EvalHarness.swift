import Foundation
import Testing
import TuanthuCore
import TuanthuRuntime
import TuanthuSemantics

/// Builds plans and data folders from strings in a fresh temporary directory and evaluates them, so a
/// semantic test is a few lines: plan text, CSV text, as-of, expected findings.
enum Harness {
    /// A plan header with three agencies; obligations are appended below it.
    static func header(issued: String = "2025-02-14", id: String = "T/KH", extra: String = "") -> String {
        """
        plan "\(id)" {
          title  "Kế hoạch thử"
          issuer "UBND tỉnh"
          issued \(issued)
        \(extra)}

        agency SKHCN "Sở Khoa học và Công nghệ" alias "Sở KH&CN"
        agency STC   "Sở Tài chính"
        agency SNV   "Sở Nội vụ"

        """
    }

    /// One obligation `o` owned by `owner` with the given requirement lines.
    static func plan(_ body: String, owner: String = "STC", declarations: String = "", issued: String = "2025-02-14") -> String {
        header(issued: issued) + declarations + "\n" + """
        obligation o "Nghĩa vụ thử" {
          owner \(owner)
          \(body)
          cite "Mục I"
        }

        """
    }

    struct Run {
        var evaluation: Evaluation
        var data: DataSet
        var directory: URL
    }

    struct CompileError: Error, CustomStringConvertible {
        var description: String
    }

    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-eval-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url.appendingPathComponent("data"), withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (paths relative to the scratch folder; data files under `data/`) and evaluates.
    static func run(plans: [String: String], data: [String: String], asOf: String,
                    locale: NumberLocale = .plain) throws -> Run {
        let dir = scratch()
        let fm = FileManager.default
        var planPaths: [String] = []
        for (name, text) in plans.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            planPaths.append(url.path)
        }
        for (name, text) in data {
            let url = dir.appendingPathComponent("data").appendingPathComponent(name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var checker = Checker()
        let checked = checker.run(files: planPaths)
        if checked.hasErrors {
            let errors = checked.diagnostics.filter { $0.severity == .error }
            throw CompileError(description: errors.map { "\(Catalogue.text($0.message)) at \($0.span)" }.joined(separator: "\n"))
        }
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: locale))
        let set = loader.load(directory: dir.appendingPathComponent("data").path)
        guard let day = CivilDate.parse(utf8: asOf.utf8) else { throw CompileError(description: "bad as-of \(asOf)") }
        let evaluation = Evaluator.evaluate(plans: checked.plans, data: set, asOf: day, sources: checked.sources)
        expectStreamedRunAgrees(evaluation, plans: checked.plans, sources: checked.sources, data: dir.appendingPathComponent("data").path,
                                asOf: day, locale: locale)
        return Run(evaluation: evaluation, data: set, directory: dir)
    }

    /// Every semantic test also checks the streamed run (`Evaluator.evaluateStreaming`, which the CLI uses
    /// for a CSV or JSON report written to a file): the same findings, row counts, unused rows, untracked
    /// duties, errors and warnings as the whole run, with one thread and with two.
    static func expectStreamedRunAgrees(_ whole: Evaluation, plans: [CheckedPlan], sources: SourceMap, data: String, asOf: CivilDate,
                                        locale: NumberLocale, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for jobs in [1, 2] {
            var findings: [Finding] = []
            let streamed = Evaluator.evaluateStreaming(
                plans: plans, dataDirectory: data, options: DataOptions(numberLocale: locale, jobs: jobs), asOf: asOf, sources: sources,
                jobs: jobs, transform: { groups in groups.flatMap { group -> [Finding] in
                    if case .findings(let g) = group { return g }
                    return []
                } }, consume: { findings += $0 })
            guard let streamed else {
                Issue.record("the streamed run found a report row outside its block", sourceLocation: sourceLocation)
                return
            }
            #expect(streamed.dataErrors == whole.dataErrors, "streamed run, jobs \(jobs): errors", sourceLocation: sourceLocation)
            #expect(streamed.warnings == whole.warnings, "streamed run, jobs \(jobs): warnings", sourceLocation: sourceLocation)
            #expect(streamed.inputs.map(\.file) == whole.inputs.map(\.file), "streamed run, jobs \(jobs): inputs", sourceLocation: sourceLocation)
            // With data errors a streamed run judges nothing (no report is written).
            guard whole.dataErrors.isEmpty else { continue }
            #expect(findings == whole.findings, "streamed run, jobs \(jobs): findings", sourceLocation: sourceLocation)
            #expect(streamed.statusCounts == Dictionary(grouping: whole.findings, by: \.status).mapValues(\.count),
                    "streamed run, jobs \(jobs): counts", sourceLocation: sourceLocation)
            #expect(streamed.rows == whole.rows, "streamed run, jobs \(jobs): rows", sourceLocation: sourceLocation)
            #expect(streamed.unusedRows == whole.unusedRows, "streamed run, jobs \(jobs): unused rows", sourceLocation: sourceLocation)
            #expect(streamed.untracked == whole.untracked, "streamed run, jobs \(jobs): untracked", sourceLocation: sourceLocation)
        }
    }

    /// One plan file `t.plan` and data files.
    static func run(_ plan: String, _ data: [String: String] = [:], asOf: String, locale: NumberLocale = .plain) throws -> Run {
        try run(plans: ["t.plan": plan], data: data, asOf: asOf, locale: locale)
    }

    /// `reports.csv` with the given `obligation,agency,period,submitted` lines.
    static func reports(_ lines: String...) -> [String: String] { reports(lines) }

    static func reports(_ lines: [String]) -> [String: String] {
        ["reports.csv": "obligation,agency,period,submitted\n" + lines.map { $0 + "\n" }.joined()]
    }

    static func tasks(_ lines: String...) -> [String: String] {
        ["tasks.csv": "obligation,agency,period,status,date\n" + lines.map { $0 + "\n" }.joined()]
    }

    static func observations(_ lines: String...) -> [String: String] {
        ["observations.csv": "indicator,period,value,agency\n" + lines.map { $0 + "\n" }.joined()]
    }

    static func events(_ lines: String...) -> [String: String] {
        ["events.csv": "event,date\n" + lines.map { $0 + "\n" }.joined()]
    }
}

extension Finding {
    /// `AGENCY PERIOD STATUS due=DUE [+N]`, the shape the tables compare against.
    var brief: String {
        var s = "\(agency) \(period?.description ?? "-") \(status.rawValue) due=\(due?.description ?? "-")"
        if let d = daysLate { s += " +\(d)" }
        return s
    }
}

extension Harness.Run {
    /// Findings of one obligation, briefly.
    func briefs(_ obligation: String = "o") -> [String] {
        evaluation.findings.filter { $0.obligation == obligation }.map(\.brief)
    }

    func finding(_ obligation: String = "o", period: String? = nil, agency: String? = nil) -> Finding? {
        evaluation.findings.first { f in
            f.obligation == obligation && (period == nil || f.period?.description == period) && (agency == nil || f.agency == agency)
        }
    }

    /// `file-name:line:column code` for each data error, file names without their folder.
    var errors: [String] {
        data.errors.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column) \($0.code.rawValue)" }
    }

    var rows: RowCounts { evaluation.rows }

    var rowSummary: String {
        let r = evaluation.rows
        return "evidence \(r.evidence), set aside \(r.setAside), superseded \(r.superseded), unused \(r.unused), blank \(r.blank)"
    }
}

extension String {
    /// The last path component.
    var fileName: String { String(split(separator: "/").last ?? "") }
}
