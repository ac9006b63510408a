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
// the CSV report's compact path must write the same bytes as the general one. A seventh section is a
// second report file (reports-2.csv). Inputs of even length are evaluated against two plans (the fixed one
// and a copy, 02/KH-FZ, whose weekly report duty is bc_tuan_2), so rows route between plans and files.
// The streamed run (`Evaluator.evaluateStreaming`, the CLI's for CSV and JSON reports to a file) must find
// the same errors, warnings, findings, row counts and unused rows as the whole run.
let scratch = Scratch("eval")
let oneFixedPlan: CheckResult = {
    let path = scratch.write(Array(FixedPlan.text.utf8), to: "plan/plan.plan")
    var checker = Checker()
    let result = checker.run(files: [path])
    if result.hasErrors { fuzzFailure("the fixed plan does not check") }
    return result
}()
let twoPlans: CheckResult = {
    let second = FixedPlan.text.replacingOccurrences(of: "plan \"01/KH-FZ\"", with: "plan \"02/KH-FZ\"")
        .replacingOccurrences(of: "obligation bc_tuan ", with: "obligation bc_tuan_2 ")
    let paths = [scratch.write(Array(FixedPlan.text.utf8), to: "plans/plan.plan"), scratch.write(Array(second.utf8), to: "plans/second.plan")]
    var checker = Checker()
    let result = checker.run(files: paths)
    if result.hasErrors || result.plans.count != 2 { fuzzFailure("the two fixed plans do not check") }
    return result
}()
let tableFiles = ["observations.csv", "reports.csv", "tasks.csv", "events.csv", "extensions.csv", "data.json", "reports-2.csv"]
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
    let checked = size % 2 == 0 ? twoPlans : oneFixedPlan
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
    // The streamed run reads the folder itself.
    for jobs in [1, 2] {
        var rows = Array(FindingsCSV.header(bom: false).utf8)
        guard let s = Evaluator.evaluateStreaming(plans: checked.plans, dataDirectory: scratch.path + "/data",
                                                  options: DataOptions(numberLocale: locale, jobs: jobs), asOf: asOf,
                                                  sources: checked.sources, jobs: jobs, compactReports: jobs == 2,
                                                  transform: { FindingsCSV.rows($0) }, consume: { rows += $0 }) else {
            // A report file in a legacy encoding read in sections sends the run back to a whole read too.
            let legacy = ["reports.csv", "reports-2.csv"].contains { name in
                FileManager.default.contents(atPath: scratch.path + "/data/" + name).map { LegacyEncoding.detect([UInt8]($0)) != nil } ?? false
            }
            if legacy { continue }
            fuzzFailure("the streamed run found a report row outside its block (the scan missed a plan)")
        }
        if s.dataErrors != e.dataErrors { fuzzFailure("the streamed run's errors differ (jobs \(jobs))") }
        if s.warnings != e.warnings { fuzzFailure("the streamed run's warnings differ (jobs \(jobs))") }
        guard e.dataErrors.isEmpty else { continue }
        if rows != csv { fuzzFailure("the streamed run's CSV report differs (jobs \(jobs))") }
        if s.rows != e.rows { fuzzFailure("the streamed run's row counts differ (jobs \(jobs)): \(s.rows) vs \(e.rows)") }
        if s.unusedRows != e.unusedRows { fuzzFailure("the streamed run's unused rows differ (jobs \(jobs))") }
        if s.untracked != e.untracked { fuzzFailure("the streamed run's untracked duties differ (jobs \(jobs))") }
    }
    return 0
}
