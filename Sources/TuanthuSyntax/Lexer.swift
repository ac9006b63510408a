import TuanthuCore

/// Turns the NFC bytes of one source file into tokens and comments. Never fails: a bad character
/// becomes a diagnostic and is skipped.
public struct Lexer {
    /// Longest string literal accepted, in bytes.
    public static let maxStringBytes = 64 * 1024
    /// Most digits accepted in one number.
    public static let maxDigits = 60

    let bytes: [UInt8]
    let file: Int
    let keywords = KeywordTable.shared
    var pos = 0
    public private(set) var tokens: [Token] = []
    public private(set) var comments: [Comment] = []
    public private(set) var diagnostics: [Diagnostic] = []
    private var lineHasCode = false

    public init(file: SourceFile) {
        self.bytes = file.bytes
        self.file = file.id
    }

    /// Lexes the whole file.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        lexer.run()
        return (lexer.tokens, lexer.comments, lexer.diagnostics)
    }

    /// True once the end-of-file token has been appended.
    public private(set) var finished = false

    mutating func run() {
        // About one token per 6 bytes of plan text: reserved once instead of doubled a dozen times.
        tokens.reserveCapacity(bytes.count / 6 + 16)
        while lexNext() {}
    }

    /// Lexes until `tokens` holds at least `count` tokens or the end-of-file token has been appended.
    mutating func lex(until count: Int) {
        while tokens.count < count && lexNext() {}
    }

    /// Drops the first `n` tokens, which the parser has read (it keeps only a window of the file's tokens).
    mutating func dropTokens(_ n: Int) {
        tokens.removeFirst(n)
    }

    /// Lexes the next token, comment or run of bad characters; at the end of the file appends the
    /// end-of-file token. Returns false once that token has been appended.
    mutating func lexNext() -> Bool {
        guard !finished else { return false }
        skipWhitespace()
        guard pos < bytes.count else {
            tokens.append(Token(kind: .endOfFile, value: "", span: Span(file: file, start: bytes.count, end: bytes.count), isReserved: false))
            finished = true
            return false
        }
        let start = pos
        let b = bytes[pos]
        if b == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
            lexComment()
            return true
        }
        lineHasCode = true
        if b == UInt8(ascii: "\"") { lexString(); return true }
        if isDigit(b) { lexNumberLike(); return true }
        // ASCII letters and `_` without decoding; other scalars by their Unicode properties.
        if b < 0x80 {
            if isASCIIIdentifierStart(b) {
                pos += 1
                lexWord(start: start)
                return true
            }
        } else if let (scalar, len) = decodeScalar(at: pos), isIdentifierStart(scalar) {
            pos += len
            lexWord(start: start)
            return true
        }
        if let sym = symbol(at: pos) {
            pos += sym.utf8.count
            tokens.append(Token(kind: .symbol, value: sym, span: span(start), isReserved: false))
            return true
        }
        let len = decodeScalar(at: pos)?.1 ?? 1
        pos += len
        // A run of bad characters (50 MB of binary junk) is one diagnostic spanning the run.
        if let last = diagnostics.indices.last, diagnostics[last].code == .E002, diagnostics[last].span.end == start {
            diagnostics[last].span.end = pos
            return true
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        diagnostics.append(Diagnostic(.unexpectedCharacter(text), at: span(start)))
        return true
    }

    // MARK: pieces

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x0A { lineHasCode = false; pos += 1 }
            else if b == 0x20 || b == 0x09 || b == 0x0D { pos += 1 }
            else { break }
        }
    }

    private mutating func lexComment() {
        let start = pos
        while pos < bytes.count, bytes[pos] != 0x0A { pos += 1 }
        var end = pos
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        comments.append(Comment(text: text, span: Span(file: file, start: start, end: end), trailing: lineHasCode))
    }

    private mutating func lexString() {
        let start = pos
        // The usual string has no escape: its value is the bytes between the quotes, taken directly.
        var close = start + 1
        while close < bytes.count, bytes[close] != UInt8(ascii: "\""), bytes[close] != UInt8(ascii: "\\"), bytes[close] != 0x0A {
            close += 1
        }
        if close < bytes.count, bytes[close] == UInt8(ascii: "\""), close - start - 1 <= Self.maxStringBytes {
            pos = close + 1
            tokens.append(Token(kind: .string, value: text(start + 1, close), span: span(start), isReserved: false))
            return
        }
        // Escapes, an unterminated string or an over-long one: unescape byte by byte.
        pos += 1
        var value: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                if value.count > Self.maxStringBytes {
                    diagnostics.append(Diagnostic(.tooLarge(.stringBytes(Self.maxStringBytes)), at: span(start)))
                    value = Array(value.prefix(Self.maxStringBytes))
                }
                tokens.append(Token(kind: .string, value: String(decoding: value, as: UTF8.self), span: span(start), isReserved: false))
                return
            }
            if b == 0x0A { break }
            if b == UInt8(ascii: "\\") {
                let escStart = pos
                pos += 1
                guard pos < bytes.count, bytes[pos] != 0x0A else { break }
                switch bytes[pos] {
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): value.append(0x0A)
                default:
                    let len = decodeScalar(at: pos)?.1 ?? 1
                    let text = String(decoding: bytes[escStart..<min(bytes.count, pos + len)], as: UTF8.self)
                    diagnostics.append(Diagnostic(.invalidEscape(text), at: Span(file: file, start: escStart, end: pos + len)))
                    pos += len
                    continue
                }
                pos += 1
                continue
            }
            value.append(b)
            pos += 1
        }
        // Unterminated: report at the opening quote and keep what was read.
        diagnostics.append(Diagnostic(.unterminatedString, at: Span(file: file, start: start, end: start + 1)))
        tokens.append(Token(kind: .string, value: String(decoding: value, as: UTF8.self), span: span(start), isReserved: false))
    }

    /// Numbers, percents, calendar tokens and clock times all start with a digit.
    private mutating func lexNumberLike() {
        let start = pos
        let digitsEnd = scanDigits(allowUnderscore: false)
        let count = digitsEnd - start
        // Calendar: exactly four digits then '-' and a digit or Q/H/W.
        if count == 4, digitsEnd < bytes.count, bytes[digitsEnd] == UInt8(ascii: "-"), digitsEnd + 1 < bytes.count {
            let n = bytes[digitsEnd + 1]
            if isDigit(n) || n == UInt8(ascii: "Q") || n == UInt8(ascii: "H") || n == UInt8(ascii: "W") {
                pos = digitsEnd + 1
                while pos < bytes.count, isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "-")
                        || bytes[pos] == UInt8(ascii: "Q") || bytes[pos] == UInt8(ascii: "H") || bytes[pos] == UInt8(ascii: "W") {
                    pos += 1
                }
                tokens.append(Token(kind: .calendar, value: text(start, pos), span: span(start), isReserved: false))
                return
            }
        }
        // Clock time: 1-2 digits ':' 2 digits.
        if count <= 2, digitsEnd < bytes.count, bytes[digitsEnd] == UInt8(ascii: ":") {
            pos = digitsEnd + 1
            let minuteEnd = scanDigits(allowUnderscore: false)
            pos = minuteEnd
            tokens.append(Token(kind: .time, value: text(start, pos), span: span(start), isReserved: false))
            return
        }
        pos = start
        var end = scanDigits(allowUnderscore: true)
        var malformed = bytes[end - 1] == UInt8(ascii: "_")
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) {
            pos = end + 1
            let fracEnd = scanDigits(allowUnderscore: true)
            if bytes[fracEnd - 1] == UInt8(ascii: "_") { malformed = true }
            end = fracEnd
        }
        pos = end
        // The digits (and the `.` of a fraction) with the `_` separators removed.
        var underscores = 0
        for i in start..<end where bytes[i] == UInt8(ascii: "_") { underscores += 1 }
        let digitCount = end - start - underscores
        // A letter glued to a number (`10am`) is one malformed token, not two.
        if pos < bytes.count, let (s, _) = decodeScalar(at: pos), isIdentifierStart(s) {
            while pos < bytes.count, let (s2, l2) = decodeScalar(at: pos), isIdentifierContinue(s2) { pos += l2 }
            diagnostics.append(Diagnostic(.malformedLiteral(text: text(start, pos), problem: .numberRunsIntoLetters), at: span(start)))
            tokens.append(Token(kind: .number, value: "0", span: span(start), isReserved: false))
            return
        }
        let value = underscores == 0 ? text(start, end) : String(decoding: bytes[start..<end].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if malformed {
            diagnostics.append(Diagnostic(.malformedLiteral(text: text(start, pos), problem: .misplacedUnderscore), at: span(start)))
        }
        if digitCount > Self.maxDigits {
            diagnostics.append(Diagnostic(.tooLarge(.numberDigits(Self.maxDigits)), at: span(start)))
            tokens.append(Token(kind: .number, value: "0", span: span(start), isReserved: false))
            return
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "%") {
            pos += 1
            tokens.append(Token(kind: .percent, value: value, span: span(start), isReserved: false))
        } else {
            tokens.append(Token(kind: .number, value: value, span: span(start), isReserved: false))
        }
    }

    private mutating func lexWord(start: Int) {
        skipIdentifierContinue()
        // Hyphenated keywords (`half-yearly`) are one token.
        if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "-") {
            let save = pos
            pos += 1
            skipIdentifierContinue()
            if !Keywords.hyphenated.contains(text(start, pos)) { pos = save }
        }
        // A keyword gets the keyword's own string; a name is copied out of the source.
        if let keyword = keywords.keyword(in: bytes, from: start, to: pos) {
            tokens.append(Token(kind: .word, value: keyword, span: span(start), isReserved: true))
        } else {
            tokens.append(Token(kind: .word, value: text(start, pos), span: span(start), isReserved: false))
        }
    }

    /// Moves past the letters, digits, `_` and combining marks that continue an identifier.
    private mutating func skipIdentifierContinue() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b < 0x80 {
                guard isASCIIIdentifierStart(b) || isDigit(b) else { return }
                pos += 1
            } else {
                guard let (s, l) = decodeScalar(at: pos), isIdentifierContinue(s) else { return }
                pos += l
            }
        }
    }

    private mutating func scanDigits(allowUnderscore: Bool) -> Int {
        var i = pos
        while i < bytes.count, isDigit(bytes[i]) || (allowUnderscore && bytes[i] == UInt8(ascii: "_") && i > pos) { i += 1 }
        return i
    }

    /// The symbol starting at `i`, as a string literal (nothing built per token).
    private func symbol(at i: Int) -> String? {
        let b = bytes[i]
        let equalsNext = peek(1) == UInt8(ascii: "=")
        switch b {
        case UInt8(ascii: "<"): return equalsNext ? "<=" : "<"
        case UInt8(ascii: ">"): return equalsNext ? ">=" : ">"
        case UInt8(ascii: "!"): return equalsNext ? "!=" : nil
        case UInt8(ascii: "="): return equalsNext ? "==" : "="
        case UInt8(ascii: "{"): return "{"
        case UInt8(ascii: "}"): return "}"
        case UInt8(ascii: "("): return "("
        case UInt8(ascii: ")"): return ")"
        case UInt8(ascii: "["): return "["
        case UInt8(ascii: "]"): return "]"
        case UInt8(ascii: ","): return ","
        case UInt8(ascii: ":"): return ":"
        case UInt8(ascii: "+"): return "+"
        case UInt8(ascii: "-"): return "-"
        case UInt8(ascii: "*"): return "*"
        case UInt8(ascii: "/"): return "/"
        default: return nil
        }
    }

    // MARK: helpers

    private func peek(_ k: Int) -> UInt8? { pos + k < bytes.count ? bytes[pos + k] : nil }
    private func span(_ start: Int) -> Span { Span(file: file, start: start, end: pos) }
    private func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// `isIdentifierStart` for an ASCII byte.
    private func isASCIIIdentifierStart(_ b: UInt8) -> Bool {
        // `b | 0x20` lower-cases an ASCII letter and maps no other byte into a...z.
        b == UInt8(ascii: "_") || ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z"))
    }

    private func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        s == "_" || (s.isASCII ? ((s >= "a" && s <= "z") || (s >= "A" && s <= "Z")) : s.properties.isAlphabetic)
    }
    private func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        isIdentifierStart(s) || (s >= "0" && s <= "9") || (!s.isASCII && s.properties.generalCategory == .nonspacingMark)
    }

    /// Decodes one scalar from valid UTF-8 (the source was validated on load).
    private func decodeScalar(at i: Int) -> (Unicode.Scalar, Int)? {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard len > 1, i + len <= bytes.count else { return nil }
        var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len { v = (v << 6) | UInt32(bytes[i + k] & 0x3F) }
        guard let s = Unicode.Scalar(v) else { return nil }
        return (s, len)
    }
}
