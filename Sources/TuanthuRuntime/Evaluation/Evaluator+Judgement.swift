import TuanthuCore
import TuanthuSemantics

extension Evaluator {
    /// Reports: the earliest submission for the period counts; later ones are superseded.
    func judgeReport(_ a: Assignment, _ f: inout Finding) {
        extend(a, &f)
        // The period's eligible submissions not yet used as evidence, earliest first (file order breaks ties).
        var rows: [ReportRow] = []
        if let period = a.period, let candidates = reportRows(plan: a.plan, obligation: f.obligation, period: period) {
            for position in candidates {
                let i = Int(position)
                if fates[data.reports.id(at: i)] != .evidence && a.eligible.contains(data.reports.agency(at: i)) { rows.append(data.reports[i]) }
            }
            if rows.count > 1 {
                rows.sort { ($0.submitted, $0.source.file, $0.source.line) < ($1.submitted, $1.source.file, $1.source.line) }
            }
        }
        guard let due = f.due else { return }
        guard let first = rows.first else {
            if due.day <= asOf {
                f.status = .overdue
                f.actual = "nothing submitted"
                f.fact = .nothingSubmitted
            } else {
                f.status = .pending
                f.actual = "not yet submitted"
                f.fact = .notYetSubmitted
            }
            return
        }
        fates[first.id] = .evidence
        f.evidence.append(evidence(first.source))
        for (k, later) in rows.dropFirst().enumerated() {
            fates[later.id] = .superseded
            guard k < Self.rowNotes else { continue }
            f.addNote(later.replaces.map { .replaces(on: later.submitted, document: $0) } ?? .alsoSubmitted(on: later.submitted, line: later.source.line))
        }
        if rows.count - 1 > Self.rowNotes { f.addNote(.moreRows(count: rows.count - 1 - Self.rowNotes)) }
        let submitted = first.submitted.description
        f.found = submitted
        f.actual = "submitted " + submitted + (first.agency != a.agency ? " by \(first.agency)" : "")
        f.fact = .submitted(first.submitted, by: first.agency != a.agency ? first.agency : nil)
        switch due.judge(first.submitted) {
        case .onTime(let timeNotGiven):
            f.status = .met
            if timeNotGiven { f.addNote(.noTimeGiven) }
        case .late(let days):
            f.status = .late
            f.daysLate = days
        }
    }

    /// Tasks: `done` rows deliver (for `ongoing`, `in_progress` also counts for its year).
    /// The task rows of an obligation sent by the assignment's eligible agencies, in file order.
    func eligibleTasks(_ a: Assignment, key: NameKey) -> [TaskRow] {
        guard let rows = tasksByObligation[key], let byAgency = taskPositionsByAgency[key] else { return [] }
        if a.eligible.count == 1 { return (byAgency[a.eligible[0]] ?? []).map { rows[$0] } }
        return Set(a.eligible).flatMap { byAgency[$0] ?? [] }.sorted().map { rows[$0] }
    }

    func judgeTask(_ a: Assignment, timing: DeliverTiming, _ f: inout Finding) {
        extend(a, &f)
        let all = eligibleTasks(a, key: Self.key(a.plan, f.obligation)).filter { fates[$0.id] != .evidence }
        var rows = all
        var yearly = false
        var ongoing = false
        switch timing {
        case .everyYear: yearly = true
        case .ongoing: yearly = true; ongoing = true
        default: break
        }
        if yearly, let p = a.period {
            rows = rows.filter { r in
                if let rp = r.period { return rp == p || (rp.grain < p.grain && p.contains(rp)) }
                if let d = r.date { return p.contains(d) }
                return false
            }
        }
        let delivering = rows.filter { $0.status == .done || (ongoing && $0.status == .inProgress) }
            .sorted { ($0.date ?? CivilDate(dayNumber: Int.max / 4), $0.source.file, $0.source.line) < ($1.date ?? CivilDate(dayNumber: Int.max / 4), $1.source.file, $1.source.line) }
        if let first = delivering.first {
            fates[first.id] = .evidence
            f.evidence.append(evidence(first.source))
            for other in rows where other.id != first.id && fates[other.id] == .unused { fates[other.id] = .superseded }
            let what = first.status == .done ? "done" : "in progress"
            f.found = first.date?.description
            var actual = what + (first.date.map { " on " + $0.description } ?? " (no date given)")
            if first.agency != a.agency { actual += " by " + first.agency }
            if let document = first.document { actual += ": " + document }
            f.actual = actual
            f.fact = .delivered(first.status.state, date: first.date, by: first.agency != a.agency ? first.agency : nil, document: first.document)
            if let due = f.due, let d = first.date, d > due.day, !ongoing {
                f.status = .late
                f.daysLate = d.days(since: due.day)
            } else {
                f.status = .met
                if first.date == nil, f.due != nil { f.addNote(.noDateGiven) }
            }
            return
        }
        // Nothing delivered: the latest state so far.
        let latest = rows.max { ($0.date ?? CivilDate(dayNumber: 0), $0.source.line) < ($1.date ?? CivilDate(dayNumber: 0), $1.source.line) }
        if let latest {
            fates[latest.id] = .evidence
            f.evidence.append(evidence(latest.source))
            for other in rows where other.id != latest.id && fates[other.id] == .unused { fates[other.id] = .superseded }
            f.actual = latest.status.state.words + (latest.date.map { " on " + $0.description } ?? "")
            f.fact = .lastState(latest.status.state, date: latest.date)
        } else {
            f.actual = "nothing reported"
            f.fact = .nothingReported
        }
        if let due = f.due, due.day <= asOf {
            f.status = .overdue
        } else {
            f.status = .pending
        }
    }

    /// Targets: judged on the observation for the target's period; pending before its deadline.
    func judgeTarget(_ a: Assignment, condition: Condition, indicators: [String], plan: CheckedPlan, _ f: inout Finding) {
        guard let period = a.period else { return }
        let lookup = ObservationLookup(rows: observationsByIndicator, indicators: plan.indicators, planIndex: a.plan, eligible: a.eligible,
                                       byAgency: observationsByAgency)
        var evaluator = ConditionEvaluator(lookup: { lookup.find($0, $1, exact: $2) }, indicators: plan.indicators, period: period)
        let truth = evaluator.evaluate(condition)
        let dueDay = f.due?.day ?? period.lastDay
        if dueDay > asOf {
            f.status = .pending
            // The latest value so far, for each indicator.
            var latest: [String] = []
            var latestValues: [Reading] = []
            for id in indicators {
                let rows = lookup.candidates(id).filter { $0.period.lastDay <= period.lastDay }
                if let last = rows.max(by: { ($0.period.lastDay, $1.period.grain) < ($1.period.lastDay, $0.period.grain) }) {
                    let shown = shownValue(last.value, unit: plan.indicators[id]?.unit)
                    latest.append(id + " " + last.period.description + " = " + shown.text)
                    latestValues.append(Reading(indicator: id, period: last.period, value: shown.value))
                    fates[last.id] = .evidence
                    f.evidence.append(evidence(last.source))
                }
            }
            f.actual = latest.isEmpty ? "no value yet" : "latest: " + latest.joined(separator: "; ")
            f.fact = latest.isEmpty ? .noValueYet : .latest(latestValues)
            f.found = latest.isEmpty ? nil : latest.joined(separator: "; ")
            return
        }
        for row in evaluator.used {
            fates[row.id] = .evidence
            f.evidence.append(evidence(row.source))
        }
        f.found = evaluator.readings.isEmpty ? nil : evaluator.readings.joined(separator: "; ")
        switch truth {
        case .yes:
            f.status = .met
            f.actual = evaluator.readings.joined(separator: "; ")
            f.fact = .readings(evaluator.values)
        case .no:
            f.status = .violated
            f.actual = evaluator.readings.joined(separator: "; ")
            f.fact = .readings(evaluator.values)
        case .unknown(let reason):
            f.status = .noData
            f.actual = Catalogue.reason(reason, .en)
            f.fact = .cannotCompute(reason)
        }
    }
}
