import Foundation
import TuanthuCore

enum CLI {
    static let version = "0.1.0"

    static func run(_ args: [String]) -> Int32 {
        guard let command = args.first else {
            print(Help.overview)
            return 2
        }
        let rest = Array(args.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(Help.text(for: command) ?? Help.overview)
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
                print(rest.first.flatMap(Help.text(for:)) ?? Help.overview)
                return 0
            default:
                let all = ["check", "eval", "fmt", "test", "explain", "template"]
                var msg = "tuanthu: unknown command ‘\(command)’"
                if let s = Suggestion.closest(to: command, among: all) { msg += "; did you mean ‘\(s)’?" }
                printError(msg + "\n" + Help.overview)
                return 2
            }
        } catch let e as Arguments.UsageError {
            printError("tuanthu \(command): \(e.message)\nRun ‘tuanthu \(command) --help’ for usage.")
            return 2
        } catch {
            printError("tuanthu \(command): \(error)")
            return 2
        }
    }

    static func printError(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Plan paths from the command line; none means `rules/`.
    static func planPaths(_ positional: [String]) -> [String] {
        positional.isEmpty ? ["rules"] : positional
    }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}
