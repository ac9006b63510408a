import Testing
import TuanthuCore
@testable import TuanthuReport
import TuanthuRuntime

/// The labels, read from the catalogue: complete in both languages, with the inspectors' Vietnamese terms and dates.
@Suite struct HTMLLabelTests {
    @Test func vietnameseStatusNames() {
        let vi = HTMLLabels.vi
        let expected: [Status: String] = [.met: "đạt", .violated: "không đạt", .late: "nộp muộn", .overdue: "quá hạn",
                                          .noData: "chưa có số liệu", .pending: "chưa đến hạn",
                                          .waiting: "chờ văn bản hướng dẫn/sự kiện"]
        for s in Status.allCases {
            #expect(vi.statusName(s) == expected[s])
            // One name per status in every report: the text report's is the HTML report's.
            #expect(vi.statusName(s) == Catalogue.status(s.rawValue, .vi))
        }
    }

    @Test(arguments: [Language.vi, .en])
    func everyStatusAndKindHasALabel(language: Language) {
        let l = HTMLLabels.of(language)
        for s in Status.allCases {
            #expect(!l.statusName(s).isEmpty)
            #expect(!l.statusHelp(s).isEmpty && l.statusHelp(s) != s.rawValue)
        }
        for k in ["target", "task", "report"] { #expect(!l.kindName(k).isEmpty) }
        if language == .vi { #expect(l.kindName("target") == "chỉ tiêu") }
        #expect(l.monthColumns.count == 12 && l.quarterColumns.count == 4 && l.halfColumns.count == 2)
    }

    @Test func datesAndPeriods() throws {
        let d = try #require(CivilDate(year: 2025, month: 3, day: 20))
        #expect(HTMLLabels.vi.date(d) == "20/3/2025")
        #expect(HTMLLabels.en.date(d) == "2025-03-20")
        #expect(HTMLLabels.vi.periodName(.month(year: 2025, month: 6)) == "tháng 6/2025")
        #expect(HTMLLabels.vi.periodName(.quarter(year: 2025, quarter: 3)) == "quý III/2025")
        #expect(HTMLLabels.vi.periodName(.half(year: 2025, half: 1)) == "6 tháng đầu năm 2025")
        #expect(HTMLLabels.vi.foundValue("2025-06-12") == "12/6/2025")
        #expect(HTMLLabels.vi.foundValue("2025-06-12T10:30") == "12/6/2025 10:30")
        #expect(HTMLLabels.vi.foundValue("18.5%") == "18.5%")
        #expect(HTMLLabels.vi.deadline(Deadline(day: d, time: ClockTime(hour: 10, minute: 0))) == "20/3/2025 10:00")
    }
}
