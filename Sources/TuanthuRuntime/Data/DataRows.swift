import TuanthuCore

/// The five tables of submitted data (SPEC 6).
public enum Table: String, Sendable, CaseIterable {
    case observations, reports, tasks, events, extensions

    /// Required and optional columns, by name (built once: these are read for every row).
    var required: [Column] { Table.requiredColumns[self]! }
    var optional: [Column] { Table.optionalColumns[self]! }
    /// Columns that a blank template row leaves empty: a row with all of them empty is skipped as blank.
    var filledIn: [Column] { Table.filledInColumns[self]! }

    static let requiredColumns = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.requiredList) })
    static let optionalColumns = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.optionalList) })
    static let filledInColumns = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.filledInList) })

    private var requiredList: [Column] {
        switch self {
        case .observations: return [.indicator, .period, .value]
        case .reports: return [.obligation, .agency, .period, .submitted]
        case .tasks: return [.obligation, .agency, .status]
        case .events: return [.event, .date]
        case .extensions: return [.obligation, .agency, .due]
        }
    }

    private var optionalList: [Column] {
        switch self {
        case .observations: return [.agency, .source, .plan, .due, .wording]
        case .reports: return [.document, .replaces, .plan, .due, .wording]
        case .tasks: return [.period, .date, .document, .plan, .due, .wording]
        case .events: return [.document, .plan]
        case .extensions: return [.period, .document, .plan]
        }
    }

    private var filledInList: [Column] {
        switch self {
        case .observations: return [.value]
        case .reports: return [.submitted]
        case .tasks: return [.status]
        case .events: return [.date]
        case .extensions: return [.due]
        }
    }
}

/// Where a row came from.
public struct RowSource: Sendable, Hashable {
    /// Index into the run's list of data files.
    public var file: Int
    public var line: Int
}

public enum TaskStatus: String, Sendable, Hashable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"

    /// A `status` cell as written: any case, words joined by `_`, `-` or a space (`In progress`).
    public static func spelling(_ cell: String) -> String {
        // ASCII (every status there is) byte by byte: a `Character` at a time cost half of reading a task row.
        var bytes = Array(cell.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(cell.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }) }
        for i in bytes.indices {
            switch bytes[i] {
            case 0x41...0x5A: bytes[i] += 0x20
            case 0x20, 0x2D: bytes[i] = 0x5F
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

public struct ObservationRow: Sendable, Hashable {
    public var id: Int
    public var source: RowSource
    public var plan: Int
    public var indicator: String
    public var agency: String?
    public var period: Period
    public var value: ExactNumber
    public var text: String
}

/// A row of `reports`. Its `document` cell is read like any cell but not kept: no finding shows a report's
/// document number (the evidence is the row's file and line), and a national run holds millions of rows.
public struct ReportRow: Sendable, Hashable {
    public var id: Int
    public var source: RowSource
    public var plan: Int
    public var obligation: String
    public var agency: String
    public var period: Period
    public var submitted: LocalDateTime
    public var replaces: String?
}

public struct TaskRow: Sendable, Hashable {
    public var id: Int
    public var source: RowSource
    public var plan: Int
    public var obligation: String
    public var agency: String
    public var period: Period?
    public var status: TaskStatus
    public var date: CivilDate?
    public var document: String?
}

public struct EventRow: Sendable, Hashable {
    public var id: Int
    public var source: RowSource
    public var plan: Int
    public var event: String
    public var date: CivilDate
    public var document: String?
}

public struct ExtensionRow: Sendable, Hashable {
    public var id: Int
    public var source: RowSource
    public var plan: Int
    public var obligation: String
    public var agency: String
    public var period: Period?
    public var due: CivilDate
    public var document: String?
}

/// What happened to a valid row in the evaluation.
public enum RowFate: UInt8, Sendable {
    case unused, evidence, setAside, superseded
}

/// All valid rows of a data directory, routed to their plans.
public struct DataSet: Sendable {
    public var files: [String] = []
    public var observations: [ObservationRow] = []
    public var reports = ReportTable()
    public var tasks: [TaskRow] = []
    public var events: [EventRow] = []
    public var extensions: [ExtensionRow] = []
    public var errors: [DataError] = []
    public var warnings: [DataError] = []
    public var blankRows = 0
    /// A section of a file (`FilePiece`) turned out to be in a legacy encoding, which only a read of the whole
    /// file can convert: its rows are not to be used.
    var wholeFileNeeded = false
    /// Observations and events that repeat an earlier row exactly; they count as superseded.
    public var repeatedRows: Set<Int> = []
    /// Number of valid rows; row ids run from 0 to rowCount - 1.
    public var rowCount = 0
    public var hashes: [String] = []

    public init() {}

    mutating func nextID() -> Int {
        defer { rowCount += 1 }
        return rowCount
    }
}
