import Foundation
import Testing
import TuanthuCore
import TuanthuReport
import TuanthuRuntime
import TuanthuSemantics

/// The CSV writer renders the cells an obligation's findings share (plan, obligation, kind, wording, location,
/// citation) once for a run of findings; a finding whose wording an extension rewrote has its own.
@Suite struct CSVSharedCellsTests {
    static let plan = """
    plan "1/KH" {
      title "Kế hoạch" issuer "UBND" issued 2025-01-10
    }
    agency STC "Sở Tài chính"
    agency SNV "Sở Nội vụ"
    group cac_so "Các sở" = [STC, SNV]
    obligation o "Báo cáo kết quả" {
      owner cac_so
      deliver "Báo cáo" every year
      cite "Mục II"
    }

    """

    @Test func eachRowAloneEqualsTheRowsTogether() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-csv-shared-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(Self.plan.utf8).write(to: dir.appendingPathComponent("plan.plan"))
        try Data("obligation,agency,period,status,date\no,STC,2025,done,2026-01-20\no,SNV,2026,done,2026-03-01\n".utf8)
            .write(to: dir.appendingPathComponent("data/tasks.csv"))
        try Data("obligation,agency,period,due,document\no,STC,2025,2026-01-31,Công văn 5/UBND\n".utf8)
            .write(to: dir.appendingPathComponent("data/extensions.csv"))
        var checker = Checker()
        let checked = checker.run(files: [dir.appendingPathComponent("plan.plan").path])
        #expect(!checked.hasErrors)
        var loader = DataLoader(plans: checked.plans)
        let data = loader.load(directory: dir.appendingPathComponent("data").path)
        #expect(data.errors.isEmpty, "\(data.errors)")
        let evaluation = Evaluator.evaluate(plans: checked.plans, data: data, asOf: try #require(CivilDate.parse(utf8: "2027-06-30".utf8)),
                                            sources: checked.sources)
        let findings = evaluation.findings
        #expect(findings.count == 6, "two agencies × 2025, 2026, 2027")
        let together = String(decoding: FindingsCSV.rows([.findings(findings)]), as: UTF8.self)
        let alone = String(decoding: findings.flatMap { FindingsCSV.rows([.findings([$0])]) }, as: UTF8.self)
        #expect(together == alone)
        let lines = together.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.filter { $0.contains("Công văn 5/UBND") }.count == 1, "only the extended finding names the extension: \(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("1/KH,o,task,") && $0.contains(",Mục II,") }, "\(lines)")
    }
}
