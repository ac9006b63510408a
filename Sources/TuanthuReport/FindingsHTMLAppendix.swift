import TuanthuCore
import TuanthuRuntime

extension FindingsHTML {
    /// Duties that yield no finding, so the reader sees the transcription is complete.
    static func untracked(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        guard !e.untracked.isEmpty else { return }
        let manyPlans = Set(e.untracked.map(\.plan)).count > 1 || e.plans.count > 1
        out += "<section id=\"untracked\" aria-labelledby=\"h-untracked\">\n<h2 id=\"h-untracked\">" + escape(l.untracked)
        out += " <span class=\"count\">(\(e.untracked.count))</span></h2>\n<p class=\"intro\">" + escape(l.untrackedIntro) + "</p>\n"
        out += "<div class=\"scroll\"><table class=\"list\">\n<thead><tr>"
        if manyPlans { out += "<th scope=\"col\">" + escape(l.plans) + "</th>" }
        out += "<th scope=\"col\">" + escape(l.obligation) + "</th><th scope=\"col\">" + escape(l.reason) + "</th></tr></thead>\n<tbody>\n"
        for u in e.untracked {
            out += "<tr>"
            if manyPlans { out += "<td>" + escape(u.plan) + "</td>" }
            out += "<th scope=\"row\" class=\"obl\">" + escape(u.obligation) + "</th><td>" + escape(l.untrackedReason(u)) + "</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
    }

    /// Rows that could not be read (only present when the run used `--keep-going`).
    static func dataErrors(_ out: inout String, _ e: Evaluation, _ l: HTMLLabels) {
        guard !e.dataErrors.isEmpty else { return }
        out += "<section id=\"data-errors\" aria-labelledby=\"h-data-errors\">\n<h2 id=\"h-data-errors\">" + escape(l.dataErrors)
        out += " <span class=\"count\">(\(e.dataErrors.count))</span></h2>\n<p class=\"intro\">" + escape(l.dataErrorsIntro) + "</p>\n"
        out += "<div class=\"scroll\"><table class=\"list\">\n<thead><tr><th scope=\"col\">" + escape(l.position) + "</th><th scope=\"col\">"
        out += escape(l.code) + "</th><th scope=\"col\">" + escape(l.message) + "</th></tr></thead>\n<tbody>\n"
        for d in e.dataErrors {
            var message = Catalogue.text(d.message, l.language)
            if let s = d.suggestion { message += " (" + l.didYouMean(s) + ")" }
            out += "<tr data-e=\"\(escape(d.code.rawValue))\"><th scope=\"row\"><code>" + escape(d.file) + ":\(d.line):\(d.column)</code></th>"
            out += "<td><code>" + escape(d.code.rawValue) + "</code></td><td>" + escape(message) + "</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
    }
}
