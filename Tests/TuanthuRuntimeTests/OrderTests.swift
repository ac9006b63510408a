import Testing
import TuanthuCore
import TuanthuReport
import TuanthuRuntime

/// SPEC 7: findings sorted by plan, obligation, agency, then period in time order; output is deterministic.
@Suite("Findings order and determinism")
struct OrderTests {
    @Test func periodsSortByLastDayThenShorterFirst() {
        let written = ["2025", "2025-07", "2025-H1", "2025-Q2", "2025-06"].compactMap { Period.parse(utf8: $0.utf8) }
        #expect(written.sorted(by: Period.reportOrder).map(\.description) == ["2025-06", "2025-Q2", "2025-H1", "2025-07", "2025"])
    }

    static func plan(id: String) -> String {
        Harness.header(id: id) + """
            group g "Nhóm" = [STC, SNV, SKHCN]
            obligation z_thang "Báo cáo tháng" {
              owner g
              report to SKHCN monthly before day 10
              until 2025-04
              cite "IV"
            }
            obligation a_nam "Báo cáo năm" {
              owner jointly STC, SKHCN
              report to SKHCN half-yearly
              cite "IV"
            }
            obligation m_cho "Chờ hướng dẫn" {
              owner SNV
              deliver "Văn bản" after plan_issued
              cite "II"
            }

            """
    }

    @Test func findingsAreSortedByPlanObligationAgencyPeriod() throws {
        let run = try Harness.run(plans: ["z.plan": Self.plan(id: "2/KH"), "a.plan": Self.plan(id: "10/KH")], data: [:], asOf: "2025-12-31")
        let keys = run.evaluation.findings.map { "\($0.plan) \($0.obligation) \($0.agency) \($0.period?.description ?? "-")" }
        let expectedOnePlan = { (p: String) in [
            "\(p) a_nam STC+SKHCN 2025-H1", "\(p) a_nam STC+SKHCN 2025-H2",
            "\(p) m_cho SNV -",
            "\(p) z_thang SKHCN 2025-03", "\(p) z_thang SKHCN 2025-04",
            "\(p) z_thang SNV 2025-03", "\(p) z_thang SNV 2025-04",
            "\(p) z_thang STC 2025-03", "\(p) z_thang STC 2025-04",
        ] }
        #expect(keys == expectedOnePlan("10/KH") + expectedOnePlan("2/KH"))
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        let plans = ["z.plan": Self.plan(id: "2/KH"), "a.plan": Self.plan(id: "10/KH")]
        let data = [
            "reports.csv": "plan,obligation,agency,period,submitted\n2/KH,z_thang,STC,2025-03,2025-03-10\n10/KH,a_nam,SKHCN,2025-H1,2025-06-30\n",
        ]
        let first = try Harness.run(plans: plans, data: data, asOf: "2025-12-31")
        let second = try Harness.run(plans: plans, data: data, asOf: "2025-12-31")
        func render(_ r: Harness.Run) -> String {
            FindingsJSON.render(r.evaluation, toolVersion: "test", planInputs: [])
                .replacingOccurrences(of: r.directory.path, with: "$DIR")
        }
        #expect(render(first) == render(second))
        #expect(FindingsCSV.render(first.evaluation).replacingOccurrences(of: first.directory.path, with: "$DIR")
            == FindingsCSV.render(second.evaluation).replacingOccurrences(of: second.directory.path, with: "$DIR"))
    }
}
