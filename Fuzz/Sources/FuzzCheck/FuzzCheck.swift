import Foundation
import FuzzSupport
import TuanthuCore
import TuanthuSyntax
import TuanthuSemantics
import TuanthuRuntime
import TuanthuReport

// Lexer + parser + checker on arbitrary bytes, as `tuanthu check` and `tuanthu test` run them: the
// input is written as a .plan file, checked, its diagnostics rendered; a plan that checks is
// formatted and its tests run; a file that parses cleanly is formatted and must parse again.
let scratch = Scratch("check")

@main
enum Main {
    static func main() { runFuzzer(fuzzCheck) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let path = scratch.write(bytes, to: "fuzz.plan")
    var checker = Checker()
    let result = checker.run(files: [path])
    let renderer = DiagnosticRenderer(sources: result.sources)
    _ = renderer.text(result.diagnostics)
    _ = renderer.json(result.diagnostics)
    _ = renderer.sarif(result.diagnostics, toolVersion: "fuzz")
    _ = renderer.github(result.diagnostics)
    for plan in result.plans {
        _ = PlanTestRunner.run(plan, sources: result.sources, today: CivilDate(year: 2025, month: 12, day: 31) ?? plan.issued)
    }
    if let source = result.sources.files.first, !source.bytes.isEmpty {
        let (ast, diagnostics) = Parser.parse(source)
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let text = Formatter.format(ast, source: source)
            var map = SourceMap()
            let again = map.add(path: "formatted.plan", bytes: Array(text.utf8))
            let (_, after) = Parser.parse(again)
            if let e = after.first(where: { $0.severity == .error }) {
                fuzzFailure("formatted text does not parse: \(Catalogue.text(e.message))\n\(text)")
            }
        }
    }
    return 0
}
