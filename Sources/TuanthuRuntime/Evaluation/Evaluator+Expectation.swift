import TuanthuCore
import TuanthuSemantics

extension Evaluator {
    /// What the plan asks, in parts; `Catalogue.expectation(_, .en)` of it is `expectedText(o)`.
    func expectation(_ o: Obligation) -> Expectation {
        var e = Expectation(requirement: o.requirementText, until: o.until)
        if case .deliver(_, _, let start?) = o.requirement, !o.requirementText.contains(" from ") { e.windowFrom = start }
        return e
    }
}
