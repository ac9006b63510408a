import Testing
import TuanthuCore
import TuanthuRuntime

/// Who owes: joint owners, mergers, dissolution, superseded plans (SPEC 3, 4).
@Suite("Owing agencies")
struct AgencyTests {
    @Test func jointOwnersYieldOneFindingMetByAnyCoOwner() throws {
        let plan = Harness.plan("deliver \"Đề án\" by 2025-12", owner: "jointly STC, SKHCN")
        let run = try Harness.run(plan, Harness.tasks("o,Sở KH&CN,,done,2025-11-20"), asOf: "2026-01-31")
        #expect(run.briefs() == ["STC+SKHCN 2025-12 met due=2025-12-31"])
        let f = try #require(run.finding())
        #expect(f.actual.contains("SKHCN"), "the finding names who delivered: \(f.actual)")
        #expect(f.evidence.map(\.line) == [2])
    }

    @Test func jointOwnersOfAReport() throws {
        let plan = Harness.plan("report to SKHCN quarterly", owner: "jointly SKHCN, STC")
        let run = try Harness.run(plan, Harness.reports("o,STC,2025-Q1,2025-03-31", "o,SKHCN,2025-Q1,2025-04-02"), asOf: "2025-05-01")
        #expect(run.briefs() == ["SKHCN+STC 2025-Q1 met due=2025-03-31", "SKHCN+STC 2025-Q2 pending due=2025-06-30"])
        #expect(run.finding(period: "2025-Q1")?.actual.contains("by STC") == true)
        #expect(run.rows.superseded == 1)
    }

    @Test func jointlyAGroup() throws {
        let plan = Harness.plan("deliver \"Đề án\" by 2025-12", owner: "jointly cac_so", declarations: "group cac_so \"Các sở\" = [SNV, STC]\n")
        let run = try Harness.run(plan, asOf: "2026-01-31")
        #expect(run.briefs() == ["SNV+STC 2025-12 overdue due=2025-12-31"])
    }

    static let merged = """
        agency STTTT "Sở Thông tin và Truyền thông" merged into SKHCN on 2025-03-01

        """

    @Test func mergedAgencyOwesBeforeTheMergeAndTheSuccessorFromIt() throws {
        let plan = Harness.plan("report to SKHCN monthly before day 10", owner: "STTTT", declarations: Self.merged, issued: "2025-01-01")
        let run = try Harness.run(plan, Harness.reports(
            "o,STTTT,2025-01,2025-01-08",
            "o,SKHCN,2025-02,2025-02-05",   // before the merge the successor's row does not count
            "o,SKHCN,2025-03,2025-03-05",   // from it, the successor's data counts
            "o,STTTT,2025-04,2025-04-05"),
            asOf: "2025-04-30")
        #expect(run.briefs() == [
            "SKHCN 2025-03 met due=2025-03-09",
            "SKHCN 2025-04 met due=2025-04-09",
            "STTTT 2025-01 met due=2025-01-09",
            "STTTT 2025-02 overdue due=2025-02-09",
        ])
        #expect(run.rows.unused == 1)
    }

    @Test func mergerDecidedAtTheDeadlineNotThePeriodStart() throws {
        // February's report is due 9 February; a merger on 5 February already moved it to the successor.
        let decl = "agency STTTT \"Sở Thông tin và Truyền thông\" merged into SKHCN on 2025-02-05\n"
        let plan = Harness.plan("report to SKHCN monthly before day 10", owner: "STTTT", declarations: decl, issued: "2025-01-01")
        let run = try Harness.run(plan, asOf: "2025-02-28")
        #expect(run.briefs() == ["SKHCN 2025-02 overdue due=2025-02-09", "STTTT 2025-01 overdue due=2025-01-09"])
    }

    @Test func mergersChain() throws {
        let decl = """
            agency A "Cơ quan A" merged into B on 2025-03-01
            agency B "Cơ quan B" merged into STC on 2025-05-01

            """
        let plan = Harness.plan("report to SKHCN monthly before day 10", owner: "A", declarations: decl, issued: "2025-02-01")
        let run = try Harness.run(plan, Harness.reports("o,A,2025-05,2025-05-02"), asOf: "2025-05-31")
        #expect(run.briefs() == [
            "A 2025-02 overdue due=2025-02-09",
            "B 2025-03 overdue due=2025-03-09",
            "B 2025-04 overdue due=2025-04-09",
            "STC 2025-05 met due=2025-05-09",
        ])
    }

    @Test func groupHoldingBothTheMergedAgencyAndItsSuccessorOwesOnce() throws {
        let plan = Harness.plan("report to SKHCN monthly before day 10", owner: "g",
                                declarations: Self.merged + "group g \"Nhóm\" = [STTTT, SKHCN]\n", issued: "2025-01-01")
        let run = try Harness.run(plan, Harness.reports("o,STTTT,2025-03,2025-03-02"), asOf: "2025-03-31")
        #expect(run.briefs() == [
            "SKHCN 2025-01 overdue due=2025-01-09",
            "SKHCN 2025-02 overdue due=2025-02-09",
            "SKHCN 2025-03 met due=2025-03-09",
            "STTTT 2025-01 overdue due=2025-01-09",
            "STTTT 2025-02 overdue due=2025-02-09",
        ])
    }

    @Test func provinceWideTargetNamesTheSuccessorAtTheDeadline() throws {
        let plan = Harness.plan("achieve kts >= 25% by 2025", owner: "STTTT",
                                declarations: Self.merged + "indicator kts \"Kinh tế số\" : percent\n", issued: "2025-01-01")
        let run = try Harness.run(plan, Harness.observations("kts,2025,30,"), asOf: "2026-01-01")
        #expect(run.briefs() == ["SKHCN 2025 met due=2025-12-31"])
    }

    @Test func dissolvedAgencyOwesNothingDueOnOrAfterTheDate() throws {
        let decl = "agency UBND_DH \"UBND huyện Đắk Hà\" dissolved on 2025-07-09\n"
        let plan = Harness.plan("report to SKHCN monthly before day 10", owner: "UBND_DH", declarations: decl)
        let run = try Harness.run(plan, asOf: "2025-12-31")
        #expect(run.evaluation.findings.compactMap { $0.period?.description } == ["2025-03", "2025-04", "2025-05", "2025-06"])
    }

    @Test func dissolvedMemberOfAGroupDropsOut() throws {
        let decl = "agency UBND_DH \"UBND huyện Đắk Hà\" dissolved on 2025-07-01\ngroup g \"Nhóm\" = [UBND_DH, STC]\n"
        let plan = Harness.plan("deliver \"Báo cáo\" every year", owner: "g", declarations: decl)
        let run = try Harness.run(plan, asOf: "2025-12-31")
        #expect(run.briefs() == ["STC 2025 overdue due=2025-12-31"])
    }

    @Test func supersededPlanStopsOwingFromTheNewPlansIssueDate() throws {
        let old = Harness.header(issued: "2025-01-01", id: "OLD/KH") + """
            obligation bc "Báo cáo tháng" {
              owner STC
              report to SKHCN monthly before day 10
              cite "IV"
            }

            """
        let new = Harness.header(issued: "2025-04-09", id: "NEW/KH", extra: "  supersedes \"OLD/KH\"\n") + """
            obligation bc2 "Báo cáo tháng" {
              owner STC
              report to SKHCN monthly before day 10
              cite "IV"
            }

            """
        let run = try Harness.run(plans: ["a-old.plan": old, "b-new.plan": new], data: [:], asOf: "2025-05-31")
        let oldPeriods = run.evaluation.findings.filter { $0.plan == "OLD/KH" }.compactMap { $0.period?.description }
        #expect(oldPeriods == ["2025-01", "2025-02", "2025-03"])
        let newPeriods = run.evaluation.findings.filter { $0.plan == "NEW/KH" }.compactMap { $0.period?.description }
        #expect(newPeriods == ["2025-04", "2025-05"])
        let plans = run.evaluation.plans.map { "\($0.id) \($0.supersededBy ?? "-")" }
        #expect(plans.sorted() == ["NEW/KH -", "OLD/KH NEW/KH"])
    }
}
