/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A secondary message attached to a diagnostic, optionally pointing somewhere else.
public struct DiagnosticNote: Sendable, Hashable {
    public var message: NoteMessage
    public var span: Span?
    public init(_ message: NoteMessage, at span: Span? = nil) {
        self.message = message
        self.span = span
    }
}

/// One problem found in a plan or a data file. Stages return these; only the CLI prints them.
public struct Diagnostic: Sendable, Hashable {
    public var message: Message
    public var span: Span
    public var notes: [DiagnosticNote]
    /// A replacement the user probably meant ("did you mean").
    public var suggestion: String?

    public init(_ message: Message, at span: Span, notes: [DiagnosticNote] = [], suggestion: String? = nil) {
        self.message = message
        self.span = span
        self.notes = notes
        self.suggestion = suggestion
    }

    public var code: DiagnosticCode { message.code }
    public var severity: Severity { message.code.severity }
}

/// Collects diagnostics in the order they were found, with a cap so hostile input cannot flood memory.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public private(set) var dropped = 0
    public static let limit = 10_000
    public init() {}
    public mutating func add(_ d: Diagnostic) {
        if items.count < Self.limit { items.append(d) } else { dropped += 1 }
    }
    public mutating func add(contentsOf ds: [Diagnostic]) { for d in ds { add(d) } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}
