import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuReport

enum CheckCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--format", "--lang"], flags: ["--strict"])
        let lang = try CLI.language(args)
        let format = a.options["--format"] ?? "text"
        let formats = ["text", "json", "sarif", "github"]
        guard formats.contains(format) else { throw Arguments.UsageError(.unknownFormat(format, formats)) }
        let paths = CLI.planPaths(a.positional)
        let (files, missing) = PlanFinder.expand(paths)
        for m in missing { CLI.printError("tuanthu check: " + Catalogue.ui(.noSuchPath(m), lang)) }
        if !missing.isEmpty { return 2 }
        var checker = Checker()
        let result = checker.run(files: files)
        let shown = Array(result.diagnostics.prefix(DiagnosticLimit.printed))
        let renderer = DiagnosticRenderer(sources: result.sources, language: lang, color: format == "text" && isatty(2) != 0)
        switch format {
        case "json": print(renderer.json(result.diagnostics), terminator: "")
        case "sarif": print(renderer.sarif(result.diagnostics, toolVersion: CLI.version), terminator: "")
        case "github": print(renderer.github(result.diagnostics), terminator: "")
        default:
            var text = renderer.text(shown)
            if result.diagnostics.count > shown.count {
                text += Catalogue.text(.tooManyDiagnostics(shown: shown.count, total: result.diagnostics.count), lang) + "\n"
            }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            text += Catalogue.ui(.checkedSummary(files: files.count, plans: result.planFiles.count, rosters: result.rosters.count,
                                                 errors: errors, warnings: warnings), lang) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        let hasErrors = result.hasErrors
        let hasWarnings = result.diagnostics.contains { $0.severity == .warning }
        KeptUntilExit.keep(checker)
        KeptUntilExit.keep(result)
        if hasErrors || (a.flags.contains("--strict") && hasWarnings) { return 1 }
        return 0
    }
}

/// What `check` leaves for the process exit to reclaim. Freeing the syntax trees and checked plans of a
/// 100,000-line plan object by object takes about 20 ms (a sixth of the whole check) just before the
/// process ends; `exit` returns all the memory at once. Only for the command-line run, which exits
/// right after the command returns.
enum KeptUntilExit {
    /// Touched only from the main thread, by the one command a process runs.
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) { values.append(value) }
}

enum DiagnosticLimit {
    /// Text output stops after this many diagnostics and says how many more there were.
    static let printed = 200
}
