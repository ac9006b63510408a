import TuanthuCore
import TuanthuSemantics

/// One step of the reasoning behind a finding.
public struct ExplanationStep: Sendable {
    /// `obligation`, `owner`, `deadline`, `rows`, `values`, `status`.
    public var topic: String
    public var lines: [String]
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
        steps.append(ExplanationStep(topic: "obligation", lines: [
            "\(o.id)" + (o.title.map { " “\($0)”" } ?? "") + " in plan \(plan.id) (\(f.location.file):\(f.location.line):\(f.location.column))",
            "requirement: \(o.requirementText)" + (f.cite.isEmpty ? "" : "  [cite: \(f.cite)]"),
        ]))
        let assignment = self.assignment(for: f, plan: plan, planIndex: pi, obligationIndex: oi)
        steps.append(ExplanationStep(topic: "owner", lines: ownerLines(o, plan: plan, finding: f, assignment: assignment)))
        steps.append(ExplanationStep(topic: "deadline", lines: deadlineLines(o, plan: plan, finding: f)))
        let eligible = assignment?.eligible ?? [f.agency]
        switch o.requirement {
        case .achieve(let condition, _, let indicators):
            steps.append(ExplanationStep(topic: "rows", lines: observationLines(indicators, plan: plan, planIndex: pi, finding: f, eligible: eligible)))
            steps.append(ExplanationStep(topic: "values", lines: valueLines(condition, plan: plan, planIndex: pi, finding: f, eligible: eligible)))
        case .report:
            steps.append(ExplanationStep(topic: "rows", lines: reportLines(plan: pi, finding: f, eligible: eligible)))
        case .deliver:
            steps.append(ExplanationStep(topic: "rows", lines: taskLines(plan: pi, finding: f, eligible: eligible)))
        case .untracked:
            break
        }
        steps.append(ExplanationStep(topic: "status", lines: statusLines(f)))
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

    func ownerLines(_ o: Obligation, plan: CheckedPlan, finding f: Finding, assignment: Assignment?) -> [String] {
        var lines: [String] = []
        switch o.owner {
        case .agency(let a):
            lines.append("owner: \(name(a, plan))")
        case .each(let g, let members):
            lines.append("owner: group \(name(g, plan)); each of its \(members.count) members owes it separately: \(members.joined(separator: ", "))")
        case .jointly(let members):
            lines.append("owners jointly: \(members.map { name($0, plan) }.joined(separator: ", ")) — one finding, met by a row from any of them")
        }
        let day = f.due?.day ?? evaluation.asOf
        for id in assignment?.eligible ?? [] {
            guard let a = plan.agencies[id], let into = a.mergedInto, let on = a.mergedOn else { continue }
            if on <= day {
                lines.append("\(id) was merged into \(into) on \(on); the deadline \(day) is on or after that date, so \(into)'s line of succession owes this period and rows from \(id) or \(into) count")
            } else {
                lines.append("\(id) is merged into \(into) only from \(on), after this deadline (\(day)), so \(id) still owes this period")
            }
        }
        for id in assignment?.eligible ?? [] {
            if let gone = plan.agencies[id]?.dissolvedOn { lines.append("\(id) is dissolved on \(gone): it owes nothing due on or after that day") }
        }
        lines.append("this finding is for: \(f.agency)")
        if !o.support.isEmpty { lines.append("support (informational): \(o.support.joined(separator: ", "))") }
        return lines
    }

    func deadlineLines(_ o: Obligation, plan: CheckedPlan, finding f: Finding) -> [String] {
        var lines: [String] = []
        let period = f.period.map { "period \($0) (\($0.firstDay) to \($0.lastDay))" } ?? "no period"
        switch o.requirement {
        case .report(_, let s?):
            lines.append("\(period); schedule `\(s)`")
            switch s.rule {
            case nil: lines.append("no day given: due on the period's last day, inclusive")
            case .dayOfMonth(let d)?:
                lines.append(s.inclusive ? "`by day \(d)` is inclusive: the last allowed day is that day" : "`before day \(d)` is strict: the last allowed day is the day before")
                if d >= 29 { lines.append("day \(d) is clamped to the month's last day in shorter months") }
            case .weekday(let w, let t)?:
                if let t { lines.append(s.inclusive ? "any time up to \(t) on \(w.name) counts" : "any instant before \(t) on \(w.name) counts; a date without a time on that day counts as on time") }
                else { lines.append(s.inclusive ? "up to \(w.name) inclusive" : "`before \(w.name)`: the last allowed day is the day before") }
            }
            lines.append("a period is owed when its deadline is on or after \(o.from.map { "`from` \($0)" } ?? "the plan's issue date \(plan.issued)") and it has begun by \(evaluation.asOf)" + (o.until.map { ", ending by \($0)" } ?? ""))
        case .achieve(_, let timing, _):
            lines.append("\(period); the target is judged on the observation for that period, or the latest finer one inside it")
            if case .everyYear = timing { lines.append("`every year`: one finding per year") }
        case .deliver(_, let timing, let start):
            switch timing {
            case .by(let p, let due): lines.append("deadline `\(p)`: last allowed day \(due)")
            case .everyYear: lines.append("`every year`: the \(f.period?.description ?? "") delivery must be done by \(f.period?.lastDay.description ?? "the year's end")")
            case .ongoing(let e): lines.append("`ongoing`: each year needs a row saying in_progress or done" + (e.map { ", from the year \($0) happened" } ?? ""))
            case .after(let e): lines.append("`after \(e)`: waiting until \(e) happens, then pending until a done row arrives; never overdue")
            case .within(let n, let e): lines.append("`within \(n) days after \(e)`: the last allowed day is \(e)'s date plus \(n) days")
            case .undated: lines.append("`undated`: no deadline; pending until done, never overdue")
            }
            if let start { lines.append("the plan gives a window starting \(start); delivery before it still counts") }
        default: break
        }
        if let d = f.due { lines.append("last allowed day: \(d)") }
        if f.expected.contains("extended to") { lines.append("an extension (gia hạn) moved the deadline: \(f.expected)") }
        lines.append("evaluation sees the world at the end of \(evaluation.asOf)")
        return lines
    }

    func rowText(_ s: RowSource) -> String { "\(data.files[s.file]):\(s.line)" }

    func isEvidence(_ s: RowSource, _ f: Finding) -> Bool {
        f.evidence.contains { $0.file == data.files[s.file] && $0.line == s.line }
    }

    func reportLines(plan: Int, finding f: Finding, eligible: [String]) -> [String] {
        let rows = data.reports.filter { $0.plan == plan && $0.obligation == f.obligation && eligible.contains($0.agency) }
        let same = rows.filter { $0.period == f.period }
        var lines = same.map { r -> String in
            let what = "\(rowText(r.source)): \(r.agency) for \(r.period), received \(r.submitted)"
            if isEvidence(r.source, f) { return what + " — counts (the earliest for this period)" }
            if r.submitted.date > evaluation.asOf { return what + " — set aside: dated after \(evaluation.asOf)" }
            return what + " — superseded: a later submission for the same period"
        }
        if same.isEmpty { lines.append("no report row from \(eligible.joined(separator: ", ")) for \(f.period?.description ?? "this period")") }
        let others = rows.count - same.count
        if others > 0 { lines.append("\(others) row(s) from \(eligible.joined(separator: ", ")) are for other periods (wrong period for this finding)") }
        return lines
    }

    func taskLines(plan: Int, finding f: Finding, eligible: [String]) -> [String] {
        let rows = data.tasks.filter { $0.plan == plan && $0.obligation == f.obligation && eligible.contains($0.agency) }
        guard !rows.isEmpty else { return ["no task rows from \(eligible.joined(separator: ", ")) for this obligation"] }
        return rows.map { r in
            let what = "\(rowText(r.source)): \(r.agency) \(r.status.rawValue)" + (r.date.map { " on \($0)" } ?? "") + (r.period.map { " for \($0)" } ?? "")
            if isEvidence(r.source, f) { return what + " — counts" }
            if let d = r.date, d > evaluation.asOf { return what + " — set aside: dated after \(evaluation.asOf)" }
            if let p = f.period, let rp = r.period, !(rp == p || p.contains(rp)) { return what + " — another period" }
            return what + " — not the deciding row"
        }
    }

    func observationLines(_ indicators: [String], plan: CheckedPlan, planIndex: Int, finding f: Finding, eligible: [String]) -> [String] {
        var lines: [String] = []
        for id in indicators {
            let rows = data.observations.filter { $0.plan == planIndex && $0.indicator == id }
            if rows.isEmpty { lines.append("\(id): no observations"); continue }
            for r in rows {
                var what = "\(rowText(r.source)): \(id)" + (r.agency.map { " (\($0))" } ?? "") + " \(r.period) = \(r.text)"
                if isEvidence(r.source, f) { what += " — used" }
                else if let a = r.agency, !eligible.contains(a) { what += " — another agency" }
                else if let p = f.period, r.period.grain > p.grain { what += " — coarser than \(p): cannot judge it" }
                else { what += " — not used for \(f.period?.description ?? "this period")" }
                lines.append(what)
            }
        }
        return lines
    }

    func valueLines(_ c: Condition, plan: CheckedPlan, planIndex: Int, finding f: Finding, eligible: [String]) -> [String] {
        guard let period = f.period else { return [] }
        let lookup = ObservationLookup(rows: Dictionary(grouping: data.observations.filter { !data.repeatedRows.contains($0.id) }, by: { Evaluator.key($0.plan, $0.indicator) }),
                                       plan: plan, planIndex: planIndex, eligible: eligible)
        var evaluator = ConditionEvaluator(lookup: { lookup.find($0, $1, exact: $2) }, plan: plan, period: period)
        var lines: [String] = []
        describe(c, &evaluator, &lines)
        lines.append(contentsOf: evaluator.readings.map { "read: " + $0 })
        return lines
    }

    func describe(_ c: Condition, _ e: inout ConditionEvaluator, _ lines: inout [String]) {
        switch c {
        case .compare(let op, let a, let b):
            let (x, y) = (e.value(a), e.value(b))
            switch (x, y) {
            case (.success(let l), .success(let r)):
                lines.append("\(text(a)) = \(l)  \(op.rawValue)  \(text(b)) = \(r)  →  \(op.holds(l, r))")
            case (.failure(let why), _), (_, .failure(let why)):
                lines.append("\(text(a)) \(op.rawValue) \(text(b)) cannot be computed: \(why.text)")
            }
        case .between(let v, let lo, let hi):
            switch (e.value(v), e.value(lo), e.value(hi)) {
            case (.success(let x), .success(let l), .success(let h)):
                lines.append("\(text(v)) = \(x) between \(l) and \(h)  →  \(l <= x && x <= h)")
            default:
                lines.append("\(text(v)) between \(text(lo)) and \(text(hi)) cannot be computed")
            }
        case .isYes(let id, let want):
            lines.append("\(id) must be \(want ? "yes" : "no")")
        case .not(let inner): lines.append("not:"); describe(inner, &e, &lines)
        case .and(let a, let b): describe(a, &e, &lines); lines.append("and"); describe(b, &e, &lines)
        case .or(let a, let b): describe(a, &e, &lines); lines.append("or"); describe(b, &e, &lines)
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

    func statusLines(_ f: Finding) -> [String] {
        var line = "status: \(f.status.rawValue)"
        switch f.status {
        case .late: line += " — \(f.actual), \(f.daysLate ?? 0) day(s) after the last allowed day \(f.due?.description ?? "")"
        case .overdue: line += " — the deadline \(f.due?.description ?? "") has passed by \(evaluation.asOf) and nothing was delivered"
        case .pending: line += " — not yet due (or no deadline); \(f.actual)"
        case .waiting: line += " — \(f.actual)"
        case .noData: line += " — \(f.actual)"
        case .met, .violated: line += " — \(f.actual)"
        }
        return [line] + f.notes.map { "note: " + $0 }
    }
}
