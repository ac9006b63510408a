import Foundation
import Testing
import TuanthuCore
import TuanthuRuntime
import TuanthuSemantics

/// Data as agencies send it (SPEC 6): tables split over files, `;` and day/month/year, decomposed Unicode,
/// Vietnamese number formatting, legacy encodings, and extensions ("gia hạn").
@Suite("Data intake")
struct IntakeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/intake")

    static let plan = Harness.plan("report to SKHCN monthly before day 10")

    /// Plans and raw data bytes, evaluated as `tuanthu eval` would.
    static func run(planFiles: [String], data: [String: [UInt8]], asOf: String, locale: NumberLocale = .plain) throws -> Harness.Run {
        let dir = Harness.scratch()
        for (name, bytes) in data {
            let url = dir.appendingPathComponent("data").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        var checker = Checker()
        let checked = checker.run(files: planFiles)
        #expect(!checked.hasErrors)
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: locale))
        let set = loader.load(directory: dir.appendingPathComponent("data").path)
        let day = try #require(CivilDate.parse(utf8: asOf.utf8))
        return Harness.Run(evaluation: Evaluator.evaluate(plans: checked.plans, data: set, asOf: day, sources: checked.sources),
                           data: set, directory: dir)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static var fixturePlan: String { fixtures.appendingPathComponent("plan.plan").path }

    // MARK: Split tables

    @Test func badRowsInSplitFilesAreReportedAtTheirOwnFileAndLine() throws {
        let data = [
            "reports.csv": "obligation,agency,period,submitted\no,STC,2025-03,2025-03-01\n",
            "reports-STC.csv": "obligation,agency,period,submitted\no,STC,2025-04,2025-04-01\n\no,STC,2025-6,2025-06-01\n",
            "reports/SNV.csv": "obligation;agency;period;submitted\no;SNV;2025-05;2025-05-01\no;Sở Nội vụ;2025-05;31/6/2025\n",
            "reports/STC-thang7.csv": "obligation,agency,period,submitted\r\no,STC,2025-07,\"2025-07-01\"\r\nbc_thnag,STC,2025-07,2025-07-02\r\n",
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2025-07-31")
        // Line 3 of reports-STC.csv is empty and still counts; line 3 of SNV.csv has a date that does not exist.
        #expect(run.errors == ["reports-STC.csv:4:7 E303", "SNV.csv:3:21 E304", "STC-thang7.csv:3:1 E306"])
        #expect(run.data.errors.map { $0.file.split(separator: "/").suffix(2).joined(separator: "/") }
                == ["data/reports-STC.csv", "reports/SNV.csv", "reports/STC-thang7.csv"])
    }

    @Test func rowsOfAllSplitFilesCountAndEvidenceNamesTheirFile() throws {
        let data = [
            "reports-STC.csv": "obligation,agency,period,submitted\no,STC,2025-03,2025-03-09\n",
            "reports/later.csv": "obligation,agency,period,submitted\no,STC,2025-04,2025-04-12\n",
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2025-04-30")
        #expect(run.data.errors.isEmpty)
        #expect(run.briefs() == ["STC 2025-03 met due=2025-03-09", "STC 2025-04 late due=2025-04-09 +3"])
        #expect(run.finding(period: "2025-04")?.evidence.map { "\($0.file.fileName):\($0.line)" } == ["later.csv:2"])
    }

    @Test func filesThatAreNotTablesAreIgnored() throws {
        let data = [
            "reports.csv": "obligation,agency,period,submitted\no,STC,2025-03,2025-03-09\n",
            "reportsSTC.csv": "garbage\n",
            "reports-STC.txt": "garbage\n",
            "reports/ghi-chu.md": "garbage\n",
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty)
        #expect(run.evaluation.inputs.map(\.file.fileName) == ["reports.csv"])
    }

    // MARK: Delimiter, dates, NFC, numbers

    @Test(arguments: ["20/3/2025", "20/03/2025", "2025-03-20", "20/3/2025 09:30", "2025-03-20T09:30"])
    func submittedDatesInEveryWrittenForm(_ written: String) throws {
        let text = "obligation;agency;period;submitted\no;STC;2025-03;\(written)\n"
        let run = try Harness.run(Harness.plan("report to SKHCN monthly by day 20"), ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.briefs() == ["STC 2025-02 overdue due=2025-02-20", "STC 2025-03 met due=2025-03-20"])
    }

    @Test(arguments: ["20/13/2025", "32/3/2025", "2025/03/20", "20-3-2025", "3/20/2025"])
    func impossibleDayMonthYearIsAnErrorAtItsCell(_ written: String) throws {
        let text = "obligation;agency;period;submitted\no;STC;2025-03;\(written)\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.errors == ["reports.csv:2:15 E304"])
    }

    @Test func aSemicolonHeaderWithACommaInATextCell() throws {
        let text = "obligation;agency;period;submitted;replaces\no;STC;2025-03;9/3/2025;Báo cáo số 1, tháng 3\n"
        let run = try Harness.run(Self.plan, ["reports.csv": text], asOf: "2025-03-31")
        #expect(run.data.errors.isEmpty)
        #expect(run.data.reports.first?.replaces == "Báo cáo số 1, tháng 3")
    }

    @Test func decomposedTextMatchesNamesAndIdentifiers() throws {
        let nfd = { (s: String) in s.decomposedStringWithCanonicalMapping }
        let data: [String: [UInt8]] = [
            "reports-SNV.csv": Array(nfd("obligation,agency,period,submitted\nbc_quy,Sở Nội vụ,2025-Q2,2025-06-05\n").utf8),
            "observations.csv": Array(nfd("indicator,period,value,agency\nkinh_tế_số,2025,12.5%,\nty_le_so_hoa,2025,55,Sở Tài chính\n").utf8),
        ]
        let run = try Self.run(planFiles: [Self.fixturePlan], data: data, asOf: "2025-12-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.data.reports.map(\.agency) == ["SNV"])
        #expect(run.data.observations.map(\.indicator) == ["kinh_tế_số", "ty_le_so_hoa"])
        #expect(run.finding("bc_quy", period: "2025-Q2", agency: "SNV")?.status == .met)
        #expect(run.finding("so_hoa_2025", agency: "STC")?.status == .met)
    }

    @Test(arguments: [("1.250.000.000", "1250000000"), ("6,5", "6.5"), ("1.250,75", "1250.75"), ("18", "18")])
    func vietnameseNumbersAreRead(_ written: String, _ value: String) throws {
        let plan = Harness.plan("achieve x >= 1 by 2025", declarations: "indicator x \"Chỉ số\" : number\n")
        let text = "indicator;period;value\nx;2025;\(written)\n"
        let run = try Harness.run(plan, ["observations.csv": text], asOf: "2025-12-31", locale: .vietnamese)
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.data.observations.first?.value == (try? ExactNumber.parse(utf8: value.utf8, locale: .plain).get()))
    }

    @Test(arguments: ["18.5", "1.25.000", "1.2500", "1.250.00", ".250", "1,250,000", "1.250.000,5,5"])
    func vietnameseGroupingIsStrict(_ written: String) throws {
        let plan = Harness.plan("achieve x >= 1 by 2025", declarations: "indicator x \"Chỉ số\" : number\n")
        let text = "indicator;period;value\nx;2025;\(written)\n"
        let run = try Harness.run(plan, ["observations.csv": text], asOf: "2025-12-31", locale: .vietnamese)
        #expect(run.errors == ["observations.csv:2:8 E305"])
    }

    // MARK: Legacy encodings

    /// The findings and row counts of a run, without the data file names.
    static func outcome(_ run: Harness.Run) -> [String] {
        run.evaluation.findings.map { "\($0.obligation) \($0.brief) \($0.evidence.map { "\($0.file.fileName):\($0.line)" })" }
            + [run.rowSummary]
    }

    @Test(arguments: ["reports.cp1258.csv", "reports.utf16.csv", "reports.utf16be-nobom.csv"])
    func convertedFileGivesTheSameFindingsAsItsUTF8Twin(_ name: String) throws {
        let twin = try Self.run(planFiles: [Self.fixturePlan], data: ["reports.csv": Self.fixture("legacy/reports.utf8.csv")], asOf: "2025-12-31")
        let legacy = try Self.run(planFiles: [Self.fixturePlan], data: ["reports.csv": Self.fixture("legacy/\(name)")], asOf: "2025-12-31")
        #expect(twin.data.errors.isEmpty && twin.data.warnings.isEmpty)
        #expect(legacy.data.errors.isEmpty, "\(legacy.errors)")
        #expect(legacy.data.warnings.map { "\($0.code.rawValue) \($0.line):\($0.column)" } == ["W012 1:1"])
        #expect(Self.outcome(legacy) == Self.outcome(twin))
        // The fixtures' last column is `replaces`, a text cell the report table keeps.
        #expect(legacy.data.reports.map(\.replaces) == twin.data.reports.map(\.replaces))
        #expect(legacy.data.reports.last?.replaces == "“Báo cáo” quý II – Sở Tài chính")
    }

    @Test func windows1258AdviceNamesTheCommand() throws {
        let run = try Self.run(planFiles: [Self.fixturePlan], data: ["reports.csv": Self.fixture("legacy/reports.cp1258.csv")], asOf: "2025-12-31")
        let message = try #require(run.data.warnings.first.map { Catalogue.text($0.message, .en) })
        #expect(message.contains("Windows-1258"))
        #expect(message.contains("iconv -f CP1258 -t UTF-8 "))
    }

    @Test func tcvn3FileIsOneErrorWithAdvice() throws {
        let run = try Self.run(planFiles: [Self.fixturePlan], data: ["reports.csv": Self.fixture("legacy/reports.tcvn3.csv")], asOf: "2025-12-31")
        // The first non-ASCII byte is on line 3 (line 2 is ASCII): one error for the file, and the
        // ASCII row read before it is taken back rather than counted.
        #expect(run.errors == ["reports.csv:3:11 E001"])
        #expect(run.data.reports.isEmpty)
        let message = Catalogue.text(run.data.errors[0].message, .en)
        #expect(message.contains("TCVN3"))
        #expect(message.contains("iconv -f TCVN5712-1 -t UTF-8"))
    }

    @Test func detectionTellsTheEncodingsApart() throws {
        #expect(LegacyEncoding.detect(try Self.fixture("legacy/reports.cp1258.csv")) == .windows1258)
        #expect(LegacyEncoding.detect(try Self.fixture("legacy/reports.tcvn3.csv")) == .tcvn3)
        #expect(LegacyEncoding.detect(try Self.fixture("legacy/reports.utf16.csv")) == .utf16(bigEndian: false))
        #expect(LegacyEncoding.detect(try Self.fixture("legacy/reports.utf16be-nobom.csv")) == .utf16(bigEndian: true))
        // Mostly UTF-8 with one stray byte is a UTF-8 error, not a legacy file.
        var mostlyUTF8 = try Self.fixture("legacy/reports.utf8.csv")
        mostlyUTF8.append(0xFF)
        #expect(LegacyEncoding.detect(mostlyUTF8) == nil)
    }

    @Test func aStrayBadByteInUTF8IsAnErrorAtItsPosition() throws {
        var bytes = Array("obligation,agency,period,submitted,document\no,STC,2025-03,2025-03-09,Báo cáo\no,STC,2025-04,2025-04-09,x".utf8)
        bytes.append(0xFF)
        bytes.append(0x0A)
        let run = try Self.run(planFiles: [Self.write(Self.plan)], data: ["reports.csv": bytes], asOf: "2025-04-30")
        #expect(run.errors == ["reports.csv:3:27 E001"])
        #expect(run.data.reports.count == 1)
    }

    static func write(_ plan: String) throws -> String {
        let url = Harness.scratch().appendingPathComponent("t.plan")
        try Data(plan.utf8).write(to: url)
        return url.path
    }

    // MARK: Extensions

    @Test func extensionMovesDueAndNamesItsDocument() throws {
        var data = Harness.reports("o,STC,2025-06,2025-06-12", "o,STC,2025-07,2025-07-12")
        data["extensions.csv"] = "obligation;agency;period;due;document\no;Sở Tài chính;2025-06;15/6/2025;Công văn 55/UBND-KT\n"
        let run = try Harness.run(Self.plan, data, asOf: "2025-07-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.briefs() == ["STC 2025-03 overdue due=2025-03-09", "STC 2025-04 overdue due=2025-04-09",
                                 "STC 2025-05 overdue due=2025-05-09", "STC 2025-06 met due=2025-06-15",
                                 "STC 2025-07 late due=2025-07-09 +3"])
        let f = try #require(run.finding(period: "2025-06"))
        #expect(f.expected.hasSuffix("extended to 2025-06-15 by Công văn 55/UBND-KT"))
        #expect(f.evidence.map { "\($0.file.fileName):\($0.line)" }.contains("extensions.csv:2"))
        #expect(run.rowSummary == "evidence 3, set aside 0, superseded 0, unused 0, blank 0")
    }

    struct BadExtension: CustomStringConvertible, Sendable {
        var row: String
        var expected: [String]
        var suggestion: String?
        var description: String { row }
    }

    static let badExtensions: [BadExtension] = [
        // Unknown obligation, agency, period text.
        BadExtension(row: "bc_thnag,STC,2025-06,2025-06-15", expected: ["extensions.csv:2:1 E306"]),
        BadExtension(row: "o,STX,2025-06,2025-06-15", expected: ["extensions.csv:2:3 E309"], suggestion: "STC"),
        BadExtension(row: "o,STC,2025-6,2025-06-15", expected: ["extensions.csv:2:7 E303"]),
        BadExtension(row: "o,STC,2025-06,15/13/2025", expected: ["extensions.csv:2:15 E304"]),
        // A known agency that does not owe the obligation: the owner is suggested.
        BadExtension(row: "o,SNV,2025-06,2025-06-15", expected: ["extensions.csv:2:3 E309"], suggestion: "STC"),
        // A period of the wrong kind, before the plan, or a date: the owed period is suggested.
        BadExtension(row: "o,STC,2025-Q2,2025-06-15", expected: ["extensions.csv:2:7 E303"], suggestion: "2025-06"),
        BadExtension(row: "o,STC,2025-01,2025-06-15", expected: ["extensions.csv:2:7 E303"], suggestion: "2025-06"),
        BadExtension(row: "o,STC,10/6/2025,2025-06-15", expected: ["extensions.csv:2:7 E303"], suggestion: "2025-06"),
        // A target has no deadline to extend.
        BadExtension(row: "t,STC,2025,2026-01-31", expected: ["extensions.csv:2:1 E318"]),
    ]

    @Test(arguments: badExtensions)
    func extensionThatMatchesNothingOwedIsADataError(_ c: BadExtension) throws {
        let plan = Self.plan + """
            indicator x "Chỉ số" : number
            obligation t "Chỉ tiêu" {
              owner STC
              achieve x >= 1 by 2025
              cite "Mục II"
            }

            """
        var data = Harness.reports("o,STC,2025-06,2025-06-12")
        data["extensions.csv"] = "obligation,agency,period,due\n\(c.row)\n"
        let run = try Harness.run(plan, data, asOf: "2025-07-31")
        #expect(run.errors == c.expected)
        #expect(run.data.errors.first?.suggestion == c.suggestion)
        #expect(run.data.extensions.isEmpty)
        #expect(run.finding(period: "2025-06")?.status == .late)
    }

    @Test func extensionForAGroupMemberAndForAJointReport() throws {
        let data: [String: [UInt8]] = [
            "extensions.csv": Array("""
                obligation,agency,period,due,document
                bc_quy,SNV,2025-Q2,2025-06-20,CV 1
                bc_chung,Sở Tài chính,2025,2025-11-30,CV 2
                bc_quy,SYT,2025-Q2,2025-06-20,CV 3

                """.utf8),
        ]
        let run = try Self.run(planFiles: [Self.fixturePlan], data: data, asOf: "2025-12-31")
        #expect(run.errors == ["extensions.csv:4:8 E309"])
        #expect(run.data.errors.first?.suggestion == "STC, SNV")
        #expect(run.finding("bc_quy", period: "2025-Q2", agency: "SNV")?.due?.description == "2025-06-20")
        #expect(run.finding("bc_quy", period: "2025-Q2", agency: "STC")?.due?.description == "2025-06-09")
        #expect(run.finding("bc_chung", period: "2025")?.due?.description == "2025-11-30")
    }

    @Test func extensionOfATaskTimedByAnEventInDataJSON() throws {
        // The event arrives in data.json, read after every CSV file: the extension is checked against it.
        let plan = Harness.plan("deliver \"Quyết định\" within 30 days after e", declarations: "event e \"Văn bản Trung ương\"\n")
        let data = [
            "extensions.csv": "obligation,agency,period,due,document\no,STC,2025-10-01,2025-10-31,CV 9\n",
            "data.json": #"{"events": [{"event": "e", "date": "2025-09-01"}], "tasks": [{"obligation": "o", "agency": "STC", "status": "done", "date": "2025-10-20"}]}"#,
        ]
        let run = try Harness.run(plan, data, asOf: "2025-12-31")
        #expect(run.data.errors.isEmpty, "\(run.errors)")
        #expect(run.briefs() == ["STC 2025-10-01 met due=2025-10-31"])
    }

    @Test func extensionRowsInDataJSONAreCheckedToo() throws {
        let data = [
            "reports.csv": "obligation,agency,period,submitted\no,STC,2025-06,2025-06-12\n",
            "data.json": #"{"extensions": [{"obligation": "o", "agency": "STC", "period": "2025-Q2", "due": "2025-06-15"}]}"#,
        ]
        let run = try Harness.run(Self.plan, data, asOf: "2025-06-30")
        #expect(run.errors == ["data.json:1:64 E303"])
    }

    @Test func blankExtensionRowIsSkipped() throws {
        var data = Harness.reports("o,STC,2025-06,2025-06-12")
        data["extensions.csv"] = "obligation,agency,period,due,document\no,STC,2025-06,,\n"
        let run = try Harness.run(Self.plan, data, asOf: "2025-06-30")
        #expect(run.data.errors.isEmpty)
        #expect(run.rows.blank == 1)
    }
}
