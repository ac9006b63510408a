import Testing
@testable import TuanthuRuntime

private func parse(_ text: String) throws(JSONError) -> JSONNode {
    try JSONReader.parse(Array(text.utf8))
}

private func node(_ value: JSONValue, _ line: Int, _ column: Int) -> JSONNode {
    JSONNode(value: value, line: line, column: column)
}

private func member(_ key: String, _ line: Int, _ column: Int, _ value: JSONNode) -> JSONMember {
    JSONMember(key: key, value: value, keyLine: line, keyColumn: column)
}

struct JSONReaderTests {
    @Test func everyValueKindWithPositions() throws {
        let text = """
        {"s": "x", "n": -1.5e+3,
          "t": true, "f": false, "z": null,
          "a": [1, [], {}], "o": {"k": "v"}}
        """
        let expected = node(.object([
            member("s", 1, 2, node(.string("x"), 1, 7)),
            member("n", 1, 12, node(.number("-1.5e+3"), 1, 17)),
            member("t", 2, 3, node(.bool(true), 2, 8)),
            member("f", 2, 14, node(.bool(false), 2, 19)),
            member("z", 2, 26, node(.null, 2, 31)),
            member("a", 3, 3, node(.array([node(.number("1"), 3, 9), node(.array([]), 3, 12), node(.object([]), 3, 16)]), 3, 8)),
            member("o", 3, 21, node(.object([member("k", 3, 27, node(.string("v"), 3, 32))]), 3, 26)),
        ]), 1, 1)
        #expect(try parse(text) == expected)
    }

    @Test(arguments: ["0", "-0", "1", "-1", "10", "1250000000.50", "0.0", "-0.000", "1e5", "1E+5", "1e-05",
                      "2.5E-300", "123456789012345678901234567890.123456789012345678901234567890", "1e400"])
    func numbersKeepTheirText(_ text: String) throws {
        #expect(try parse(text) == node(.number(text), 1, 1))
        #expect(try parse("[ \(text) ]") == node(.array([node(.number(text), 1, 3)]), 1, 1))
        #expect(try parse("{\"v\":\(text)}")["v"] == node(.number(text), 1, 6))
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u00E9""#, "A\u{E9}\u{E9}"),
        (#""\ud83d\ude00 \uD83D\uDE00""#, "😀 😀"),
        (#""a\u0000b""#, "a\u{0}b"),
        (#""Hà Nội""#, "H\u{E0} N\u{1ED9}i"),
        ("\"S\u{01A1}\u{0309}\"", "S\u{1EDF}"),
        (#""e\u0301""#, "\u{E9}"),
        (#""x\"y\u1EC7z""#, "x\"y\u{1EC7}z"),
        (#""""#, ""),
    ])
    func stringsAreUnescapedAndNFC(_ input: String, _ expected: String) throws {
        let value = try parse(input).stringValue
        #expect(value.map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var input: [UInt8]
        var line: Int
        var column: Int
        var offset: Int
        var message: String
        init(_ input: String, _ line: Int, _ column: Int, _ offset: Int, _ message: String) {
            self.init(Array(input.utf8), line, column, offset, message)
        }
        init(_ input: [UInt8], _ line: Int, _ column: Int, _ offset: Int, _ message: String) {
            self.input = input
            self.line = line
            self.column = column
            self.offset = offset
            self.message = message
        }
        var testDescription: String { String(decoding: input.prefix(40), as: UTF8.self).debugDescription }
    }

    static let errorCases: [ErrorCase] = [
        .init("", 1, 1, 0, "expected a JSON value, found end of input"),
        .init("  \n ", 2, 2, 4, "expected a JSON value, found end of input"),
        .init("01", 1, 2, 1, "leading zero"),
        .init("-", 1, 2, 1, "expected a digit after '-', found end of input"),
        .init("-a", 1, 2, 1, "expected a digit after '-', found 'a'"),
        .init("+1", 1, 1, 0, "cannot start with '+'"),
        .init(".5", 1, 1, 0, "digit before '.'"),
        .init("1.", 1, 3, 2, "expected a digit after the decimal point"),
        .init("1.e5", 1, 3, 2, "expected a digit after the decimal point, found 'e'"),
        .init("1e", 1, 3, 2, "expected a digit in the exponent"),
        .init("1e+", 1, 4, 3, "expected a digit in the exponent"),
        .init("1.5.2", 1, 4, 3, "expected the end of input after the top-level value, found '.'"),
        .init("0x10", 1, 2, 1, "expected the end of input after the top-level value, found 'x'"),
        .init("[1 2]", 1, 4, 3, "expected ',' or ']' after an array element, found '2'"),
        .init("[1,]", 1, 4, 3, "trailing comma"),
        .init("{\"a\":1,}", 1, 8, 7, "trailing comma"),
        .init("{\"a\" 1}", 1, 6, 5, "expected ':' after the member name \"a\", found '1'"),
        .init("{a:1}", 1, 2, 1, "expected a member name (a string in double quotes) or '}', found 'a'"),
        .init("{\"a\":1 \"b\":2}", 1, 8, 7, "expected ',' or '}' after an object member, found '\"'"),
        .init("[1,\n2\n", 3, 1, 6, "found end of input (the array opened at line 1, column 1 is not closed)"),
        .init("{\"a\":\n  {\"b\":", 2, 8, 13, "expected a JSON value, found end of input (the object opened at line 2, column 3 is not closed)"),
        .init("{\"a\":[1,2}", 1, 10, 9, "expected ',' or ']' after an array element, found '}'"),
        .init("\"abc", 1, 1, 0, "the string starting here is not terminated"),
        .init("[\"a\nb\"]", 1, 4, 3, "control character U+000A in a string must be escaped"),
        .init("\"a\tb\"", 1, 3, 2, "control character U+0009"),
        .init("\"\\x\"", 1, 2, 1, "invalid escape: found 'x' after '\\'"),
        .init("\"\\", 1, 3, 2, "expected an escape character after '\\', found end of input"),
        .init("\"ab\\ud800\"", 1, 4, 3, "lone high surrogate \\uD800"),
        .init("\"\\udc00\"", 1, 2, 1, "lone low surrogate \\uDC00"),
        .init("\"\\ud800\\u0041\"", 1, 8, 7, "expected a low surrogate \\uDC00-\\uDFFF after the high surrogate \\uD800, found \\u0041"),
        .init("\"\\u12G4\"", 1, 6, 5, "expected 4 hex digits after '\\u', found 'G'"),
        .init("\"\\u12", 1, 6, 5, "expected 4 hex digits after '\\u', found end of input"),
        .init("tru", 1, 1, 0, "expected 'true', found 'tru'"),
        .init("[nul]", 1, 2, 1, "expected 'null', found 'nul'"),
        .init("nulls", 1, 5, 4, "unexpected 's' after 'null'"),
        .init("True", 1, 1, 0, "expected a JSON value (string, number, object, array, true, false or null), found 'T'"),
        .init("[1] [2]", 1, 5, 4, "expected the end of input after the top-level value, found '['"),
        .init("'a'", 1, 1, 0, "strings must use double quotes"),
        .init([0x22, 0xFF, 0x22], 1, 2, 1, "invalid UTF-8 in a string: byte 0xFF"),
        .init([0x5B, 0xC3, 0x5D], 1, 2, 1, "found byte 0xC3"),
        .init("[\"Hà\", x]", 1, 8, 8, "found 'x'"),
        .init("[\"Ha\u{0300}\", x]", 1, 9, 9, "found 'x'"),
        .init("[\r\n1,\r\n x]", 3, 2, 8, "found 'x'"),
        .init("[\r1,\r x]", 3, 2, 6, "found 'x'"),
        .init("\u{FEFF}[x]", 1, 2, 4, "found 'x'"),
        .init("[1]\u{00A0}", 1, 4, 3, "found '\u{00A0}' (U+00A0)"),
    ]

    @Test(arguments: errorCases)
    func errors(_ c: ErrorCase) {
        do {
            let value = try JSONReader.parse(c.input)
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.line == c.line)
            #expect(error.column == c.column)
            #expect(error.byteOffset == c.offset)
            #expect(error.message.contains(c.message), "\(error.message)")
        }
    }

    @Test func depthLimit() throws {
        let depth = JSONReader.maxDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parse(ok)
        var levels = 0
        while let inner = value.arrayElements {
            levels += 1
            guard let first = inner.first else { break }
            value = first
        }
        #expect(levels == depth)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        _ = try parse(objects)

        for input in [String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1),
                      String(repeating: "[", count: 100_000),
                      String(repeating: "{\"a\":", count: 100_000)] {
            do {
                _ = try parse(input)
                Issue.record("expected a depth error")
            } catch {
                #expect(error.message.contains("nested more than 512 deep"))
                #expect(error.line == 1)
                #expect(error.byteOffset == (input.hasPrefix("{") ? 5 * depth : depth))
            }
        }
    }

    @Test func duplicateKeysAreKeptInOrder() throws {
        let members = try #require(try parse(#"{"a": 1, "b": 2, "a": 3}"#).objectMembers)
        #expect(members.map(\.key) == ["a", "b", "a"])
        #expect(members.map(\.value.value) == [.number("1"), .number("2"), .number("3")])
        #expect(try parse(#"{"a": 1, "a": 3}"#)["a"]?.value == .number("1"))
    }

    @Test func bomIsTolerated() throws {
        let parsed = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a" : 1}"#.utf8))
        #expect(parsed == node(.object([member("a", 1, 2, node(.number("1"), 1, 8))]), 1, 1))
    }

    @Test func dataFileShape() throws {
        let text = """
        {"observations": [
           {"province": "Hà Nội", "indicator": "THU_NSNN", "period": "2025", "value": 1250000000.50, "final": true},
           {"province": "Đắk Lắk", "indicator": "THU_NSNN", "period": "2025", "value": null}
         ],
         "reports": [], "tasks": [], "events": [], "extensions": []}
        """
        let root = try parse(text)
        #expect(root.objectMembers?.map(\.key) == ["observations", "reports", "tasks", "events", "extensions"])
        let observations = try #require(root["observations"]?.arrayElements)
        #expect(observations.count == 2)
        #expect(observations[0]["value"] == node(.number("1250000000.50"), 2, 79))
        #expect(observations[0]["final"]?.value == .bool(true))
        #expect(observations[1]["province"]?.stringValue == "Đắk Lắk")
        #expect(observations[1]["value"]?.value == .null)
        #expect(observations[1].line == 3 && observations[1].column == 4)
    }

    /// Random JSON-ish bytes never trap: each input either parses or gives an error inside the input.
    @Test func randomBytesNeverTrap() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["{", "}", "[", "]", ",", ":", "\"", "\\", "u", "d8", "00", "dc", "0", "1", "-", ".", "e", "+",
                      " ", "\n", "\r", "true", "null", "fals", "ệ", "a", "\u{7}"].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        for _ in 0..<3000 {
            var input: [UInt8] = []
            for _ in 0..<next(30) { input += pieces[next(pieces.count)] }
            do {
                _ = try JSONReader.parse(input)
            } catch {
                #expect(error.byteOffset >= 0 && error.byteOffset <= input.count)
                #expect(error.line >= 1 && error.column >= 1)
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func errorDescriptionShowsPosition() {
        let error = JSONError(line: 3, column: 7, byteOffset: 20, message: "expected ':'")
        #expect(error.description == "3:7: expected ':'")
    }
}
