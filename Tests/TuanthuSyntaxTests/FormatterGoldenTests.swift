import Foundation
import Testing
import TuanthuCore
import TuanthuSyntax

/// Golden files for `tuanthu fmt`: every `Tests/Fixtures/fmt/<case>.plan` formats to exactly
/// `<case>.expected.plan`. `UPDATE_GOLDEN=1 swift test` rewrites the expected files, so a layout change
/// shows up as a diff for review.
enum FormatFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fmt", isDirectory: true)

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") && !$0.hasSuffix(".expected.plan") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Parses and formats source text; the parse errors come back as `line:column: message` strings.
    static func format(_ text: String) -> (text: String, errors: [String]) {
        var sources = SourceMap()
        let bytes: [UInt8]
        switch SourceFile.decode(Array(text.utf8)) {
        case .success(let b): bytes = b
        case .failure: bytes = Array(text.utf8)
        }
        let source = sources.add(path: "case.plan", bytes: bytes)
        let (ast, diagnostics) = Parser.parse(source)
        let errors = diagnostics.filter { $0.severity == .error }.map { d -> String in
            let (line, column) = source.position(of: d.span.start)
            return "\(line):\(column): \(d.code.rawValue)"
        }
        return (Formatter.format(ast, source: source), errors)
    }
}

@Suite("Formatter golden files")
struct FormatterGoldenTests {
    @Test func fixturesExist() {
        #expect(FormatFixtures.cases.count >= 6, "no fmt fixtures found in \(FormatFixtures.directory.path)")
    }

    @Test(arguments: FormatFixtures.cases)
    func golden(_ name: String) throws {
        let input = try String(contentsOf: FormatFixtures.directory.appendingPathComponent("\(name).plan"), encoding: .utf8)
        let expectedURL = FormatFixtures.directory.appendingPathComponent("\(name).expected.plan")
        let (actual, errors) = FormatFixtures.format(input)
        // `==` is the only error the formatter repairs (it prints `=`); anything else would not be formatted.
        #expect(errors.allSatisfy { $0.hasSuffix("E006") }, "\(name).plan does not parse: \(errors)")
        if FormatFixtures.updating {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
        #expect(expected != nil, "missing \(name).expected.plan; run UPDATE_GOLDEN=1 swift test")
        if let expected { #expect(actual == expected, "\(name).expected.plan differs") }
    }

    /// The expected output is a fixed point: formatting it changes nothing and it parses cleanly.
    @Test(arguments: FormatFixtures.cases)
    func expectedIsCanonical(_ name: String) throws {
        let url = FormatFixtures.directory.appendingPathComponent("\(name).expected.plan")
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return }
        let (again, errors) = FormatFixtures.format(expected)
        #expect(errors.isEmpty, "\(name).expected.plan does not parse: \(errors)")
        #expect(again == expected, "formatting \(name).expected.plan changes it")
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(FormatFixtures.format("").text == "")
        #expect(FormatFixtures.format("\n\n  \n").text == "")
        #expect(FormatFixtures.format("// chỉ có chú thích").text == "// chỉ có chú thích\n")
        #expect(FormatFixtures.format("\n\n// a\n\n\n// b\n\n").text == "// a\n\n// b\n")
    }

    @Test(arguments: [
        ("25", "25"), ("1250000000", "1_250_000_000"), ("1_2_5_0", "1250"), ("1_250", "1250"), ("12345", "12_345"), ("1234", "1234"),
        ("6.5", "6.5"), ("1000000.125", "1_000_000.125"), ("007", "007"),
    ])
    func numbersAreGrouped(_ written: String, _ canonical: String) {
        let text = "plan \"1\" { title \"t\" issuer \"i\" issued 2025-01-01 }\nindicator x : number\n"
            + "obligation o { owner A achieve x >= \(written) by 2030 cite \"c\" }\n"
        let out = FormatFixtures.format(text).text
        #expect(out.contains("achieve x >= \(canonical) by 2030"), "\(written) → \(out)")
    }

    @Test func crlfAndBOMInputGiveLFOutput() {
        let text = "\u{FEFF}agency A \"Sở A\"\r\n// chú thích\r\nagency BB \"Sở B\"\r\n"
        let out = FormatFixtures.format(text).text
        #expect(out == "agency A \"Sở A\"\n// chú thích\nagency BB \"Sở B\"\n")
    }
}
