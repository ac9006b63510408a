import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuRuntime
import TuanthuSemantics

/// The CSV and streamed JSON reports may judge simple report duties compactly (`compactReports`); they must
/// write exactly the bytes the general path writes, on every plan and data set we have, with one thread and
/// with two.
@Suite struct CompactReportTests {
    static let root = HTMLExampleTests.root

    static let sets: [(rules: String, data: String, asOf: String)] = [
        ("examples/quickstart", "examples/quickstart/data", "2025-12-31"),
        ("examples/quickstart", "examples/quickstart/data", "2025-06-30"),
        ("rules/kon-tum", "examples/kon-tum-484/data", "2025-12-31"),
        ("rules/binh-phuoc", "examples/binh-phuoc/data", "2025-12-31"),
        ("Tests/Fixtures/eval/multi-agency", "Tests/Fixtures/eval/multi-agency/data", "2025-12-31"),
        ("Tests/Fixtures/workload/rules", "Tests/Fixtures/workload/data", "2030-06-30"),
        ("Tests/Fixtures/workload/rules", "Tests/Fixtures/workload/data", "2026-03-05"),
    ]

    @Test(arguments: sets.indices)
    func compactAndGeneralReportsAreTheSameBytes(set: Int) throws {
        let (rules, dataDir, day) = Self.sets[set]
        try Self.compare(rules: rules, data: Self.root.appendingPathComponent(dataDir).path, day: day)
    }

    /// Evidence paths with a comma and a quote are quoted in the CSV: the compact writer hands such duties
    /// to the appending one, which must still write what the general path writes.
    @Test func quotedEvidencePathsAreTheSameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-compact-\(getpid())/số liệu, \"bản 2\"")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Tests/Fixtures/workload/data"), to: folder)
        try Self.compare(rules: "Tests/Fixtures/workload/rules", data: folder.path, day: "2030-06-30")
    }

    static func compare(rules: String, data dataDir: String, day: String) throws {
        let (files, missing) = PlanFinder.expand([Self.root.appendingPathComponent(rules).path])
        #expect(missing.isEmpty)
        var checker = Checker()
        let checked = checker.run(files: files)
        #expect(!checked.hasErrors, "\(rules) does not compile")
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: .plain))
        let data = loader.load(directory: dataDir)
        let asOf = try #require(CivilDate.parse(utf8: day.utf8))
        let general = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources)
        let expected = Array(FindingsCSV.render(general).utf8)
        for jobs in [1, 2] {
            var bytes = Array(FindingsCSV.header(bom: false).utf8)
            var compactGroups = 0
            let streamed = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources, jobs: jobs,
                                              compactReports: true, transform: { groups in
                                                  (FindingsCSV.rows(groups), groups.filter { if case .reports = $0 { true } else { false } }.count)
                                              }, consume: { bytes += $0.0; compactGroups += $0.1 })
            #expect(bytes == expected, "\(rules) as of \(day), \(jobs) thread(s): the compact CSV differs from the general one")
            #expect(streamed.rows == general.rows, "row fates differ")
            #expect(streamed.statusCounts == Dictionary(grouping: general.findings, by: \.status).mapValues(\.count))
            if rules.hasPrefix("Tests/Fixtures/workload") { #expect(compactGroups > 0, "the compact path was not taken") }
        }
        // The streamed JSON report judges compactly too, with the notes JSON shows.
        func jsonParts(compact: Bool, jobs: Int) -> [UInt8] {
            var parts: [[UInt8]] = []
            _ = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources, jobs: jobs,
                                   compactReports: compact, compactNotes: true,
                                   transform: { FindingsJSON.findingsPart($0) }, consume: { if !$0.isEmpty { parts.append($0) } })
            return Array(parts.joined(separator: [0x2C]))
        }
        let expectedJSON = jsonParts(compact: false, jobs: 1)
        #expect(!expectedJSON.isEmpty)
        for jobs in [1, 2] {
            #expect(jsonParts(compact: true, jobs: jobs) == expectedJSON,
                    "\(rules) as of \(day), \(jobs) thread(s): the compact JSON findings differ from the general ones")
        }
    }
}
