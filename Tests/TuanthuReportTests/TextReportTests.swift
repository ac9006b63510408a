import Testing
import TuanthuCore
@testable import TuanthuReport
@testable import TuanthuRuntime

/// The readable report's per-agency summary.
@Suite struct TextReportTests {
    /// Codes line up in a column; a duty shared by a dozen agencies gets a line of its own rather than
    /// pushing every other agency's counts 90 columns to the right.
    @Test func longJointOwnersDoNotWidenTheAgencyColumn() {
        let joint = (1...12).map { "SO\($0)" }.joined(separator: "+")
        var e = HTMLEscapingTests.evaluation()
        e.findings = [HTMLEscapingTests.finding(status: .late, agency: "STC"), HTMLEscapingTests.finding(status: .met, agency: joint)]
        let text = FindingsText.render(e, color: false, language: .en)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stc = lines.first { $0.hasPrefix("  STC ") }
        #expect(stc?.hasPrefix("  STC" + String(repeating: " ", count: 17) + "  ") == true, "\(stc ?? "no STC line")")
        let at = lines.firstIndex { $0 == "  " + joint }
        #expect(at != nil, "the long code stands alone on its line")
        if let at { #expect(lines[at + 1].hasPrefix(String(repeating: " ", count: 24)) && lines[at + 1].contains("met 1")) }
    }
}
