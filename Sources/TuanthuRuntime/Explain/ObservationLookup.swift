import TuanthuCore
import TuanthuSemantics

/// Finds the observation that judges an indicator for a period (SPEC 4.1): the exact period, else the
/// latest finer observation inside it; `per agency` indicators read only the eligible agencies' rows.
struct ObservationLookup {
    let rows: [Evaluator.NameKey: [ObservationRow]]
    /// The plan's indicators (whether each is `per agency`).
    let indicators: [String: Indicator]
    let planIndex: Int
    let eligible: [String]
    /// The same rows by plan, indicator and agency, when the caller has them: a per-agency target then reads
    /// its agency's rows instead of filtering every agency's (a province has hundreds).
    var byAgency: [Evaluator.NameKey: [ObservationRow]]? = nil

    func candidates(_ id: String) -> [ObservationRow] {
        let perAgency = indicators[id]?.perAgency == true
        let key = Evaluator.key(planIndex, id)
        if perAgency, let byAgency {
            // The eligible agencies' rows in file order (row ids), each row once: what the filter keeps.
            if eligible.count == 1 { return byAgency[Evaluator.key(planIndex, id, agency: eligible[0])] ?? [] }
            return Set(eligible).flatMap { byAgency[Evaluator.key(planIndex, id, agency: $0)] ?? [] }.sorted { $0.id < $1.id }
        }
        return (rows[key] ?? []).filter { r in
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
