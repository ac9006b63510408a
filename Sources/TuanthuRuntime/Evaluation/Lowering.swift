import Foundation
import TuanthuCore
import TuanthuSemantics

/// One thing owed, made explicit: obligation × owing party × period, with its deadline computed by
/// the calendar module and mergers and dissolutions already applied. The evaluator runs these.
public struct Assignment: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Owed, with a deadline (or none for `after E` once E happened, and `undated`).
        case owed
        /// Conditional on an event that has not happened by as-of.
        case waiting(event: String)
    }
    public var plan: Int
    public var obligation: Int
    /// The finding's `agency`: the owing agency at the deadline, co-owners joined by `+`, or a group's id.
    public var agency: String
    /// Agencies whose rows count for it (the owner, the agencies it merged from, co-owners).
    public var eligible: [String]
    /// For a `per agency` target: whose observations judge it.
    public var observedAgency: String?
    public var period: Period?
    public var deadline: Deadline?
    public var state: State
}

/// Lowers checked plans into assignments for a given as-of date and the events known by then.
public struct Lowering {
    let plan: CheckedPlan
    let planIndex: Int
    let asOf: CivilDate
    /// Event dates known by as-of (`plan_issued` included).
    let events: [String: CivilDate]
    /// When a newer plan in the run supersedes this one: its issue date.
    let supersededFrom: CivilDate?
    /// Schedules already laid out (shared by the evaluator's units), if any.
    let owedMemo: OwedPeriodsMemo?

    public init(plan: CheckedPlan, planIndex: Int, asOf: CivilDate, events: [String: CivilDate], supersededFrom: CivilDate?,
                owedMemo: OwedPeriodsMemo? = nil) {
        self.plan = plan
        self.planIndex = planIndex
        self.asOf = asOf
        self.events = events
        self.supersededFrom = supersededFrom
        self.owedMemo = owedMemo
    }

    /// `schedule.owedPeriods(start:until:asOf:)`, laid out once per run for each schedule and start.
    func owedPeriods(_ schedule: ReportSchedule, start: CivilDate, until: CivilDate?) -> [(period: Period, deadline: Deadline)] {
        guard let owedMemo else { return schedule.owedPeriods(start: start, until: until, asOf: asOf) }
        return owedMemo.periods(schedule, start: start, until: until, asOf: asOf)
    }

    /// The agency that owes at `day`: mergers followed while they took effect on or before it; nil once dissolved.
    public func owing(_ agency: String, on day: CivilDate) -> (owner: String, chain: [String])? {
        var current = agency
        var chain = [agency]
        while let a = plan.agencies[current], let into = a.mergedInto, let on = a.mergedOn, on <= day, !chain.contains(into) {
            current = into
            chain.append(into)
        }
        if let gone = plan.agencies[current]?.dissolvedOn, gone <= day { return nil }
        return (current, chain)
    }

    /// Groups of agencies that answer together: one per member for `each`, one for `jointly`.
    func units(_ owner: Owner) -> [[String]] {
        switch owner {
        case .agency(let a): return [[a]]
        case .each(_, let agencies): return agencies.map { [$0] }
        case .jointly(let agencies): return [agencies]
        }
    }

    /// Assignments for every owning unit and each of the given (period, deadline) pairs, mergers resolved,
    /// duplicates after mergers folded together.
    func assign(_ index: Int, _ o: Obligation, periods: [(Period?, Deadline?)], state: Assignment.State = .owed, perAgency: Bool = true) -> [Assignment] {
        var out: [Assignment] = []
        var seen: [String: Int] = [:]
        let ownerUnits = units(o.owner)
        // Agencies whose owing changes over time (mergers, dissolutions) need resolving per deadline.
        let changing = Set(plan.agencies.values.filter { $0.mergedInto != nil || $0.dissolvedOn != nil }.map(\.id))
        // Without such agencies among the owners no two units can fold into one, so no bookkeeping is needed.
        let stable = !ownerUnits.contains { $0.contains(where: changing.contains) }
        for (period, deadline) in periods {
            let day = deadline?.day ?? asOf
            if let cut = supersededFrom, day >= cut { continue }
            if !perAgency {
                // A province-wide target: one finding whatever its owner.
                let label: String
                var eligible: [String] = []
                switch o.owner {
                case .each(let group, let members):
                    label = group
                    eligible = members
                case .agency(let a):
                    guard let r = owing(a, on: day) else { continue }
                    label = r.owner
                    eligible = r.chain
                case .jointly(let members):
                    let resolved = members.compactMap { owing($0, on: day) }
                    guard !resolved.isEmpty else { continue }
                    label = unique(resolved.map(\.owner)).joined(separator: "+")
                    eligible = unique(resolved.flatMap(\.chain))
                }
                out.append(Assignment(plan: planIndex, obligation: index, agency: label, eligible: eligible, observedAgency: nil,
                                      period: period, deadline: deadline, state: state))
                continue
            }
            for unit in ownerUnits {
                // Fast path: an agency that is never merged or dissolved owes as itself.
                if stable, unit.count == 1, let a = unit.first {
                    out.append(Assignment(plan: planIndex, obligation: index, agency: a, eligible: unit, observedAgency: a,
                                          period: period, deadline: deadline, state: state))
                    continue
                }
                let resolved = unit.compactMap { owing($0, on: day) }
                guard !resolved.isEmpty else { continue }
                let label = unique(resolved.map(\.owner)).joined(separator: "+")
                let eligible = unique(resolved.flatMap(\.chain))
                let key = "\(label)|\(period?.description ?? "")"
                if let at = seen[key] {
                    out[at].eligible = unique(out[at].eligible + eligible)
                    continue
                }
                seen[key] = out.count
                let observed = unit.count == 1 ? resolved.first?.owner : nil
                out.append(Assignment(plan: planIndex, obligation: index, agency: label, eligible: eligible, observedAgency: observed,
                                      period: period, deadline: deadline, state: state))
            }
        }
        return out
    }

    func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }

    /// The years from the plan's issue year (or `from`) to the as-of year (or `until`).
    func years(from: Int? = nil, to: Int? = nil, _ o: Obligation) -> [(Period?, Deadline?)] {
        let first = from ?? o.from?.year ?? plan.issued.year
        let last = to ?? min(o.until?.year ?? asOf.year, asOf.year)
        guard first <= last else { return [] }
        return (first...last).map { y in
            let p = Period.year(y)
            return (p, Deadline(day: p.lastDay))
        }
    }

    /// A report duty owed by single agencies that never merge or dissolve, as `lower` would assign it: the
    /// owed (period, deadline)s left after a superseding plan's cut, and the owing agencies in owner order.
    /// Nil for any other obligation (those take `lower`).
    public func simpleReport(_ index: Int) -> (periods: [(period: Period, deadline: Deadline)], agencies: [String])? {
        let o = plan.obligations[index]
        guard case .report(_, let schedule?) = o.requirement else { return nil }
        let ownerUnits = units(o.owner)
        guard ownerUnits.allSatisfy({ $0.count == 1 }) else { return nil }
        let agencies = ownerUnits.map { $0[0] }
        guard Set(agencies).count == agencies.count,
              !agencies.contains(where: { plan.agencies[$0]?.mergedInto != nil || plan.agencies[$0]?.dissolvedOn != nil }) else { return nil }
        var periods = owedPeriods(schedule, start: o.from ?? plan.issued, until: o.until)
        if let cut = supersededFrom { periods.removeAll { $0.deadline.day >= cut } }
        return (periods, agencies)
    }

    /// All assignments of one obligation.
    public func lower(_ index: Int) -> [Assignment] {
        let o = plan.obligations[index]
        switch o.requirement {
        case .untracked, .report(_, nil):
            return []
        case .report(_, let schedule?):
            let start = o.from ?? plan.issued
            let owed = owedPeriods(schedule, start: start, until: o.until)
            return assign(index, o, periods: owed.map { ($0.period, $0.deadline) })
        case .achieve(_, let timing, let indicators):
            let perAgency = indicators.contains { plan.indicators[$0]?.perAgency == true }
            switch timing {
            case .by(let p):
                return assign(index, o, periods: [(p, Deadline(day: p.lastDay))], perAgency: perAgency)
            case .everyYear(let from, let to):
                let first = from ?? o.from?.year ?? plan.issued.year
                let last = to ?? min(o.until?.year ?? asOf.year, asOf.year)
                guard first <= last else { return [] }
                let periods: [(Period?, Deadline?)] = (first...last).map { (Period.year($0), Deadline(day: Period.year($0).lastDay)) }
                return assign(index, o, periods: periods, perAgency: perAgency)
            }
        case .deliver(_, let timing, _):
            switch timing {
            case .by(let p, let due):
                return assign(index, o, periods: [(p, Deadline(day: due))])
            case .everyYear:
                return assign(index, o, periods: years(o))
            case .ongoing(nil):
                return assign(index, o, periods: years(o))
            case .ongoing(let e?):
                guard let happened = events[e] else { return assign(index, o, periods: [(nil, nil)], state: .waiting(event: e)) }
                return assign(index, o, periods: years(from: max(happened.year, o.from?.year ?? happened.year), o))
            case .after(let e):
                guard events[e] != nil else { return assign(index, o, periods: [(nil, nil)], state: .waiting(event: e)) }
                return assign(index, o, periods: [(nil, nil)])
            case .within(let days, let e):
                guard let happened = events[e] else { return assign(index, o, periods: [(nil, nil)], state: .waiting(event: e)) }
                let due = happened.adding(days: days)
                return assign(index, o, periods: [(.day(due), Deadline(day: due))])
            case .undated:
                return assign(index, o, periods: [(nil, nil)])
            }
        }
    }
}

/// Report schedules laid out for a run, shared by the threads judging it: the plans of a national run set
/// the same few schedules from the same dates, each duty of them laid out hundreds of periods.
public final class OwedPeriodsMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var schedule: ReportSchedule
        var start: CivilDate
        var until: CivilDate?
        var asOf: CivilDate
    }
    private let lock = NSLock()
    private var laidOut: [Key: [(period: Period, deadline: Deadline)]] = [:]

    public init() {}

    func periods(_ schedule: ReportSchedule, start: CivilDate, until: CivilDate?, asOf: CivilDate) -> [(period: Period, deadline: Deadline)] {
        let key = Key(schedule: schedule, start: start, until: until, asOf: asOf)
        if let known = lock.withLock({ laidOut[key] }) { return known }
        let owed = schedule.owedPeriods(start: start, until: until, asOf: asOf)
        lock.withLock { laidOut[key] = owed }
        return owed
    }
}
