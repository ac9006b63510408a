import Foundation
import Testing
import TuanthuCore
import TuanthuSemantics
@testable import TuanthuRuntime
import TuanthuReport

/// Broken and hostile input end to end: the fuzzers' crashing inputs replayed through the code each
/// fuzz target runs (Fuzz/Sources), bad encodings named with their byte offset, and the SPEC 6 law
/// that nothing is lost: every good row counted once, every bad row reported once.
@Suite("Hostile input")
struct HostileInputTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions", isDirectory: true)
    /// The plan the data fuzzers evaluate against.
    static let fuzzPlan = (try? String(contentsOf: regressions.appendingPathComponent("fixed-plan.plan"), encoding: .utf8)) ?? ""

    static func regressionFiles(_ target: String) -> [URL] {
        let dir = regressions.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    // MARK: - Fuzz regressions (each target's code path, as in Fuzz/Sources/Fuzz*/)

    @Test func checkRegressions() throws {
        for url in Self.regressionFiles("check") {
            let dir = Harness.scratch()
            let path = dir.appendingPathComponent("fuzz.plan").path
            _ = FileManager.default.createFile(atPath: path, contents: try Data(contentsOf: url))
            var checker = Checker()
            let result = checker.run(files: [path])
            let renderer = DiagnosticRenderer(sources: result.sources)
            _ = renderer.text(result.diagnostics)
            _ = renderer.json(result.diagnostics)
            _ = renderer.sarif(result.diagnostics, toolVersion: "test")
            for plan in result.plans {
                _ = PlanTestRunner.run(plan, sources: result.sources, today: plan.issued)
            }
            #expect(!result.diagnostics.isEmpty, "\(url.lastPathComponent) gave no diagnostic")
        }
    }

    @Test func csvRegressions() throws {
        for url in Self.regressionFiles("csv") {
            let bytes = try Self.bytes(url)
            var outcomes: [String] = []
            for chunk in [1 << 20, 7] {
                let reader = CSVReader(bytes: bytes, chunkSize: chunk)
                var seen: [String] = []
                var steps = 0
                while steps <= bytes.count + 8 {
                    steps += 1
                    do {
                        guard let r = try reader.next() else { break }
                        seen.append("\(r.line) \(r.fields)")
                    } catch {
                        seen.append("error \(error)")
                    }
                }
                #expect(steps <= bytes.count + 8, "\(url.lastPathComponent): the reader did not stop")
                outcomes.append(seen.joined(separator: "\n"))
            }
            #expect(outcomes[0] == outcomes[1], "\(url.lastPathComponent): chunk size changed the records")
            #expect(outcomes[0].contains("error"), "\(url.lastPathComponent) gave no error")
        }
    }

    @Test func jsonRegressions() throws {
        for url in Self.regressionFiles("json") {
            let run = try Self.evaluate(plan: Self.fuzzPlan, files: ["data.json": try Self.bytes(url)], asOf: "2025-12-31")
            #expect(!run.data.errors.isEmpty || !run.data.warnings.isEmpty, "\(url.lastPathComponent) gave no diagnostic")
            #expect(run.evaluation.rows.total == run.data.rowCount)
        }
    }

    @Test func evalRegressions() throws {
        let names = ["observations.csv", "reports.csv", "tasks.csv", "events.csv", "extensions.csv", "data.json"]
        for url in Self.regressionFiles("eval") {
            let parts = Self.sections(try Self.bytes(url), max: names.count)
            var files: [String: [UInt8]] = [:]
            for (name, part) in zip(names, parts) where !part.isEmpty { files[name] = Array(part) }
            let run = try Self.evaluate(plan: Self.fuzzPlan, files: files, asOf: "2025-12-31")
            #expect(run.evaluation.rows.total == run.data.rowCount, "\(url.lastPathComponent)")
            _ = FindingsJSON.render(run.evaluation, toolVersion: "test", planInputs: [])
            _ = FindingsText.render(run.evaluation, color: false)
            #expect(!run.data.errors.isEmpty || !run.data.warnings.isEmpty, "\(url.lastPathComponent) gave no diagnostic")
        }
    }

    /// The eval fuzzer's split: sections separated by lines that are exactly `@@`.
    static func sections(_ bytes: [UInt8], max: Int) -> [ArraySlice<UInt8>] {
        let sep = Array("\n@@\n".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i + sep.count <= bytes.count && parts.count < max - 1 {
            if bytes[i..<(i + sep.count)].elementsEqual(sep) {
                parts.append(bytes[start..<i]); i += sep.count; start = i
            } else { i += 1 }
        }
        parts.append(bytes[start...])
        return parts
    }

    struct Run {
        var data: DataSet
        var evaluation: Evaluation
    }

    /// Checks `plan`, writes `files` into a data folder and evaluates, as `tuanthu eval --keep-going` does.
    static func evaluate(plan: String, files: [String: [UInt8]], asOf: String, locale: NumberLocale = .plain) throws -> Run {
        let dir = Harness.scratch()
        let planPath = dir.appendingPathComponent("plan.plan").path
        _ = FileManager.default.createFile(atPath: planPath, contents: Data(plan.utf8))
        for (name, bytes) in files {
            _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("data/" + name).path, contents: Data(bytes))
        }
        var checker = Checker()
        let checked = checker.run(files: [planPath])
        if checked.hasErrors {
            throw Harness.CompileError(description: checked.diagnostics.map { Catalogue.text($0.message) }.joined(separator: "\n"))
        }
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: locale))
        let set = loader.load(directory: dir.appendingPathComponent("data").path)
        let day = try #require(CivilDate.parse(utf8: asOf.utf8))
        return Run(data: set, evaluation: Evaluator.evaluate(plans: checked.plans, data: set, asOf: day, sources: checked.sources))
    }

    /// `data.json` is parsed whole, so past 256 MiB it is refused with advice, before a byte is read (a
    /// sparse file: no disk space is used).
    @Test func oversizedDataJSONIsRefusedWithoutReadingIt() throws {
        let dir = Harness.scratch()
        let planPath = dir.appendingPathComponent("plan.plan").path
        _ = FileManager.default.createFile(atPath: planPath, contents: Data("""
            plan "1/KH" {
              title "T"
              issuer "UBND"
              issued 2025-01-15
            }
            agency A "Sở A"
            obligation bc "Báo cáo" {
              owner A
              report to A monthly before day 10
            }
            """.utf8))
        let json = dir.appendingPathComponent("data/data.json").path
        _ = FileManager.default.createFile(atPath: json, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: json))
        try handle.truncate(atOffset: UInt64(DataLoader.maxJSONBytes + 1))
        try handle.close()
        var checker = Checker()
        let checked = checker.run(files: [planPath])
        #expect(!checked.hasErrors)
        var loader = DataLoader(plans: checked.plans)
        let set = loader.load(directory: dir.appendingPathComponent("data").path)
        #expect(set.errors.count == 1)
        #expect(set.errors.first?.code == .E315)
        #expect(Catalogue.text(try #require(set.errors.first).message, .en).contains("send large data as CSV tables"))
    }

    // MARK: - Encodings

    @Test func invalidUTF8InAPlanNamesTheByteOffset() throws {
        let dir = Harness.scratch()
        let path = dir.appendingPathComponent("bad.plan").path
        let bytes = Array("plan \"P\" {\n  title \"ab".utf8) + [0xC3, 0x28] + Array("\"\n}\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        var checker = Checker()
        let result = checker.run(files: [path])
        let d = try #require(result.diagnostics.first { $0.code == .E001 })
        let text = Catalogue.text(d.message)
        #expect(text.contains("byte offset 22"))
        #expect(text.contains("line 2"))
    }

    @Test func utf16PlanSaysHowToConvert() throws {
        let dir = Harness.scratch()
        let path = dir.appendingPathComponent("utf16.plan").path
        var bytes: [UInt8] = [0xFF, 0xFE]
        for b in "plan \"P\" {}\n".utf8 { bytes += [b, 0] }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        var checker = Checker()
        let result = checker.run(files: [path])
        let d = try #require(result.diagnostics.first { $0.code == .E001 })
        #expect(Catalogue.text(d.message).contains("iconv -f UTF-16 -t UTF-8"))
    }

    @Test func invalidUTF8InACSVNamesTheByteOffset() throws {
        // Mostly UTF-8 (so not taken for a legacy encoding) with one stray byte in row 3.
        let head = Array("obligation,agency,period,submitted\nbc,Sở Tài chính,2025-03,2025-03-09\nbc,STC,2025-04,2025-04-0".utf8)
        let csv = head + [0xFF] + Array("\nbc,Sở Tài chính,2025-05,2025-05-09\n".utf8)
        let run = try Self.evaluate(plan: Self.propertyPlan, files: ["reports.csv": csv], asOf: "2025-12-31")
        let e = try #require(run.data.errors.first)
        #expect(run.data.errors.count == 1)
        #expect(e.line == 3)
        #expect(Catalogue.text(e.message).contains("byte offset \(head.count)"))
        #expect(run.evaluation.rows.total == 2)
    }

    @Test(arguments: [true, false])
    func utf16CSVIsConvertedOrRejectedWithAdvice(bom: Bool) throws {
        var csv: [UInt8] = bom ? [0xFF, 0xFE] : []
        for b in "obligation,agency,period,submitted\nbc,STC,2025-03,2025-03-09\n".utf8 { csv += [b, 0] }
        let run = try Self.evaluate(plan: Self.propertyPlan, files: ["reports.csv": csv], asOf: "2025-12-31")
        let said = (run.data.errors + run.data.warnings).map { Catalogue.text($0.message) }
        #expect(said.contains { $0.contains("iconv -f UTF-16") }, "\(said)")
        // Either the file is converted (with that advice as a warning) and its row counts, or it is an error.
        #expect(run.data.errors.isEmpty ? run.evaluation.rows.total == 1 : run.evaluation.rows.total == 0)
    }

    @Test func aRosterThatNeverEndsIsCutAtTheSizeLimit() throws {
        // `use "/dev/zero"` must not read forever.
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        let dir = Harness.scratch()
        let path = dir.appendingPathComponent("p.plan").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("use \"/dev/zero\"\nplan \"P\" { title \"T\" issuer \"I\" issued 2025-01-01 }\n".utf8))
        var checker = Checker()
        let result = checker.run(files: [path])
        #expect(result.hasErrors)
    }

    @Test func aDiagnosticOnAVeryLongLineShowsAWindowOfIt() throws {
        let dir = Harness.scratch()
        let path = dir.appendingPathComponent("long.plan").path
        let text = "plan \"P\" { title \"T\" issuer \"I\" issued 2025-01-01 } " + String(repeating: "// ", count: 1)
            + String(repeating: "ệ", count: 100_000) + "\n" + String(repeating: "x ", count: 50_000) + "@\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        var checker = Checker()
        let result = checker.run(files: [path])
        let bad = try #require(result.diagnostics.first { $0.code == .E002 })
        let location = try #require(result.sources.location(bad.span))
        #expect(location.line == 2 && location.column == 100_001)
        let shown = DiagnosticRenderer(sources: result.sources).text([bad])
        #expect(shown.utf8.count < 2_000)
        let lines = shown.split(separator: "\n")
        let source = try #require(lines.first { $0.hasPrefix("2 | ") })
        let caret = try #require(lines.first { $0.contains("^") })
        // The caret sits under the `@`.
        #expect(Array(source.unicodeScalars).count == Array(caret.unicodeScalars).count)
        #expect(source.hasSuffix("@"))
    }

    // MARK: - Nothing lost (SPEC 6)

    static let propertyPlan = Harness.header() + """
    indicator x "Tỷ lệ" : percent
    indicator n "Số doanh nghiệp" : count
    event e "Văn bản hướng dẫn"

    obligation bc "Báo cáo tháng" {
      owner STC
      report to SKHCN monthly before day 10
      cite "I"
    }
    obligation nv "Đề án" {
      owner SNV
      deliver "Đề án" by 2025-12
      cite "II"
    }
    obligation kt "Chỉ tiêu" {
      owner SKHCN
      achieve x >= 10% and n >= 3 every year from 2025 to 2026
      cite "III"
    }
    obligation sau "Sau hướng dẫn" {
      owner STC
      deliver "Văn bản" within 30 days after e
      cite "IV"
    }

    """

    /// A data set with bad rows mixed in: each bad row has exactly one problem.
    struct Generated {
        var tables: [Table: [(row: [String: String], bad: Bool, blank: Bool)]] = [:]
        var good: Int { tables.values.joined().filter { !$0.bad && !$0.blank }.count }
        var blank: Int { tables.values.joined().filter(\.blank).count }
    }

    static func generate(seed: UInt64) -> Generated {
        var rng = HostileRandom(seed: seed)
        var g = Generated()
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        func chance(_ percent: Int) -> Bool { Int(rng.next() % 100) < percent }
        func date(_ years: ClosedRange<Int>) -> String {
            String(format: "%04d-%02d-%02d", Int(rng.next() % UInt64(years.count)) + years.lowerBound,
                   Int(rng.next() % 12) + 1, Int(rng.next() % 28) + 1)
        }
        func month() -> String { String(format: "%04d-%02d", pick([2024, 2025, 2026]), Int(rng.next() % 12) + 1) }
        let rows = 40 + Int(rng.next() % 120)
        var observed: [String: String] = [:]
        var eventDate: String?
        for _ in 0..<rows {
            switch rng.next() % 5 {
            case 0:
                var r = ["obligation": "bc", "agency": pick(["STC", "Sở Tài chính"]), "period": month(),
                         "submitted": date(2024...2026), "document": pick(["", "BC, số 1", "Báo cáo \"quý\""])]
                if chance(8) { r["submitted"] = ""; g.tables[.reports, default: []].append((r, false, true)); continue }
                let bad = chance(25)
                if bad {
                    switch rng.next() % 4 {
                    case 0: r["period"] = "2025-13"
                    case 1: r["agency"] = "SXX"
                    case 2: r["obligation"] = "khong_co"
                    default: r["submitted"] = "2025-02-30"
                    }
                }
                g.tables[.reports, default: []].append((r, bad, false))
            case 1:
                var r = ["obligation": "nv", "agency": "SNV", "status": pick(["done", "in_progress", "not_started", "Done"]),
                         "date": chance(30) ? "" : date(2025...2026), "period": chance(20) ? "2025" : ""]
                let bad = chance(25)
                if bad {
                    switch rng.next() % 3 {
                    case 0: r["status"] = "xong"
                    case 1: r["date"] = "32/1/2025"
                    default: r["obligation"] = "bc"
                    }
                }
                g.tables[.tasks, default: []].append((r, bad, false))
            case 2, 3:
                let indicator = pick(["x", "n"])
                let period = pick(["2024", "2025", "2026", "2025-Q2", "2026-12"])
                let key = indicator + "|" + period
                let values = indicator == "x" ? ["9.5", "12%", "10"] : ["2", "3", "4"]
                var value = pick(values)
                var bad = false
                if let earlier = observed[key] {
                    if chance(50) {
                        value = earlier
                    } else {
                        value = values.first { $0 != earlier } ?? earlier
                        bad = true // the same observation with a different value
                    }
                } else if chance(25) {
                    bad = true
                    value = pick(["abc", indicator == "n" ? "1.5" : "%", "-"])
                }
                if !bad { observed[key] = value }
                g.tables[.observations, default: []].append((["indicator": indicator, "period": period, "value": value], bad, false))
            default:
                let d = date(2025...2026)
                var r = ["event": "e", "date": eventDate ?? d]
                var bad = false
                if eventDate != nil, chance(30), d != eventDate { r["date"] = d; bad = true }
                if eventDate == nil, chance(20) { r["date"] = "2025-02-29"; bad = true }
                if !bad { eventDate = r["date"] }
                g.tables[.events, default: []].append((r, bad, false))
            }
        }
        return g
    }

    static let columns: [Table: [String]] = [
        .reports: ["obligation", "agency", "period", "submitted", "document"],
        .tasks: ["obligation", "agency", "period", "status", "date"],
        .observations: ["indicator", "period", "value"],
        .events: ["event", "date"],
    ]

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func jsonString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes the generated rows as CSV files or as one data.json (one row per line); returns the files
    /// and, per file name, the lines of the bad rows.
    static func render(_ g: Generated, json: Bool) -> (files: [String: [UInt8]], badLines: [String: [Int]]) {
        var files: [String: [UInt8]] = [:]
        var bad: [String: [Int]] = [:]
        if json {
            var lines = ["{"]
            var first = true
            for table in Table.allCases {
                guard let rows = g.tables[table], !rows.isEmpty else { continue }
                lines.append((first ? "" : ",") + jsonString(table.rawValue) + ": [")
                first = false
                for (i, r) in rows.enumerated() {
                    let fields = columns[table, default: []].compactMap { c in r.row[c].map { jsonString(c) + ": " + jsonString($0) } }
                    lines.append("{" + fields.joined(separator: ", ") + "}" + (i == rows.count - 1 ? "" : ","))
                    if r.bad { bad["data.json", default: []].append(lines.count) }
                }
                lines.append("]")
            }
            lines.append("}")
            files["data.json"] = Array(lines.joined(separator: "\n").utf8)
        } else {
            for (table, rows) in g.tables {
                let name = table.rawValue + ".csv"
                let cols = columns[table, default: []]
                var text = cols.joined(separator: ",") + "\r\n"
                for (i, r) in rows.enumerated() {
                    text += cols.map { csvField(r.row[$0] ?? "") }.joined(separator: ",") + "\r\n"
                    if r.bad { bad[name, default: []].append(i + 2) }
                }
                files[name] = Array(text.utf8)
            }
        }
        return (files, bad)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(24)))
    func everyGoodRowCountedOnceEveryBadRowReportedOnce(seed: UInt64) throws {
        let g = Self.generate(seed: seed)
        for json in [false, true] {
            let (files, badLines) = Self.render(g, json: json)
            #expect(g.good > 10 && badLines.values.joined().count > 3, "seed \(seed): too few rows to say anything")
            for asOf in ["2025-06-30", "2026-12-31"] {
                let run = try Self.evaluate(plan: Self.propertyPlan, files: files, asOf: asOf)
                let rows = run.evaluation.rows
                #expect(rows.total == g.good, "seed \(seed) json \(json) as of \(asOf): \(rows) for \(g.good) good rows")
                #expect(rows.blank == g.blank)
                var reported: [String: [Int]] = [:]
                for e in run.evaluation.dataErrors { reported[e.fileName, default: []].append(e.line) }
                for (file, lines) in badLines {
                    #expect(reported[file, default: []].sorted() == lines.sorted(),
                            "seed \(seed) json \(json): \(file) bad rows \(lines) but errors at \(reported[file, default: []].sorted())")
                }
                #expect(Set(reported.keys).isSubset(of: Set(badLines.keys)), "errors in files without bad rows: \(reported)")
            }
        }
    }
}

extension DataError {
    var fileName: String { (file as NSString).lastPathComponent }
}

/// A small deterministic generator, so a failing seed can be replayed.
struct HostileRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
