import Foundation
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime

enum TemplateCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valued: ["--out", "--agency", "--from", "--until", "--lang"], flags: [])
        let lang = try CLI.language(args)
        guard let out = a.options["--out"] else { throw Arguments.UsageError(.required("--out DIR")) }
        func date(_ name: String) throws -> CivilDate? {
            guard let t = a.options[name] else { return nil }
            if let d = CivilDate.parse(utf8: t.utf8) ?? CivilDate.parseDayMonthYear(utf8: t.utf8) { return d }
            if let p = Period.parse(utf8: t.utf8) { return name == "--from" ? p.firstDay : p.lastDay }
            throw Arguments.UsageError(.notADate(option: name, text: t, periodsToo: true))
        }
        let from = try date("--from")
        let today = EvalCommand.todayInVietnam()
        let until = try date("--until") ?? Period.year(today.year).lastDay
        guard let checked = CheckStep.run(paths: CLI.planPaths(a.positional), language: lang) else { return 2 }
        var agency = a.options["--agency"]
        var selected: Set<String>?
        if let text = agency {
            if let id = checked.plans.lazy.compactMap({ $0.agencyID(for: text) }).first {
                agency = id
                selected = [id]
            } else if let group = checked.plans.lazy.compactMap({ $0.groups[text] }).first {
                // A group: what it owes as a whole (a province-wide target) and what each member owes.
                selected = Set([group.id] + group.agencies)
            } else {
                let all = checked.plans.flatMap { Array($0.agencies.keys) + Array($0.groups.keys) }
                var msg = "tuanthu template: " + Catalogue.ui(.unknownAgency(text), lang)
                if let s = Suggestion.closest(to: text, among: Set(all).sorted()) { msg += Catalogue.ui(.didYouMeanCommand(s), lang) }
                CLI.printError(msg)
                return 2
            }
        }
        let sheets = TemplateBuilder(plans: checked.plans, from: from, until: until).sheets(agencies: selected)
        if sheets.isEmpty {
            CLI.printError("tuanthu template: " + Catalogue.ui(.nothingOwed(agency: agency), lang))
            return 0
        }
        // Folder names that survive case-insensitive disks and Windows (`STC` and `stc`, `CON`).
        let folders = AgencyFileNames.names(for: sheets.map(\.agency))
        let fm = FileManager.default
        var agencies: [String] = []
        for sheet in sheets {
            let dir = (out as NSString).appendingPathComponent(folders[sheet.agency] ?? sheet.agency)
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try OutputFile.write(TemplateBuilder.csv(sheet), to: (dir as NSString).appendingPathComponent("\(sheet.table.rawValue).csv"))
                if agencies.last != sheet.agency {
                    agencies.append(sheet.agency)
                    try OutputFile.write(TemplateBuilder.readme(agency: sheet.agency, from: from, until: until),
                                         to: (dir as NSString).appendingPathComponent("HUONG-DAN.md"))
                }
            } catch {
                CLI.printError("tuanthu template: " + Catalogue.ui(.cannotWriteIn(folder: dir, detail: error.localizedDescription), lang))
                return 2
            }
        }
        CLI.printError(Catalogue.ui(.wroteSheets(sheets: sheets.count, agencies: agencies.count, folder: out), lang))
        return 0
    }
}
