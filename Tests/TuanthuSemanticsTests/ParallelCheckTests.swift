import Foundation
import Testing
import TuanthuCore
@testable import TuanthuSemantics

/// A plan large enough to be checked on two threads gives exactly what one thread gives: the same
/// diagnostics in the same order (repeats dropped once), the same checked plan.
@Suite("Two-thread check")
struct ParallelCheckTests {
    /// 4,400 obligations with errors and warnings spread over both halves; some names are used only in
    /// the second half (so "never used" depends on merging its used names back).
    static func planText() -> String {
        var lines = ["plan \"P/KH\" {", "  title \"T\"", "  issuer \"I\"", "  issued 2025-01-15", "}",
                     "agency A00 \"Sở 00\"", "agency A01 \"Sở 01\" merged into A00 on 2024-01-01", "agency A02 \"Sở 02\"",
                     "group g \"G\" = [A00, A02]", "indicator i0 \"I0\" : percent", "indicator i1 \"I1\" : count",
                     "indicator unused \"U\" : percent", "event e0 \"E0\"",
                     "agency A03 \"Sở 03\"", "indicator late \"L\" : count"]
        for n in 0..<4400 {
            let owner = ["A00", "g", "jointly A00, A02", "A01", "A0O", "\"Sở 02\""][n % 6]
            let requirement: String
            switch n % 7 {
            case 0: requirement = "report to A00 monthly before day \(n % 40)"
            case 1: requirement = "deliver \"K\" by 2025-\(n % 14 + 1)"
            case 2: requirement = "achieve i\(n % 3) >= \(n % 150)% by 2030"
            case 3: requirement = "deliver \"K\" after e\(n % 2)"
            case 4: requirement = "report to A00 weekly before thursday \(n % 30):00"
            case 5: requirement = "achieve i1 >= 2.5 by \(2025 + n % 10)"
            default: requirement = "achieve i0 >= \(100 - n % 90)% by \(2026 + n % 5)"
            }
            let name = n % 997 == 5 ? "o5" : "o\(n)"
            if n == 4000 { lines += ["obligation second \"S\" {", "  owner A03", "  achieve late >= 3 by 2030", "  cite \"M\"", "}"] }
            lines += ["obligation \(name) \"N\" {", "  owner \(owner)", "  \(requirement)", n % 11 == 0 ? "" : "  cite \"M\"", "}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func twoThreadsGiveWhatOneGives() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-parallel-\(ProcessInfo.processInfo.processIdentifier).plan").path
        try Self.planText().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        var one = Checker()
        one.obligationsForTwoThreads = .max
        let sequential = one.run(files: [path])
        var two = Checker()
        two.obligationsForTwoThreads = 4000
        let parallel = two.run(files: [path])

        #expect(sequential.diagnostics.count > 1000)
        #expect(Set(sequential.diagnostics.map(\.code)).count >= 6)
        // Compared as booleans: on a failure, the first difference is shown rather than 3,000 diagnostics.
        let firstDifference = zip(parallel.diagnostics, sequential.diagnostics).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(parallel.diagnostics.count == sequential.diagnostics.count)
        #expect(firstDifference == nil, "first differing diagnostic at \(firstDifference ?? -1)")
        let samePlans = parallel.plans == sequential.plans
        #expect(samePlans)
    }
}
