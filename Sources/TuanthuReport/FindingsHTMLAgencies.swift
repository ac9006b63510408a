import TuanthuCore
import TuanthuRuntime

extension FindingsHTML {
    /// How one obligation's periods are laid out as columns.
    enum Layout: Int, CaseIterable {
        /// Rows per obligation and year; columns are months, quarters or halves of that year.
        case month, quarter, half
        /// Rows per obligation; columns are the years present.
        case year
        /// Anything else (days, weeks, mixed or no period): one cell listing each period with its status.
        case list

        init(_ periods: [Period?]) {
            var grain: Grain?
            for p in periods {
                guard let p, grain == nil || grain == p.grain else { self = .list; return }
                grain = p.grain
            }
            switch grain {
            case .month: self = .month
            case .quarter: self = .quarter
            case .half: self = .half
            case .year: self = .year
            default: self = .list
            }
        }

        /// The column (0-based) a period falls in within its year.
        func column(_ p: Period) -> Int {
            switch p {
            case let .month(_, m): return m - 1
            case let .quarter(_, q): return q - 1
            case let .half(_, h): return h - 1
            default: return 0
            }
        }
    }

    /// One obligation owed by one agency: the findings in period order, as indices into `Evaluation.findings`.
    struct Line {
        var plan: String
        var obligation: String
        var kind: String
        var findings: [Int]
    }

    /// A section per agency (as findings name it; joint owners have their own), with a status matrix per layout.
    static func agencies(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        var order: [String] = []
        var slot: [String: Int] = [:]
        var lines: [[Line]] = []
        for (i, f) in e.findings.enumerated() {
            let k: Int
            if let known = slot[f.agency] { k = known } else {
                k = lines.count
                slot[f.agency] = k
                order.append(f.agency)
                lines.append([])
            }
            if let last = lines[k].last, last.plan == f.plan, last.obligation == f.obligation {
                lines[k][lines[k].count - 1].findings.append(i)
            } else {
                lines[k].append(Line(plan: f.plan, obligation: f.obligation, kind: f.kind, findings: [i]))
            }
        }
        // Single agencies alphabetically, then joint owners.
        order.sort { a, b in
            let ja = a.contains("+"), jb = b.contains("+")
            return ja != jb ? !ja : a < b
        }
        let open = e.findings.count <= openLimit
        let manyPlans = Set(e.findings.map(\.plan)).count > 1
        out += "<section id=\"agencies\" aria-labelledby=\"h-agencies\">\n<h2 id=\"h-agencies\">" + escape(l.byAgency) + "</h2>\n"
        out += "<p class=\"intro\">" + escape(l.byAgencyIntro) + "</p>\n"
        for (n, agency) in order.enumerated() {
            let agencyLines = slot[agency].map { lines[$0] } ?? []
            var counts: [Status: Int] = [:]
            for line in agencyLines { for i in line.findings { counts[e.findings[i].status, default: 0] += 1 } }
            let total = counts.values.reduce(0, +)
            out += "<details class=\"agency\" id=\"a\(n)\" data-a=\"" + agencyTokens(agency) + "\"" + (open ? " open" : "") + ">\n"
            out += "<summary><h3>" + agencyText(agency) + "</h3> <span class=\"muted\">" + escape(l.findingsCount(total)) + "</span> "
            for s in Status.allCases { if let c = counts[s] { out += "<span class=\"badge s-\(s.rawValue)\">" + escape(l.statusName(s)) + " \(c)</span> " } }
            out += "</summary>\n"
            for layout in Layout.allCases {
                let group = agencyLines.filter { Layout($0.findings.map { e.findings[$0].period }) == layout }
                if !group.isEmpty { matrix(&out, e, group, layout, agency: agency, manyPlans: manyPlans, l) }
            }
            out += "</details>\n"
        }
        out += "</section>\n"
    }

    /// One table: a header row of periods, a row per obligation (and year, for sub-year periods).
    static func matrix(_ out: inout String, _ e: Evaluation, _ group: [Line], _ layout: Layout,
                       agency: String, manyPlans: Bool, _ l: HTMLLabels) {
        var columns: [String]
        var years: [Int] = []
        // Sub-year grids show only the span of columns used, so a lone finding is not lost in empty months.
        var used = 0..<0
        if layout == .month || layout == .quarter || layout == .half {
            let cs = group.flatMap { $0.findings.compactMap { e.findings[$0].period.map(layout.column) } }
            used = (cs.min() ?? 0)..<((cs.max() ?? -1) + 1)
        }
        switch layout {
        case .month: columns = Array(l.monthColumns[clamped(used, 12)])
        case .quarter: columns = Array(l.quarterColumns[clamped(used, 4)])
        case .half: columns = Array(l.halfColumns[clamped(used, 2)])
        case .year:
            years = Array(Set(group.flatMap { $0.findings.compactMap { i -> Int? in
                if case let .year(y)? = e.findings[i].period { return y } else { return nil }
            } })).sorted()
            columns = years.map(String.init)
        case .list: columns = [l.otherPeriods]
        }
        let subYear = layout == .month || layout == .quarter || layout == .half
        out += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + escape(agency) + "\">"
        out += "<table class=\"matrix m-\(layout)\">\n<thead><tr><th scope=\"col\">" + escape(l.obligation) + "</th>"
        if subYear { out += "<th scope=\"col\">" + escape(l.year) + "</th>" }
        for c in columns { out += "<th scope=\"col\">" + escape(c) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for line in group {
            let head = "<th scope=\"row\"><span class=\"obl\">" + escape(line.obligation) + "</span> <span class=\"kind\">"
                + escape(l.kindName(line.kind)) + "</span>"
                + (manyPlans ? "<br><span class=\"muted\">" + escape(line.plan) + "</span>" : "") + "</th>"
            switch layout {
            case .month, .quarter, .half:
                // A slot holds a list so that nothing is dropped even if two findings ever share a period.
                var byYear: [(Int, [[Int]])] = []
                for i in line.findings {
                    guard let p = e.findings[i].period else { continue }
                    let y = p.firstDay.year
                    if byYear.last?.0 != y { byYear.append((y, Array(repeating: [], count: columns.count))) }
                    let c = layout.column(p) - used.lowerBound
                    if c >= 0, c < columns.count { byYear[byYear.count - 1].1[c].append(i) }
                }
                for (y, cells) in byYear {
                    out += "<tr>" + head + "<th scope=\"row\" class=\"yr\">\(y)</th>"
                    for c in cells { slot(&out, e, c, l) }
                    out += "</tr>\n"
                }
            case .year:
                var cells = [[Int]](repeating: [], count: years.count)
                for i in line.findings {
                    if case let .year(y)? = e.findings[i].period, let c = years.firstIndex(of: y) { cells[c].append(i) }
                }
                out += "<tr>" + head
                for c in cells { slot(&out, e, c, l) }
                out += "</tr>\n"
            case .list:
                out += "<tr>" + head + "<td class=\"chips\">"
                for i in line.findings { chip(&out, e.findings[i], index: i, l) }
                out += "</td></tr>\n"
            }
        }
        out += "</tbody>\n</table></div>\n"
    }

    static func clamped(_ r: Range<Int>, _ count: Int) -> Range<Int> {
        r.clamped(to: 0..<count)
    }

    /// One grid position: empty, one finding's cell, or (never for valid findings) several as chips.
    static func slot(_ out: inout String, _ e: Evaluation, _ findings: [Int], _ l: HTMLLabels) {
        switch findings.count {
        case 0: out += "<td class=\"empty\"></td>"
        case 1: cell(&out, e.findings[findings[0]], index: findings[0], l)
        default:
            out += "<td class=\"chips\">"
            for i in findings { chip(&out, e.findings[i], index: i, l) }
            out += "</td>"
        }
    }

    /// A matrix cell: the status in words (a link to the problem card when it is one), days late when late.
    static func cell(_ out: inout String, _ f: Finding, index: Int, _ l: HTMLLabels) {
        out += "<td class=\"s-\(f.status.rawValue)\" data-f=\"\(f.status.rawValue)\"" + tip(f, l) + ">"
        out += statusText(f, index: index, l) + "</td>"
    }

    /// A period and its status, for obligations whose periods do not fit a grid.
    static func chip(_ out: inout String, _ f: Finding, index: Int, _ l: HTMLLabels) {
        out += "<span class=\"chip s-\(f.status.rawValue)\" data-f=\"\(f.status.rawValue)\"" + tip(f, l) + ">"
        if let p = f.period { out += "<span class=\"per\">" + escape(l.periodName(p)) + ":</span> " }
        out += statusText(f, index: index, l) + "</span> "
    }

    static func statusText(_ f: Finding, index: Int, _ l: HTMLLabels) -> String {
        var text = escape(l.statusName(f.status))
        if let n = f.daysLate { text += " <small>(" + escape(l.days(n)) + ")</small>" }
        return f.status.isProblem ? "<a href=\"#f\(index)\">" + text + "</a>" : text
    }

    /// A hover text with the deadline and what was found; a problem's cell links to its card instead.
    static func tip(_ f: Finding, _ l: HTMLLabels) -> String {
        if f.status.isProblem { return "" }
        var parts: [String] = []
        if let d = f.due { parts.append(l.due + ": " + l.deadline(d)) }
        parts.append(l.actual(f))
        return " title=\"" + escape(parts.joined(separator: " — ")) + "\""
    }
}
