import TuanthuCore

/// Marks that a diagnostic has been recorded and the current construct was abandoned.
struct ParseAbort: Error {}

/// A recursive-descent parser for `.plan` files. It never throws to its caller: every problem is a
/// diagnostic, and it resynchronises on the next declaration (or field) so one run reports all
/// independent errors.
public struct Parser {
    /// Deepest nesting of expressions accepted.
    public static let maxDepth = 200

    /// Lexes on demand: the parser reads tokens from a window at the front of `lexer.tokens` instead of
    /// an array of the whole file's tokens (12 MB for a 100,000-line plan, written once and read once).
    var lexer: Lexer
    /// Position in the whole file of `lexer.tokens[0]`: tokens read are dropped from the window's front.
    var windowStart = 0
    /// The source bytes, to tell when an expected token is missing at the end of a line.
    var bytes: [UInt8] = []
    /// Position of the current token in the whole file.
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    let file: Int

    /// Parses one source file.
    public static func parse(_ source: SourceFile) -> (file: PlanFile, diagnostics: [Diagnostic]) {
        var parser = Parser(lexer: Lexer(file: source), file: source.id)
        parser.bytes = source.bytes
        let decls = parser.parseDeclarations()
        // The parser stops at the end-of-file token, so the lexer has read the whole file. Lexer
        // diagnostics first, then the parser's, each in order, sorted by position.
        let all = parser.lexer.diagnostics + parser.diagnostics
        let sorted = all.sorted { $0.span.start < $1.span.start }
        return (PlanFile(file: source.id, declarations: decls, comments: parser.lexer.comments), sorted)
    }

    init(lexer: Lexer, file: Int) {
        self.lexer = lexer
        self.file = file
        fillWindow()
    }

    // MARK: token access

    /// Tokens the window holds past the current one (or the file ends first); `peek` looks no further.
    static let lookahead = 4
    /// Tokens lexed at a time when the window runs low.
    static let windowChunk = 1024

    var current: Token { lexer.tokens[index - windowStart] }
    func peek(_ k: Int = 1) -> Token {
        precondition(k <= Parser.lookahead, "peek beyond the lexed window")
        return lexer.tokens[min(index + k - windowStart, lexer.tokens.count - 1)]
    }
    /// The token before the current one (the current one at the start of the file).
    var previous: Token { lexer.tokens[max(0, index - 1) - windowStart] }
    var atEnd: Bool { current.kind == .endOfFile }

    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if index - windowStart < lexer.tokens.count - 1 { index += 1 }
        if !lexer.finished && lexer.tokens.count - (index - windowStart) <= Parser.lookahead { fillWindow() }
        return t
    }

    /// Drops the tokens read (all but the previous one) and lexes another chunk.
    mutating func fillWindow() {
        let read = index - 1 - windowStart
        if read > 0 {
            lexer.dropTokens(read)
            windowStart += read
        }
        lexer.lex(until: lexer.tokens.count + Parser.windowChunk)
    }

    mutating func accept(word: String) -> Token? {
        if current.isWord(word) { return advance() }
        return nil
    }

    mutating func accept(symbol: String) -> Token? {
        if current.isSymbol(symbol) { return advance() }
        return nil
    }

    mutating func expect(word: String) throws(ParseAbort) -> Token {
        if let t = accept(word: word) { return t }
        throw fail(expected: .code(word))
    }

    mutating func expect(symbol: String) throws(ParseAbort) -> Token {
        if let t = accept(symbol: symbol) { return t }
        throw fail(expected: .code(symbol))
    }

    /// Records "expected X, found Y" at the current token and returns the abort marker.
    /// When the token found starts a later line, the thing expected is missing at the end of the previous
    /// line: the diagnostic points there rather than at the next line's first word.
    mutating func fail(expected what: Phrase, suggestion: String? = nil) -> ParseAbort {
        if index > 0, case let before = previous, before.span.end <= current.span.start, current.span.start <= bytes.count,
           bytes[before.span.end..<current.span.start].contains(0x0A) {
            let found: Found = atEnd ? .endOfFile : .endOfLine
            let at = Span(file: file, start: before.span.end, end: before.span.end)
            diagnostics.append(Diagnostic(.expected(what: what, found: found), at: at, suggestion: suggestion))
            return ParseAbort()
        }
        diagnostics.append(Diagnostic(.expected(what: what, found: describe(current)), at: current.span, suggestion: suggestion))
        return ParseAbort()
    }

    func describe(_ t: Token) -> Found {
        switch t.kind {
        case .endOfFile: return .endOfFile
        case .string: return .string
        case .word: return t.isReserved ? .keyword(t.value) : .token(t.value)
        default: return .token(t.value)
        }
    }

    mutating func expectString(_ what: Phrase) throws(ParseAbort) -> StringLiteral {
        guard current.kind == .string else { throw fail(expected: what) }
        let t = advance()
        return StringLiteral(t.value, t.span)
    }

    mutating func optionalString() -> StringLiteral? {
        guard current.kind == .string else { return nil }
        let t = advance()
        return StringLiteral(t.value, t.span)
    }

    /// An identifier that is not a reserved keyword.
    mutating func expectName(_ what: Phrase) throws(ParseAbort) -> Name {
        guard current.kind == .word, !current.isReserved else { throw fail(expected: what) }
        let t = advance()
        return Name(t.value, t.span)
    }

    /// A calendar value: a date, month, quarter, half, week, or a bare 4-digit year.
    mutating func expectCalendar(_ what: Phrase) throws(ParseAbort) -> CalendarLiteral {
        if current.kind == .calendar {
            let t = advance()
            return CalendarLiteral(t.value, t.span)
        }
        if current.kind == .number, current.value.utf8.count == 4, current.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let t = advance()
            return CalendarLiteral(t.value, t.span)
        }
        throw fail(expected: what)
    }

    mutating func expectInt(_ what: Phrase) throws(ParseAbort) -> IntLiteral {
        guard current.kind == .number, let v = Int(current.value) else { throw fail(expected: what) }
        let t = advance()
        return IntLiteral(value: v, span: t.span)
    }

    mutating func party() throws(ParseAbort) -> PartyRef {
        if let s = optionalString() { return .string(s) }
        return .name(try expectName(.party))
    }

    mutating func partyList() throws(ParseAbort) -> [PartyRef] {
        var list = [try party()]
        while accept(symbol: ",") != nil { list.append(try party()) }
        return list
    }

    func span(from start: Span) -> Span {
        let prev = previous
        return Span(file: file, start: start.start, end: max(start.end, prev.span.end))
    }

    // MARK: recovery

    /// Skips to the next top-level declaration keyword.
    mutating func synchronizeDeclaration() {
        while !atEnd {
            if current.kind == .word, Keywords.declarationStarts.contains(current.value) { return }
            advance()
        }
    }

    /// Parses the items of a `{ … }` block up to its `}`; after a failed item, skips to the next item keyword.
    /// Returns true when an item failed (so follow-on errors such as "no requirement" can be held back).
    mutating func blockItems(resyncOn keywords: Set<String>, _ item: (inout Parser) throws(ParseAbort) -> Void) -> Bool {
        var failed = false
        while !current.isSymbol("}") && !atEnd {
            let itemToken = current
            do {
                try item(&self)
            } catch {
                failed = true
                if current.span == itemToken.span { advance() }
                synchronizeField(keywords)
                if current.kind == .word, Keywords.declarationStarts.contains(current.value) { break }
            }
        }
        return failed
    }

    /// Skips to the next field keyword or the closing brace of the current block.
    mutating func synchronizeField(_ fields: Set<String>) {
        var nesting = 0
        while !atEnd {
            if nesting == 0, current.kind == .word, fields.contains(current.value) || Keywords.declarationStarts.contains(current.value) { return }
            if current.isSymbol("{") { nesting += 1 }
            if current.isSymbol("}") {
                if nesting == 0 { return }
                nesting -= 1
            }
            advance()
        }
    }

    /// Reports an unknown word where a keyword was expected, suggesting the closest keyword.
    mutating func unknownWord(context: KeywordContext, choices: Set<String>) -> ParseAbort {
        let suggestion = current.kind == .word ? Suggestion.closest(to: current.value, among: choices.sorted()) : nil
        if current.kind == .word {
            diagnostics.append(Diagnostic(.unknownKeyword(found: current.value, context: context), at: current.span, suggestion: suggestion))
        } else {
            diagnostics.append(Diagnostic(.expected(what: .oneOf(choices.sorted()), found: describe(current)), at: current.span))
        }
        return ParseAbort()
    }
}
