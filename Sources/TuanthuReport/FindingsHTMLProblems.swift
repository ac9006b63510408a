import TuanthuCore
import TuanthuRuntime

extension FindingsHTML {
    /// The toolbar and one card per problem finding (violated, late, overdue, no_data), in plan order.
    static func problems(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        let indices = e.findings.indices.filter { e.findings[$0].status.isProblem }
        out += "<section id=\"problems\" aria-labelledby=\"h-problems\">\n<h2 id=\"h-problems\">" + escape(l.problems)
        out += " <span class=\"count\">(\(indices.count))</span></h2>\n"
        toolbar(&out, e, l)
        guard !indices.isEmpty else {
            out += "<p>" + escape(l.noProblems) + "</p>\n</section>\n"
            return
        }
        out += "<p class=\"intro\">" + escape(l.problemsIntro) + "</p>\n"
        out += "<p class=\"shown\" aria-live=\"polite\" data-template=\"" + escape(l.shown(-1, -2)) + "\"></p>\n"
        out += "<ol class=\"cards\" data-page-size=\"\(pageSize)\">\n"
        if indices.count <= inlineCardLimit {
            for i in indices { card(&out, e.findings[i], index: i, l) }
            out += "</ol>\n"
        } else {
            // Many cards: keep them inert in templates, one per page, so the browser lays out only the page shown.
            out += "</ol>\n"
            var start = 0
            while start < indices.count {
                out += "<template class=\"cardpage\">"
                for i in indices[start..<min(start + pageSize, indices.count)] { card(&out, e.findings[i], index: i, l) }
                out += "</template>\n"
                start += pageSize
            }
        }
        out += "<nav class=\"pager\" aria-label=\"" + escape(l.page(1, 1)) + "\" hidden><button type=\"button\" data-step=\"-1\">"
        out += escape(l.previous) + "</button> <span class=\"pageno\" data-template=\"" + escape(l.page(-1, -2)) + "\"></span> "
        out += "<button type=\"button\" data-step=\"1\">" + escape(l.next) + "</button></nav>\n</section>\n"
    }

    /// Filters by agency and status and a sort order; hidden until the script runs, since without it they do nothing.
    static func toolbar(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        var seen = Set<String>()
        var agencies: [String] = []
        for f in e.findings {
            for a in f.agency.split(separator: "+").map(String.init) where seen.insert(a).inserted { agencies.append(a) }
        }
        agencies.sort()
        out += "<form class=\"toolbar\" hidden>\n"
        out += "<label>" + escape(l.filterAgency) + " <select id=\"fa\"><option value=\"\">" + escape(l.allAgencies) + "</option>"
        for a in agencies { out += "<option value=\"" + escape(a) + "\">" + escape(a) + "</option>" }
        out += "</select></label>\n"
        out += "<label>" + escape(l.filterStatus) + " <select id=\"fs\"><option value=\"\">" + escape(l.allStatuses) + "</option>"
        for s in Status.allCases { out += "<option value=\"\(s.rawValue)\">" + escape(l.statusName(s)) + "</option>" }
        out += "</select></label>\n"
        out += "<label>" + escape(l.sortBy) + " <select id=\"so\"><option value=\"\">" + escape(l.sortOrder) + "</option>"
        out += "<option value=\"d\">" + escape(l.sortDaysLate) + "</option><option value=\"a\">" + escape(l.sortAgency) + "</option>"
        out += "</select></label>\n</form>\n"
    }

    /// One problem: what was expected, what was found, how late, where the plan says so, which data rows decided it.
    static func card(_ out: inout String, _ f: Finding, index: Int, _ l: HTMLLabels) {
        out += "<li id=\"f\(index)\" class=\"card\" data-p=\"\(f.status.rawValue)\" data-a=\"" + agencyTokens(f.agency)
        out += "\" data-d=\"\(f.daysLate ?? -1)\" data-n=\"\(index)\">\n"
        out += "<p class=\"card-head\">" + badge(f.status, l) + " <b class=\"agency\">" + agencyText(f.agency) + "</b> "
        out += "<span class=\"obl\">" + escape(f.obligation) + "</span> "
        out += "<span class=\"kind\">" + escape(l.kindName(f.kind)) + "</span>"
        if let p = f.period { out += " · <span class=\"period\">" + escape(l.periodName(p)) + "</span>" }
        out += "</p>\n<dl>"
        pair(&out, l.expected, escape(l.expected(f)))
        pair(&out, l.actual, escape(l.actual(f)))
        if let d = f.due { pair(&out, l.due, escape(l.deadline(d))) }
        if let found = l.found(f) { pair(&out, l.found, escape(found)) }
        if let n = f.daysLate { pair(&out, l.daysLate, "<b>" + escape(l.days(n)) + "</b>") }
        var cite = f.cite.isEmpty ? "" : "<b>" + escape(f.cite) + "</b> · "
        cite += escape(f.plan) + " · <code>" + escape(f.location.file) + ":\(f.location.line)</code>"
        pair(&out, l.cite, cite)
        if !f.evidence.isEmpty {
            pair(&out, l.dataRows, f.evidence.map { "<code>" + escape($0.file) + ":\($0.line)</code>" }.joined(separator: " "))
        }
        if !f.support.isEmpty { pair(&out, l.support, f.support.map(escape).joined(separator: "; ")) }
        if !f.notes.isEmpty { pair(&out, l.notes, l.notes(f).map(escape).joined(separator: "; ")) }
        out += "</dl>\n</li>\n"
    }

    /// A term and its already-escaped description.
    static func pair(_ out: inout String, _ term: String, _ html: String) {
        out += "<div><dt>" + escape(term) + "</dt><dd>" + html + "</dd></div>"
    }
}
