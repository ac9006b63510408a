import TuanthuCore
import TuanthuSemantics

/// Extensions ("gia hạn", SPEC 6): a row must name something owed — an agency that owes the obligation
/// and, when given, one of its periods — or it is a data error rather than a row that silently does nothing.
extension DataLoader {
    /// How many years after a plan's issue an extension's due date or period is checked against its schedule.
    static let extensionYears = 100

    /// An obligation's schedule laid out up to a day, for checking extension rows.
    struct ScheduleKey: Hashable {
        var plan: Int
        var obligation: Int
        var horizon: CivilDate
    }

    /// Validates the extension rows held back until all files were read.
    mutating func admitExtensions() {
        admittingExtensions = true
        defer { admittingExtensions = false }
        let rows = pendingExtensions
        pendingExtensions = []
        for r in rows { intake(r, table: .extensions) }
        extensionSchedules = [:]
    }

    mutating func extensionRow(_ r: DataRecord, plan: Int, obligation id: String) {
        let o = obligation(r, plan: plan, id: id, table: .extensions)
        let a = agency(r, plan: plan)
        var p: Period?
        var ok = true
        if let t = r.value(.period), !t.isEmpty { p = period(r); if p == nil { ok = false } }
        let due = date(r, column: .due)
        guard ok, o, let a, let due else { return }
        guard owes(r, plan: plan, obligation: id, agency: a, period: p, until: max(due, p?.lastDay ?? due)) else { return }
        data.extensions.append(ExtensionRow(id: data.nextID(), source: RowSource(file: r.file, line: r.line), plan: plan, obligation: id,
                                            agency: a, period: p, due: due, document: nonEmpty(r.value(.document))))
    }

    /// True when `agency` owes the obligation (for `period`, when given) in some period that has begun by
    /// `until`; otherwise reports which agencies or periods are owed.
    private mutating func owes(_ r: DataRecord, plan: Int, obligation id: String, agency: String, period: Period?, until: CivilDate) -> Bool {
        let checked = directory.plans[plan]
        guard let index = checked.obligations.firstIndex(where: { $0.id == id }) else { return false }
        // The schedule is laid out up to `until`, but not beyond a century after the plan's issue: a hostile
        // date (9999-12-31) would lay out 96,000 months for each row. A period beyond that is not owed.
        let cap = CivilDate(year: min(checked.issued.year + Self.extensionYears, 9999), month: 12, day: 31) ?? until
        if let period, period.firstDay > cap {
            let pos = r.position(.period)
            error(r.file, pos.line, pos.column, .badPeriod(r.value(.period) ?? period.description))
            return false
        }
        let horizon = max(min(until, cap), period?.lastDay ?? checked.issued, checked.issued)
        // Rows of one obligation mostly share their due date: its schedule is laid out once.
        let key = ScheduleKey(plan: plan, obligation: index, horizon: horizon)
        let assignments: [Assignment]
        if let known = extensionSchedules[key] {
            assignments = known
        } else {
            var events: [String: CivilDate] = ["plan_issued": checked.issued]
            for e in data.events where e.plan == plan && events[e.event] == nil { events[e.event] = e.date }
            let cut = directory.plans.filter { $0.supersedes.contains(checked.id) && $0.id != checked.id }.map(\.issued).min()
            let lowering = Lowering(plan: checked, planIndex: plan, asOf: horizon, events: events, supersededFrom: cut)
            assignments = lowering.lower(index)
            if extensionSchedules.count >= 64 { extensionSchedules.removeAll() }
            extensionSchedules[key] = assignments
        }
        let own = assignments.filter { $0.eligible.contains(agency) }
        if own.isEmpty {
            // A known agency that does not owe this obligation: name who does.
            var owners: [String] = []
            for x in assignments where !owners.contains(x.agency) { owners.append(x.agency) }
            let pos = r.position(.agency)
            error(r.file, pos.line, pos.column, .unknownAgencyInData(r.value(.agency) ?? agency),
                  suggestion: owners.isEmpty ? nil : owners.joined(separator: ", "))
            return false
        }
        guard let period, !own.contains(where: { $0.period == period }) else { return true }
        // A period this agency does not owe: suggest the owed one containing it, else the last one due by `due`.
        let owed = own.filter { $0.period != nil }
        let containing = owed.first { x in x.period.map { $0.firstDay <= period.firstDay && period.lastDay <= $0.lastDay } ?? false }
        let lastDue = owed.last { x in x.deadline.map { $0.day <= until } ?? false }
        let guess = containing ?? lastDue ?? owed.first
        let pos = r.position(.period)
        error(r.file, pos.line, pos.column, .badPeriod(r.value(.period) ?? period.description), suggestion: guess?.period?.description)
        return false
    }
}
