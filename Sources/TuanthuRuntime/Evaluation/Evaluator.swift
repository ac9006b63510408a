import TuanthuCore
import TuanthuSemantics

/// Runs checked plans against submitted data as of a date and produces findings (SPEC 5).
///
/// Plans are judged one *unit* at a time (the plans sharing an id; units in id order, which is the
/// SPEC 7 order of findings), possibly on several threads: a unit reads only its own plan's rows, so
/// units never touch the same row's fate, and their findings are handed over in unit order whatever
/// thread finished first. The result is byte-identical for any number of threads.
public struct Evaluator: Sendable {
    let plans: [CheckedPlan]
    var data: DataSet
    let asOf: CivilDate
    let sources: SourceMap
    let fates: FateTable
    /// Report rows by plan, obligation and period, so each assignment reads only its own rows.
    /// Positions in `data.reports`, not copies of the rows.
    /// Filled per unit of work (see `evaluateUnit`), from `planRows`.
    var reportsByPeriod = ReportIndex()
    /// Positions in `data.reports` of the rows received by as-of, grouped by plan (plan `p`'s are
    /// `planRows[planStarts[p]..<planStarts[p + 1]]`), in file order within a plan. 32 bits: the loader keeps
    /// row numbers within `ReportTable.maxRowID`. One array, not one per plan that grows by doubling.
    var planRows: [UInt32] = []
    var planStarts: [Int] = []
    /// With `indexReportsByDuty`: where each plan's rows of each report duty are in `planRows`.
    var dutyRows: [DutyKey: Range<Int>] = [:]
    var tasksByObligation: [NameKey: [TaskRow]] = [:]
    /// Report schedules laid out so far, shared by copies of this evaluator (blocks, threads).
    let owedMemo = OwedPeriodsMemo()
    /// Where each agency's rows are in `tasksByObligation` (same key), in file order: an assignment reads its
    /// eligible agencies' rows without going through every agency's.
    var taskPositionsByAgency: [NameKey: [String: [Int]]] = [:]
    var observationsByIndicator: [NameKey: [ObservationRow]] = [:]
    /// The rows that name an agency, by plan, indicator and agency (see `ObservationLookup.byAgency`).
    var observationsByAgency: [NameKey: [ObservationRow]] = [:]
    var extensionsByObligation: [NameKey: [ExtensionRow]] = [:]
    var eventDates: [[String: CivilDate]] = []
    var eventRows: [NameKey: EventRow] = [:]
    /// Data errors by the name of the obligation, indicator or event their row was about.
    var unreadableBySubject: [String: [DataError]] = [:]
    /// The indicators each target reads, by "plan|obligation" (filled only when some row was unreadable).
    var indicatorsRead: [String: [String]] = [:]
    /// A streamed run's first unused report rows of each block of plans, gathered before the block's rows are
    /// let go (`evaluateStreaming`); `unusedRows` sorts them in with the rest.
    var unusedReportRows: [RowSource] = []

    /// Evaluates and returns findings sorted as SPEC 7 prescribes.
    public static func evaluate(plans: [CheckedPlan], data: DataSet, asOf: CivilDate, sources: SourceMap, jobs: Int = 1) -> Evaluation {
        var all: [Finding] = []
        var evaluation = evaluate(plans: plans, data: data, asOf: asOf, sources: sources, jobs: jobs, compactReports: false,
                                  transform: { $0 }, consume: { groups in
                                      for case .findings(let group) in groups { all.append(contentsOf: group) }
                                  })
        evaluation.findings = all
        return evaluation
    }

    /// Evaluates unit by unit: `transform` runs on each unit's sorted findings, one group per obligation
    /// (with `compactReports`, report duties of single agencies come as compact outcomes, rendered only
    /// when written; otherwise every group is `.findings`) (on a worker thread when
    /// `jobs` > 1, e.g. to render them), `consume` receives the results in SPEC 7 order on the calling
    /// thread. The returned evaluation has no `findings`; `statusCounts` counts them. With `compactNotes`
    /// the compact outcomes carry the notes `judgeReport` writes (for a writer that shows notes: JSON).
    public static func evaluate<T: Sendable>(plans: [CheckedPlan], data: DataSet, asOf: CivilDate, sources: SourceMap, jobs: Int,
                                             compactReports: Bool = false, compactNotes: Bool = false,
                                             transform: @escaping @Sendable ([FindingGroup]) -> T, consume: (T) -> Void) -> Evaluation {
        let e = Evaluator(plans: plans, data: data, asOf: asOf, sources: sources)
        let units = unitsOf(plans)
        var tally = Tally(planCount: plans.count)
        UnitRunner.run(count: units.count, jobs: jobs, work: { u in
            e.judgedUnit(units[u], compactReports: compactReports, compactNotes: compactNotes, transform: transform)
        }, consume: { (result: JudgedUnit<T>) in
            tally.add(result)
            consume(result.rendered)
        })
        return e.finish(untracked: tally.untracked, statusCounts: tally.counts)
    }

    /// The units of work: the indices of the plans sharing an id, in id order.
    static func unitsOf(_ plans: [CheckedPlan]) -> [[Int]] {
        Dictionary(grouping: plans.indices, by: { plans[$0].id }).sorted { $0.key < $1.key }.map(\.value)
    }

    /// A unit judged on a worker: its findings as `transform` made them, its untracked duties by plan index,
    /// and its findings counted by `Status.index`.
    struct JudgedUnit<T: Sendable>: Sendable {
        var rendered: T
        var untracked: [Int: [UntrackedDuty]]
        var counts: [Int]
    }

    func judgedUnit<T: Sendable>(_ planIndices: [Int], compactReports: Bool, compactNotes: Bool, piece: [DutyRef]? = nil,
                                 withUntracked: Bool = true, transform: ([FindingGroup]) -> T) -> JudgedUnit<T> {
        let (findings, untracked) = evaluateUnit(planIndices, compactReports: compactReports, compactNotes: compactNotes,
                                                 piece: piece, withUntracked: withUntracked)
        var c = [Int](repeating: 0, count: Status.allCases.count)
        for group in findings {
            switch group {
            case .findings(let g): for f in g { c[f.status.index] += 1 }
            case .reports(let r): for cell in r.cells { c[cell.status.index] += 1 }
            }
        }
        return JudgedUnit(rendered: transform(findings), untracked: untracked, counts: c)
    }

    /// What the consuming thread gathers from the judged units for `finish`.
    struct Tally {
        var untrackedByPlan: [[UntrackedDuty]]
        var counts: [Status: Int] = [:]

        init(planCount: Int) { untrackedByPlan = [[UntrackedDuty]](repeating: [], count: planCount) }

        mutating func add<T>(_ unit: JudgedUnit<T>) {
            for (p, u) in unit.untracked { untrackedByPlan[p] = u }
            for (s, n) in zip(Status.allCases, unit.counts) where n > 0 { counts[s, default: 0] += n }
        }

        var untracked: [UntrackedDuty] { untrackedByPlan.flatMap { $0 } }
    }

    init(plans: [CheckedPlan], data: DataSet, asOf: CivilDate, sources: SourceMap) {
        self.plans = plans
        self.data = data
        self.asOf = asOf
        self.sources = sources
        self.fates = FateTable(count: data.rowCount)
        for id in data.repeatedRows { fates[id] = .superseded }
        indexReports()
        for t in data.tasks {
            if let d = t.date, d > asOf {
                fates[t.id] = .setAside
            } else {
                let key = Self.key(t.plan, t.obligation)
                taskPositionsByAgency[key, default: [:]][t.agency, default: []].append(tasksByObligation[key]?.count ?? 0)
                tasksByObligation[key, default: []].append(t)
            }
        }
        for o in data.observations where fates[o.id] != .superseded {
            observationsByIndicator[Self.key(o.plan, o.indicator), default: []].append(o)
            if let agency = o.agency { observationsByAgency[Self.key(o.plan, o.indicator, agency: agency), default: []].append(o) }
        }
        for x in data.extensions { extensionsByObligation[Self.key(x.plan, x.obligation), default: []].append(x) }
        eventDates = plans.map { ["plan_issued": $0.issued] }
        for ev in data.events {
            if ev.date > asOf { fates[ev.id] = .setAside; continue }
            if fates[ev.id] == .superseded { continue }
            eventDates[ev.plan][ev.event] = ev.date
            eventRows[Self.key(ev.plan, ev.event)] = ev
        }
        for e in data.errors { if let s = e.subject { unreadableBySubject[s, default: []].append(e) } }
        if !unreadableBySubject.isEmpty {
            for p in plans { for o in p.obligations { if case .achieve(_, _, let ids) = o.requirement { indicatorsRead[p.id + "|" + o.id] = ids } } }
        }
    }

    static func key(_ plan: Int, _ name: String, agency: String? = nil) -> NameKey { NameKey(plan: plan, name: name, agency: agency) }

    /// A plan's name (obligation, indicator, event), and an agency for rows kept by agency: the key of the
    /// evaluator's row indexes (hashed as it is, no text built per lookup).
    struct NameKey: Hashable {
        var plan: Int
        var name: String
        var agency: String?
    }

    /// Rows a finding names in its notes (later submissions, unreadable rows); the rest are counted in one
    /// `moreRows` note.
    static let rowNotes = 3

    /// The findings of the plans sharing one id, sorted (obligation, then agency and period), and the
    /// duties that yield none, by plan index.
    /// `piece`: only these duties (a streamed run judges a unit duty by duty, `dutyRows` then grouping its rows
    /// by duty), untracked duties only with `withUntracked`; nil: the whole unit.
    func evaluateUnit(_ planIndices: [Int], compactReports: Bool = false, compactNotes: Bool = false,
                      piece: [DutyRef]? = nil, withUntracked: Bool = true) -> ([FindingGroup], [Int: [UntrackedDuty]]) {
        // The unit's own index of report rows by (plan, obligation, period), built on its thread.
        var unit = self
        let rows: ArraySlice<UInt32>
        if let piece {
            var own: [UInt32] = []
            for duty in piece {
                guard let number = data.reports.number(of: plans[duty.plan].obligations[duty.obligation].id),
                      let range = dutyRows[DutyKey(plan: duty.plan, obligation: number)] else { continue }
                own += planRows[range]
            }
            rows = ArraySlice(own)
        } else {
            rows = planIndices.count == 1 ? planRows[planStarts[planIndices[0]]..<planStarts[planIndices[0] + 1]]
                : ArraySlice(planIndices.flatMap { planRows[planStarts[$0]..<planStarts[$0 + 1]] })
        }
        unit.reportsByPeriod = ReportIndex(rows, reports: data.reports)
        unit.planRows = []
        unit.dutyRows = [:]
        return unit.judgeUnit(planIndices, compactReports: compactReports, compactNotes: compactNotes,
                              only: piece.map(Set.init), withUntracked: withUntracked)
    }

    func judgeUnit(_ planIndices: [Int], compactReports: Bool, compactNotes: Bool,
                   only: Set<DutyRef>? = nil, withUntracked: Bool = true) -> ([FindingGroup], [Int: [UntrackedDuty]]) {
        // Notes on unreadable rows are added to findings after judging (`flagUnreadableRows`): a writer that
        // shows notes then takes the general path.
        let compactReports = compactReports && !(compactNotes && !unreadableBySubject.isEmpty)
        var groups: [(obligation: String, findings: FindingGroup)] = []
        var untracked: [Int: [UntrackedDuty]] = [:]
        for pi in planIndices {
            if let only, !withUntracked, !only.contains(where: { $0.plan == pi }) { continue }
            let plan = plans[pi]
            let successors = plans.filter { $0.supersedes.contains(plan.id) && $0.id != plan.id }
            let cut = successors.map(\.issued).min()
            let lowering = Lowering(plan: plan, planIndex: pi, asOf: asOf, events: eventDates[pi], supersededFrom: cut, owedMemo: owedMemo)
            var duties: [UntrackedDuty] = []
            for (oi, o) in plan.obligations.enumerated() {
                switch o.requirement {
                case .untracked(let reason):
                    duties.append(UntrackedDuty(plan: plan.id, obligation: o.id, reason: reason))
                    continue
                case .report(_, nil):
                    duties.append(UntrackedDuty(plan: plan.id, obligation: o.id, reason: "on request (\(o.requirementText))", onRequest: o.requirementText))
                    continue
                default: break
                }
                if let only, !only.contains(DutyRef(plan: pi, obligation: oi)) { continue }
                // The texts every finding of this obligation shares, built once (one copy in memory, not one per period).
                let template = findingTemplate(plan: plan, obligation: o)
                if compactReports, let outcomes = compactReportOutcomes(lowering, index: oi, planIndex: pi, obligation: o, template: template,
                                                                        notes: compactNotes) {
                    groups.append((o.id, .reports(outcomes)))
                    continue
                }
                let assignments = lowering.lower(oi)
                var group: [Finding] = []
                let event: String?
                switch deliverTiming(o) {
                case .after(let e)?, .within(_, let e)?, .ongoing(let e?)?: event = e
                default: event = nil
                }
                let eventRow = event.flatMap { eventRows[Self.key(pi, $0)] }
                for a in assignments {
                    var f = judge(a, plan: plan, obligation: o, template: template)
                    if let eventRow { noteEvent(&f, eventRow) }
                    group.append(f)
                }
                Self.sortWithinObligation(&group)
                groups.append((o.id, .findings(group)))
            }
            if withUntracked { untracked[pi] = duties }
        }
        // SPEC 7 order within the unit: obligation, then agency and period (sorted per obligation above).
        let order = groups.indices.sorted { (groups[$0].obligation, $0) < (groups[$1].obligation, $1) }
        var findings = order.map { groups[$0].findings }
        groups = []
        for i in findings.indices {
            guard case .findings(var g) = findings[i] else { continue }
            findings[i] = .findings([])
            flagUnreadableRows(&g)
            findings[i] = .findings(g)
        }
        return (findings, untracked)
    }

    /// What remains once every unit is judged: row fates counted, inputs, names for people's reports.
    func finish(untracked: [UntrackedDuty], statusCounts: [Status: Int]) -> Evaluation {
        let planList = plans.map { plan in
            (id: plan.id, file: plan.file, supersededBy: plans.filter { $0.supersedes.contains(plan.id) && $0.id != plan.id }.map(\.id).sorted().first)
        }
        var counts = RowCounts()
        counts.blank = data.blankRows
        let fateCounts = fates.tally(below: data.rowCount)
        counts.unused = fateCounts[Int(RowFate.unused.rawValue)]
        counts.evidence = fateCounts[Int(RowFate.evidence.rawValue)]
        counts.setAside = fateCounts[Int(RowFate.setAside.rawValue)]
        counts.superseded = fateCounts[Int(RowFate.superseded.rawValue)]
        let inputs = zip(data.files, data.hashes).map { (file: $0, sha256: $1) }
        var result = Evaluation(asOf: asOf, plans: planList, inputs: inputs, findings: [], untracked: untracked,
                                dataErrors: data.errors, warnings: data.warnings, rows: counts)
        result.statusCounts = statusCounts
        result.unusedRows = unusedRows(limit: Self.unusedListed)
        for p in plans {
            for a in p.agencies.values where result.agencyNames[a.id] == nil { result.agencyNames[a.id] = a.name }
            for g in p.groups.values where result.agencyNames[g.id] == nil { result.agencyNames[g.id] = g.title }
            for o in p.obligations { result.obligationTitles[p.id + "|" + o.id] = o.title }
        }
        return result
    }

    /// With `--keep-going`, a malformed row may be the very submission a finding misses: every finding that is
    /// not `met` about an obligation (or an indicator it reads) named by a malformed row says so.
    func flagUnreadableRows(_ findings: inout [Finding]) {
        guard !unreadableBySubject.isEmpty else { return }
        for i in findings.indices where findings[i].status != .met {
            let f = findings[i]
            let names = [f.obligation] + (indicatorsRead[f.plan + "|" + f.obligation] ?? [])
            let plan = plans.first { $0.id == f.plan }
            var flagged = 0
            for name in names {
                for e in unreadableBySubject[name] ?? [] {
                    // Narrow by the row's period and agency when those cells can be read.
                    if let text = e.subjectPeriod, let p = Period.parse(utf8: text.utf8), let fp = f.period, p != fp { continue }
                    if let text = e.subjectAgency, let id = plan?.agencyID(for: text),
                       !f.agency.split(separator: "+").contains(where: { String($0) == id }) { continue }
                    flagged += 1
                    if flagged <= Self.rowNotes { findings[i].addNote(.unreadableRow(file: e.file, line: e.line)) }
                }
            }
            if flagged > Self.rowNotes { findings[i].addNote(.moreRows(count: flagged - Self.rowNotes)) }
        }
    }

    /// Where the first `limit` unused rows are, in file order.
    func unusedRows(limit: Int) -> [Evidence] {
        var sources: [RowSource] = []
        func add(_ id: Int, _ s: RowSource) { if fates[id] == .unused { sources.append(s) } }
        for r in data.observations { add(r.id, r.source) }
        for i in data.reports.indices { add(data.reports.id(at: i), data.reports.source(at: i)) }
        sources += unusedReportRows
        for r in data.tasks { add(r.id, r.source) }
        for r in data.events { add(r.id, r.source) }
        for r in data.extensions { add(r.id, r.source) }
        return sources.sorted { ($0.file, $0.line) < ($1.file, $1.line) }.prefix(limit).map(evidence)
    }

    func deliverTiming(_ o: Obligation) -> DeliverTiming? {
        if case .deliver(_, let t, _) = o.requirement { return t }
        return nil
    }

    /// An event's row is evidence for the findings that depend on it.
    func noteEvent(_ f: inout Finding, _ row: EventRow) {
        fates[row.id] = .evidence
        f.evidence.insert(Evidence(file: data.files[row.source.file], line: row.source.line), at: 0)
    }

    /// One obligation's findings by agency, then period in time order; sorts indices on precomputed keys
    /// so large findings are moved once, not at every comparison.
    /// The SPEC 7 order of one obligation's findings: agency, then period in time order (positions).
    static func findingOrder(count: Int, agency: (Int) -> String, period: (Int) -> Period?) -> [Int] {
        // Agencies ranked once, so the keys hold integers only.
        // (Consecutive findings often name the same agency: its rank is then not looked up again.)
        var rankOf: [String: Int] = [:]
        var seen: String?
        for i in 0..<count {
            let a = agency(i)
            if a != seen, rankOf[a] == nil { rankOf[a] = 0 }
            seen = a
        }
        for (r, a) in rankOf.keys.sorted().enumerated() { rankOf[a] = r }
        var lastAgency: String?, lastRank = 0
        struct Key: Comparable {
            var agency: Int, hasPeriod: Bool, last: Int, grain: Int, first: Int
            static func < (a: Key, b: Key) -> Bool {
                if a.agency != b.agency { return a.agency < b.agency }
                if a.hasPeriod != b.hasPeriod { return !a.hasPeriod }
                return (a.last, a.grain, a.first) < (b.last, b.grain, b.first)
            }
        }
        // Fields read in place: mapping over the findings would copy each one.
        // Lowering lists each period's agencies in turn: a period's days are worked out once for the run.
        var previous: (period: Period, key: Key)?
        let keys = (0..<count).map { i -> Key in
            let a = agency(i)
            if a != lastAgency {
                lastAgency = a
                lastRank = rankOf[a]!
            }
            let rank = lastRank
            guard let p = period(i) else { return Key(agency: rank, hasPeriod: false, last: 0, grain: 0, first: 0) }
            if let previous, previous.period == p {
                var key = previous.key
                key.agency = rank
                return key
            }
            let key = Key(agency: rank, hasPeriod: true, last: p.lastDay.dayNumber, grain: p.grain.rawValue, first: -p.firstDay.dayNumber)
            previous = (p, key)
            return key
        }
        // Stable by agency (a counting sort: lowering lists each period's agencies in turn), then each
        // agency's run sorted by period only if it is not already in order.
        var counts = [Int](repeating: 0, count: rankOf.count + 1)
        for k in keys { counts[k.agency + 1] += 1 }
        for r in 1..<counts.count { counts[r] += counts[r - 1] }
        var order = [Int](repeating: 0, count: keys.count)
        for i in keys.indices {
            order[counts[keys[i].agency]] = i
            counts[keys[i].agency] += 1
        }
        // The full order: keys, then (only malformed periods share days and grain) the period's text, then
        // position.
        func before(_ i: Int, _ j: Int) -> Bool {
            if keys[i] != keys[j] { return keys[i] < keys[j] }
            let ta = period(i)?.description ?? "", tb = period(j)?.description ?? ""
            if ta != tb { return ta < tb }
            return i < j
        }
        var runStart = 0
        while runStart < order.count {
            var runEnd = runStart + 1
            while runEnd < order.count && keys[order[runEnd]].agency == keys[order[runStart]].agency { runEnd += 1 }
            if (runStart + 1..<runEnd).contains(where: { !before(order[$0 - 1], order[$0]) }) {
                let run = order[runStart..<runEnd].sorted(by: before)
                order.replaceSubrange(runStart..<runEnd, with: run)
            }
            runStart = runEnd
        }
        return order
    }

    static func sortWithinObligation(_ group: inout [Finding]) {
        guard group.count > 1 else { return }
        let order = findingOrder(count: group.count, agency: { group[$0].agency }, period: { group[$0].period })
        // Apply the permutation by swapping along its cycles: findings are moved, never copied.
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Position k must receive the finding now at order[k].
            var k = start
            while !placed[k] {
                placed[k] = true
                let from = order[k]
                if from == start { break }
                group.swapAt(k, from)
                k = from
            }
        }
    }

    /// A finding of `o` before judgement: what every period's finding shares.
    func findingTemplate(plan: CheckedPlan, obligation o: Obligation) -> Finding {
        let loc = sources.location(o.location) ?? SourceLocation(file: plan.file, line: 0, column: 0, endLine: 0, endColumn: 0)
        var f = Finding(plan: plan.id, obligation: o.id, kind: o.requirement.kind, agency: "", period: nil,
                        status: .pending, due: nil, found: nil, daysLate: nil, expected: expectedText(o),
                        actual: "", location: loc, cite: o.cites.map(\.text).joined(separator: "; "), evidence: [],
                        support: o.support, notes: [])
        f.expectation = expectation(o)
        return f
    }

    func judge(_ a: Assignment, plan: CheckedPlan, obligation o: Obligation, template: Finding) -> Finding {
        var f = template
        f.agency = a.agency
        f.period = a.period
        f.due = a.deadline
        if case .waiting(let e) = a.state {
            f.status = .waiting
            f.actual = "waiting for \(e)" + (plan.events[e]?.title.map { " (\($0))" } ?? "")
            f.fact = .waiting(event: e, title: plan.events[e]?.title)
            return f
        }
        switch o.requirement {
        case .report: judgeReport(a, &f)
        case .deliver(_, let timing, _): judgeTask(a, timing: timing, &f)
        case .achieve(let condition, _, let indicators): judgeTarget(a, condition: condition, indicators: indicators, plan: plan, &f)
        case .untracked: break
        }
        return f
    }

    func expectedText(_ o: Obligation) -> String {
        var text = o.requirementText
        if case .deliver(_, _, let start?) = o.requirement, !text.contains(" from ") { text += " (window from \(start))" }
        if let u = o.until { text += " until \(u)" }
        return text
    }

    /// Applies the latest extension ("gia hạn") granted for this obligation, agency and period.
    func extend(_ a: Assignment, _ f: inout Finding) {
        guard !extensionsByObligation.isEmpty, let deadline = a.deadline else { return }
        let candidates = extensionsByObligation[Self.key(a.plan, plans[a.plan].obligations[a.obligation].id)] ?? []
        let matching = candidates.filter { x in a.eligible.contains(x.agency) && (x.period == nil || x.period == a.period) }
        guard let best = matching.max(by: { ($0.due, $0.id) < ($1.due, $1.id) }), best.due >= deadline.day else { return }
        fates[best.id] = .evidence
        f.due = Deadline(day: best.due)
        f.expected += "; extended to \(best.due)" + (best.document.map { " by \($0)" } ?? "")
        f.expectation.extendedTo = best.due
        f.expectation.extensionDocument = best.document
        f.evidence.append(Evidence(file: data.files[best.source.file], line: best.source.line))
    }

    func evidence(_ source: RowSource) -> Evidence {
        Evidence(file: data.files[source.file], line: source.line)
    }
}
