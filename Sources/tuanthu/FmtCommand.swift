import Foundation
import TuanthuCore
import TuanthuSyntax
import TuanthuSemantics
import TuanthuReport

enum FmtCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--lang"], flags: ["--check"])
        let lang = try CLI.language(args)
        let (files, missing) = PlanFinder.expand(CLI.planPaths(a.positional))
        for m in missing { CLI.printError("tuanthu fmt: " + Catalogue.ui(.noSuchPath(m), lang)) }
        if !missing.isEmpty { return 2 }
        var changed: [String] = []
        var failed = false
        for path in files {
            guard let raw = FileManager.default.contents(atPath: path) else {
                CLI.printError("tuanthu fmt: " + Catalogue.ui(.cannotRead(path), lang))
                failed = true
                continue
            }
            var sources = SourceMap()
            guard case .success(let bytes) = SourceFile.decode([UInt8](raw)) else {
                CLI.printError("tuanthu fmt: " + Catalogue.ui(.notUTF8Untouched(path), lang))
                failed = true
                continue
            }
            let source = sources.add(path: path, bytes: bytes)
            let (ast, diagnostics) = Parser.parse(source)
            if diagnostics.contains(where: { $0.severity == .error }) {
                let renderer = DiagnosticRenderer(sources: sources, language: lang)
                CLI.printError(renderer.text(diagnostics.filter { $0.severity == .error }))
                CLI.printError("tuanthu fmt: " + Catalogue.ui(.doesNotParseUntouched(path), lang))
                failed = true
                continue
            }
            let formatted = Formatter.format(ast, source: source)
            // Safety: the output must parse and be a fixed point, or the file is not touched.
            let again = sources.add(path: path, bytes: Array(formatted.utf8))
            let (ast2, d2) = Parser.parse(again)
            let second = Formatter.format(ast2, source: again)
            if let dir = ProcessInfo.processInfo.environment["TUANTHU_FMT_DEBUG"] {
                try? formatted.write(toFile: dir + "/first.plan", atomically: true, encoding: .utf8)
                try? second.write(toFile: dir + "/second.plan", atomically: true, encoding: .utf8)
            }
            guard !d2.contains(where: { $0.severity == .error }), second == formatted else {
                CLI.printError("tuanthu fmt: " + Catalogue.ui(.formatterFailed(path), lang))
                failed = true
                continue
            }
            if Array(formatted.utf8) != [UInt8](raw) {
                changed.append(path)
                if !a.flags.contains("--check") {
                    do { try OutputFile.write(formatted, to: path) } catch {
                        CLI.printError("tuanthu fmt: " + Catalogue.ui(.cannotWrite(path: path, detail: error.localizedDescription), lang))
                        failed = true
                    }
                }
            }
        }
        if a.flags.contains("--check") {
            for c in changed { print(c) }
            if failed { return 2 }
            return changed.isEmpty ? 0 : 1
        }
        for c in changed { CLI.printError(Catalogue.ui(.formatted(c), lang)) }
        return failed ? 2 : 0
    }
}
