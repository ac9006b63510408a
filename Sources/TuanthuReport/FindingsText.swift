import TuanthuCore
import TuanthuRuntime

/// The readable report: a summary by status and by agency, the problems, then a table of every finding.
public enum FindingsText {
    /// The report in `language`: labels, status names and dates (20/3/2025 in Vietnamese) follow it.
    public static func render(_ e: Evaluation, color: Bool, language: Language = .en) -> String {
        let l = language
        func ui(_ t: UIText) -> String { Catalogue.ui(t, l) }
        func date(_ d: CivilDate) -> String { Catalogue.date(d, l) }
        func due(_ d: Deadline) -> String { Catalogue.deadline(d, l) }
        var out = ""
        let planNames = e.plans.map { $0.id + ($0.supersededBy.map { ui(.supersededBy($0)) } ?? "") }
        out += ui(.complianceAsOf(date(e.asOf))) + "\n"
        out += ui(.plansLine(planNames.joined(separator: ", "))) + "\n\n"
        out += ui(.summaryLabel) + e.summary.map { "\(Catalogue.status($0.0.rawValue, l)) \($0.1)" }.joined(separator: ", ") + "\n"
        out += ui(.rowsLine(evidence: e.rows.evidence, setAside: e.rows.setAside, asOf: date(e.asOf), superseded: e.rows.superseded,
                            unused: e.rows.unused, blank: e.rows.blank)) + "\n"
        if !e.unusedRows.isEmpty {
            out += "  " + ui(.unusedRowsLabel) + e.unusedRows.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            out += (e.rows.unused > e.unusedRows.count ? ", …" : "") + "\n"
        }
        if !e.dataErrors.isEmpty { out += ui(.dataErrorsSummary(e.dataErrors.count)) + "\n" }
        // By agency
        var agencies: [String: [Status: Int]] = [:]
        for f in e.findings { agencies[f.agency, default: [:]][f.status, default: 0] += 1 }
        if !agencies.isEmpty {
            out += "\n" + ui(.byAgency) + "\n"
            // Codes are aligned up to 20 characters; a longer one (a duty shared by a dozen agencies) takes
            // a line of its own instead of pushing every row to the right.
            let width = min(20, max(6, agencies.keys.map(\.count).max() ?? 6))
            for a in agencies.keys.sorted() {
                let counts = Status.allCases.compactMap { s in agencies[a]?[s].map { "\(Catalogue.status(s.rawValue, l)) \($0)" } }
                if a.count > width {
                    out += "  " + a + "\n  " + String(repeating: " ", count: width) + "  "
                } else {
                    out += "  " + FindingsText.padded(a, to: width) + "  "
                }
                if let name = e.agencyNames[a] { out += name + ": " }
                out += counts.joined(separator: ", ") + "\n"
            }
        }
        let problems = e.findings.filter { $0.status.isProblem }
        if !problems.isEmpty {
            out += "\n" + ui(.problems(problems.count)) + "\n"
            for f in problems {
                var line = "  \(paint(f.status, color, l)) \(f.agency) \(f.obligation)"
                if let p = f.period { line += " " + periodText(p, l) }
                if let d = f.due { line += " — " + ui(.due(due(d))) }
                if let n = f.daysLate { line += ", " + ui(.daysLate(n)) }
                line += " — " + actual(f, l)
                if let title = e.obligationTitles[f.plan + "|" + f.obligation] { line += "\n      “\(title)”" }
                line += "\n      \(f.location.file):\(f.location.line) \(ui(.expectedLabel)): " + expected(f, l)
                if !f.cite.isEmpty { line += " [\(f.cite)]" }
                if !f.evidence.isEmpty { line += "\n      \(ui(.dataLabel)): " + f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: ", ") }
                for n in notes(f, l) { line += "\n      ! " + n }
                out += line + "\n"
            }
        }
        out += "\n" + ui(.allFindings(e.findings.count)) + "\n"
        let rows = e.findings.map { f in
            [f.plan, f.obligation, f.agency, f.period.map { periodText($0, l) } ?? "-", Catalogue.status(f.status.rawValue, l), f.due.map(due) ?? "-", actual(f, l)]
        }
        out += table(header: ReportColumn.allCases.map { ui(.column($0)) }, rows: rows, colorStatus: color ? 4 : nil, language: l)
        if !e.untracked.isEmpty {
            out += "\n" + ui(.notCheckable(e.untracked.count)) + "\n"
            for u in e.untracked { out += "  \(u.plan) \(u.obligation): " + untrackedReason(u, l) + "\n" }
        }
        if !e.dataErrors.isEmpty {
            out += "\n" + ui(.dataErrors(e.dataErrors.count)) + "\n"
            for d in e.dataErrors {
                var m = "  \(d.file):\(d.line):\(d.column): \(d.code.rawValue): \(Catalogue.text(d.message, l))"
                if let s = d.suggestion { m += " (\(ui(.didYouMean(s))))" }
                out += m + "\n"
            }
        }
        return out
    }

    /// What was found, in the reader's language (the typed fact; `actual` for a finding built without one).
    public static func actual(_ f: Finding, _ l: Language) -> String {
        if case .none = f.fact { return f.actual }
        return Catalogue.fact(f.fact, l)
    }

    /// What the plan asks, in the reader's language (the plan's own wording stays as written).
    public static func expected(_ f: Finding, _ l: Language) -> String {
        f.expectation.requirement.isEmpty ? f.expected : Catalogue.expectation(f.expectation, l)
    }

    /// The finding's remarks, in the reader's language.
    /// Vietnamese readers get "quý III/2025", "tháng 6/2025"; English keeps the data-file form `2025-Q3`.
    static func periodText(_ p: Period, _ l: Language) -> String {
        l == .vi ? Catalogue.period(p, l) : p.description
    }

    public static func notes(_ f: Finding, _ l: Language) -> [String] {
        f.noteFacts.count == f.notes.count ? f.noteFacts.map { Catalogue.note($0, l) } : f.notes
    }

    /// Why a duty is not checked: the plan's reason, or a report on request.
    public static func untrackedReason(_ u: UntrackedDuty, _ l: Language) -> String {
        u.onRequest.map { Catalogue.ui(.onRequest($0), l) } ?? u.reason
    }

    static func paint(_ s: Status, _ color: Bool, _ language: Language) -> String {
        let name = Catalogue.status(s.rawValue, language)
        guard color else { return name }
        let code: String
        switch s {
        case .met: code = "32"
        case .violated, .overdue: code = "31"
        case .late: code = "33"
        case .noData: code = "35"
        case .pending, .waiting: code = "36"
        }
        return "\u{1B}[\(code)m\(name)\u{1B}[0m"
    }

    /// `text` followed by spaces up to `width` characters, counted as the table's widths count them (never
    /// cut; Foundation's `padding(toLength:)` counts UTF-16 units, cuts, and took 40 % of a text report).
    static func padded(_ text: String, to width: Int) -> String {
        let n = characters(text)
        return n >= width ? text : text + String(repeating: " ", count: width - n)
    }

    /// How many characters `text` has: its bytes when it is ASCII (most cells: codes, dates, statuses),
    /// without breaking it into grapheme clusters (a third of a national text report's time).
    static func characters(_ text: String) -> Int {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b in !b.contains { $0 >= 0x80 } } ?? !text.utf8.contains { $0 >= 0x80 }
        return ascii ? text.utf8.count : text.count
    }

    static func table(header: [String], rows: [[String]], colorStatus: Int?, language: Language) -> String {
        // Each cell's width counted once; the lines written as bytes.
        var widths = header.map(characters)
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(rows.count * max(widths.count - 1, 0))
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count - 1 {
                let w = characters(c)
                cellWidths.append(w)
                widths[i] = max(widths[i], w)
            }
        }
        // A status cell as shown, to its status (the first, should two read alike).
        let painted = colorStatus.map { _ in Dictionary(Status.allCases.map { (Catalogue.status($0.rawValue, language), $0) }, uniquingKeysWith: { first, _ in first }) }
        var out: [UInt8] = []
        func line(_ cells: [String], widthOf: (Int) -> Int, paint: Bool) {
            out.append(0x20); out.append(0x20)
            for (i, c) in cells.enumerated() {
                if i > 0 { out.append(0x20); out.append(0x20) }
                if paint, i == colorStatus, let s = painted?[c] {
                    out.append(contentsOf: FindingsText.paint(s, true, language).utf8)
                } else {
                    out.append(contentsOf: c.utf8)
                }
                if i < cells.count - 1 {
                    let n = widths[i] - widthOf(i)
                    if n > 0 { out.append(contentsOf: repeatElement(0x20, count: n)) }
                }
            }
            out.append(0x0A)
        }
        line(header, widthOf: { characters(header[$0]) }, paint: false)
        var k = 0
        for r in rows {
            let first = k
            line(r, widthOf: { i in i < widths.count - 1 ? cellWidths[first + i] : 0 }, paint: colorStatus != nil)
            k += min(r.count, widths.count - 1)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
