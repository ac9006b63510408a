import TuanthuCore
import TuanthuSemantics

/// Which plans declare which names, so data rows can be routed to their plan (SPEC 6).
struct PlanDirectory {
    let plans: [CheckedPlan]
    private var obligationPlans: [String: [Int]] = [:]
    private var indicatorPlans: [String: [Int]] = [:]
    private var eventPlans: [String: [Int]] = [:]
    private var planByID: [String: Int] = [:]
    /// Folded names of each plan's agencies, for "did you mean".
    private var agencyNames: [[String]] = []
    /// Each plan's obligations by identifier.
    private(set) var obligations: [[String: Obligation]] = []
    /// What each plan's obligations ask for, by identifier (read for every data row).
    private(set) var requirementKinds: [[String: RequirementKind]] = []

    init(_ plans: [CheckedPlan]) {
        self.plans = plans
        for (i, p) in plans.enumerated() {
            if planByID[p.id] == nil { planByID[p.id] = i }
            for o in p.obligations { obligationPlans[o.id, default: []].append(i) }
            for id in p.indicators.keys { indicatorPlans[id, default: []].append(i) }
            for id in p.events.keys { eventPlans[id, default: []].append(i) }
            agencyNames.append(p.agencies.values.flatMap { [$0.id, $0.name] + $0.aliases }.sorted())
            // As CheckedPlan.agencyID(for:): an identifier first, then names and aliases.
            var ids = p.agencyByName
            for id in p.agencies.keys { ids[id] = id }
            agencyIDs.append(ids)
            obligations.append(Dictionary(p.obligations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            requirementKinds.append(obligations[i].mapValues { o in
                switch o.requirement.kind {
                case "target": return .achieve
                case "task": return .deliver
                case "report": return .report
                default: return .untracked
                }
            })
        }
    }

    enum Route { case plan(Int), error(Message, suggestion: String?) }

    /// The plan a `plan` cell names exactly (the first plan with that id), as `route` reads the cell.
    func plan(id: String) -> Int? { planByID[id] }

    /// The plan a row belongs to: its `plan` column, else the one plan declaring the name.
    func route(name: String, table: Table, planColumn: String?) -> Route {
        let index: [String: [Int]]
        let unknown: (String) -> Message
        switch table {
        case .observations: index = indicatorPlans; unknown = { .unknownIndicatorInData($0) }
        case .events: index = eventPlans; unknown = { .unknownEventInData($0) }
        default: index = obligationPlans; unknown = { .unknownObligationInData($0) }
        }
        if let pc = planColumn, !pc.isEmpty {
            guard let p = planByID[pc] else {
                return .error(.unknownPlanInData(pc), suggestion: Suggestion.closest(to: pc, among: planByID.keys.sorted()))
            }
            if table == .events, name == "plan_issued" { return .plan(p) }
            guard index[name]?.contains(p) == true else {
                let names = namesOf(table, plan: p)
                return .error(unknown(name), suggestion: Suggestion.closest(to: name, among: names))
            }
            return .plan(p)
        }
        guard let candidates = index[name], !candidates.isEmpty else {
            return .error(unknown(name), suggestion: Suggestion.closest(to: name, among: index.keys.sorted()))
        }
        if candidates.count == 1 { return .plan(candidates[0]) }
        return .error(.ambiguousPlan(name: name, candidates: candidates.map { plans[$0].id }), suggestion: nil)
    }

    private func namesOf(_ table: Table, plan p: Int) -> [String] {
        switch table {
        case .observations: return plans[p].indicators.keys.sorted()
        case .events: return plans[p].events.keys.sorted()
        default: return plans[p].obligations.map(\.id)
        }
    }

    /// Each plan's agencies by identifier, name and alias (read for every data row).
    private var agencyIDs: [[String: String]] = []

    /// An agency of the plan by identifier, name or alias (exact, after NFC), as parties in plans.
    func agency(_ text: String, plan p: Int) -> String? {
        agencyIDs[p][text]
    }

    func agencySuggestion(_ text: String, plan p: Int) -> String? {
        Suggestion.closest(to: text, among: agencyNames[p])
    }
}
