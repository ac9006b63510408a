import TuanthuCore
import TuanthuSemantics

/// One step of the reasoning behind a finding: typed lines the catalogue words per language.
public struct ExplanationStep: Sendable {
    public var topic: ExplainTopic
    public var items: [ExplainLine]

    /// The lines in `language` (English for `--format json`).
    public func lines(_ language: Language = .en) -> [String] { items.map { Catalogue.explain($0, language) } }
}

public struct Explanation: Sendable {
    public var finding: Finding
    public var steps: [ExplanationStep]
}

/// Explains findings step by step: who owes and why, how the deadline was computed, which rows were
/// considered or set aside, the exact arithmetic, and the status.
public struct Explainer {
    let plans: [CheckedPlan]
    let data: DataSet
    let evaluation: Evaluation
    let sources: SourceMap

    public init(plans: [CheckedPlan], data: DataSet, evaluation: Evaluation, sources: SourceMap) {
        self.plans = plans
        self.data = data
        self.evaluation = evaluation
        self.sources = sources
    }

    /// Explanations for the findings of `obligation`, optionally narrowed to an agency and a period.
    public func explain(obligation: String, agency: String?, period: Period?) -> [Explanation] {
        evaluation.findings.filter { f in
            f.obligation == obligation
                && (agency == nil || f.agency == agency || f.agency.split(separator: "+").contains { String($0) == agency })
                && (period == nil || f.period == period)
        }.map(explain)
    }

    func explain(_ f: Finding) -> Explanation {
        guard let pi = plans.firstIndex(where: { $0.id == f.plan }),
              let oi = plans[pi].obligations.firstIndex(where: { $0.id == f.obligation }) else {
            return Explanation(finding: f, steps: [])
        }
        let plan = plans[pi]
        let o = plan.obligations[oi]
        var steps: [ExplanationStep] = []
        steps.append(ExplanationStep(topic: .obligation, items: [
            .obligationIn(id: o.id, title: o.title, plan: plan.id, location: "\(f.location.file):\(f.location.line):\(f.location.column)"),
            .requirement(o.requirementText, cite: f.cite.isEmpty ? nil : f.cite),
        ]))
        let assignment = self.assignment(for: f, plan: plan, planIndex: pi, obligationIndex: oi)
        steps.append(ExplanationStep(topic: .owner, items: ownerLines(o, plan: plan, finding: f, assignment: assignment)))
        steps.append(ExplanationStep(topic: .deadline, items: deadlineLines(o, plan: plan, finding: f)))
        let eligible = assignment?.eligible ?? [f.agency]
        switch o.requirement {
        case .achieve(let condition, _, let indicators):
            steps.append(ExplanationStep(topic: .rows, items: observationLines(indicators, plan: plan, planIndex: pi, finding: f, eligible: eligible)))
            steps.append(ExplanationStep(topic: .values, items: valueLines(condition, plan: plan, planIndex: pi, finding: f, eligible: eligible)))
        case .report:
            steps.append(ExplanationStep(topic: .rows, items: reportLines(plan: pi, finding: f, eligible: eligible)))
        case .deliver:
            steps.append(ExplanationStep(topic: .rows, items: taskLines(plan: pi, finding: f, eligible: eligible)))
        case .untracked:
            break
        }
        steps.append(ExplanationStep(topic: .status, items: statusLines(f)))
        return Explanation(finding: f, steps: steps)
    }

    /// Re-derives the finding's assignment (owner resolution is the lowering's).
    func assignment(for f: Finding, plan: CheckedPlan, planIndex: Int, obligationIndex: Int) -> Assignment? {
        var events: [String: CivilDate] = ["plan_issued": plan.issued]
        for e in data.events where e.plan == planIndex && e.date <= evaluation.asOf { events[e.event] = e.date }
        let cut = plans.filter { $0.supersedes.contains(plan.id) && $0.id != plan.id }.map(\.issued).min()
        let lowering = Lowering(plan: plan, planIndex: planIndex, asOf: evaluation.asOf, events: events, supersededFrom: cut)
        return lowering.lower(obligationIndex).first { $0.agency == f.agency && $0.period == f.period }
    }

    func name(_ id: String, _ plan: CheckedPlan) -> String {
        if let a = plan.agencies[id] { return "\(id) (\(a.name))" }
        if let g = plan.groups[id] { return "\(id)" + (g.title.map { " (\($0))" } ?? "") }
        return id
    }

    func ownerLines(_ o: Obligation, plan: CheckedPlan, finding f: Finding, assignment: Assignment?) -> [ExplainLine] {
        var lines: [ExplainLine] = []
        switch o.owner {
        case .agency(let a): lines.append(.owner(name(a, plan)))
        case .each(let g, let members): lines.append(.ownerEach(group: name(g, plan), members: members))
        case .jointly(let members): lines.append(.ownersJointly(members.map { name($0, plan) }))
        }
        let day = f.due?.day ?? evaluation.asOf
        for id in assignment?.eligible ?? [] {
            guard let a = plan.agencies[id], let into = a.mergedInto, let on = a.mergedOn else { continue }
            lines.append(on <= day ? .mergedBefore(agency: id, into: into, on: on, deadline: day) : .mergedAfter(agency: id, into: into, on: on, deadline: day))
        }
        for id in assignment?.eligible ?? [] {
            if let gone = plan.agencies[id]?.dissolvedOn { lines.append(.dissolved(agency: id, on: gone)) }
        }
        lines.append(.findingFor(f.agency))
        if !o.support.isEmpty { lines.append(.support(o.support)) }
        return lines
    }

    func deadlineLines(_ o: Obligation, plan: CheckedPlan, finding f: Finding) -> [ExplainLine] {
        var lines: [ExplainLine] = []
        switch o.requirement {
        case .report(_, let s?):
            lines.append(.periodSchedule(f.period, schedule: s.description))
            switch s.rule {
            case nil: lines.append(.dueOnLastDay)
            case .dayOfMonth(let d)?:
                lines.append(s.inclusive ? .dayInclusive(d) : .dayStrict(d))
                if d >= 29 { lines.append(.dayClamped(d)) }
            case .weekday(let w, let t)?:
                if let t { lines.append(.weekdayTime(w, t, inclusive: s.inclusive)) }
                else { lines.append(.weekday(w, inclusive: s.inclusive)) }
            }
            lines.append(.owedWhen(from: o.from, issued: plan.issued, asOf: evaluation.asOf, until: o.until))
        case .achieve(_, let timing, _):
            lines.append(.targetPeriod(f.period))
            if case .everyYear = timing { lines.append(.everyYearTarget) }
        case .deliver(_, let timing, let start):
            switch timing {
            case .by(let p, let due): lines.append(.deliverBy(p, due: due))
            case .everyYear: lines.append(.deliverEveryYear(f.period))
            case .ongoing(let e): lines.append(.deliverOngoing(after: e))
            case .after(let e): lines.append(.deliverAfter(e))
            case .within(let n, let e): lines.append(.deliverWithin(days: n, after: e))
            case .undated: lines.append(.deliverUndated)
            }
            if let start { lines.append(.window(start)) }
        default: break
        }
        if let d = f.due { lines.append(.lastAllowedDay(d)) }
        if f.expectation.extendedTo != nil { lines.append(.extended(f.expectation)) }
        lines.append(.worldAtEndOf(evaluation.asOf))
        return lines
    }

    func rowText(_ s: RowSource) -> String { "\(data.files[s.file]):\(s.line)" }

    func isEvidence(_ s: RowSource, _ f: Finding) -> Bool {
        f.evidence.contains { $0.file == data.files[s.file] && $0.line == s.line }
    }

    func reportLines(plan: Int, finding f: Finding, eligible: [String]) -> [ExplainLine] {
        let rows = data.reports.filter { $0.plan == plan && $0.obligation == f.obligation && eligible.contains($0.agency) }
        let same = rows.filter { $0.period == f.period }
        var lines = same.map { r -> ExplainLine in
            let fate: RowVerdict = isEvidence(r.source, f) ? .earliest
                : r.submitted.date > evaluation.asOf ? .setAside(asOf: evaluation.asOf) : .superseded
            return .reportRow(row: rowText(r.source), agency: r.agency, period: r.period, received: r.submitted, fate: fate)
        }
        if same.isEmpty { lines.append(.noReportRow(eligible: eligible, period: f.period)) }
        let others = rows.count - same.count
        if others > 0 { lines.append(.otherPeriodRows(count: others, eligible: eligible)) }
        return lines
    }

    func taskLines(plan: Int, finding f: Finding, eligible: [String]) -> [ExplainLine] {
        let rows = data.tasks.filter { $0.plan == plan && $0.obligation == f.obligation && eligible.contains($0.agency) }
        guard !rows.isEmpty else { return [.noTaskRows(eligible: eligible)] }
        return rows.map { r in
            let fate: RowVerdict
            if isEvidence(r.source, f) { fate = .counts }
            else if let d = r.date, d > evaluation.asOf { fate = .setAside(asOf: evaluation.asOf) }
            else if let p = f.period, let rp = r.period, !(rp == p || p.contains(rp)) { fate = .anotherPeriod }
            else { fate = .notDeciding }
            return .taskRow(row: rowText(r.source), agency: r.agency, state: r.status.state, date: r.date, period: r.period, fate: fate)
        }
    }

    func observationLines(_ indicators: [String], plan: CheckedPlan, planIndex: Int, finding f: Finding, eligible: [String]) -> [ExplainLine] {
        var lines: [ExplainLine] = []
        for id in indicators {
            let rows = data.observations.filter { $0.plan == planIndex && $0.indicator == id }
            if rows.isEmpty { lines.append(.noObservations(indicator: id)); continue }
            for r in rows {
                let fate: RowVerdict
                if isEvidence(r.source, f) { fate = .used }
                else if let a = r.agency, !eligible.contains(a) { fate = .anotherAgency }
                else if let p = f.period, r.period.grain > p.grain { fate = .coarserThan(p) }
                else { fate = .notUsedFor(f.period) }
                lines.append(.observationRow(row: rowText(r.source), indicator: id, agency: r.agency, period: r.period, value: r.text, fate: fate))
            }
        }
        return lines
    }

    func valueLines(_ c: Condition, plan: CheckedPlan, planIndex: Int, finding f: Finding, eligible: [String]) -> [ExplainLine] {
        guard let period = f.period else { return [] }
        let lookup = ObservationLookup(rows: Dictionary(grouping: data.observations.filter { !data.repeatedRows.contains($0.id) }, by: { Evaluator.key($0.plan, $0.indicator) }),
                                       indicators: plan.indicators, planIndex: planIndex, eligible: eligible)
        var evaluator = ConditionEvaluator(lookup: { lookup.find($0, $1, exact: $2) }, indicators: plan.indicators, period: period)
        var lines: [ExplainLine] = []
        describe(c, &evaluator, &lines)
        lines.append(contentsOf: evaluator.values.map { .read($0) })
        return lines
    }

    func describe(_ c: Condition, _ e: inout ConditionEvaluator, _ lines: inout [ExplainLine]) {
        switch c {
        case .compare(let op, let a, let b):
            let (x, y) = (e.value(a), e.value(b))
            switch (x, y) {
            case (.success(let l), .success(let r)):
                lines.append(.comparison(left: text(a), leftValue: l.description, op: op.rawValue, right: text(b), rightValue: r.description, holds: op.holds(l, r)))
            case (.failure(let why), _), (_, .failure(let why)):
                lines.append(.cannotCompute(left: text(a), op: op.rawValue, right: text(b), why.why))
            }
        case .between(let v, let lo, let hi):
            switch (e.value(v), e.value(lo), e.value(hi)) {
            case (.success(let x), .success(let l), .success(let h)):
                lines.append(.between(value: text(v), x: x.description, low: l.description, high: h.description, holds: l <= x && x <= h))
            default:
                lines.append(.betweenCannotCompute(value: text(v), low: text(lo), high: text(hi)))
            }
        case .isYes(let id, let want):
            lines.append(.mustBe(indicator: id, yes: want))
        case .not(let inner): lines.append(.not); describe(inner, &e, &lines)
        case .and(let a, let b): describe(a, &e, &lines); lines.append(.and); describe(b, &e, &lines)
        case .or(let a, let b): describe(a, &e, &lines); lines.append(.or); describe(b, &e, &lines)
        }
    }

    /// A value's formula as text, with exact constants (a percent appears as its ratio: 3% is 0.03).
    func text(_ v: Value) -> String {
        switch v {
        case .constant(let n): return n.description
        case .indicator(let id): return id
        case .previous(let id): return "previous(\(id))"
        case .growth(let id): return "growth(\(id))"
        case .add(let a, let b): return "(\(text(a)) + \(text(b)))"
        case .subtract(let a, let b): return "(\(text(a)) − \(text(b)))"
        case .multiply(let a, let b): return "\(text(a)) × \(text(b))"
        case .divide(let a, let b): return "\(text(a)) / \(text(b))"
        case .negate(let a): return "−\(text(a))"
        }
    }

    func statusLines(_ f: Finding) -> [ExplainLine] {
        [.status(code: f.status.rawValue, fact: f.fact, daysLate: f.daysLate, due: f.due, asOf: evaluation.asOf)] + f.noteFacts.map { .note($0) }
    }
}
