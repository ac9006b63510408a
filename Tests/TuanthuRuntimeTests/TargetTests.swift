import Testing
import TuanthuCore
import TuanthuRuntime

/// `achieve` targets: conditions decided exactly, period grain, previous()/growth(), per-agency indicators (SPEC 4.1).
@Suite("Targets")
struct TargetTests {
    static let indicators = """
        indicator kts   "Kinh tế số"          : percent
        indicator dvc   "Dịch vụ công"        : percent per agency
        indicator dn    "Doanh nghiệp"        : count
        indicator hang  "Xếp hạng"            : rank
        indicator chi   "Chi KH&CN"           : money
        indicator tong  "Tổng chi"            : money
        indicator hdi   "HDI"                 : number
        indicator tt    "Trung tâm"           : yesno

        """

    struct Case: Sendable, CustomStringConvertible {
        var achieve: String
        var observations: [String]
        var asOf: String = "2026-03-31"
        var expected: String
        var description: String { "achieve \(achieve) \(observations)" }
    }

    static let cases: [Case] = [
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025,25"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025,24.99%"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: [], expected: "STC 2025 no_data due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025,30"], asOf: "2025-12-30", expected: "STC 2025 pending due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025,30"], asOf: "2025-12-31", expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts > 3% by 2025", observations: ["kts,2025,3.0000000000000000000001"], expected: "STC 2025 met due=2025-12-31"),
        // between: both bounds, inclusive
        .init(achieve: "kts between 10% and 15% by 2025", observations: ["kts,2025,10"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts between 10% and 15% by 2025", observations: ["kts,2025,15%"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts between 10% and 15% by 2025", observations: ["kts,2025,15.01"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "kts between 10% and 15% by 2025", observations: ["kts,2025,9.99"], expected: "STC 2025 violated due=2025-12-31"),
        // exact decimals: 30e9 / 1e12 is exactly 3%
        .init(achieve: "chi >= 3% of tong by 2025", observations: ["chi,2025,30000000000", "tong,2025,1000000000000"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi >= 3% of tong by 2025", observations: ["chi,2025,29999999999", "tong,2025,1000000000000"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "chi / tong >= 3% by 2025", observations: ["chi,2025,30000000000", "tong,2025,1000000000000"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi / tong = 3% by 2025", observations: ["chi,2025,30000000000", "tong,2025,1000000000000"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi / tong > 3% by 2025", observations: ["chi,2025,30000000000", "tong,2025,1000000000000"], expected: "STC 2025 violated due=2025-12-31"),
        // a third is never equal to any finite decimal: decided exactly, not by a rounded quotient
        .init(achieve: "chi / tong > 33.3333333333% by 2025", observations: ["chi,2025,1", "tong,2025,3"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi / tong < 33.3333333334% by 2025", observations: ["chi,2025,1", "tong,2025,3"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi / tong >= 3% by 2025", observations: ["chi,2025,5", "tong,2025,0"], expected: "STC 2025 no_data due=2025-12-31"),
        .init(achieve: "chi >= 30_000_000_000 by 2025", observations: ["chi,2025,30000000000"], expected: "STC 2025 met due=2025-12-31"),
        // growth: 21/20 - 1 is exactly 5%
        .init(achieve: "growth(dn) = 5% by 2025", observations: ["dn,2024,20", "dn,2025,21"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "growth(dn) between 2% and 5% by 2025", observations: ["dn,2024,20", "dn,2025,21"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "growth(dn) > 5% by 2025", observations: ["dn,2024,20", "dn,2025,21"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "growth(dn) >= 5% by 2025", observations: ["dn,2024,0", "dn,2025,21"], expected: "STC 2025 no_data due=2025-12-31"),
        .init(achieve: "growth(dn) >= 5% by 2025", observations: ["dn,2025,21"], expected: "STC 2025 no_data due=2025-12-31"),
        .init(achieve: "growth(dn) >= 5% by 2025-Q2", observations: ["dn,2025-Q1,100", "dn,2025-Q2,105"], expected: "STC 2025-Q2 met due=2025-06-30"),
        // previous
        .init(achieve: "chi >= previous(chi) by 2025", observations: ["chi,2024,100", "chi,2025,100"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "chi >= previous(chi) by 2025", observations: ["chi,2024,101", "chi,2025,100"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "chi >= previous(chi) by 2025", observations: ["chi,2025,100"], expected: "STC 2025 no_data due=2025-12-31"),
        // other units
        .init(achieve: "dn >= 3 by 2025", observations: ["dn,2025,3"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "hang <= 45 by 2025", observations: ["hang,2025,45"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "hang <= 45 by 2025", observations: ["hang,2025,46"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "hdi > 0.7 by 2025", observations: ["hdi,2025,0.7"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "tt = yes by 2025", observations: ["tt,2025,có"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "tt = yes by 2025", observations: ["tt,2025,no"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "not (tt = no) or hdi >= 0.8 by 2025", observations: ["tt,2025,no", "hdi,2025,0.8"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "hdi > 0.7 and kts >= 20% by 2025", observations: ["hdi,2025,0.71", "kts,2025,19"], expected: "STC 2025 violated due=2025-12-31"),
        // an unknown side of `or` that the other side decides
        .init(achieve: "hdi > 0.7 or kts >= 20% by 2025", observations: ["hdi,2025,0.71"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "hdi > 0.7 and kts >= 20% by 2025", observations: ["hdi,2025,0.5"], expected: "STC 2025 violated due=2025-12-31"),
        // grain: the latest finer observation inside the period judges; a coarser one does not
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025-Q3,30", "kts,2025-Q4,20"], expected: "STC 2025 violated due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025-Q4,30", "kts,2025-Q3,20"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025-Q4,20", "kts,2025-12,30"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025", observations: ["kts,2025-Q4,20", "kts,2025,30"], expected: "STC 2025 met due=2025-12-31"),
        .init(achieve: "kts >= 25% by 2025-Q3", observations: ["kts,2025,30"], expected: "STC 2025-Q3 no_data due=2025-09-30"),
        .init(achieve: "kts >= 25% by 2025-Q3", observations: ["kts,2025-08,30", "kts,2025-09,26"], expected: "STC 2025-Q3 met due=2025-09-30"),
        .init(achieve: "kts >= 25% by 2025-12", observations: ["kts,2025-Q4,30"], expected: "STC 2025-12 no_data due=2025-12-31"),
    ]

    @Test(arguments: cases)
    func condition(_ c: Case) throws {
        let plan = Harness.plan("achieve \(c.achieve)", declarations: Self.indicators)
        let run = try Harness.run(plan, ["observations.csv": "indicator,period,value\n" + c.observations.map { $0 + "\n" }.joined()], asOf: c.asOf)
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.briefs() == [c.expected])
        #expect(run.evaluation.findings.allSatisfy { $0.kind == "target" })
    }

    @Test func finerObservationDecidesAndIsTheEvidence() throws {
        let plan = Harness.plan("achieve kts >= 25% by 2025", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("kts,2025-Q3,30,", "kts,2025-Q4,26,"), asOf: "2026-01-01")
        let f = try #require(run.finding())
        #expect(f.period?.description == "2025")
        #expect(f.found == "kts 2025-Q4 = 26%")
        #expect(f.evidence.map(\.line) == [3])
        #expect(run.rows.evidence == 1)
        #expect(run.rows.unused == 1)
    }

    @Test func divisionByZeroGivesNoDataWithReason() throws {
        let plan = Harness.plan("achieve growth(dn) >= 5% by 2025", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("dn,2024,0,", "dn,2025,3,"), asOf: "2026-01-01")
        let f = try #require(run.finding())
        #expect(f.status == .noData)
        #expect(f.actual.contains("2024"))
        #expect(f.actual.contains("0"))
    }

    @Test func missingPreviousGivesNoDataWithReason() throws {
        let plan = Harness.plan("achieve chi >= previous(chi) by 2025", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("chi,2025,5,"), asOf: "2026-01-01")
        let f = try #require(run.finding())
        #expect(f.status == .noData)
        #expect(f.actual.contains("previous"))
        #expect(f.actual.contains("2024"))
    }

    @Test func pendingShowsTheLatestValueSoFar() throws {
        let plan = Harness.plan("achieve kts >= 25% by 2030", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("kts,2024,11.2,", "kts,2025,12.5,"), asOf: "2025-12-31")
        let f = try #require(run.finding())
        #expect(f.status == .pending)
        #expect(f.actual.contains("12.5%"))
    }

    @Test func everyYearRangeYieldsOneFindingPerYear() throws {
        let plan = Harness.plan("achieve chi >= previous(chi) every year from 2025 to 2027", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("chi,2024,10,", "chi,2025,11,"), asOf: "2026-06-30")
        #expect(run.briefs() == [
            "STC 2025 met due=2025-12-31",
            "STC 2026 pending due=2026-12-31",
            "STC 2027 pending due=2027-12-31",
        ])
    }

    @Test func everyYearWithoutRangeRunsFromIssueYearToAsOf() throws {
        let plan = Harness.plan("achieve dn >= 3 every year", declarations: Self.indicators, issued: "2024-05-01")
        let run = try Harness.run(plan, Harness.observations("dn,2024,3,", "dn,2025,2,"), asOf: "2026-06-30")
        #expect(run.briefs() == [
            "STC 2024 met due=2024-12-31",
            "STC 2025 violated due=2025-12-31",
            "STC 2026 pending due=2026-12-31",
        ])
    }

    @Test func provinceWideTargetOwnedByAGroupIsOneFinding() throws {
        let plan = Harness.plan("achieve kts >= 25% by 2025", owner: "cac_so",
                                declarations: Self.indicators + "group cac_so \"Các sở\" = [STC, SNV]\n")
        let run = try Harness.run(plan, Harness.observations("kts,2025,26,"), asOf: "2026-01-01")
        #expect(run.briefs() == ["cac_so 2025 met due=2025-12-31"])
    }

    @Test func perAgencyIndicatorIsJudgedPerOwingAgency() throws {
        let plan = Harness.plan("achieve dvc >= 80% by 2025", owner: "cac_so",
                                declarations: Self.indicators + "group cac_so \"Các sở\" = [STC, SNV, SKHCN]\n")
        let run = try Harness.run(plan, Harness.observations("dvc,2025,85,STC", "dvc,2025,70,Sở Nội vụ"), asOf: "2026-01-01")
        #expect(run.briefs() == [
            "SKHCN 2025 no_data due=2025-12-31",
            "SNV 2025 violated due=2025-12-31",
            "STC 2025 met due=2025-12-31",
        ])
        #expect(run.finding(agency: "SNV")?.found == "dvc 2025 = 70%")
    }

    @Test func perAgencyObservationNeedsAnAgencyAndProvinceWideMustNotHaveOne() throws {
        let plan = Harness.plan("achieve dvc >= 80% by 2025", declarations: Self.indicators)
        let run = try Harness.run(plan, Harness.observations("dvc,2025,85,", "kts,2025,85,STC"), asOf: "2026-01-01")
        #expect(run.errors == ["observations.csv:2:13 E317", "observations.csv:3:13 E317"])
    }
}
