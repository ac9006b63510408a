import TuanthuCore
import TuanthuRuntime

/// The readable report: a summary by status and by agency, the problems, then a table of every finding.
public enum FindingsText {
    public static func render(_ e: Evaluation, color: Bool) -> String {
        var out = ""
        let planNames = e.plans.map { $0.id + ($0.supersededBy.map { " (superseded by \($0))" } ?? "") }
        out += "tuanthu — compliance as of \(e.asOf)\n"
        out += "plans: \(planNames.joined(separator: ", "))\n\n"
        out += "Summary: " + e.summary.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ") + "\n"
        out += "Rows: \(e.rows.evidence) used as evidence, \(e.rows.setAside) set aside (dated after \(e.asOf)), "
        out += "\(e.rows.superseded) superseded, \(e.rows.unused) unused" + (e.rows.blank > 0 ? ", \(e.rows.blank) blank skipped" : "") + "\n"
        if !e.dataErrors.isEmpty { out += "Data errors: \(e.dataErrors.count) row(s) could not be read (listed at the end)\n" }
        // By agency
        var agencies: [String: [Status: Int]] = [:]
        for f in e.findings { agencies[f.agency, default: [:]][f.status, default: 0] += 1 }
        if !agencies.isEmpty {
            out += "\nBy agency:\n"
            let width = max(6, agencies.keys.map(\.count).max() ?? 6)
            for a in agencies.keys.sorted() {
                let counts = Status.allCases.compactMap { s in agencies[a]?[s].map { "\(s.rawValue) \($0)" } }
                out += "  " + a.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + counts.joined(separator: ", ") + "\n"
            }
        }
        let problems = e.findings.filter { $0.status.isProblem }
        if !problems.isEmpty {
            out += "\nProblems (\(problems.count)):\n"
            for f in problems {
                var line = "  \(paint(f.status, color)) \(f.agency) \(f.obligation)"
                if let p = f.period { line += " \(p)" }
                if let d = f.due { line += " — due \(d)" }
                if let n = f.daysLate { line += ", \(n) day\(n == 1 ? "" : "s") late" }
                line += " — \(f.actual)"
                line += "\n      \(f.location.file):\(f.location.line) expected: \(f.expected)"
                if !f.cite.isEmpty { line += " [\(f.cite)]" }
                if !f.evidence.isEmpty { line += "\n      data: " + f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: ", ") }
                out += line + "\n"
            }
        }
        out += "\nAll findings (\(e.findings.count)):\n"
        let rows = e.findings.map { f in
            [f.plan, f.obligation, f.agency, f.period?.description ?? "-", f.status.rawValue, f.due?.description ?? "-", f.actual]
        }
        out += table(header: ["plan", "obligation", "agency", "period", "status", "due", "found"], rows: rows, colorStatus: color ? 4 : nil)
        if !e.untracked.isEmpty {
            out += "\nNot checkable (untracked, \(e.untracked.count)):\n"
            for u in e.untracked { out += "  \(u.plan) \(u.obligation): \(u.reason)\n" }
        }
        if !e.dataErrors.isEmpty {
            out += "\nData errors (\(e.dataErrors.count)):\n"
            for d in e.dataErrors {
                var m = "  \(d.file):\(d.line):\(d.column): \(d.code.rawValue): \(Catalogue.text(d.message))"
                if let s = d.suggestion { m += " (did you mean ‘\(s)’?)" }
                out += m + "\n"
            }
        }
        return out
    }

    static func paint(_ s: Status, _ color: Bool) -> String {
        guard color else { return s.rawValue }
        let code: String
        switch s {
        case .met: code = "32"
        case .violated, .overdue: code = "31"
        case .late: code = "33"
        case .noData: code = "35"
        case .pending, .waiting: code = "36"
        }
        return "\u{1B}[\(code)m\(s.rawValue)\u{1B}[0m"
    }

    static func table(header: [String], rows: [[String]], colorStatus: Int?) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String], paint: Bool) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                var cell = i < cells.count - 1 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c
                if paint, i == colorStatus, let s = Status(rawValue: c) { cell = FindingsText.paint(s, true) + String(repeating: " ", count: max(0, widths[i] - c.count)) }
                parts.append(cell)
            }
            return "  " + parts.joined(separator: "  ") + "\n"
        }
        var out = line(header, paint: false)
        for r in rows { out += line(r, paint: colorStatus != nil) }
        return out
    }
}
