import TuanthuCore
import TuanthuSemantics

/// One obligation's findings as a unit hands them to a report writer.
public enum FindingGroup: Sendable {
    case findings([Finding])
    /// Report duties owed by single agencies, judged the way `judgeReport` judges them but kept compact:
    /// their texts are made only when a report writes them. Only report writers whose format leaves out
    /// notes ask for these (the CSV report); everything else gets `.findings`.
    case reports(ReportOutcomes)

    /// How many findings the group stands for.
    public var count: Int {
        switch self {
        case .findings(let f): return f.count
        case .reports(let r): return r.count
        }
    }
}

/// The findings of one report obligation, compactly: a table of agencies × periods.
public struct ReportOutcomes: Sendable {
    /// What every finding of the obligation shares (plan, obligation, wording, location, citation).
    public var template: Finding
    /// The owing agencies and the owed periods, each in SPEC 7 order.
    public var agencies: [String]
    public var periods: [(period: Period, due: Deadline)]
    /// `agencies.count × periods.count` cells, agency by agency: the findings in SPEC 7 order.
    public var cells: [ReportCell]
    /// The run's data files, which cells' evidence points into.
    public var files: [String]
    /// Whether the cells carry their notes (judged for a writer that shows them).
    public var withNotes = false
    /// The notes `judgeReport` adds (later submissions, no time given), by cell, when judged with notes.
    public var notes: [Int: [FindingNote]] = [:]

    public var count: Int { cells.count }

    /// The evidence row of cell `k`, if it has one.
    public func evidence(_ k: Int) -> Evidence? {
        let cell = cells[k]
        return cell.hasEvidence ? Evidence(file: files[Int(cell.evidenceFile)], line: cell.evidenceLine) : nil
    }

    /// The finding cell `k` stands for (agency `k / periods.count`, period `k % periods.count`), as
    /// `judgeReport` makes it; its notes are there when the outcomes were judged with notes.
    public func finding(_ k: Int) -> Finding {
        let cell = cells[k]
        var f = template
        f.agency = agencies[k / periods.count]
        f.period = periods[k % periods.count].period
        f.due = periods[k % periods.count].due
        f.status = cell.status
        f.found = cell.submitted?.description
        f.daysLate = cell.daysLate
        f.actual = cell.actual
        if let submitted = cell.submitted {
            f.fact = .submitted(submitted, by: nil)
        } else {
            f.fact = cell.status == .overdue ? .nothingSubmitted : .notYetSubmitted
        }
        if let e = evidence(k) { f.evidence = [e] }
        for note in notes[k] ?? [] { f.addNote(note) }
        return f
    }
}

/// One agency × period of a report duty, judged: plain values only (no references), so the million
/// cells of a national run are made, copied and let go without reference counting.
public struct ReportCell: Sendable {
    public var status: Status
    /// The submission that counts, if any.
    public var submitted: LocalDateTime?
    public var daysLate: Int?
    /// The counting row's file (a number in `ReportOutcomes.files`; -1: no evidence) and line.
    public var evidenceFile: Int32 = -1
    public var evidenceLine: Int = 0

    public init(status: Status, submitted: LocalDateTime? = nil, daysLate: Int? = nil, evidence: RowSource? = nil) {
        self.status = status
        self.submitted = submitted
        self.daysLate = daysLate
        if let evidence {
            evidenceFile = Int32(evidence.file)
            evidenceLine = evidence.line
        }
    }

    public var hasEvidence: Bool { evidenceFile >= 0 }

    /// The finding's `actual`, as `judgeReport` words it for a single owing agency.
    public var actual: String {
        if let submitted { return "submitted " + submitted.description }
        return status == .overdue ? Self.nothingSubmitted : Self.notYetSubmitted
    }

    public static let nothingSubmitted = "nothing submitted"
    public static let notYetSubmitted = "not yet submitted"
}

extension Evaluator {
    /// The compact form of a report obligation's findings, when it is owed by single agencies that never
    /// change and no extension names it; nil when the general path is needed. With `notes`, each cell carries
    /// the notes `judgeReport` would add.
    func compactReportOutcomes(_ lowering: Lowering, index oi: Int, planIndex: Int, obligation o: Obligation, template: Finding,
                               notes withNotes: Bool = false) -> ReportOutcomes? {
        guard (extensionsByObligation[Self.key(planIndex, o.id)] ?? []).isEmpty,
              let (owed, agencies) = lowering.simpleReport(oi) else { return nil }
        // SPEC 7 order: agencies by id, periods by last day, grain, first day (then text, then position).
        let agencyOrder = agencies.indices.sorted { (agencies[$0], $0) < (agencies[$1], $1) }
        let periodOrder = Self.findingOrder(count: owed.count, agency: { _ in "" }, period: { owed[$0].period })
        var agencyRank = [Int](repeating: 0, count: agencies.count)
        for (r, a) in agencyOrder.enumerated() { agencyRank[a] = r }
        var periodRank = [Int](repeating: 0, count: owed.count)
        for (r, p) in periodOrder.enumerated() { periodRank[p] = r }
        var cells = [ReportCell](repeating: ReportCell(status: .pending), count: agencies.count * owed.count)
        // Owing agencies by their number in `data.reports` (-1: not owing; an agency no row names has none).
        var agencyIndex = [Int32](repeating: -1, count: data.reports.nameCount)
        for (ai, a) in agencies.enumerated() { if let n = data.reports.number(of: a) { agencyIndex[Int(n)] = Int32(ai) } }
        let obligationNumber = data.reports.number(of: o.id)
        // For the period being judged: each owing agency's earliest submission so far (a position in
        // `data.reports`, -1: none yet), and the submissions it beat (superseded, as in `judgeReport`).
        var best = [Int](repeating: -1, count: agencies.count)
        var later: [Int] = []
        // With notes: the period's rows by agency, and how many each agency sent.
        var periodRows: [(agency: Int, position: Int)] = []
        var sent = withNotes ? [Int32](repeating: 0, count: agencies.count) : []
        var notes: [Int: [FindingNote]] = [:]
        // Judged in the order `lower` lists assignments (period by period, agencies in owner order).
        for (pi, (period, due)) in owed.enumerated() {
            later.removeAll(keepingCapacity: true)
            for (ai, _) in periodRows { sent[ai] = 0 }
            periodRows.removeAll(keepingCapacity: true)
            if let obligationNumber {
                // Rows in file order; an earlier submission wins, file order breaks ties.
                for position in reportsByPeriod.rows(ReportKey(plan: planIndex, obligation: obligationNumber, period: period)) ?? [] {
                    let i = Int(position)
                    let ai = Int(agencyIndex[Int(data.reports.agencyNumber(at: i))])
                    guard ai >= 0, fates[data.reports.id(at: i)] != .evidence else { continue }
                    let b = best[ai]
                    if withNotes {
                        periodRows.append((ai, i))
                        sent[ai] += 1
                    }
                    if b < 0 {
                        best[ai] = i
                    } else if data.reports.isEarlier(i, than: b) {
                        later.append(b)
                        best[ai] = i
                    } else {
                        later.append(i)
                    }
                }
            }
            for i in later { fates[data.reports.id(at: i)] = .superseded }
            let unanswered = ReportCell(status: due.day <= asOf ? .overdue : .pending)
            for ai in agencies.indices {
                var cell = unanswered
                let b = best[ai]
                if b >= 0 {
                    best[ai] = -1
                    let submitted = data.reports.submitted(at: b)
                    fates[data.reports.id(at: b)] = .evidence
                    cell = ReportCell(status: .met, submitted: submitted, evidence: data.reports.source(at: b))
                    var cellNotes = withNotes && sent[ai] > 1 ? laterRowNotes(agency: ai, of: periodRows) : []
                    switch due.judge(submitted) {
                    case .onTime(let timeNotGiven):
                        if withNotes && timeNotGiven { cellNotes.append(.noTimeGiven) }
                    case .late(let days):
                        cell.status = .late
                        cell.daysLate = days
                    }
                    if !cellNotes.isEmpty { notes[agencyRank[ai] * owed.count + periodRank[pi]] = cellNotes }
                }
                cells[agencyRank[ai] * owed.count + periodRank[pi]] = cell
            }
        }
        return ReportOutcomes(template: template, agencies: agencyOrder.map { agencies[$0] },
                              periods: periodOrder.map { (owed[$0].period, owed[$0].deadline) }, cells: cells, files: data.files,
                              withNotes: withNotes, notes: notes)
    }

    /// The notes `judgeReport` puts on an agency's finding for the submissions after its earliest one:
    /// a few, earliest first (file order breaks ties), then how many more.
    private func laterRowNotes(agency: Int, of periodRows: [(agency: Int, position: Int)]) -> [FindingNote] {
        let reports = data.reports
        let rows = periodRows.filter { $0.agency == agency }.map(\.position).sorted { reports.isEarlier($0, than: $1) }
        var notes: [FindingNote] = []
        for (k, i) in rows.dropFirst().enumerated() where k < Self.rowNotes {
            let submitted = reports.submitted(at: i)
            notes.append(reports.replaces(at: i).map { .replaces(on: submitted, document: $0) }
                         ?? .alsoSubmitted(on: submitted, line: reports.source(at: i).line))
        }
        if rows.count - 1 > Self.rowNotes { notes.append(.moreRows(count: rows.count - 1 - Self.rowNotes)) }
        return notes
    }
}
