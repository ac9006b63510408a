import Testing
import TuanthuCore
import TuanthuSyntax

/// Decodes text as a plan file would be (BOM stripped, NFC) and lexes it.
func lex(_ text: String) -> (tokens: [Token], comments: [TuanthuSyntax.Comment], diagnostics: [Diagnostic], file: SourceFile) {
    let bytes: [UInt8]
    switch SourceFile.decode(Array(text.utf8)) {
    case .success(let b): bytes = b
    case .failure: bytes = Array(text.utf8)
    }
    var map = SourceMap()
    let file = map.add(path: "test.plan", bytes: bytes)
    let r = Lexer.tokenize(file)
    return (r.tokens, r.comments, r.diagnostics, file)
}

/// The kinds and values of all tokens but the final end-of-file.
func kinds(_ text: String) -> [(TokenKind, String)] {
    lex(text).tokens.dropLast().map { ($0.kind, $0.value) }
}

@Suite("Lexer")
struct LexerTests {
    @Test(arguments: [
        ("plan", TokenKind.word, "plan"),
        ("kinh_tế_số", .word, "kinh_tế_số"),
        ("STTTT", .word, "STTTT"),
        ("_x1", .word, "_x1"),
        ("half-yearly", .word, "half-yearly"),
        ("\"Sở Tài chính\"", .string, "Sở Tài chính"),
        ("25", .number, "25"),
        ("6.5", .number, "6.5"),
        ("1_250_000_000", .number, "1250000000"),
        ("25%", .percent, "25"),
        ("0.5%", .percent, "0.5"),
        ("2025-12-31", .calendar, "2025-12-31"),
        ("2025-12", .calendar, "2025-12"),
        ("2025-Q3", .calendar, "2025-Q3"),
        ("2025-H1", .calendar, "2025-H1"),
        ("2025-W23", .calendar, "2025-W23"),
        ("2030", .number, "2030"),
        ("10:00", .time, "10:00"),
        ("9:30", .time, "9:30"),
    ])
    func singleToken(text: String, kind: TokenKind, value: String) {
        let r = lex(text)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.count == 2)
        #expect(r.tokens[0].kind == kind)
        #expect(r.tokens[0].value == value)
        #expect(r.tokens[0].span.start == 0 && r.tokens[0].span.end == text.utf8.count)
        #expect(r.tokens[1].kind == .endOfFile)
    }

    @Test(arguments: ["{", "}", "(", ")", "[", "]", ",", ":", "+", "-", "*", "/", "<", "<=", ">", ">=", "=", "==", "!="])
    func symbols(_ s: String) {
        let r = lex(s)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens.first?.kind == .symbol)
        #expect(r.tokens.first?.value == s)
    }

    @Test func everyKeywordIsOneWord() {
        for k in Keywords.all {
            let t = kinds(k)
            #expect(t.count == 1 && t[0].0 == .word && t[0].1 == k, "keyword \(k)")
        }
    }

    @Test func obligationFieldCheckMatchesTheList() {
        for k in Keywords.all.union(["Owner", "owners", "", "cite_"]) {
            #expect(Keywords.isObligationField(k) == Keywords.obligationFields.contains(k), "\(k)")
        }
    }

    @Test func hyphenOnlyJoinsKnownKeywords() {
        #expect(kinds("half-yearly").map(\.1) == ["half-yearly"])
        #expect(kinds("a-b").map(\.1) == ["a", "-", "b"])
    }

    @Test func monthIsNeverASubtraction() {
        #expect(kinds("2025-12").map(\.0) == [.calendar])
        let spaced = kinds("2025 - 12")
        #expect(spaced.map(\.0) == [.number, .symbol, .number])
        #expect(spaced.map(\.1) == ["2025", "-", "12"])
    }

    @Test func stringEscapes() {
        let r = lex(#""a \"quoted\" \\ path\nnext""#)
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens[0].value == "a \"quoted\" \\ path\nnext")
    }

    @Test func invalidEscapeIsReportedAndSkipped() {
        let r = lex(#""D:\tai""#)
        #expect(r.diagnostics.map(\.code) == [.E004])
        #expect(r.diagnostics[0].span.start == 3 && r.diagnostics[0].span.end == 5)
        #expect(r.tokens[0].kind == .string)
    }

    @Test func unterminatedStringStopsAtTheLineEnd() {
        let r = lex("\"abc\nplan")
        #expect(r.diagnostics.map(\.code) == [.E003])
        #expect(r.tokens.map(\.kind) == [.string, .word, .endOfFile])
        #expect(r.tokens[1].value == "plan")
    }

    @Test func malformedNumbers() {
        #expect(lex("1_000_").diagnostics.map(\.code) == [.E005])
        #expect(lex("10am").diagnostics.map(\.code) == [.E005])
        #expect(lex(String(repeating: "9", count: 61)).diagnostics.map(\.code) == [.E009])
        #expect(lex(String(repeating: "9", count: 60)).diagnostics.isEmpty)
    }

    @Test func unexpectedCharacterIsSkipped() {
        let r = lex("owner @ STC")
        #expect(r.diagnostics.map(\.code) == [.E002])
        #expect(r.tokens.dropLast().map(\.value) == ["owner", "STC"])
    }

    @Test func commentsAreKeptApart() {
        let r = lex("plan // số kế hoạch\n// dòng riêng\nissued")
        #expect(r.tokens.dropLast().map(\.value) == ["plan", "issued"])
        #expect(r.comments.map(\.text) == ["// số kế hoạch", "// dòng riêng"])
        #expect(r.comments.map(\.trailing) == [true, false])
    }

    @Test func byteOrderMarkIsIgnored() {
        let r = lex("\u{FEFF}plan \"1\"")
        #expect(r.diagnostics.isEmpty)
        #expect(r.tokens[0].value == "plan")
        #expect(r.tokens[0].span.start == 0)
    }

    @Test func decomposedTextLexesLikePrecomposed() {
        let decomposed = "owner \"So\u{031B}\u{0309}\" So\u{031B}\u{0309}_TC"
        let precomposed = "owner \"Sở\" Sở_TC"
        #expect(decomposed.unicodeScalars.count != precomposed.unicodeScalars.count)
        let a = lex(decomposed), b = lex(precomposed)
        #expect(a.tokens == b.tokens)
        #expect(a.tokens[1].value == "Sở")
        #expect(a.tokens[2].value == "Sở_TC")
    }

    @Test func columnsCountUnicodeScalars() throws {
        let r = lex("agency STC \"Sở Tài chính\" alias X")
        let alias = try #require(r.tokens.first(where: { $0.value == "alias" }))
        #expect(r.file.position(of: alias.span.start) == (1, 27))
        let second = lex("// Sở\n  đầu_tư")
        #expect(second.file.position(of: second.tokens[0].span.start) == (2, 3))
        #expect(second.file.position(of: second.tokens[0].span.end) == (2, 9))
    }

    @Test func crlfLineEndings() {
        let r = lex("plan\r\nissued\r\n")
        #expect(r.tokens.dropLast().map(\.value) == ["plan", "issued"])
        #expect(r.file.position(of: r.tokens[1].span.start) == (2, 1))
    }
}
