import TuanthuCore
import TuanthuSemantics

/// One obligation's findings as a unit hands them to a report writer.
public enum FindingGroup: Sendable {
    case findings([Finding])
    /// Report duties owed by single agencies, judged the way `judgeReport` judges them but kept compact:
    /// their texts are made only when a report writes them. Only report writers whose format leaves out
    /// notes ask for these (the CSV report); everything else gets `.findings`.
    case reports(ReportOutcomes)
}

/// The findings of one report obligation, compactly.
public struct ReportOutcomes: Sendable {
    /// What every finding of the obligation shares (plan, obligation, wording, location, citation).
    public var template: Finding
    /// In SPEC 7 order (agency, then period).
    public var outcomes: [ReportOutcome]
}

/// One agency × period of a report duty, judged.
public struct ReportOutcome: Sendable {
    public var agency: String
    public var period: Period
    public var due: Deadline
    public var status: Status
    /// The submission that counts, if any.
    public var submitted: LocalDateTime?
    public var daysLate: Int?
    public var evidence: Evidence?

    /// The finding's `actual`, as `judgeReport` words it for a single owing agency.
    public var actual: String {
        if let submitted { return "submitted " + submitted.description }
        return status == .overdue ? "nothing submitted" : "not yet submitted"
    }
}

extension Evaluator {
    /// The compact form of a report obligation's findings, when every assignment is one stable agency
    /// owing a dated period and no extension names the obligation; nil when the general path is needed.
    func compactReportOutcomes(_ assignments: [Assignment], planIndex: Int, obligation o: Obligation, template: Finding) -> ReportOutcomes? {
        guard case .report(_, _?) = o.requirement, (extensionsByObligation[Self.key(planIndex, o.id)] ?? []).isEmpty else { return nil }
        for a in assignments {
            guard case .owed = a.state, a.period != nil, a.deadline != nil, a.eligible.count == 1, a.eligible[0] == a.agency else { return nil }
        }
        var outcomes: [ReportOutcome] = []
        outcomes.reserveCapacity(assignments.count)
        var later: [Int] = []
        var lastPeriod: Period?
        var lastCandidates: [Int] = []
        for a in assignments {
            let period = a.period!, due = a.deadline!
            // The earliest eligible submission not yet used as evidence (file order breaks ties); the others
            // are superseded, as in `judgeReport`.
            var best = -1
            later.removeAll(keepingCapacity: true)
            // Each period's agencies come in turn: its submissions are looked up once.
            if lastPeriod != period {
                lastPeriod = period
                lastCandidates = reportsByPeriod[ReportKey(plan: a.plan, obligation: o.id, period: period)] ?? []
            }
            do {
                let candidates = lastCandidates
                for i in candidates where data.reports[i].agency == a.agency && fates[data.reports[i].id] != .evidence {
                    if best < 0 {
                        best = i
                    } else if Self.earlier(data.reports[i], than: data.reports[best]) {
                        later.append(best)
                        best = i
                    } else {
                        later.append(i)
                    }
                }
            }
            guard best >= 0 else {
                outcomes.append(ReportOutcome(agency: a.agency, period: period, due: due, status: due.day <= asOf ? .overdue : .pending,
                                              submitted: nil, daysLate: nil, evidence: nil))
                continue
            }
            let row = data.reports[best]
            fates[row.id] = .evidence
            for i in later { fates[data.reports[i].id] = .superseded }
            var outcome = ReportOutcome(agency: a.agency, period: period, due: due, status: .met, submitted: row.submitted, daysLate: nil,
                                        evidence: evidence(row.source))
            if case .late(let days) = due.judge(row.submitted) {
                outcome.status = .late
                outcome.daysLate = days
            }
            outcomes.append(outcome)
        }
        let order = Self.findingOrder(count: outcomes.count, agency: { outcomes[$0].agency }, period: { outcomes[$0].period })
        return ReportOutcomes(template: template, outcomes: order.map { outcomes[$0] })
    }

    /// The order `judgeReport` takes submissions in: earliest, then file and line.
    static func earlier(_ a: ReportRow, than b: ReportRow) -> Bool {
        (a.submitted, a.source.file, a.source.line) < (b.submitted, b.source.file, b.source.line)
    }
}
