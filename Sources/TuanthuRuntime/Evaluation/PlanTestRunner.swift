import TuanthuCore
import TuanthuSemantics

/// The outcome of one `expect` line of a test block.
public struct ExpectationResult: Sendable {
    public var expectation: TestExpectation
    public var passed: Bool
    /// The findings the expectation matched (empty: nothing matched).
    public var matched: [Finding]
}

/// The outcome of one `test` block.
public struct PlanTestResult: Sendable {
    public var plan: String
    public var name: String
    public var location: SourceLocation?
    public var asOf: CivilDate
    public var expectations: [ExpectationResult]
    public var passed: Bool { expectations.allSatisfy(\.passed) }
}

/// Runs the `test` blocks of a plan (SPEC 9): each in isolation, on its inline rows only.
public enum PlanTestRunner {
    public static func run(_ plan: CheckedPlan, sources: SourceMap, today: CivilDate) -> [PlanTestResult] {
        plan.tests.map { run($0, plan: plan, sources: sources, today: today) }
    }

    static func run(_ test: PlanTest, plan: CheckedPlan, sources: SourceMap, today: CivilDate) -> PlanTestResult {
        let asOf = test.asOf ?? today
        var data = DataSet()
        data.files = [plan.file]
        data.hashes = [""]
        func line(_ span: Span) -> Int { sources.location(span)?.line ?? 0 }
        for row in test.rows {
            switch row {
            case .submitted(let o, let a, let p, let on, let span):
                data.reports.append(ReportRow(id: data.nextID(), source: RowSource(file: 0, line: line(span)), plan: 0,
                                              obligation: o, agency: a, period: p, submitted: on, replaces: nil))
            case .observed(let i, let a, let p, let v, let span):
                data.observations.append(ObservationRow(id: data.nextID(), source: RowSource(file: 0, line: line(span)), plan: 0,
                                                        indicator: i, agency: a, period: p, value: v, text: v.description))
            case .task(let o, let a, let done, let on, let p, let span):
                data.tasks.append(TaskRow(id: data.nextID(), source: RowSource(file: 0, line: line(span)), plan: 0, obligation: o,
                                          agency: a, period: p, status: done ? .done : .inProgress, date: on, document: nil))
            case .happened(let e, let on, let span):
                data.events.append(EventRow(id: data.nextID(), source: RowSource(file: 0, line: line(span)), plan: 0,
                                            event: e, date: on, document: nil))
            }
        }
        let evaluation = Evaluator.evaluate(plans: [plan], data: data, asOf: asOf, sources: sources)
        var results: [ExpectationResult] = []
        for e in test.expectations {
            let matched = evaluation.findings.filter { f in
                f.obligation == e.obligation
                    && (e.agency == nil || f.agency == e.agency || f.agency.split(separator: "+").contains(where: { String($0) == e.agency }))
                    && (e.period == nil || f.period == e.period)
            }
            let passed = !matched.isEmpty && matched.allSatisfy { $0.status.rawValue == e.status }
            results.append(ExpectationResult(expectation: e, passed: passed, matched: matched))
        }
        return PlanTestResult(plan: plan.id, name: test.name, location: sources.location(test.span), asOf: asOf, expectations: results)
    }
}
