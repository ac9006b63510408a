import Foundation
import FuzzSupport
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime
import TuanthuReport

// The evaluator on a fixed plan with fuzzed data. The input is split at lines `@@` into up to six
// files of one data folder (observations.csv, reports.csv, tasks.csv, events.csv, extensions.csv,
// data.json); the folder is loaded, evaluated as of a date taken from the input's length, and the
// findings rendered as JSON, text and CSV. Every valid row must end up counted exactly once (SPEC 6), and
// the CSV report's compact path must write the same bytes as the general one.
let scratch = Scratch("eval")
let checked: CheckResult = {
    let path = scratch.write(Array(FixedPlan.text.utf8), to: "plan/plan.plan")
    var checker = Checker()
    let result = checker.run(files: [path])
    if result.hasErrors { fuzzFailure("the fixed plan does not check") }
    return result
}()
let tableFiles = ["observations.csv", "reports.csv", "tasks.csv", "events.csv", "extensions.csv", "data.json"]
let asOfDates = ["2025-05-20", "2025-12-31", "2026-07-01", "2031-01-01"]

@main
enum Main {
    static func main() { runFuzzer(fuzzEval) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEval(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    scratch.clear("data")
    for (name, part) in zip(tableFiles, Sections.split(bytes, max: tableFiles.count)) where !part.isEmpty {
        scratch.write(part, to: "data/" + name)
    }
    let locale: NumberLocale = size % 3 == 0 ? .vietnamese : .plain
    var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: locale))
    let set = loader.load(directory: scratch.path + "/data")
    guard let asOf = CivilDate.parse(utf8: asOfDates[size % asOfDates.count].utf8) else { return 0 }
    let e = Evaluator.evaluate(plans: checked.plans, data: set, asOf: asOf, sources: checked.sources)
    if e.rows.total != set.rowCount {
        fuzzFailure("\(set.rowCount) valid rows but \(e.rows.total) counted (\(e.rows))")
    }
    _ = FindingsJSON.render(e, toolVersion: "fuzz", planInputs: [])
    _ = FindingsText.render(e, color: false)
    let csv = Array(FindingsCSV.render(e).utf8)
    // The CSV report's compact path for simple report duties must write the same bytes.
    var compact = Array(FindingsCSV.header(bom: false).utf8)
    let streamed = Evaluator.evaluate(plans: checked.plans, data: set, asOf: asOf, sources: checked.sources, jobs: 1,
                                      compactReports: true, transform: { FindingsCSV.rows($0) }, consume: { compact += $0 })
    if compact != csv { fuzzFailure("the compact CSV report differs from the general one") }
    if streamed.rows != e.rows { fuzzFailure("row fates differ on the compact path: \(streamed.rows) vs \(e.rows)") }
    // So must the streamed JSON report's, with its notes.
    func jsonParts(compact: Bool) -> [UInt8] {
        var parts: [[UInt8]] = []
        _ = Evaluator.evaluate(plans: checked.plans, data: set, asOf: asOf, sources: checked.sources, jobs: 1,
                               compactReports: compact, compactNotes: true,
                               transform: { FindingsJSON.findingsPart($0) }, consume: { if !$0.isEmpty { parts.append($0) } })
        return Array(parts.joined(separator: [0x2C]))
    }
    if jsonParts(compact: true) != jsonParts(compact: false) { fuzzFailure("the compact JSON findings differ from the general ones") }
    return 0
}
