import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime

enum TestCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--lang"], flags: ["--verbose"])
        guard let checked = CheckStep.run(paths: CLI.planPaths(a.positional)) else { return 2 }
        var passed = 0, failed = 0
        let today = EvalCommand.todayInVietnam()
        for plan in checked.plans {
            for result in PlanTestRunner.run(plan, sources: checked.sources, today: today) {
                let where_ = result.location.map { "\($0.file):\($0.line):\($0.column)" } ?? plan.file
                if result.passed {
                    passed += 1
                    if a.flags.contains("--verbose") { print("ok    \(plan.id) — \(result.name)") }
                    continue
                }
                failed += 1
                print("FAIL  \(plan.id) — \(result.name)  (\(where_), as of \(result.asOf))")
                for e in result.expectations where !e.passed {
                    let loc = checked.sources.location(e.expectation.span)
                    print("  \(loc.map { "\($0.file):\($0.line):\($0.column)" } ?? ""): \(e.expectation.text)")
                    if e.matched.isEmpty {
                        print("    found: no finding matches (check the obligation, agency and period)")
                    }
                    for f in e.matched {
                        var line = "    found: \(f.obligation) \(f.agency) \(f.period?.description ?? "-") is \(f.status.rawValue)"
                        if let d = f.due { line += ", due \(d)" }
                        line += " — \(f.actual)"
                        print(line)
                    }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        return failed > 0 ? 1 : 0
    }
}
