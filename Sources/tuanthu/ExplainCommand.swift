import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime
import TuanthuReport

enum ExplainCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--data", "--as-of", "--agency", "--period", "--format", "--number-locale", "--lang"], flags: [])
        guard let obligation = a.positional.first else { throw Arguments.UsageError(.nameTheObligation) }
        guard let dataDir = a.options["--data"] else { throw Arguments.UsageError(.required("--data DIR")) }
        let format = a.options["--format"] ?? "text"
        guard format == "text" || format == "json" else { throw Arguments.UsageError(.unknownFormat(format, ["text", "json"])) }
        var asOf = EvalCommand.todayInVietnam()
        if let t = a.options["--as-of"] {
            guard let d = CivilDate.parse(utf8: t.utf8) ?? CivilDate.parseDayMonthYear(utf8: t.utf8) else {
                throw Arguments.UsageError(.notADate(option: "--as-of", text: t, periodsToo: false))
            }
            asOf = d
        }
        var period: Period?
        if let t = a.options["--period"] {
            guard let p = Period.parse(utf8: t.utf8) else { throw Arguments.UsageError(.notAPeriod(option: "--period", text: t)) }
            period = p
        }
        let language = try CLI.language(args)
        guard let checked = CheckStep.run(paths: CLI.planPaths(Array(a.positional.dropFirst())), language: language) else { return 2 }
        let locale: NumberLocale = a.options["--number-locale"] == "vi" ? .vietnamese : .plain
        var loader = DataLoader(plans: checked.plans, options: DataOptions(numberLocale: locale))
        let data = loader.load(directory: dataDir)
        for d in data.errors.prefix(DiagnosticLimit.printed) { CLI.printError(DataErrorText.line(d, severity: .error, language)) }
        let evaluation = Evaluator.evaluate(plans: checked.plans, data: data, asOf: asOf, sources: checked.sources)
        var agency = a.options["--agency"]
        if let text = agency, let plan = checked.plans.first(where: { $0.obligations.contains { $0.id == obligation } }), let id = plan.agencyID(for: text) {
            agency = id
        }
        let explainer = Explainer(plans: checked.plans, data: data, evaluation: evaluation, sources: checked.sources)
        let explanations = explainer.explain(obligation: obligation, agency: agency, period: period)
        if explanations.isEmpty {
            let all = checked.plans.flatMap { $0.obligations.map(\.id) }
            var msg = "tuanthu explain: " + Catalogue.ui(.noFindingFor(obligation), language)
            if !all.contains(obligation), let s = Suggestion.closest(to: obligation, among: all) { msg += Catalogue.ui(.didYouMeanCommand(s), language) }
            else if agency != nil || period != nil { msg += Catalogue.ui(.withThatAgencyAndPeriod, language) }
            CLI.printError(msg)
            return 2
        }
        if format == "json" {
            print(ExplanationJSON.render(explanations), terminator: "")
        } else {
            var out = ""
            for (i, e) in explanations.enumerated() {
                if i > 0 { out += "\n" }
                let f = e.finding
                out += "== \(f.obligation) · \(f.agency) · \(f.period?.description ?? "-") · \(Catalogue.status(f.status.rawValue, language))\n"
                for (n, s) in e.steps.enumerated() {
                    out += "\(n + 1). " + Catalogue.ui(.topic(s.topic), language) + "\n"
                    for l in s.lines(language) { out += "   \(l)\n" }
                }
            }
            print(out, terminator: "")
        }
        return data.errors.isEmpty ? 0 : 2
    }
}
