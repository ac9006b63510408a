import Foundation
import Testing
@testable import TuanthuRuntime
import TuanthuCore

/// What one `next()` call gave.
enum CSVReadOutcome: Equatable, CustomStringConvertible {
    case record([String])
    case error(CSVError.Kind, line: Int, column: Int, offset: Int)

    var description: String {
        switch self {
        case .record(let fields): return "record(\(fields.map { $0.debugDescription }.joined(separator: ", ")))"
        case let .error(kind, line, column, offset): return "error(\(kind) at \(line):\(column) @\(offset))"
        }
    }
}

/// Chunk sizes every table case is read with, so that chunk boundaries fall everywhere.
private let chunkSizes = [1, 2, 3, 4, 5, 7, 16, CSVReader.defaultChunkSize]

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Reads everything, collecting records and errors (stops after 10,000 calls so a bug cannot hang).
private func readAll(_ input: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize,
                     fieldLimit: Int = CSVReader.maxFieldBytes) -> (outcomes: [CSVReadOutcome], records: [CSVRecord], errors: [CSVError]) {
    let reader = CSVReader(bytes: input, chunkSize: chunkSize, fieldLimit: fieldLimit)
    var outcomes: [CSVReadOutcome] = [], records: [CSVRecord] = [], errors: [CSVError] = []
    for _ in 0..<10_000 {
        do {
            guard let record = try reader.next() else { break }
            outcomes.append(.record(record.fields))
            records.append(record)
        } catch {
            outcomes.append(.error(error.kind, line: error.line, column: error.column, offset: error.byteOffset))
            errors.append(error)
        }
    }
    return (outcomes, records, errors)
}

private func utf8Fields(_ records: [CSVRecord]) -> [[[UInt8]]] {
    records.map { $0.fields.map { Array($0.utf8) } }
}

struct CSVReaderTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var delimiter: Character
        var expected: [[String]]
        var testDescription: String { name }
    }

    static let parseCases: [ParseCase] = [
        .init(name: "LF", input: "a,b,c\n1,2,3\n", delimiter: ",", expected: [["a", "b", "c"], ["1", "2", "3"]]),
        .init(name: "CRLF", input: "a,b\r\n1,2\r\n", delimiter: ",", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "no final newline", input: "a,b\n1,2", delimiter: ",", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "mixed line ends", input: "a,b\r\n1,2\n3,4\r\n5,6", delimiter: ",",
              expected: [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]),
        .init(name: "bare CR ends a line", input: "a,b\r1,2\r", delimiter: ",", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "quoted comma", input: "a,b\n\"x,y\",z\n", delimiter: ",", expected: [["a", "b"], ["x,y", "z"]]),
        .init(name: "quoted LF", input: "a,b\n\"l1\nl2\",z\n", delimiter: ",", expected: [["a", "b"], ["l1\nl2", "z"]]),
        .init(name: "quoted CRLF kept verbatim", input: "a,b\r\n\"l1\r\nl2\",z\r\n", delimiter: ",",
              expected: [["a", "b"], ["l1\r\nl2", "z"]]),
        .init(name: "doubled quotes", input: "a\n\"he said \"\"hi\"\"\"\n\"\"\"\"\n", delimiter: ",",
              expected: [["a"], ["he said \"hi\""], ["\""]]),
        .init(name: "empty fields", input: "a,,c\n,,\n", delimiter: ",", expected: [["a", "", "c"], ["", "", ""]]),
        .init(name: "trailing delimiter", input: "a,b,\n1,2,", delimiter: ",", expected: [["a", "b", ""], ["1", "2", ""]]),
        .init(name: "empty quoted field", input: "\"\",b\nc,\"\"\n", delimiter: ",", expected: [["", "b"], ["c", ""]]),
        .init(name: "lone empty quoted field is a record", input: "a\n\"\"\nb", delimiter: ",", expected: [["a"], [""], ["b"]]),
        .init(name: "empty lines skipped", input: "\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n", delimiter: ",",
              expected: [["a", "b"], ["1", "2"], ["3", "4"]]),
        .init(name: "UTF-8 BOM", input: "\u{FEFF}a,b\n1,2\n", delimiter: ",", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "semicolon", input: "a;b;c\n1,5;2;3\n", delimiter: ";", expected: [["a", "b", "c"], ["1,5", "2", "3"]]),
        .init(name: "semicolon, quoted comma in header", input: "\"a,x\";b\n1;2\n", delimiter: ";",
              expected: [["a,x", "b"], ["1", "2"]]),
        .init(name: "comma, quoted semicolon in header", input: "a,\"b;c\"\n1;2,3\n", delimiter: ",",
              expected: [["a", "b;c"], ["1;2", "3"]]),
        .init(name: "header with both is comma", input: "a;b,c\n", delimiter: ",", expected: [["a;b", "c"]]),
        .init(name: "only quoted semicolon is comma", input: "\"a;b\"\n1\n", delimiter: ",", expected: [["a;b"], ["1"]]),
        .init(name: "semicolon after empty lines", input: "\r\n\na;b\n1;2", delimiter: ";", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "Excel VN export", input: "\u{FEFF}Mã;Tên\r\n01;\"Hà Nội; thủ đô\"\r\n02;Hải Phòng\r\n", delimiter: ";",
              expected: [["Mã", "Tên"], ["01", "Hà Nội; thủ đô"], ["02", "Hải Phòng"]]),
        .init(name: "quote inside unquoted field is literal", input: "a,b\"c\n", delimiter: ",", expected: [["a", "b\"c"]]),
        .init(name: "whitespace kept", input: " a , b \n\t\n", delimiter: ",", expected: [[" a ", " b "], ["\t"]]),
        .init(name: "single column", input: "x\n1\n2", delimiter: ",", expected: [["x"], ["1"], ["2"]]),
        .init(name: "quoted field at end of input", input: "a,\"b\"", delimiter: ",", expected: [["a", "b"]]),
        .init(name: "empty input", input: "", delimiter: ",", expected: []),
        .init(name: "only line breaks", input: "\n\r\n\r\n", delimiter: ",", expected: []),
        .init(name: "BOM only", input: "\u{FEFF}", delimiter: ",", expected: []),
        .init(name: "multi-line quoted fields", input: "h1,h2\n\"a\n\nb\",\"\r\n\"\n", delimiter: ",",
              expected: [["h1", "h2"], ["a\n\nb", "\r\n"]]),
        .init(name: "Vietnamese and emoji", input: "Tỉnh,Ghi chú\nĐắk Lắk,\"😀, ổn\"\n", delimiter: ",",
              expected: [["Tỉnh", "Ghi chú"], ["Đắk Lắk", "😀, ổn"]]),
    ]

    @Test(arguments: parseCases)
    func parses(_ c: ParseCase) {
        for chunk in chunkSizes {
            let reader = CSVReader(bytes: bytes(c.input), chunkSize: chunk)
            #expect(reader.delimiter == UInt8(ascii: c.delimiter.unicodeScalars.first ?? ","), "chunk \(chunk)")
            let result = readAll(bytes(c.input), chunkSize: chunk)
            #expect(result.outcomes == c.expected.map { .record($0) }, "chunk \(chunk)")
            #expect(utf8Fields(result.records) == c.expected.map { $0.map { Array($0.utf8) } }, "chunk \(chunk)")
        }
    }

    struct PositionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        /// Per record: its line, then (line, column) of each field.
        var expected: [(line: Int, fields: [(Int, Int)])]
        var testDescription: String { name }
    }

    static let positionCases: [PositionCase] = [
        .init(name: "plain", input: "a,bb,ccc\n1,22,333\n", expected: [(1, [(1, 1), (1, 3), (1, 6)]), (2, [(2, 1), (2, 3), (2, 6)])]),
        .init(name: "empty lines keep numbering", input: "\n\nx,y\n\nz\r\n\r\nw", expected: [(3, [(3, 1), (3, 3)]), (5, [(5, 1)]), (7, [(7, 1)])]),
        .init(name: "fields after embedded line breaks", input: "\"a\nb\",c,\"d\r\ne\rf\",g\nh\n",
              expected: [(1, [(1, 1), (2, 4), (2, 6), (4, 4)]), (5, [(5, 1)])]),
        .init(name: "precomposed Vietnamese before a field", input: "Hà Nội,x\n", expected: [(1, [(1, 1), (1, 8)])]),
        .init(name: "decomposed Vietnamese counts its scalars", input: "Ha\u{0300} N\u{00F4}\u{0323}i,x\n", expected: [(1, [(1, 1), (1, 10)])]),
        .init(name: "emoji is one column", input: "😀,\"😀\",x", expected: [(1, [(1, 1), (1, 3), (1, 7)])]),
        .init(name: "BOM is not a column", input: "\u{FEFF}a,b\r\nc,d", expected: [(1, [(1, 1), (1, 3)]), (2, [(2, 1), (2, 3)])]),
        .init(name: "semicolon", input: "ab;c\n;\n", expected: [(1, [(1, 1), (1, 4)]), (2, [(2, 1), (2, 2)])]),
    ]

    @Test(arguments: positionCases)
    func positions(_ c: PositionCase) {
        for chunk in chunkSizes {
            let result = readAll(bytes(c.input), chunkSize: chunk)
            #expect(result.errors.isEmpty)
            #expect(result.records.map(\.line) == c.expected.map(\.line), "chunk \(chunk)")
            #expect(result.records.map(\.fieldLines) == c.expected.map { $0.fields.map(\.0) }, "chunk \(chunk)")
            #expect(result.records.map(\.columns) == c.expected.map { $0.fields.map(\.1) }, "chunk \(chunk)")
        }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: [UInt8]
        var expected: [CSVReadOutcome]
        var fieldLimit: Int = CSVReader.maxFieldBytes
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        .init(name: "character after closing quote, then continue",
              input: bytes("a,b\n\"x\"y,z\nc,d\n"),
              expected: [.record(["a", "b"]), .error(.characterAfterClosingQuote, line: 2, column: 4, offset: 7), .record(["c", "d"])]),
        .init(name: "character after closing quote, stray quotes after it",
              input: bytes("h\n\"ab\"c\"d,e\"\n\"ab\" ,\"x\ny\"\nf\n"),
              expected: [.record(["h"]), .error(.characterAfterClosingQuote, line: 2, column: 5, offset: 6),
                         .error(.characterAfterClosingQuote, line: 3, column: 5, offset: 17), .record(["f"])]),
        .init(name: "unterminated quote runs to the end",
              input: bytes("a,b\nc,\"open\nmore,\"\"\nlast\n"),
              expected: [.record(["a", "b"]), .error(.unterminatedQuote, line: 2, column: 3, offset: 6)]),
        .init(name: "unterminated quote wins over an earlier error in its record",
              input: bytes("x\n") + [0xFF] + bytes(",\"abc\n"),
              expected: [.record(["x"]), .error(.unterminatedQuote, line: 2, column: 3, offset: 4)]),
        .init(name: "invalid UTF-8, then continue",
              input: bytes("a,b\nx,") + [0xFF] + bytes("y\nc,d\n"),
              expected: [.record(["a", "b"]), .error(.invalidUTF8, line: 2, column: 3, offset: 6), .record(["c", "d"])]),
        .init(name: "invalid UTF-8 after Vietnamese text counts scalars",
              input: bytes("h\nHà,") + [0xE1, 0x28] + bytes("\n"),
              expected: [.record(["h"]), .error(.invalidUTF8, line: 2, column: 4, offset: 6)]),
        .init(name: "invalid UTF-8 in a quoted field on its second line",
              input: bytes("a\n\"x\ny") + [0xC3, 0x28] + bytes("\"\nz\n"),
              expected: [.record(["a"]), .error(.invalidUTF8, line: 3, column: 2, offset: 6), .record(["z"])]),
        .init(name: "truncated sequence at end of input",
              input: bytes("a\nb") + [0xE1, 0xBB],
              expected: [.record(["a"]), .error(.invalidUTF8, line: 2, column: 2, offset: 3)]),
        .init(name: "overlong encoding", input: bytes("a\n") + [0xC0, 0xAF],
              expected: [.record(["a"]), .error(.invalidUTF8, line: 2, column: 1, offset: 2)]),
        .init(name: "encoded surrogate", input: bytes("a\nb,") + [0xED, 0xA0, 0x80],
              expected: [.record(["a"]), .error(.invalidUTF8, line: 2, column: 3, offset: 4)]),
        .init(name: "lone continuation byte in the header", input: [0x80] + bytes(",a\nb,c\n"),
              expected: [.error(.invalidUTF8, line: 1, column: 1, offset: 0), .record(["b", "c"])]),
        .init(name: "byte offsets count the BOM", input: bytes("\u{FEFF}a\n") + [0xFF],
              expected: [.record(["a"]), .error(.invalidUTF8, line: 2, column: 1, offset: 5)]),
        .init(name: "first error of a record is reported",
              input: bytes("h\n\"a\"b,") + [0xFF] + bytes("\n"),
              expected: [.record(["h"]), .error(.characterAfterClosingQuote, line: 2, column: 4, offset: 5)]),
        .init(name: "every bad row is reported",
              input: bytes("h,i\n") + [0xFF] + bytes(",1\n\"a\"b,2\nok,3\n") + [0xC3] + bytes("\nend,4"),
              expected: [.record(["h", "i"]), .error(.invalidUTF8, line: 2, column: 1, offset: 4),
                         .error(.characterAfterClosingQuote, line: 3, column: 4, offset: 11), .record(["ok", "3"]),
                         .error(.invalidUTF8, line: 5, column: 1, offset: 20), .record(["end", "4"])]),
        .init(name: "field too long (small limit), unquoted and quoted",
              input: bytes("a,b\n12345678,x\n123456789,y\n\"12345\"\"678\",z\n\"1234\n5678\",w\nlast\n"),
              expected: [.record(["a", "b"]), .record(["12345678", "x"]),
                         .error(.fieldTooLong, line: 3, column: 1, offset: 15),
                         .error(.fieldTooLong, line: 4, column: 1, offset: 27),
                         .error(.fieldTooLong, line: 5, column: 1, offset: 42),
                         .record(["last"])],
              fieldLimit: 8),
    ]

    @Test(arguments: errorCases)
    func errors(_ c: ErrorCase) {
        for chunk in chunkSizes {
            let result = readAll(c.input, chunkSize: chunk, fieldLimit: c.fieldLimit)
            #expect(result.outcomes == c.expected, "chunk \(chunk)")
        }
    }

    @Test func errorMessages() throws {
        let cases: [([UInt8], String)] = [
            (bytes("\"ab\"c\n"), "unexpected 'c' after the closing quote of field 1"),
            (bytes("a,\"b\n"), "quoted field 2 is never closed"),
            (bytes("a,") + [0xFF], "invalid UTF-8 (byte 0xFF) in field 2"),
        ]
        for (input, expected) in cases {
            let result = readAll(input)
            let message = try #require(result.errors.first).message
            #expect(message.contains(expected), "\(message)")
        }
    }

    @Test func normalisesNonASCIIFieldsToNFC() throws {
        // "Sở Tài chính" with ở written decomposed as ơ (U+01A1) + hook above (U+0309).
        let decomposed = "S\u{01A1}\u{0309} Ta\u{0300}i chi\u{0301}nh"
        let result = readAll(bytes("co_quan,x\n\(decomposed),\"\(decomposed)\"\n"))
        let record = try #require(result.records.last)
        let expected = Array("S\u{1EDF} T\u{00E0}i ch\u{00ED}nh".unicodeScalars)
        #expect(Array(record.fields[0].unicodeScalars) == expected)
        #expect(Array(record.fields[1].unicodeScalars) == expected)
        // Columns are counted on the line as written (decomposed): 15 scalars, a comma, then the quote.
        #expect(record.columns == [1, 17])
    }

    /// The NFC shortcut: every scalar it lets through is NFC alone and next to any other such scalar.
    @Test func stableNFCShortcutIsSound() {
        let scalars = (Array(0x20..<0x7F) + Array(0xA0..<0x300) + Array(0x1E00...0x1EFF) + Array(0x2002...0x206F))
            .compactMap { Unicode.Scalar(UInt32($0)) }
        for a in scalars {
            var text = String.UnicodeScalarView()
            for b in scalars { text.append(a); text.append(b) }
            let string = String(text)
            let stable = Array(string.utf8).withUnsafeBufferPointer { UTF8Validation.isStableNFC($0) }
            #expect(stable)
            #expect(Array(string.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(string.unicodeScalars),
                    "U+\(String(a.value, radix: 16))")
        }
        for notStable in ["a\u{0300}", "\u{2000}", "\u{2001}", "\u{2070}", "\u{20D0}", "\u{1F600}", "\u{0340}", "\u{1100}\u{1161}"] {
            #expect(!Array(notStable.utf8).withUnsafeBufferPointer { UTF8Validation.isStableNFC($0) })
        }
    }

    @Test func everyChunkSizeGivesTheSameRecords() {
        let input = bytes("mã;tên;ghi chú\r\n01;\"Thành phố\r\nHà Nội;\"\"thủ đô\"\"\";😀\n02;Hải Phòng;\"\"\r\n")
        let reference = readAll(input)
        #expect(reference.errors.isEmpty)
        #expect(reference.records.count == 3)
        for chunk in 1...input.count + 1 {
            let result = readAll(input, chunkSize: chunk)
            #expect(result.records == reference.records, "chunk \(chunk)")
        }
    }

    @Test func rejectsUTF16() throws {
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let input = bom + [0x61, 0x00, 0x2C, 0x00, 0x62, 0x00]
            let reader = CSVReader(bytes: input)
            #expect(throws: CSVError.self) { try reader.next() }
            do {
                _ = try reader.next()
            } catch {
                Issue.record("a second next() after the UTF-16 error should give nil")
            }
            let result = readAll(input)
            #expect(result.outcomes == [.error(.utf16, line: 1, column: 1, offset: 0)])
            #expect(result.errors.first?.message.contains("iconv -f UTF-16 -t UTF-8 in.csv > out.csv") == true)
            #expect(result.errors.first?.message.contains("CSV UTF-8") == true)

            let path = try temporaryFile(input)
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                _ = try CSVReader(path: path)
                Issue.record("opening a UTF-16 file should throw")
            } catch {
                #expect(error.kind == .utf16)
            }
        }
    }

    @Test func fieldTooLongAtTheRealLimit() {
        let limit = CSVReader.maxFieldBytes
        var input = bytes("h,i\n")
        input += [UInt8](repeating: UInt8(ascii: "a"), count: limit) + bytes(",1\n")
        let tooLongOffset = input.count
        input += [UInt8](repeating: UInt8(ascii: "b"), count: limit + 1) + bytes(",2\n")
        input += bytes("\"") + [UInt8](repeating: UInt8(ascii: "c"), count: limit + 1) + bytes("\",3\nok,4\n")
        let result = readAll(input)
        #expect(result.outcomes.count == 5)
        guard result.outcomes.count == 5 else { return }
        #expect(result.records.count == 3)
        #expect(result.records[1].fields[0].utf8.count == limit)
        #expect(result.outcomes[2] == .error(.fieldTooLong, line: 3, column: 1, offset: tooLongOffset))
        #expect(result.outcomes[3] == .error(.fieldTooLong, line: 4, column: 1, offset: tooLongOffset + limit + 4))
        #expect(result.outcomes[4] == .record(["ok", "4"]))
    }

    /// A record with more cells than a spreadsheet holds is an error at its first cell too many; the reader
    /// goes on with the next record (the 25-million-cell header of `scripts/pathological.sh` once took 1.5 GB).
    @Test func tooManyCellsIsAnErrorAndTheNextRecordIsRead() {
        let limit = CSVReader.maxFields
        var input = bytes("a,b\n")
        let wide = Array(repeating: "x", count: limit + 3).joined(separator: ",")
        input += bytes(wide + "\n")
        let atLimit = Array(repeating: "y", count: limit).joined(separator: ",")
        input += bytes(atLimit + "\nok,1\n")
        for chunk in chunkSizes {
            let result = readAll(input, chunkSize: chunk)
            #expect(result.outcomes.count == 4, "chunk \(chunk)")
            guard result.outcomes.count == 4 else { continue }
            #expect(result.outcomes[1] == .error(.tooManyFields, line: 2, column: 2 * limit + 1, offset: 4 + 2 * limit), "chunk \(chunk)")
            #expect(result.records.count == 3)
            #expect(result.records[1].fields.count == limit, "a record of exactly \(limit) cells is read whole")
            #expect(result.outcomes[3] == .record(["ok", "1"]))
        }
    }

    @Test func readsFilesInChunks() throws {
        var text = "\u{FEFF}mã;giá trị\r\n"
        for i in 0..<2000 { text += "\(i);\"Tỉnh \(i);\r\n\"\"x\"\"\"\r\n" }
        let path = try temporaryFile(bytes(text))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for chunk in [3, 4096, CSVReader.defaultChunkSize] {
            let reader = try CSVReader(path: path, chunkSize: chunk)
            #expect(reader.delimiter == UInt8(ascii: ";"))
            var count = 0
            while let record = try reader.next() {
                if count > 0 {
                    #expect(record.fields == ["\(count - 1)", "Tỉnh \(count - 1);\r\n\"x\""])
                    #expect(record.line == 2 * count)
                }
                count += 1
            }
            #expect(count == 2001)
        }
    }

    @Test func missingFileIsAnIOError() {
        do {
            _ = try CSVReader(path: "/nonexistent/dir/data.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .ioError)
            #expect(error.message.contains("/nonexistent/dir/data.csv"))
        }
    }

    @Test func directoryIsAnIOError() {
        do {
            _ = try CSVReader(path: NSTemporaryDirectory())
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .ioError)
        }
    }

    /// Random records -> RFC 4180 text -> reader -> the same records, at random chunk sizes.
    @Test func roundTrip() {
        var rng = HostileRandom(seed: 0x7475616E74687531)
        let alphabet = ["a", "b", "Z", "0", "9", " ", ",", ";", "\"", "\r", "\n", "\r\n", "ệ", "Đ", "ở", "😀", "\t", "x"]
        for caseIndex in 0..<400 {
            let delimiter = rng.next(2) == 0 ? "," : ";"
            let alwaysQuote = rng.next(4) == 0
            let recordCount = 1 + rng.next(8)
            var records: [[String]] = []
            for r in 0..<recordCount {
                let minFields = r == 0 && delimiter == ";" ? 2 : 1
                let fieldCount = minFields + rng.next(6)
                records.append((0..<fieldCount).map { _ in
                    (0..<rng.next(7)).map { _ in alphabet[rng.next(alphabet.count)] }.joined()
                })
            }
            var text = ""
            var expectedLines: [Int] = []
            for (r, record) in records.enumerated() {
                expectedLines.append(1 + lineBreaks(in: text))
                text += record.map { field -> String in
                    let special = field.unicodeScalars.contains { ",;\"\r\n".unicodeScalars.contains($0) }
                    if alwaysQuote || special || (record.count == 1 && field.isEmpty) {
                        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    }
                    return field
                }.joined(separator: delimiter)
                if r < records.count - 1 || rng.next(2) == 0 { text += rng.next(2) == 0 ? "\n" : "\r\n" }
            }
            let chunk = rng.next(3) == 0 ? CSVReader.defaultChunkSize : 1 + rng.next(9)
            let result = readAll(bytes(text), chunkSize: chunk)
            #expect(result.errors.isEmpty, "case \(caseIndex): \(text.debugDescription)")
            #expect(utf8Fields(result.records) == records.map { $0.map { Array($0.utf8) } },
                    "case \(caseIndex), chunk \(chunk): \(text.debugDescription)")
            #expect(result.records.map(\.line) == expectedLines, "case \(caseIndex): \(text.debugDescription)")
        }
    }
}

extension CSVReaderTests {
    /// Random bytes rich in quotes, delimiters, line breaks and broken UTF-8: reading never traps or
    /// hangs, and every chunk size gives exactly the same records and errors.
    @Test func randomBytesGiveTheSameOutcomeAtEveryChunkSize() {
        var rng = HostileRandom(seed: 42)
        let alphabet: [[UInt8]] = [[0x61], [0x62], [0x2C], [0x3B], [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A],
                                   [0x20], [0xC3, 0xA0], [0xE1, 0xBB, 0x87], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xC3],
                                   [0xE1, 0xBB], [0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]
        for caseIndex in 0..<300 {
            var input: [UInt8] = rng.next(5) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<rng.next(60) { input += alphabet[rng.next(alphabet.count)] }
            let limit = 1 + rng.next(12)
            let expected = readAll(input, fieldLimit: limit)
            for chunk in [1, 2, 3, 5] {
                let result = readAll(input, chunkSize: chunk, fieldLimit: limit)
                #expect(result.outcomes == expected.outcomes, "case \(caseIndex), chunk \(chunk): \(input)")
                #expect(result.records == expected.records, "case \(caseIndex), chunk \(chunk)")
                #expect(result.errors == expected.errors, "case \(caseIndex), chunk \(chunk)")
            }
            #expect(expected.outcomes.count <= input.count + 1)
        }
    }
}

/// Line breaks as the reader counts them: LF, CRLF, lone CR.
private func lineBreaks(in text: String) -> Int {
    let b = Array(text.utf8)
    var n = 0, i = 0
    while i < b.count {
        if b[i] == 0x0A { n += 1 } else if b[i] == 0x0D {
            n += 1
            if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
        }
        i += 1
    }
    return n
}

private func temporaryFile(_ contents: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "tuanthu-csv-\(UUID().uuidString).csv"
    try Data(contents).write(to: URL(fileURLWithPath: path))
    return path
}

/// The round-trip cases draw from the deterministic generator of the hostile-input tests (SplitMix64).
extension HostileRandom {
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
