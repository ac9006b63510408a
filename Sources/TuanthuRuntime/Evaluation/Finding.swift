import TuanthuCore

/// The status of a finding (SPEC 5). JSON always uses these English codes.
public enum Status: String, Sendable, Hashable, CaseIterable {
    case met, violated, late, overdue
    case noData = "no_data"
    case pending, waiting

    /// Violated, late and overdue fail a run; no_data is listed among problems but does not.
    public var fails: Bool { self == .violated || self == .late || self == .overdue }
    public var isProblem: Bool { fails || self == .noData }

    /// The status's place in `allCases`, for tables indexed by status (counts, the compact CSV writer's cells).
    public var index: Int {
        switch self {
        case .met: 0
        case .violated: 1
        case .late: 2
        case .overdue: 3
        case .noData: 4
        case .pending: 5
        case .waiting: 6
        }
    }

    /// Hashes the place, not the raw value's text: a national run counts a million findings by status.
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// A data row that decided a finding.
public struct Evidence: Sendable, Hashable {
    public var file: String
    public var line: Int
}

/// One obligation × owing agency × period, judged.
///
/// What every finding of an obligation shares (plan, obligation, wording, location, citation) lives in
/// one shared box, copied only when a finding changes it (an extension rewrites `expected`): a national
/// run holds a million findings.
public struct Finding: Sendable, Hashable {
    private var shared: Shared
    public var agency: String
    public var period: Period?
    public var status: Status
    public var due: Deadline?
    public var found: String?
    public var daysLate: Int?
    public var actual: String
    public var evidence: [Evidence]
    /// Extra remarks: a submission without a time on a timed deadline, a replaced report.
    public var notes: [String]
    /// What was found, typed: people's reports word it through the catalogue (`actual` is its English text).
    public var fact: FindingFact = .none
    /// `notes`, typed.
    public var noteFacts: [FindingNote] = []

    public init(plan: String, obligation: String, kind: String, agency: String, period: Period?, status: Status, due: Deadline?,
                found: String?, daysLate: Int?, expected: String, actual: String, location: SourceLocation, cite: String,
                evidence: [Evidence], support: [String], notes: [String], fact: FindingFact = .none, noteFacts: [FindingNote] = [],
                expectation: Expectation = Expectation()) {
        shared = Shared(plan: plan, obligation: obligation, kind: kind, expected: expected, location: location, cite: cite,
                        support: support, expectation: expectation)
        self.agency = agency
        self.period = period
        self.status = status
        self.due = due
        self.found = found
        self.daysLate = daysLate
        self.actual = actual
        self.evidence = evidence
        self.notes = notes
        self.fact = fact
        self.noteFacts = noteFacts
    }

    public var plan: String {
        get { shared.plan }
        set { unique().plan = newValue }
    }
    public var obligation: String {
        get { shared.obligation }
        set { unique().obligation = newValue }
    }
    public var kind: String {
        get { shared.kind }
        set { unique().kind = newValue }
    }
    public var expected: String {
        get { shared.expected }
        set { unique().expected = newValue }
    }
    public var location: SourceLocation {
        get { shared.location }
        set { unique().location = newValue }
    }
    public var cite: String {
        get { shared.cite }
        set { unique().cite = newValue }
    }
    public var support: [String] {
        get { shared.support }
        set { unique().support = newValue }
    }
    /// What the plan asks, in parts (`expected` is its English text).
    public var expectation: Expectation {
        get { shared.expectation }
        set { unique().expectation = newValue }
    }

    /// The same for findings that share their per-obligation part (plan, obligation, kind, wording, location,
    /// citation): a renderer may reuse what it made of the previous one.
    public var sharedPart: ObjectIdentifier { ObjectIdentifier(shared) }

    /// Adds a note, typed and in English (`notes`).
    public mutating func addNote(_ note: FindingNote) {
        noteFacts.append(note)
        notes.append(Catalogue.note(note, .en))
    }

    private mutating func unique() -> Shared {
        if !isKnownUniquelyReferenced(&shared) { shared = shared.copy() }
        return shared
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        (a.shared === b.shared || a.shared.same(as: b.shared)) && a.agency == b.agency && a.period == b.period
            && a.status == b.status && a.due == b.due && a.found == b.found && a.daysLate == b.daysLate && a.actual == b.actual
            && a.evidence == b.evidence && a.notes == b.notes && a.fact == b.fact && a.noteFacts == b.noteFacts
    }

    public func hash(into h: inout Hasher) {
        h.combine(plan); h.combine(obligation); h.combine(agency); h.combine(period); h.combine(status)
    }

    /// The per-obligation part of a finding; mutated only while uniquely referenced.
    private final class Shared: @unchecked Sendable {
        var plan: String
        var obligation: String
        var kind: String
        var expected: String
        var location: SourceLocation
        var cite: String
        var support: [String]
        var expectation: Expectation

        init(plan: String, obligation: String, kind: String, expected: String, location: SourceLocation, cite: String,
             support: [String], expectation: Expectation) {
            self.plan = plan
            self.obligation = obligation
            self.kind = kind
            self.expected = expected
            self.location = location
            self.cite = cite
            self.support = support
            self.expectation = expectation
        }

        func copy() -> Shared {
            Shared(plan: plan, obligation: obligation, kind: kind, expected: expected, location: location, cite: cite,
                   support: support, expectation: expectation)
        }

        func same(as o: Shared) -> Bool {
            plan == o.plan && obligation == o.obligation && kind == o.kind && expected == o.expected && location == o.location
                && cite == o.cite && support == o.support && expectation == o.expectation
        }
    }
}

extension TaskStatus {
    /// The catalogue's name for this state.
    public var state: TaskState {
        switch self {
        case .done: .done
        case .inProgress: .inProgress
        case .notStarted: .notStarted
        }
    }
}

/// A duty that yields no finding (`untracked`, `on request`) but is listed so a transcription stays complete.
public struct UntrackedDuty: Sendable, Hashable {
    public var plan: String
    public var obligation: String
    public var reason: String
    /// For a report `on request`: the plan's wording of it (`reason` is then the English "on request (…)").
    public var onRequest: String? = nil
}

/// A malformed data row.
public struct DataError: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var code: DiagnosticCode
    public var message: Message
    public var suggestion: String?
    /// The obligation, indicator or event the bad row names, when that much could be read: findings
    /// about it are flagged, since the unreadable row may be the missing evidence.
    public var subject: String? = nil
    /// The row's `agency` and `period` cells as written, to narrow which findings are flagged.
    public var subjectAgency: String? = nil
    public var subjectPeriod: String? = nil
}

/// Where every valid row ended up (SPEC 6): each is counted exactly once.
public struct RowCounts: Sendable, Hashable {
    public var evidence = 0
    public var setAside = 0
    public var superseded = 0
    public var unused = 0
    public var blank = 0
    public var total: Int { evidence + setAside + superseded + unused }
}

/// Everything one `eval` run produced, ready for a renderer.
public struct Evaluation: Sendable {
    public var asOf: CivilDate
    public var plans: [(id: String, file: String, supersededBy: String?)]
    public var inputs: [(file: String, sha256: String)]
    public var findings: [Finding]
    public var untracked: [UntrackedDuty]
    public var dataErrors: [DataError]
    public var warnings: [DataError]
    public var rows: RowCounts
    /// Full names of the agencies and titles of the obligations, so people's reports need not show bare codes.
    public var agencyNames: [String: String] = [:]
    /// Keyed by "plan|obligation".
    public var obligationTitles: [String: String] = [:]
    /// The first rows that no obligation read (history before the plan, a period never owed, an agency that
    /// owes nothing of that kind), so an inspector can look at them.
    public var unusedRows: [Evidence] = []
    /// Findings by status, also when they were streamed to a report instead of kept in `findings`.
    public var statusCounts: [Status: Int] = [:]
    /// Whether any finding fails the run (violated, late or overdue).
    public var fails: Bool { Status.allCases.contains { $0.fails && statusCounts[$0, default: 0] > 0 } || findings.contains { $0.status.fails } }

    public var summary: [(Status, Int)] {
        // Findings streamed to a report are not kept: then the counts made while streaming tell.
        if findings.isEmpty && !statusCounts.isEmpty { return Status.allCases.map { ($0, statusCounts[$0] ?? 0) } }
        var counts: [Status: Int] = [:]
        for i in findings.indices { counts[findings[i].status, default: 0] += 1 }
        return Status.allCases.map { ($0, counts[$0] ?? 0) }
    }
}
