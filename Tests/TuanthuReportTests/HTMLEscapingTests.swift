import Testing
import TuanthuCore
@testable import TuanthuReport
@testable import TuanthuRuntime

/// Every value from plans and data reaches the page as text, never as markup.
@Suite struct HTMLEscapingTests {
    static let hostile = "<script>alert(\"x\")</script> & 'q' <img src=x onerror=alert(1)>"

    static func finding(status: Status, agency: String) -> Finding {
        Finding(plan: "484/KH-UBND \"<b>\"", obligation: "bc_<i>thang</i>", kind: "report", agency: agency,
                period: .month(year: 2025, month: 6), status: status,
                due: Deadline(day: CivilDate(year: 2025, month: 6, day: 9)!), found: "2025-06-12 <script>",
                daysLate: 3, expected: "report " + hostile, actual: "submitted " + hostile,
                location: SourceLocation(file: "rules/<x>.plan", line: 52, column: 3, endLine: 52, endColumn: 9),
                cite: "IV.3 " + hostile, evidence: [Evidence(file: "data/\"reports\".csv", line: 17)],
                support: [hostile], notes: [hostile])
    }

    static func evaluation() -> Evaluation {
        Evaluation(asOf: CivilDate(year: 2025, month: 12, day: 31)!,
                   plans: [(id: "484/<KH>", file: "rules/'a'.plan", supersededBy: hostile)],
                   inputs: [],
                   findings: [finding(status: .late, agency: "STC<script>+SNV\"x"), finding(status: .met, agency: hostile)],
                   untracked: [UntrackedDuty(plan: "p", obligation: "bc_<u>", reason: hostile)],
                   dataErrors: [DataError(file: "data/<r>.csv", line: 3, column: 2, code: .E301,
                                          message: .badPeriod(hostile), suggestion: hostile)],
                   warnings: [], rows: RowCounts())
    }

    @Test(arguments: [Language.vi, .en])
    func valuesAppearAsText(language: Language) {
        let html = FindingsHTML.render(Self.evaluation(), language: language)
        // Only the report's own script tag, and no tag or attribute from the data.
        #expect(html.components(separatedBy: "<script").count == 2)
        for bad in ["<img", "<i>", "\"<b>\"", "<u>", "<KH>", "<x>", "<r>", "onerror=alert(1)>", "\"x\")"] {
            #expect(!html.contains(bad), "unescaped \(bad)")
        }
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(html.contains("data/&quot;reports&quot;.csv:17"))
        let scan = HTMLScan(html)
        #expect(scan.count(tag: "script") == 1)
        #expect(scan.count(tag: "img") == 0)
        #expect(scan.count(attribute: "onerror") == 0)
        #expect(scan.count(attribute: "data-f") == 2)
        #expect(scan.count(attribute: "data-p", value: "late") == 1)
        #expect(scan.count(attribute: "data-e") == 1)
    }

    /// Past the inline limit the cards move into one inert template per page; none is lost.
    @Test func manyProblemsArePagedTemplates() {
        var e = Self.evaluation()
        e.findings = (0..<2_345).map { i in Self.finding(status: i % 3 == 0 ? .met : .overdue, agency: "S\(i % 40)") }
        let scan = HTMLScan(FindingsHTML.render(e, language: .vi))
        let problems = e.findings.filter { $0.status.isProblem }.count
        #expect(scan.count(attribute: "data-f") == 2_345)
        #expect(scan.count(attribute: "data-p") == problems)
        #expect(scan.count(tag: "template") == (problems + FindingsHTML.pageSize - 1) / FindingsHTML.pageSize)
        #expect(scan.count(tag: "details") == 40 + 1)
        #expect(scan.count(attribute: "open") == 0, "agencies start closed above the limit")
    }

    @Test func escapeCoversAllFiveCharacters() {
        #expect(FindingsHTML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(FindingsHTML.escape("Sở Khoa học và Công nghệ") == "Sở Khoa học và Công nghệ")
    }
}
