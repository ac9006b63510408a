import TuanthuCore

/// Marks that a diagnostic has been recorded and the current construct was abandoned.
struct ParseAbort: Error {}

/// A recursive-descent parser for `.plan` files. It never throws to its caller: every problem is a
/// diagnostic, and it resynchronises on the next declaration (or field) so one run reports all
/// independent errors.
public struct Parser {
    /// Deepest nesting of expressions accepted.
    public static let maxDepth = 200

    var tokens: [Token]
    /// The source bytes, to tell when an expected token is missing at the end of a line.
    var bytes: [UInt8] = []
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    let file: Int

    /// Parses one source file.
    public static func parse(_ source: SourceFile) -> (file: PlanFile, diagnostics: [Diagnostic]) {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(tokens: lexed.tokens, file: source.id)
        parser.bytes = source.bytes
        parser.diagnostics = lexed.diagnostics
        let decls = parser.parseDeclarations()
        let sorted = parser.diagnostics.sorted { $0.span.start < $1.span.start }
        return (PlanFile(file: source.id, declarations: decls, comments: lexed.comments), sorted)
    }

    init(tokens: [Token], file: Int) {
        self.tokens = tokens
        self.file = file
    }

    // MARK: token access

    var current: Token { tokens[index] }
    func peek(_ k: Int = 1) -> Token { tokens[min(index + k, tokens.count - 1)] }
    var atEnd: Bool { current.kind == .endOfFile }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
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
        if index > 0, case let previous = tokens[index - 1], previous.span.end <= current.span.start, current.span.start <= bytes.count,
           bytes[previous.span.end..<current.span.start].contains(0x0A) {
            let found: Found = atEnd ? .endOfFile : .endOfLine
            let at = Span(file: file, start: previous.span.end, end: previous.span.end)
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
        let prev = tokens[max(0, index - 1)]
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
