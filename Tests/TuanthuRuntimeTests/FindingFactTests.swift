import Foundation
import Testing
import TuanthuCore
import TuanthuRuntime
import TuanthuSemantics

/// Typed finding facts: their English wording is exactly the `actual`, `expected` and `notes` that JSON and
/// CSV carry, and every fact has a Vietnamese wording for people's reports.
@Suite("Finding facts")
struct FindingFactTests {
    static let runs: [(plans: String, data: String)] = [
        ("examples/quickstart", "examples/quickstart/data"),
        ("rules/kon-tum/484-KH-UBND.plan", "examples/kon-tum-484/data"),
        ("rules/binh-phuoc", "examples/binh-phuoc/data"),
        ("Tests/Fixtures/eval/multi-agency/plan.plan", "Tests/Fixtures/eval/multi-agency/data"),
    ]

    static func evaluate(_ plans: String, _ data: String, asOf: String = "2025-12-31") throws -> Evaluation {
        let root = ExampleRuns.repositoryRoot.path + "/"
        let (files, _) = PlanFinder.expand([root + plans])
        var checker = Checker()
        let checked = checker.run(files: files)
        try #require(!checked.hasErrors)
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: .plain))
        let set = loader.load(directory: root + data)
        let day = try #require(CivilDate.parse(utf8: asOf.utf8))
        return Evaluator.evaluate(plans: checked.plans, data: set, asOf: day, sources: checked.sources)
    }

    @Test(arguments: runs.indices)
    func englishWordingIsTheJSONText(_ i: Int) throws {
        let run = Self.runs[i]
        for asOf in ["2025-06-15", "2025-12-31"] {
            let e = try Self.evaluate(run.plans, run.data, asOf: asOf)
            #expect(!e.findings.isEmpty)
            for f in e.findings {
                let what = "\(f.obligation) \(f.agency) \(f.period?.description ?? "-")"
                #expect(f.fact != .none || f.actual.isEmpty, "\(what): no typed fact for ‘\(f.actual)’")
                #expect(Catalogue.fact(f.fact, .en) == f.actual, "\(what)")
                #expect(Catalogue.expectation(f.expectation, .en) == f.expected, "\(what)")
                #expect(f.noteFacts.map { Catalogue.note($0, .en) } == f.notes, "\(what)")
                let vi = Catalogue.fact(f.fact, .vi)
                #expect(vi.isEmpty == f.actual.isEmpty)
                if !vi.isEmpty, f.actual.contains(where: \.isLetter) {
                    #expect(vi != f.actual || f.actual.contains("="), "\(what): Vietnamese is the English ‘\(vi)’")
                }
            }
        }
    }
}
