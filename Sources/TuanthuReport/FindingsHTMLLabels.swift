import TuanthuCore
import TuanthuRuntime

/// The HTML report's texts in one language, read from the message catalogue (`Catalogue.html`,
/// `Catalogue.status`, `Catalogue.date`, `Catalogue.period`), which holds every label in both languages.
struct HTMLLabels: Sendable {
    var language: Language

    static let vi = HTMLLabels(language: .vi)
    static let en = HTMLLabels(language: .en)

    static func of(_ language: Language) -> HTMLLabels { HTMLLabels(language: language) }

    func t(_ x: HTMLText) -> String { Catalogue.html(x, language) }

    var documentTitle: String { t(.documentTitle) }
    var heading: String { t(.documentTitle) }
    var asOf: String { t(.asOf) }
    var plans: String { t(.plans) }
    var supersededBy: String { t(.supersededBy) }
    var generatedBy: String { t(.generatedBy) }
    var summary: String { t(.summary) }
    var summaryCaption: String { t(.summaryCaption) }
    var status: String { t(.status) }
    var count: String { t(.count) }
    var share: String { t(.share) }
    var total: String { t(.total) }
    var rows: String { t(.rows) }
    func rowsText(_ r: RowCounts) -> String {
        t(.rowCounts(evidence: r.evidence, setAside: r.setAside, superseded: r.superseded, unused: r.unused, blank: r.blank))
    }
    var problems: String { t(.problems) }
    var problemsIntro: String { t(.problemsIntro) }
    var noProblems: String { t(.noProblems) }
    var byAgency: String { t(.byAgency) }
    var byAgencyIntro: String { t(.byAgencyIntro) }
    var obligation: String { t(.obligation) }
    func kindName(_ k: String) -> String { t(.kindName(k)) }
    var due: String { t(.due) }
    var found: String { t(.found) }
    var daysLate: String { t(.daysLate) }
    func days(_ n: Int) -> String { t(.days(n)) }
    var expected: String { t(.expected) }
    var actual: String { t(.actual) }
    var cite: String { t(.cite) }
    var dataRows: String { t(.dataRows) }
    var notes: String { t(.notes) }
    var support: String { t(.support) }
    var year: String { t(.year) }
    var otherPeriods: String { t(.otherPeriods) }
    var monthColumns: [String] { (1...12).map { t(.monthColumn($0)) } }
    var quarterColumns: [String] { (1...4).map { t(.quarterColumn($0)) } }
    var halfColumns: [String] { (1...2).map { t(.halfColumn($0)) } }
    var untracked: String { t(.untracked) }
    var untrackedIntro: String { t(.untrackedIntro) }
    var reason: String { t(.reason) }
    var dataErrors: String { t(.dataErrors) }
    var dataErrorsIntro: String { t(.dataErrorsIntro) }
    func dataErrorsBanner(_ n: Int) -> String { t(.dataErrorsBanner(n)) }
    var position: String { t(.position) }
    var code: String { t(.code) }
    var message: String { t(.message) }
    func didYouMean(_ s: String) -> String { Catalogue.ui(.didYouMean(s), language) }
    var filterAgency: String { t(.filterAgency) }
    var filterStatus: String { t(.filterStatus) }
    var allAgencies: String { t(.allAgencies) }
    var allStatuses: String { t(.allStatuses) }
    var sortBy: String { t(.sortBy) }
    var sortOrder: String { t(.sortOrder) }
    var sortDaysLate: String { t(.sortDaysLate) }
    var sortAgency: String { t(.sortAgency) }
    var previous: String { t(.previous) }
    var next: String { t(.next) }
    func page(_ n: Int, _ total: Int) -> String { t(.page(n, of: total)) }
    func shown(_ n: Int, _ total: Int) -> String { t(.shown(n, of: total)) }
    func findingsCount(_ n: Int) -> String { t(.findingsCount(n)) }
    var legend: String { t(.legend) }

    func statusName(_ s: Status) -> String { Catalogue.status(s.rawValue, language) }
    func statusHelp(_ s: Status) -> String { t(.statusHelp(s.rawValue)) }
    func date(_ d: CivilDate) -> String { Catalogue.date(d, language) }
    func periodName(_ p: Period) -> String { Catalogue.period(p, language) }
    func deadline(_ d: Deadline) -> String { Catalogue.deadline(d, language) }

    /// A `found` value as data wrote it; an ISO date (with or without time) is written the local way.
    func foundValue(_ s: String) -> String {
        let head = s.prefix(10)
        guard head.count == 10, let d = CivilDate.parse(utf8: head.utf8) else { return s }
        let rest = s.dropFirst(10)
        return date(d) + (rest.first == "T" ? " " + rest.dropFirst() : rest)
    }

    /// A finding's `found` column: the values read, worded per language, else the date as data wrote it.
    func found(_ f: Finding) -> String? {
        switch f.fact {
        case .readings(let r), .latest(let r): return r.isEmpty ? nil : r.map { Catalogue.reading($0, language) }.joined(separator: "; ")
        default: return f.found.map(foundValue)
        }
    }

    func actual(_ f: Finding) -> String { FindingsText.actual(f, language) }
    func expected(_ f: Finding) -> String { FindingsText.expected(f, language) }
    func notes(_ f: Finding) -> [String] { FindingsText.notes(f, language) }
    func untrackedReason(_ u: UntrackedDuty) -> String { FindingsText.untrackedReason(u, language) }
}
