import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime
import TuanthuReport

enum TestCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--lang"], flags: ["--verbose"])
        let lang = try CLI.language(args)
        guard let checked = CheckStep.run(paths: CLI.planPaths(a.positional), language: lang) else { return 2 }
        var passed = 0, failed = 0
        let today = EvalCommand.todayInVietnam()
        for plan in checked.plans {
            for result in PlanTestRunner.run(plan, sources: checked.sources, today: today) {
                let where_ = result.location.map { "\($0.file):\($0.line):\($0.column)" } ?? plan.file
                if result.passed {
                    passed += 1
                    if a.flags.contains("--verbose") { print(Catalogue.ui(.testOk(plan: plan.id, test: result.name), lang)) }
                    continue
                }
                failed += 1
                print(Catalogue.ui(.testFail(plan: plan.id, test: result.name, location: where_, asOf: Catalogue.date(result.asOf, lang)), lang))
                for e in result.expectations where !e.passed {
                    let loc = checked.sources.location(e.expectation.span)
                    print("  \(loc.map { "\($0.file):\($0.line):\($0.column)" } ?? ""): \(e.expectation.text)")
                    if e.matched.isEmpty {
                        print("    " + Catalogue.ui(.testNoMatch, lang))
                    }
                    for f in e.matched {
                        var line = "    " + Catalogue.ui(.testFound(finding: "\(f.obligation) \(f.agency) \(f.period?.description ?? "-")",
                                                                     status: Catalogue.status(f.status.rawValue, lang)), lang)
                        if let d = f.due { line += ", " + Catalogue.ui(.due(Catalogue.deadline(d, lang)), lang) }
                        line += " — " + FindingsText.actual(f, lang)
                        print(line)
                    }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        return failed > 0 ? 1 : 0
    }
}
