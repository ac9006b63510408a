import Foundation
import Testing
import TuanthuCore
import TuanthuRuntime

/// Submitted data: every malformed row reported at `file:line:column`, CSV dialects, data.json, number
/// locales, routing between plans, and the fate of every valid row (SPEC 6).
@Suite("Submitted data")
struct DataTests {
    static let plan = Harness.plan("report to SKHCN monthly before day 10", declarations: """
        indicator chi "Chi KH&CN"  : money
        indicator kts "Kinh tế số" : percent
        indicator dn  "Doanh nghiệp" : count
        event e "Hướng dẫn"

        """) + """
        obligation nv "Đề án" {
          owner SNV
          deliver "Đề án" by 2025-12
          cite "II"
        }
        obligation kts_2025 "Kinh tế số 2025" {
          owner SKHCN
          achieve kts >= 20% by 2025
          cite "I"
        }

        """

    struct BadRow: Sendable, CustomStringConvertible {
        var file: String
        var text: String
        var expected: [String]
        var description: String { expected.joined(separator: " ") }
    }

    static let badRows: [BadRow] = [
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\no,STC,2025-13,2025-03-01\n", expected: ["reports.csv:2:7 E303"]),
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\no,STC,2025-03,2025-02-30\n", expected: ["reports.csv:2:15 E304"]),
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\no,So Tai chinh,2025-03,2025-03-01\n", expected: ["reports.csv:2:3 E309"]),
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\nbc_thang,STC,2025-03,2025-03-01\n", expected: ["reports.csv:2:1 E306"]),
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\nnv,SNV,2025-03,2025-03-01\n", expected: ["reports.csv:2:1 E318"]),
        .init(file: "reports.csv", text: "obligation,agency,period,submitted\no,,2025-03,2025-03-01\n", expected: ["reports.csv:2:3 E314"]),
        .init(file: "reports.csv", text: "obligation,agency,submitted\no,STC,2025-03-01\n", expected: ["reports.csv:1:1 E302"]),
        // every problem of a file in one run, with the right line after a quoted field spanning lines
        .init(file: "reports.csv", text: "obligation,agency,period,submitted,document\no,STC,2025-03,2025-03-01,\"Báo cáo\nsố 1\"\no,STC,2025-3,2025-04-01,x\n\no,STC,2025-05,hôm qua,y\n",
              expected: ["reports.csv:4:7 E303", "reports.csv:6:15 E304"]),
        .init(file: "tasks.csv", text: "obligation,agency,status\nnv,SNV,xong\n", expected: ["tasks.csv:2:8 E313"]),
        .init(file: "tasks.csv", text: "obligation,agency,status,date\nnv,SNV,done,31/12/25x\n", expected: ["tasks.csv:2:13 E304"]),
        .init(file: "observations.csv", text: "indicator,period,value\nchi,2025,12.5\n", expected: []),
        .init(file: "observations.csv", text: "indicator,period,value\ndn,2025,12.5\n", expected: ["observations.csv:2:9 E305"]),
        .init(file: "observations.csv", text: "indicator,period,value\nchi,2025,12%\n", expected: ["observations.csv:2:10 E305"]),
        .init(file: "observations.csv", text: "indicator,period,value\nkinh_te_so,2025,12\n", expected: ["observations.csv:2:1 E307"]),
        .init(file: "observations.csv", text: "indicator,period,value\nkts,2025,12\nkts,2025,13\nkts,2025,12%\n", expected: ["observations.csv:3:10 E310"]),
        .init(file: "events.csv", text: "event,date\ne,2025-03-01\ne,2025-03-02\nf,2025-03-01\n", expected: ["events.csv:3:3 E310", "events.csv:4:1 E308"]),
        // a malformed row takes no part in the duplicate check
        .init(file: "observations.csv", text: "indicator,period,value\nkts,2025,x\nkts,2025,12\n", expected: ["observations.csv:2:10 E305"]),
        .init(file: "reports.csv", text: "\u{FEFF}obligation;agency;period;submitted\r\no;STC;2025-13;2025-03-01\r\n", expected: ["reports.csv:2:7 E303"]),
        .init(file: "data.json", text: "{\"reports\": [\n  {\"obligation\": \"o\", \"agency\": \"STC\", \"period\": \"2025-03\", \"submitted\": \"2025-03-01\"},\n  {\"obligation\": \"o\", \"agency\": \"STC\", \"period\": \"2025-3\", \"submitted\": \"2025-03-01\"}\n]}\n",
              expected: ["data.json:3:50 E303"]),
        .init(file: "data.json", text: "{\"reports\": [\n  {\"obligation\": \"o\",, }\n]}\n", expected: ["data.json:2:22 E316"]),
    ]

    @Test(arguments: badRows)
    func dataError(_ c: BadRow) throws {
        let run = try Harness.run(Self.plan, [c.file: c.text], asOf: "2025-12-31")
        #expect(run.errors == c.expected)
    }

    @Test func unknownAgencySuggestsTheClosestName() throws {
        let run = try Harness.run(Self.plan, Harness.reports("o,So Tai chinh,2025-03,2025-03-01"), asOf: "2025-12-31")
        #expect(run.data.errors.first?.suggestion == "Sở Tài chính")
    }

    @Test func quotedFieldsCRLFAndBOMAreRead() throws {
        // `replaces` is a text cell the report table keeps (the `document` cell is read but not kept).
        let text = "\u{FEFF}obligation,agency,period,submitted,replaces\r\n\"o\",\"Sở Tài chính\",2025-03,2025-03-09,\"Báo cáo số 1, \"\"tháng 3\"\"\r\nphụ lục\"\r\no,STC,2025-04,10/04/2025,\r\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-04-30")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.data.reports.map(\.replaces) == ["Báo cáo số 1, \"tháng 3\"\r\nphụ lục", nil])
        #expect(run.data.reports.map(\.source.line) == [2, 4])
        #expect(run.briefs() == ["STC 2025-03 met due=2025-03-09", "STC 2025-04 late due=2025-04-09 +1"])
    }

    @Test func semicolonDelimiter() throws {
        let text = "obligation;agency;period;submitted;replaces\no;STC;2025-03;2025-03-09;Báo cáo 1, 2\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.data.reports.first?.replaces == "Báo cáo 1, 2")
    }

    @Test func unknownColumnsAreWarnings() throws {
        let run = try Harness.run(Self.plan, ["reports.csv": "obligation,agency,period,submitted,ghi_chu\no,STC,2025-03,2025-03-09,x\n"], asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty)
        #expect(run.data.warnings.count == 1)
        #expect(run.data.warnings.first.map { "\($0.line):\($0.column)" } == "1:36")
    }

    @Test func blankTemplateRowsAreSkipped() throws {
        let text = "obligation,agency,period,submitted\no,STC,2025-03,\no,STC,2025-04,2025-04-01\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-04-30")
        #expect(run.data.errors.isEmpty)
        #expect(run.rows.blank == 1)
        #expect(run.rows.total == 1)
    }

    @Test func splitTablesAllCount() throws {
        let data = [
            "reports.csv": "obligation,agency,period,submitted\no,STC,2025-03,2025-03-01\n",
            "reports-STC.csv": "obligation,agency,period,submitted\no,STC,2025-04,2025-04-01\n",
            "reports/thang5.csv": "obligation,agency,period,submitted\no,STC,2025-05,2025-05-01\no,STC,2025-06,2025-06-xx\n",
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2025-05-31")
        #expect(run.errors == ["thang5.csv:3:15 E304"])
        #expect(run.data.errors.first?.file.hasSuffix("data/reports/thang5.csv") == true)
        #expect(run.briefs() == ["STC 2025-03 met due=2025-03-09", "STC 2025-04 met due=2025-04-09", "STC 2025-05 met due=2025-05-09"])
        #expect(run.evaluation.inputs.map(\.file.fileName) == ["reports-STC.csv", "reports.csv", "thang5.csv"])
    }

    @Test func inputsCarryTheSHA256OfEachFile() throws {
        let text = "obligation,agency,period,submitted\no,STC,2025-03,2025-03-01\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-05-31")
        #expect(run.evaluation.inputs.map(\.sha256) == [SHA256.hex(Array(text.utf8))])
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func dataJSONNumbersAreExact() throws {
        let json = """
            {"observations": [
              {"indicator": "kts", "period": "2025", "value": 19.99999999999999999999},
              {"indicator": "chi", "period": 2025, "value": 30000000000000000000000001}
            ],
             "tasks": [{"obligation": "nv", "agency": "Sở Nội vụ", "status": "done", "date": "2025-12-31"}]}
            """
        let run = try Harness.run(Self.plan, ["data.json": json], asOf: "2026-01-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.finding("kts_2025")?.status == .violated)
        #expect(run.finding("nv")?.status == .met)
        #expect(run.data.observations.last?.value.description == "30000000000000000000000001")
    }

    @Test func vietnameseNumberLocale() throws {
        let text = "indicator,period,value\nchi,2025,1.250.000.000\nkts,2025,\"6,5\"\nkts,2024,18.5\n"
        let run = try Harness.run(Self.plan, ["observations.csv": text], asOf: "2026-01-31", locale: .vietnamese)
        #expect(run.errors == ["observations.csv:4:10 E305"])
        #expect(run.data.observations.map(\.value.description).first == "1250000000")
        #expect(run.finding("kts_2025")?.found == "kts 2025 = 6.5%")
        let plain = try Harness.run(Self.plan, ["observations.csv": text], asOf: "2026-01-31")
        #expect(plain.errors == ["observations.csv:2:10 E305", "observations.csv:3:10 E305"])
    }

    @Test func semicolonSpreadsheetWithVietnameseDecimals() throws {
        let text = "\u{FEFF}indicator;period;value\r\nkts;2025;20,5%\r\nchi;2025;1.250.000.000\r\n"
        let run = try Harness.run(Self.plan, ["observations.csv": text], asOf: "2026-01-31", locale: .vietnamese)
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.finding("kts_2025")?.brief == "SKHCN 2025 met due=2025-12-31")
        #expect(run.finding("kts_2025")?.found == "kts 2025 = 20.5%")
    }

    @Test func dataJSONNumberWithExponentIsReadExactly() throws {
        let json = #"{"observations": [{"indicator": "kts", "period": "2025", "value": 2.05e1}]}"#
        let run = try Harness.run(Self.plan, ["data.json": json], asOf: "2026-01-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.finding("kts_2025")?.found == "kts 2025 = 20.5%")
    }

    @Test(arguments: [("2.05e1", "20.5%"), ("2050E-2", "20.5%"), ("0.205e2", "20.5%"), ("20.5", "20.5%"), ("2e1", "20%")])
    func dataJSONNumbersAreNeverReadThroughALocale(_ number: String, _ shown: String) throws {
        let json = #"{"observations": [{"indicator": "kts", "period": "2025", "value": "# + number + "}]}"
        for locale in [NumberLocale.plain, .vietnamese] {
            let run = try Harness.run(Self.plan, ["data.json": json], asOf: "2026-01-31", locale: locale)
            #expect(run.data.errors.isEmpty, "\(run.errors)")
            #expect(run.finding("kts_2025")?.found == "kts 2025 = \(shown)")
        }
    }

    @Test func dayMonthYearDatesAndDateTimes() throws {
        let text = "obligation,agency,period,submitted\no,STC,2025-03,09/03/2025\no,STC,2025-04,2025-04-09 17:45\no,STC,2025-05,2025-05-10T08:00:30\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-05-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.briefs() == ["STC 2025-03 met due=2025-03-09", "STC 2025-04 met due=2025-04-09", "STC 2025-05 late due=2025-05-09 +1"])
    }

    @Test func everyValidRowIsCountedOnce() throws {
        let data = [
            "reports.csv": """
                obligation,agency,period,submitted
                o,STC,2025-03,2025-03-05
                o,STC,2025-03,2025-03-07
                o,STC,2025-04,2025-05-02
                o,STC,2025-01,2025-01-05
                o,STC,2025-05,2025-06-01

                """,
            "observations.csv": "indicator,period,value\nkts,2025,21\nkts,2025,21\nkts,2024,10\n",
            "events.csv": "event,date\ne,2025-01-01\n",
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2026-01-31")
        #expect(run.data.errors.isEmpty)
        // evidence: the 03, 04 and 05 reports, kts 2025 (its first row); superseded: the second 03 report and the
        // repeated kts row; unused: the 2025-01 report (due before the plan), kts 2024, the event nobody reads.
        #expect(run.rowSummary == "evidence 4, set aside 0, superseded 2, unused 3, blank 0")
        #expect(run.rows.total == run.data.rowCount)
        let early = try Harness.run(Self.plan, data, asOf: "2025-05-31")
        #expect(early.rows.setAside == 1)
        #expect(early.rows.total == early.data.rowCount)
    }

    // MARK: Routing between plans

    static func twoPlans() -> [String: String] {
        let body = """
            obligation o "Báo cáo" {
              owner STC
              report to SKHCN monthly before day 10
              cite "IV"
            }

            """
        return ["a.plan": Harness.header(id: "1/KH") + body, "b.plan": Harness.header(id: "2/KH") + body]
    }

    @Test func planColumnRoutesARow() throws {
        let text = "plan,obligation,agency,period,submitted\n2/KH,o,STC,2025-03,2025-03-01\n"
        let run = try Harness.run(plans: Self.twoPlans(), data: ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty)
        #expect(run.evaluation.findings.map { "\($0.plan) \($0.brief)" } == [
            "1/KH STC 2025-03 overdue due=2025-03-09",
            "2/KH STC 2025-03 met due=2025-03-09",
        ])
    }

    @Test func ambiguousRowListsBothPlans() throws {
        let text = "obligation,agency,period,submitted\no,STC,2025-03,2025-03-01\n"
        let run = try Harness.run(plans: Self.twoPlans(), data: ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.errors == ["reports.csv:2:1 E311"])
        let message = run.data.errors.map { Catalogue.text($0.message) }.first ?? ""
        #expect(message.contains("1/KH") && message.contains("2/KH"), "\(message)")
    }

    @Test func unknownPlanInPlanColumn() throws {
        let text = "plan,obligation,agency,period,submitted\n3/KH,o,STC,2025-03,2025-03-01\n"
        let run = try Harness.run(plans: Self.twoPlans(), data: ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.errors == ["reports.csv:2:1 E312"])
    }
}
