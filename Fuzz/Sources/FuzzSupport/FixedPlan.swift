import Foundation

/// The plan the data fuzzers evaluate against (every kind of requirement, a merged and a dissolved
/// agency, a group, joint owners, per-agency indicators, each condition form). It lives with the
/// regression inputs, so HostileInputTests replays them against the same plan.
public enum FixedPlan {
    public static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/fuzz-regressions/fixed-plan.plan").path

    public static let text: String = {
        guard let data = FileManager.default.contents(atPath: path) else { fuzzFailure("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }()
}
