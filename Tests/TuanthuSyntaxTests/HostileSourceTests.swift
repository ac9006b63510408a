import Foundation
import Testing
import TuanthuCore
import TuanthuSyntax

/// Hostile plan text at the lexer and parser: limits give one clear diagnostic (never a stack overflow),
/// bad encodings name the byte, and the fuzzers' crashing inputs stay fixed.
@Suite("Hostile plan source")
struct HostileSourceTests {
    static func parse(_ bytes: [UInt8]) -> (file: PlanFile, diagnostics: [Diagnostic], source: SourceFile) {
        var map = SourceMap()
        let decoded: [UInt8]
        switch SourceFile.decode(bytes) {
        case .success(let b): decoded = b
        case .failure: decoded = []
        }
        let source = map.add(path: "hostile.plan", bytes: decoded)
        let (file, diagnostics) = Parser.parse(source)
        return (file, diagnostics, source)
    }

    static func parse(_ text: String) -> (file: PlanFile, diagnostics: [Diagnostic], source: SourceFile) {
        parse(Array(text.utf8))
    }

    static let obligationHead = "obligation o \"O\" {\n  owner A\n  achieve "

    @Test func longStringIsOneE009() {
        let text = "plan \"P\" { title \"" + String(repeating: "x", count: 200_000) + "\" }\n"
        let r = Self.parse(text)
        #expect(r.diagnostics.filter { $0.code == .E009 }.count == 1)
    }

    @Test func longNumberIsOneE009() {
        let text = Self.obligationHead + "x >= " + String(repeating: "7", count: 100_000) + " by 2030\n}\n"
        let r = Self.parse(text)
        #expect(r.diagnostics.filter { $0.code == .E009 }.count == 1)
    }

    @Test func sixtyDigitsAreAccepted() {
        let text = Self.obligationHead + "x >= " + String(repeating: "9", count: 60) + " by 2030\n  cite \"I\"\n}\n"
        #expect(!Self.parse(text).diagnostics.contains { $0.code == .E009 })
    }

    @Test(arguments: ["(", "not ", "-", "previous(", "growth("])
    func deepNestingOfEveryKindIsE008(open: String) {
        let n = 100_000
        let close = open.hasSuffix("(") ? ")" : ""
        let text = Self.obligationHead + String(repeating: open, count: n) + "x" + String(repeating: close, count: n)
            + " >= 1 by 2030\n}\nevent later \"L\"\n"
        let r = Self.parse(text)
        #expect(r.diagnostics.contains { $0.code == .E008 })
        #expect(r.diagnostics.filter { $0.code == .E008 }.count == 1)
    }

    @Test func deeplyNestedBracesDoNotRecurse() {
        let text = String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000)
        let r = Self.parse(text)
        #expect(!r.diagnostics.isEmpty)
    }

    @Test func manyUnexpectedCharactersOnOneLineStayLinear() {
        // 200,000 bad characters on one line: the lexer reports them without re-scanning the line.
        let text = "plan \"P\" {}\n" + String(repeating: "@", count: 200_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Self.parse(text) }
        #expect(elapsed < .seconds(20))
    }

    @Test func invalidUTF8IsReportedAtItsByteOffset() {
        let bytes = Array("plan \"P\" {\n  title \"ab".utf8) + [0xC3, 0x28] + Array("\"\n}\n".utf8)
        guard case .failure(.invalidUTF8(let offset)) = SourceFile.decode(bytes) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(offset == 22)
    }

    @Test func invalidUTF8AfterBOMCountsFromTheText() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFF]
        #expect(SourceFile.decode(bytes) == .failure(.invalidUTF8(byteOffset: 2)))
    }

    @Test(arguments: [[0xFF, 0xFE, 0x70, 0x00], [0xFE, 0xFF, 0x00, 0x70]] as [[UInt8]])
    func utf16IsRejected(bytes: [UInt8]) {
        #expect(SourceFile.decode(bytes) == .failure(.utf16))
    }

    @Test func utf16WithoutBOMIsRejected() {
        // Saved as "Unicode" by some editors without a byte order mark: every other byte is NUL.
        var bytes: [UInt8] = []
        for b in "plan \"P\" { title \"T\" }\n".utf8 { bytes += [b, 0] }
        #expect(SourceFile.decode(bytes) == .failure(.utf16))
    }

    @Test func truncatedSequenceAtTheEndIsInvalid() {
        for tail in [[0xC3], [0xE1, 0xBB], [0xF0, 0x9F, 0x98]] as [[UInt8]] {
            #expect(SourceFile.decode(Array("ok ".utf8) + tail) == .failure(.invalidUTF8(byteOffset: 3)))
        }
    }

    /// Every input the check fuzzer crashed on, through the lexer and parser: no trap, a diagnostic.
    @Test func fuzzRegressionsParse() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz-regressions/check")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            let r = Self.parse(bytes)
            for d in r.diagnostics { _ = r.source.position(of: d.span.start) }
        }
    }
}
