import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuReport

enum CheckCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--format", "--lang"], flags: ["--strict"])
        let format = a.options["--format"] ?? "text"
        guard ["text", "json", "sarif", "github"].contains(format) else {
            throw Arguments.UsageError(message: "unknown format ‘\(format)’ (use text, json, sarif or github)")
        }
        let paths = CLI.planPaths(a.positional)
        let (files, missing) = PlanFinder.expand(paths)
        for m in missing { CLI.printError("tuanthu check: no such file or directory: \(m)") }
        if !missing.isEmpty { return 2 }
        var checker = Checker()
        let result = checker.run(files: files)
        let shown = Array(result.diagnostics.prefix(DiagnosticLimit.printed))
        let renderer = DiagnosticRenderer(sources: result.sources, color: format == "text" && isatty(2) != 0)
        switch format {
        case "json": print(renderer.json(result.diagnostics), terminator: "")
        case "sarif": print(renderer.sarif(result.diagnostics, toolVersion: CLI.version), terminator: "")
        case "github": print(renderer.github(result.diagnostics), terminator: "")
        default:
            var text = renderer.text(shown)
            if result.diagnostics.count > shown.count {
                text += Catalogue.text(.tooManyDiagnostics(shown: shown.count, total: result.diagnostics.count)) + "\n"
            }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            text += "checked \(files.count) file\(files.count == 1 ? "" : "s") (\(result.plans.count) plan\(result.plans.count == 1 ? "" : "s"), \(result.rosters.count) roster\(result.rosters.count == 1 ? "" : "s")): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        let hasErrors = result.hasErrors
        let hasWarnings = result.diagnostics.contains { $0.severity == .warning }
        if hasErrors || (a.flags.contains("--strict") && hasWarnings) { return 1 }
        return 0
    }
}

enum DiagnosticLimit {
    /// Text output stops after this many diagnostics and says how many more there were.
    static let printed = 200
}
