import Foundation
import TuanthuCore

enum CLI {
    static let version = "0.1.0"

    static func run(_ args: [String]) -> Int32 {
        guard let command = args.first else {
            print(Help.overview((try? language([])) ?? .vi))
            return 2
        }
        let rest = Array(args.dropFirst())
        let lang: Language
        do { lang = try language(rest) } catch {
            printError("tuanthu \(command): " + error.message(.vi))
            return 2
        }
        if rest.contains("--help") || rest.contains("-h") {
            print(Help.text(for: command, lang) ?? Help.overview(lang))
            return 0
        }
        do {
            switch command {
            case "check": return try CheckCommand.run(rest)
            case "eval": return try EvalCommand.run(rest)
            case "fmt": return try FmtCommand.run(rest)
            case "test": return try TestCommand.run(rest)
            case "explain": return try ExplainCommand.run(rest)
            case "template": return try TemplateCommand.run(rest)
            case "--version", "version": print("tuanthu \(version)"); return 0
            case "--help", "-h", "help":
                print(rest.first.flatMap { Help.text(for: $0, lang) } ?? Help.overview(lang))
                return 0
            default:
                let all = ["check", "eval", "fmt", "test", "explain", "template"]
                var msg = Catalogue.ui(.unknownCommand(command), lang)
                if let s = Suggestion.closest(to: command, among: all) { msg += Catalogue.ui(.didYouMeanCommand(s), lang) }
                printError(msg + "\n" + Help.overview(lang))
                return 2
            }
        } catch let e as Arguments.UsageError {
            printError("tuanthu \(command): " + e.message(lang) + "\n" + Catalogue.ui(.runHelp(command), lang))
            return 2
        } catch {
            printError("tuanthu \(command): \(error)")
            return 2
        }
    }

    /// Writes a message to standard error (nothing happens if it cannot be written: there is nowhere left to say so).
    static func printError(_ s: String) {
        _ = OutputFile.writeAll(Array((s.hasSuffix("\n") ? s : s + "\n").utf8), to: STDERR_FILENO)
    }

    /// Plan paths from the command line; none means `rules/`.
    static func planPaths(_ positional: [String]) -> [String] {
        positional.isEmpty ? ["rules"] : positional
    }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// Whether the CSV report may judge simple report duties compactly (`TUANTHU_COMPACT=0` turns it off,
    /// to compare with the general path: the report must be byte-identical).
    static var compactReports: Bool { ProcessInfo.processInfo.environment["TUANTHU_COMPACT"] != "0" }

    /// Whether a CSV or JSON report written to a file reads the report files a few plans at a time
    /// (`Evaluator.evaluateStreaming`); `TUANTHU_STREAM=0` reads every row first, to compare: the report must
    /// be byte-identical.
    static var streamedRuns: Bool { ProcessInfo.processInfo.environment["TUANTHU_STREAM"] != "0" }

    /// Threads for evaluation: one per core, or `TUANTHU_JOBS` (1 runs everything on the main thread).
    /// The output is the same whatever the number.
    static var jobs: Int {
        if let text = ProcessInfo.processInfo.environment["TUANTHU_JOBS"], let n = Int(text), n >= 1 { return min(n, 64) }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
    }

    /// The language of messages and reports: `--lang vi|en`, else `TUANTHU_LANG`, else Vietnamese.
    static func language(_ args: [String]) throws(Arguments.UsageError) -> Language {
        var option: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--" { break }
            if a == "--lang" {
                guard i + 1 < args.count else { throw Arguments.UsageError(.needsValue("--lang"), bilingual: true) }
                option = args[i + 1]
                i += 1
            } else if a.hasPrefix("--lang=") {
                option = String(a.dropFirst("--lang=".count))
            }
            i += 1
        }
        let env = ProcessInfo.processInfo.environment["TUANTHU_LANG"]
        guard let l = Language.choose(option: option, environment: env) else {
            throw Arguments.UsageError(.unknownLanguage(option ?? ""), bilingual: true)
        }
        return l
    }
}
