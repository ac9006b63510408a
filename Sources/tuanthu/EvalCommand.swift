import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime
import TuanthuReport

enum EvalCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--data", "--as-of", "--format", "-o", "--output", "--number-locale", "--lang", "--split-by"],
                              flags: ["--keep-going", "--no-bom", "--bom"])
        guard let dataDir = a.options["--data"] else { throw Arguments.UsageError(.required("--data DIR")) }
        let language = try CLI.language(args)
        let format = a.options["--format"] ?? (CLI.stdoutIsTerminal ? "text" : "json")
        let formats = ["text", "json", "csv", "html"]
        guard formats.contains(format) else { throw Arguments.UsageError(.unknownFormat(format, formats)) }
        let asOf: CivilDate
        if let text = a.options["--as-of"] {
            guard let d = CivilDate.parse(utf8: text.utf8) ?? CivilDate.parseDayMonthYear(utf8: text.utf8) else {
                throw Arguments.UsageError(.notADate(option: "--as-of", text: text, periodsToo: false))
            }
            asOf = d
        } else {
            asOf = todayInVietnam()
        }
        var locale = NumberLocale.plain
        if let l = a.options["--number-locale"] {
            guard l == "vi" || l == "plain" else { throw Arguments.UsageError(.optionTakes(option: "--number-locale", values: "vi, plain")) }
            locale = l == "vi" ? .vietnamese : .plain
        }
        let output = a.options["-o"] ?? a.options["--output"]

        let progress = Progress(language: language)
        defer { progress.finish() }
        // A streamed run's first pass over the report files needs no plan: it starts now, while the plans
        // are checked (on the second core; with one thread, when the run asks for it). Large files are only
        // sampled, unless the report goes straight into a device or a pipe: a wrong guess throws the run
        // away (`again()`), and what a pipe was given cannot be taken back.
        let streams = (format == "csv" || (format == "json" && a.options["--split-by"] == nil)) && !a.flags.contains("--keep-going")
        var prescan = streams && CLI.streamedRuns
            ? ReportPrescan(dataDirectory: dataDir, background: CLI.jobs > 1, sampling: output.map(OutputFile.writesThrough) != true) : nil
        /// After a streamed run that returned nil: true (and a first pass that reads every line) when the
        /// sampled pass guessed a file wrong, so that the run is made again; false when it must be made whole.
        func again() -> Bool {
            guard let p = prescan, p.missed else { return false }
            progress.phase("streamed run thrown away (a sampled file held another plan's rows)")
            prescan = ReportPrescan(dataDirectory: dataDir, background: CLI.jobs > 1, sampling: false)
            return true
        }
        /// Says why the report could not be written; the run's exit status.
        func cannotWrite(_ error: Error) -> Int32 {
            CLI.printError("tuanthu eval: " + Catalogue.ui(.cannotWrite(path: output ?? Self.standardOutput, detail: error.localizedDescription), language))
            return 2
        }
        guard let checked = CheckStep.run(paths: CLI.planPaths(a.positional), language: language) else { return 2 }
        progress.phase("check")
        let keepGoing = a.flags.contains("--keep-going")
        let jobs = CLI.jobs
        let bom = output != nil && !a.flags.contains("--no-bom") || a.flags.contains("--bom")
        let split = a.options["--split-by"]
        if let split, split != "agency" { throw Arguments.UsageError(.optionTakes(option: "--split-by", values: "`agency`")) }
        if split != nil, output == nil { throw Arguments.UsageError(.splitByNeedsOutput) }
        if let output, split == nil {
            // The report must not replace a file the run reads (under any of its names).
            if let target = Self.fileIdentity(output),
               (checked.sources.files.map(\.path) + DataLoader.inputFiles(in: dataDir)).contains(where: { Self.fileIdentity($0) == target }) {
                throw Arguments.UsageError(.outputIsInput(output))
            }
            // The previous report is set aside now, to be written over or removed while the run reads and
            // judges; a run that stops on data errors or is interrupted leaves no report, never a stale one.
            OutputFile.makeWayForReport(at: output)
        }
        defer { if let output, split == nil { OutputFile.finishReplacement(at: output) } }
        let report = ProgressReport(progress)
        let dataOptions = DataOptions(numberLocale: locale, jobs: jobs, progress: { report.progress.rows($0) }, hashInputs: format == "json")
        /// Prints the data's warnings and errors; false when the run must stop without a report.
        func printDataNotes(errors: [DataError], warnings: [DataError]) -> Bool {
            for w in warnings { CLI.printError(DataErrorText.line(w, severity: .warning, language)) }
            guard !errors.isEmpty else { return true }
            for d in errors.prefix(DiagnosticLimit.printed) { CLI.printError(DataErrorText.line(d, severity: .error, language)) }
            if errors.count > DiagnosticLimit.printed {
                CLI.printError(Catalogue.text(.tooManyDiagnostics(shown: DiagnosticLimit.printed, total: errors.count), language))
            }
            if !keepGoing {
                CLI.printError("tuanthu eval: " + Catalogue.ui(.dataErrorsNoReport(errors.count), language))
                return false
            }
            return true
        }
        handoutsStreamed: if format == "csv", split != nil, let folder = output, !keepGoing, CLI.streamedRuns {
            // One CSV report per agency from a streamed run: each agency's rows go to its own file as they come.
            progress.streaming = true
            var handouts: Handouts
            var failure: Error?
            var streamed: Evaluation?
            repeat {
                do {
                    handouts = try Handouts(folder: folder, ext: "csv", header: FindingsCSV.header(bom: bom))
                } catch {
                    return cannotWrite(error)
                }
                var judged = 0
                streamed = Evaluator.evaluateStreaming(plans: checked.plans, dataDirectory: dataDir, options: dataOptions, asOf: asOf,
                                                       sources: checked.sources, jobs: jobs, compactReports: false, prescan: prescan,
                                                       transform: { (FindingsCSV.rowsByAgency($0), $0.reduce(0) { $0 + $1.count }) },
                                                       consume: { [handouts] parts, count in
                                                           judged += count
                                                           progress.findings(judged)
                                                           for (agency, rows) in parts where failure == nil {
                                                               do { try handouts.append(agency, rows) } catch { failure = error }
                                                           }
                                                       })
                if streamed == nil { handouts.discard() }
            } while streamed == nil && failure == nil && again()
            progress.phase("load, evaluate and write")
            guard let streamed else {
                break handoutsStreamed  // made whole below
            }
            if let failure {
                handouts.discard()
                return cannotWrite(failure)
            }
            guard printDataNotes(errors: streamed.dataErrors, warnings: streamed.warnings) else {
                handouts.discard()
                return 2
            }
            do {
                let written = try handouts.finish()
                CLI.printError(Catalogue.ui(.wroteReports(count: written, folder: folder), language))
            } catch {
                handouts.discard()
                return cannotWrite(error)
            }
            return streamed.fails ? 1 : 0
        }
        if format == "csv", split == nil, !keepGoing, CLI.streamedRuns {
            // The national run: report files read a few plans at a time, each plan judged once its files are
            // in, its findings rendered on a worker thread and written in order: neither all rows nor all
            // findings are ever in memory at once.
            var streamed: Evaluation?
            progress.streaming = true
            streaming: repeat {
                do {
                    streamed = try streamCSV(to: output, bom: bom, progress: progress, phase: "load, evaluate and write",
                                             // No report with data errors; a whole run below if the stream could not be used.
                                             keep: { $0.map { $0.dataErrors.isEmpty } ?? false }) { transform, consume in
                        Evaluator.evaluateStreaming(plans: checked.plans, dataDirectory: dataDir, options: dataOptions, asOf: asOf,
                                                    sources: checked.sources, jobs: jobs, compactReports: CLI.compactReports, prescan: prescan,
                                                    transform: transform, consume: consume)
                    }
                } catch let notWritten as NotWritten {
                    if let evaluation = notWritten.evaluation {
                        _ = printDataNotes(errors: evaluation.dataErrors, warnings: evaluation.warnings)
                        return 2
                    }
                    continue streaming
                } catch {
                    return cannotWrite(error)
                }
            } while streamed == nil && again()
            if let streamed {
                _ = printDataNotes(errors: [], warnings: streamed.warnings)
                return streamed.fails ? 1 : 0
            }
        }
        // The plan files' hashes, for the JSON report's inputs (other formats do not show them).
        let planInputs = format == "json" ? checked.sources.files.map { (file: $0.path, sha256: SHA256.hex(rawBytes($0.path))) } : []
        if format == "json", split == nil, !keepGoing, CLI.streamedRuns {
            // As the CSV report above; the JSON report's findings are parked and written after its summary.
            progress.streaming = true
            do {
                var streamed: Evaluation?
                repeat {
                    streamed = try streamJSON(asOf: asOf, planInputs: planInputs, to: output, progress: progress, keepGoing: false) { transform, consume in
                        Evaluator.evaluateStreaming(plans: checked.plans, dataDirectory: dataDir, options: dataOptions, asOf: asOf,
                                                    sources: checked.sources, jobs: jobs, compactReports: CLI.compactReports, compactNotes: true,
                                                    prescan: prescan, transform: transform, consume: consume)
                    }
                } while streamed == nil && again()
                progress.phase("load, evaluate and write")
                if let streamed {
                    guard printDataNotes(errors: streamed.dataErrors, warnings: streamed.warnings) else { return 2 }
                    return streamed.fails ? 1 : 0
                }
            } catch is NotWritten {
                // No room to park the findings for standard output: the run is made whole below.
            } catch {
                return cannotWrite(error)
            }
        }
        progress.streaming = false
        // The loader and the rows live only as long as the evaluation needs them.
        let data = {
            var loader = DataLoader(plans: checked.plans, options: dataOptions)
            return loader.load(directory: dataDir)
        }()
        progress.phase("load")
        let hadDataErrors = !data.errors.isEmpty
        if !printDataNotes(errors: data.errors, warnings: data.warnings) { return 2 }
        csvFromRows: if format == "csv", split == nil {
            // As above, from rows read whole (with `--keep-going`, or when the stream could not be used).
            let evaluation: Evaluation?
            do {
                evaluation = try streamCSV(to: output, bom: bom, progress: progress, phase: "evaluate and write") { transform, consume in
                    Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources, jobs: jobs,
                                       compactReports: CLI.compactReports, transform: transform, consume: consume)
                }
            } catch is NotWritten {
                break csvFromRows  // no room for standard output's temporary file: rendered in memory below
            } catch {
                return cannotWrite(error)
            }
            if hadDataErrors { return 2 }
            return evaluation?.fails == true ? 1 : 0
        }
        jsonFromRows: if format == "json", split == nil {
            // Streamed like the CSV report: each plan's findings rendered on a worker, parked in a temporary
            // file, then the report written around them (its summary comes before the findings).
            do {
                let evaluation = try streamJSON(asOf: asOf, planInputs: planInputs, to: output, progress: progress, keepGoing: keepGoing) { transform, consume in
                    Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources, jobs: jobs,
                                       compactReports: CLI.compactReports, compactNotes: true, transform: transform, consume: consume)
                }
                progress.phase("evaluate and write")
                if hadDataErrors { return 2 }
                return evaluation?.fails == true ? 1 : 0
            } catch is NotWritten {
                break jsonFromRows  // no room to park the findings for standard output: rendered in memory below
            } catch {
                return cannotWrite(error)
            }
        }
        let evaluation = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources, jobs: jobs)
        progress.phase("evaluate")
        func render(_ e: Evaluation) -> String {
            switch format {
            case "json": return FindingsJSON.render(e, toolVersion: CLI.version, planInputs: planInputs)
            case "html": return FindingsHTML.render(e, language: language)
            case "csv": return FindingsCSV.render(e, bom: bom)
            default: return FindingsText.render(e, color: output == nil && CLI.stdoutIsTerminal, language: language)
            }
        }
        if let dir = output, split != nil {
            let written = try writeHandouts(evaluation, to: dir, extension: format == "text" ? "txt" : format, render: render)
            CLI.printError(Catalogue.ui(.wroteReports(count: written, folder: dir), language))
        } else if let output {
            do {
                if format == "json" {
                    try OutputFile.write(Data(FindingsJSON.bytes(evaluation, toolVersion: CLI.version, planInputs: planInputs)), to: output)
                } else {
                    try OutputFile.write(render(evaluation), to: output)
                }
            } catch {
                return cannotWrite(error)
            }
        } else {
            do {
                try OutputFile.writeToStandardOutput(Array(render(evaluation).utf8))
            } catch {
                return cannotWrite(error)
            }
        }
        if hadDataErrors { return 2 }
        return evaluation.fails ? 1 : 0
    }

    /// The CSV report of a run, streamed to `output`: `evaluate` runs with the transform (on workers: each
    /// piece's findings rendered) and the consumer (writing them in order) it is given. The file is kept
    /// only when `keep` says so of the evaluation; otherwise nothing is written and `NotWritten` is thrown.
    /// `output` nil: standard output, written whole or not at all as well (`OutputFile.streamToStandardOutput`;
    /// `NotWritten` without an evaluation when that cannot be done).
    static func streamCSV(to output: String?, bom: Bool, progress: Progress, phase: String, keep: (Evaluation?) -> Bool = { _ in true },
                          evaluate: (_ transform: @escaping @Sendable ([FindingGroup]) -> RenderedBlocks,
                                     _ consume: (RenderedBlocks) -> Void) -> Evaluation?) throws -> Evaluation? {
        var evaluation: Evaluation?
        func write(_ sink: inout FileSink) throws {
            sink.write(FindingsCSV.header(bom: bom))
            var written = 0
            evaluation = evaluate({ RenderedBlocks(FindingsCSV.blocks($0), findings: $0.reduce(0) { $0 + $1.count }) }, { rendered in
                rendered.write(to: &sink)
                written += rendered.findings
                progress.findings(written)
            })
            progress.phase(phase)
            if !keep(evaluation) { throw NotWritten(evaluation: evaluation) }
        }
        if let output {
            try OutputFile.stream(to: output, write)
            progress.phase("sync and rename")
        } else {
            guard try OutputFile.streamToStandardOutput(write) else { throw NotWritten(evaluation: nil) }
            progress.phase("write")
        }
        return evaluation
    }

    /// How a report's destination is named when it is standard output.
    static let standardOutput = "(stdout)"

    /// The JSON report of a run, streamed: findings never all in memory. `evaluate` runs the evaluation with
    /// the transform and consumer it is given. Returns the evaluation, nil (nothing written) when `evaluate`
    /// returns nil; writes nothing either when the data has errors (the caller prints them).
    /// `output` nil: standard output (the findings parked in `TMPDIR`; `NotWritten` without an evaluation
    /// when they cannot be).
    static func streamJSON(asOf: CivilDate, planInputs: [(file: String, sha256: String)], to output: String?, progress: Progress, keepGoing: Bool,
                           evaluate: (_ transform: @escaping @Sendable ([FindingGroup]) -> ([UInt8], Int),
                                      _ consume: (([UInt8], Int)) -> Void) -> Evaluation?) throws -> Evaluation? {
        let pid = ProcessInfo.processInfo.processIdentifier
        let parked: String
        if let output {
            OutputFile.removeStale(besides: output, marker: ".findings-")
            let url = URL(fileURLWithPath: output)
            parked = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).findings-\(pid)").path
        } else {
            try OutputFile.checkStandardOutput()
            parked = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tuanthu-findings-\(pid)").path
        }
        guard FileManager.default.createFile(atPath: parked, contents: nil), let park = FileHandle(forUpdatingAtPath: parked) else {
            if output == nil { throw NotWritten(evaluation: nil) }
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: output ?? parked])
        }
        defer {
            try? park.close()
            try? FileManager.default.removeItem(atPath: parked)
        }
        var parkSink = FileSink(handle: park)
        var any = false
        var judged = 0
        let result = evaluate({ (FindingsJSON.findingsPart($0), $0.reduce(0) { $0 + $1.count }) }, { part in
            judged += part.1
            progress.findings(judged)
            guard !part.0.isEmpty else { return }
            if any { parkSink.write(bytes: [0x2C]) }
            parkSink.write(bytes: part.0)
            any = true
        })
        guard let evaluation = result else { return nil }
        // Without `--keep-going`, data errors mean no report (the caller says so).
        if !evaluation.dataErrors.isEmpty && !keepGoing { return evaluation }
        parkSink.flush()
        if let failure = parkSink.failure { throw failure }
        let (head, tail) = FindingsJSON.headAndTail(evaluation, toolVersion: CLI.version, planInputs: planInputs, hadFindings: any)
        try park.seek(toOffset: 0)
        func write(_ sink: inout FileSink) throws {
            sink.write(bytes: head)
            while let chunk = try park.read(upToCount: 1 << 20), !chunk.isEmpty { sink.write(bytes: [UInt8](chunk)) }
            sink.write(bytes: tail)
        }
        if let output {
            try OutputFile.stream(to: output, write)
        } else {
            // Everything is known now: the report goes straight out.
            try OutputFile.writeThrough(STDOUT_FILENO, write)
        }
        return evaluation
    }

    /// One report per agency (the findings it must explain, "giải trình"); co-owned findings go to each co-owner.
    static func writeHandouts(_ e: Evaluation, to dir: String, extension ext: String, render: (Evaluation) -> String) throws -> Int {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Each agency's findings in report order, found in one pass (a national run has a million findings).
        var findingsOf: [String: [Int]] = [:]
        for (i, f) in e.findings.enumerated() {
            guard f.agency.contains("+") else {
                findingsOf[f.agency, default: []].append(i)
                continue
            }
            var named: Set<String> = []
            for a in f.agency.split(separator: "+").map(String.init) where named.insert(a).inserted { findingsOf[a, default: []].append(i) }
        }
        let agencies = findingsOf.keys.sorted()
        // File names safe on every disk: path characters replaced, names differing only in case kept apart.
        let names = AgencyFileNames.names(for: agencies)
        var part = e
        for agency in agencies {
            part.findings = findingsOf[agency, default: []].map { e.findings[$0] }
            try OutputFile.write(render(part), to: (dir as NSString).appendingPathComponent((names[agency] ?? agency) + "." + ext))
        }
        return agencies.count
    }

    /// The device and inode of the file at `path` (symbolic links followed), nil when there is none: two
    /// names of one file (`./a`, `x/../a`, a link) have the same.
    static func fileIdentity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// Today's date in Vietnam (UTC+7), whatever the machine's time zone.
    static func todayInVietnam() -> CivilDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        return CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }

    static func rawBytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }
}

/// Thrown out of a streamed report that must not be kept: data errors (the evaluation says which), or no
/// evaluation (a run to be made whole).
struct NotWritten: Error {
    var evaluation: Evaluation?
}

/// The progress line, handed to the loader's callback (called on the loading thread only).
final class ProgressReport: @unchecked Sendable {
    let progress: Progress
    init(_ progress: Progress) { self.progress = progress }
}

/// Compiles the plans for commands that need them; prints diagnostics and returns nil on errors.
enum CheckStep {
    static func run(paths: [String], language: Language) -> CheckResult? {
        let (files, missing) = PlanFinder.expand(paths)
        for m in missing { CLI.printError("tuanthu: " + Catalogue.ui(.noSuchPath(m), language)) }
        if !missing.isEmpty { return nil }
        if files.isEmpty {
            CLI.printError("tuanthu: " + Catalogue.ui(.noPlanFiles(paths.joined(separator: ", ")), language))
            return nil
        }
        var checker = Checker()
        let result = checker.run(files: files)
        if result.hasErrors {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let renderer = DiagnosticRenderer(sources: result.sources, language: language, color: isatty(2) != 0)
            CLI.printError(renderer.text(Array(errors.prefix(DiagnosticLimit.printed))))
            CLI.printError("tuanthu: " + Catalogue.ui(.planErrors(errors.count), language))
            return nil
        }
        return result
    }
}

enum DataErrorText {
    static func line(_ d: DataError, severity: Severity, _ language: Language) -> String {
        var m = "\(d.file):\(d.line):\(d.column): \(Catalogue.ui(.severity(severity), language))[\(d.code.rawValue)]: \(Catalogue.text(d.message, language))"
        if let s = d.suggestion { m += " (\(Catalogue.ui(.didYouMean(s), language)))" }
        return m
    }
}

/// A plan's rendered CSV blocks on their way from its worker to the writer, which lets each block go as soon
/// as it is written (a plan's report is ≈ 50 MB at the benchmark's `l`). Only one thread holds it at a time:
/// the worker until it hands it over, then the writer.
final class RenderedBlocks: @unchecked Sendable {
    private var blocks: [[UInt8]]
    let findings: Int

    init(_ blocks: [[UInt8]], findings: Int) {
        self.blocks = blocks
        self.findings = findings
    }

    func write(to sink: inout FileSink) {
        for i in blocks.indices {
            sink.write(bytes: blocks[i])
            blocks[i] = []
        }
    }
}
