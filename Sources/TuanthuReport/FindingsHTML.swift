import TuanthuCore
import TuanthuRuntime

/// The standalone HTML inspection report: one file, inline CSS and script, no network, readable on a phone.
///
/// Page order: plans and as-of date, summary by status, data-error banner, the problems (paged by
/// script), a status matrix per agency, untracked duties, data errors. Every finding appears exactly
/// once in the agency matrices as an element carrying `data-f="<status>"`; every problem appears once
/// more as a card carrying `data-p="<status>"`, so a reader (or a test) can count them.
public enum FindingsHTML {
    /// Above this many findings the agency sections start collapsed.
    static let openLimit = 1500
    /// Problem cards shown per page when scripts run.
    static let pageSize = 50
    /// Up to this many problem cards are plain markup (shown without scripts, all printed); beyond it they are paged templates.
    static let inlineCardLimit = 1000

    public static func render(_ e: Evaluation, language: Language) -> String {
        let l = HTMLLabels.of(language)
        var out = ""
        out.reserveCapacity(4096 + e.findings.count * 160)
        head(&out, e, l, language)
        out += "<main>\n"
        summary(&out, e, l)
        problems(&out, e, l)
        agencies(&out, e, l)
        untracked(&out, e, l)
        dataErrors(&out, e, l)
        out += "</main>\n<footer><p>" + escape(l.generatedBy) + "</p></footer>\n"
        out += "<script>" + script + "</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: Head and summary

    static func head(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels, _ language: Language) {
        let planIDs = e.plans.map(\.id).joined(separator: ", ")
        out += "<!doctype html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // The policy forbids every fetch: the report must work offline and leak nothing when opened.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        out += "<title>" + escape(l.documentTitle + (planIDs.isEmpty ? "" : " — " + planIDs) + " — " + l.date(e.asOf)) + "</title>\n"
        out += "<style>" + css + "</style>\n</head>\n<body>\n<header>\n"
        out += "<h1>" + escape(l.heading) + "</h1>\n<dl class=\"meta\">\n"
        out += "<dt>" + escape(l.asOf) + "</dt><dd><time datetime=\"\(e.asOf)\">" + escape(l.date(e.asOf)) + "</time></dd>\n"
        out += "<dt>" + escape(l.plans) + "</dt><dd><ul class=\"plans\">"
        for p in e.plans {
            out += "<li><b>" + escape(p.id) + "</b> <span class=\"muted\">" + escape(p.file) + "</span>"
            if let s = p.supersededBy { out += " <span class=\"note\">(" + escape(l.supersededBy) + " " + escape(s) + ")</span>" }
            out += "</li>"
        }
        out += "</ul></dd>\n</dl>\n</header>\n"
    }

    static func summary(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        let total = e.findings.count
        out += "<section id=\"summary\" aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">" + escape(l.summary) + "</h2>\n"
        if !e.dataErrors.isEmpty {
            out += "<p class=\"banner\" role=\"alert\"><a href=\"#data-errors\">" + escape(l.dataErrorsBanner(e.dataErrors.count)) + "</a></p>\n"
        }
        out += "<table class=\"summary\">\n<caption>" + escape(l.summaryCaption) + "</caption>\n"
        out += "<thead><tr><th scope=\"col\">" + escape(l.status) + "</th><th scope=\"col\" class=\"num\">" + escape(l.count)
        out += "</th><th scope=\"col\">" + escape(l.share) + "</th></tr></thead>\n<tbody>\n"
        for (s, n) in e.summary {
            let pct = total == 0 ? 0 : (n * 1000 / total + 5) / 10
            out += "<tr><th scope=\"row\">" + badge(s, l) + "</th><td class=\"num\">\(n)</td>"
            out += "<td><span class=\"bar\" aria-hidden=\"true\"><span class=\"fill b-\(s.rawValue)\" style=\"width:\(pct)%\"></span></span> "
            out += "<span class=\"pct\">\(pct)%</span></td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">" + escape(l.total) + "</th><td class=\"num\">\(total)</td><td></td></tr></tfoot>\n</table>\n"
        out += "<p class=\"rows\"><b>" + escape(l.rows) + ":</b> " + escape(l.rowsText(e.rows)) + "</p>\n"
        out += "<details class=\"legend\"><summary>" + escape(l.legend) + "</summary><ul>"
        for s in Status.allCases {
            out += "<li>" + badge(s, l) + " " + escape(l.statusHelp(s)) + "</li>"
        }
        out += "</ul></details>\n</section>\n"
    }

    /// A status as coloured text: the colour helps, the words carry the meaning.
    static func badge(_ s: Status, _ l: HTMLLabels) -> String {
        "<span class=\"badge s-\(s.rawValue)\">" + escape(l.statusName(s)) + "</span>"
    }

    /// An agency as written in the finding; joint owners (`A+B`) may break after each `+`.
    static func agencyText(_ a: String) -> String {
        escape(a).replacingOccurrences(of: "+", with: "+<wbr>")
    }

    /// The single agencies in a finding's agency, space-separated, for the script's filter.
    static func agencyTokens(_ a: String) -> String {
        escape(a.split(separator: "+").joined(separator: " "))
    }

    // MARK: Escaping

    /// Text safe inside element content and inside double- or single-quoted attribute values.
    public static func escape(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
