import TuanthuCore

/// The kinds of token the lexer produces.
public enum TokenKind: Sendable, Hashable {
    /// An identifier or keyword (keywords are reserved words; the parser decides).
    case word
    /// A string literal; `value` holds the unescaped text.
    case string
    /// A number without `_` separators (`25`, `6.5`); `value` holds the digits.
    case number
    /// A number directly followed by `%`; `value` holds the digits without the `%`.
    case percent
    /// A date `2025-12-31`, month `2025-12`, quarter `2025-Q3`, half `2025-H1` or ISO week `2025-W23`.
    case calendar
    /// A clock time `10:00`.
    case time
    case symbol
    case endOfFile
}

/// One token with its source span and its text.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// For words, symbols, calendar tokens and times: the source text. For strings: the unescaped value.
    /// For numbers and percents: the digits with `_` removed.
    public var value: String
    public var span: Span
    /// A word that is one of `Keywords.all` (the lexer knows from the bytes, so the parser need not hash).
    public var isReserved: Bool
    public init(kind: TokenKind, value: String, span: Span) {
        self.init(kind: kind, value: value, span: span, isReserved: kind == .word && Keywords.all.contains(value))
    }
    init(kind: TokenKind, value: String, span: Span, isReserved: Bool) {
        self.kind = kind
        self.value = value
        self.span = span
        self.isReserved = isReserved
    }

    public func isWord(_ w: String) -> Bool { kind == .word && value == w }
    public func isSymbol(_ s: String) -> Bool { kind == .symbol && value == s }
}

/// A `//` comment, kept so the formatter can put it back.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var span: Span
    /// True when code precedes the comment on its line.
    public var trailing: Bool
}

/// The reserved English keywords of the language.
public enum Keywords {
    public static let all: Set<String> = [
        "plan", "title", "issuer", "issued", "implements", "supersedes", "source", "use",
        "agency", "alias", "merged", "into", "on", "dissolved", "group", "indicator", "event",
        "obligation", "owner", "jointly", "support", "achieve", "deliver", "report", "untracked",
        "to", "by", "before", "after", "within", "days", "from", "until", "every", "year", "ongoing",
        "undated", "weekly", "monthly", "quarterly", "half-yearly", "yearly", "request", "day", "of",
        "last", "first", "month", "between", "and", "or", "not", "previous", "growth", "percent",
        "count", "number", "money", "rank", "yesno", "per", "yes", "no", "cite", "line", "test",
        "as", "submitted", "for", "observed", "done", "started", "happened", "expect", "is", "in",
    ]
    /// Keywords that start a top-level declaration (the parser resynchronises on them).
    public static let declarationStarts: Set<String> = [
        "plan", "use", "agency", "group", "indicator", "event", "obligation", "test",
    ]
    /// Keywords that start a field inside an obligation.
    public static let obligationFields: Set<String> = [
        "owner", "support", "achieve", "deliver", "report", "untracked", "from", "until", "cite",
    ]
    /// `obligationFields.contains(word)` by comparisons instead of hashing (asked once per field of every
    /// obligation); a test keeps the two lists the same.
    public static func isObligationField(_ word: String) -> Bool {
        switch word {
        case "owner", "support", "achieve", "deliver", "report", "untracked", "from", "until", "cite": return true
        default: return false
        }
    }
    public static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    public static let hyphenated: Set<String> = ["half-yearly"]
}

/// The reserved words grouped by length in UTF-8 bytes, so the lexer can recognise one from its bytes
/// with a few byte comparisons (no `String` built, no hashing) and hand out the keyword's own string.
struct KeywordTable: Sendable {
    struct Entry: Sendable {
        var bytes: [UInt8]
        var word: String
    }
    /// `byLength[n]`: the keywords of `n` bytes.
    let byLength: [[Entry]]

    static let shared = KeywordTable(Keywords.all)

    init(_ words: Set<String>) {
        var table: [[Entry]] = Array(repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for w in words.sorted() { table[w.utf8.count].append(Entry(bytes: Array(w.utf8), word: w)) }
        byLength = table
    }

    /// The keyword spelled by `bytes[start..<end]`, or nil.
    func keyword(in bytes: [UInt8], from start: Int, to end: Int) -> String? {
        let length = end - start
        guard length < byLength.count else { return nil }
        let first = bytes[start]
        for entry in byLength[length] where entry.bytes[0] == first {
            var k = 1
            while k < length, entry.bytes[k] == bytes[start + k] { k += 1 }
            if k == length { return entry.word }
        }
        return nil
    }
}
