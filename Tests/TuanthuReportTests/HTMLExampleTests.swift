import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuRuntime
import TuanthuSemantics

/// Each example data set renders to HTML that holds every finding the JSON report has.
@Suite struct HTMLExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let examples: [(rules: String, data: String)] = [
        ("examples/quickstart", "examples/quickstart/data"),
        ("rules/kon-tum", "examples/kon-tum-484/data"),
        ("rules/binh-phuoc", "examples/binh-phuoc/data"),
    ]

    /// Runs the pipeline as `tuanthu eval --keep-going --as-of 2025-12-31` does.
    static func evaluate(rules: String, data: String) throws -> Evaluation {
        let (files, missing) = PlanFinder.expand([root.appendingPathComponent(rules).path])
        #expect(missing.isEmpty)
        var checker = Checker()
        let checked = checker.run(files: files)
        #expect(!checked.hasErrors, "\(rules) does not compile")
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: .plain))
        let set = loader.load(directory: root.appendingPathComponent(data).path)
        let asOf = try #require(CivilDate.parse(utf8: "2025-12-31".utf8))
        return Evaluator.evaluate(plans: checked.plans, data: set, asOf: asOf, sources: checked.sources)
    }

    @Test(arguments: [0, 1, 2], [Language.vi, .en])
    func htmlHoldsEveryFinding(example: Int, language: Language) throws {
        let (rules, data) = Self.examples[example]
        let e = try Self.evaluate(rules: rules, data: data)
        let json = FindingsJSON.render(e, toolVersion: "test", planInputs: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let html = FindingsHTML.render(e, language: language)
        let parsed = HTMLScan(html)

        #expect(parsed.count(attribute: "data-f") == findings.count)
        for (status, n) in summary {
            #expect(parsed.count(attribute: "data-f", value: status) == n, "\(rules): \(status)")
            let problem = Status(rawValue: status)?.isProblem ?? false
            #expect(parsed.count(attribute: "data-p", value: status) == (problem ? n : 0), "\(rules): cards for \(status)")
        }
        // Each problem card's matrix cell links to it, and every link has a target.
        let ids = Set(parsed.values(of: "id"))
        for href in parsed.values(of: "href") where href.hasPrefix("#") {
            #expect(ids.contains(String(href.dropFirst())), "dangling link \(href)")
        }
        #expect(parsed.count(attribute: "data-e") == (object["dataErrors"] as? [Any])?.count)
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
    }

    @Test func reportIsSelfContained() throws {
        let e = try Self.evaluate(rules: "examples/quickstart", data: "examples/quickstart/data")
        let html = FindingsHTML.render(e, language: .vi)
        for needle in ["http://", "https://", "<link", "@import", "url(", "src=", "@font-face"] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        #expect(html.contains("default-src 'none'"))
        #expect(html.components(separatedBy: "<script").count == 2, "one inline script only")
        #expect(html.contains("<meta name=\"viewport\""))
    }
}

/// A small tolerant scanner over start tags: enough to count attributes without a full HTML parser.
struct HTMLScan {
    var tags: [[String: String]] = []

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, Self.isLetter(bytes[i + 1]) else { i += 1; continue }
            var attrs: [String: String] = [:]
            var j = i + 1
            while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
            attrs["<tag>"] = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                while j < bytes.count, Self.isSpace(bytes[j]) { j += 1 }
                let nameStart = j
                while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    let quote = bytes[j]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        let start = j + 1
                        j = start
                        while j < bytes.count, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[start..<j], as: UTF8.self)
                        j += 1
                    } else {
                        let start = j
                        while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[start..<j], as: UTF8.self)
                    }
                }
                if !name.isEmpty { attrs[name] = value }
            }
            tags.append(attrs)
            // Skip script and style bodies: their text is not markup.
            let tag = attrs["<tag>"] ?? ""
            if tag == "script" || tag == "style" {
                let close = Array("</\(tag)>".utf8)
                var k = j
                while k + close.count <= bytes.count, Array(bytes[k..<(k + close.count)]) != close { k += 1 }
                j = k
            }
            i = j + 1
        }
    }

    func count(attribute: String, value: String? = nil) -> Int {
        tags.filter { t in t[attribute].map { value == nil || $0 == value } ?? false }.count
    }

    func values(of attribute: String) -> [String] { tags.compactMap { $0[attribute] } }

    /// Start tags by name.
    func count(tag: String) -> Int { tags.filter { $0["<tag>"] == tag }.count }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == UInt8(ascii: "/") }
}
