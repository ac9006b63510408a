import TuanthuCore
import TuanthuSemantics

/// Finds the observation that judges an indicator for a period (SPEC 4.1): the exact period, else the
/// latest finer observation inside it; `per agency` indicators read only the eligible agencies' rows.
struct ObservationLookup {
    let rows: [String: [ObservationRow]]
    let plan: CheckedPlan
    let planIndex: Int
    let eligible: [String]

    func candidates(_ id: String) -> [ObservationRow] {
        let perAgency = plan.indicators[id]?.perAgency == true
        return (rows[Evaluator.key(planIndex, id)] ?? []).filter { r in
            perAgency ? (r.agency.map { eligible.contains($0) } ?? false) : r.agency == nil
        }
    }

    func find(_ id: String, _ p: Period, exact: Bool) -> ObservationRow? {
        let rows = candidates(id)
        if let hit = rows.first(where: { $0.period == p }) { return hit }
        if exact { return nil }
        return rows.filter { $0.period.grain < p.grain && p.contains($0.period) }
            .max { ($0.period.lastDay, $1.period.grain) < ($1.period.lastDay, $0.period.grain) }
    }
}
