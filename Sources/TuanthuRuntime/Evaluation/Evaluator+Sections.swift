/// A stretch of a report file's lines read on its own in a streamed run: a whole file, or, when one file
/// holds several plans' rows one plan after another (a national export), the lines of some plans only, so
/// that those plans are judged (and their rows let go) before the rest of the file is read, and the
/// file's sections are read on both cores.
struct ReportSection: Equatable, Sendable {
    /// The file's number (`DataSet.files`).
    var file: Int
    /// The units whose rows the section can hold (nil: any).
    var units: Set<Int>?
    /// Where in the file the section lies; nil for the whole file.
    var piece: FilePiece?
}

extension Evaluator {
    /// A report file's sections, from its scan (nil: the file can hold any plan's rows). The file is cut only
    /// between lines where no unit has rows on both sides; every line between two units' rows (a blank line,
    /// a row of no plan) stays with the section before it. A file that cannot be cut is one section.
    static func sections(file: Int, scan: ReportFileScan.Result?, unitOfPlan: [Int]) -> [ReportSection] {
        guard let scan else { return [ReportSection(file: file, units: nil)] }
        let whole = [ReportSection(file: file, units: Set(scan.plans.map { unitOfPlan[$0] }))]
        guard let layout = scan.layout, layout.spans.count > 1 else { return whole }
        // Each unit's rows lie from its plans' first line to their last.
        var spans: [Int: ReportFileScan.PlanSpan] = [:]
        for (plan, span) in layout.spans {
            let u = unitOfPlan[plan]
            guard let other = spans[u] else {
                spans[u] = span
                continue
            }
            let (first, firstLine) = other.first < span.first ? (other.first, other.firstLine) : (span.first, span.firstLine)
            spans[u] = ReportFileScan.PlanSpan(first: first, firstLine: firstLine, last: max(other.last, span.last))
        }
        // Units whose spans overlap share a section.
        var cuts: [(start: Int, line: Int, units: Set<Int>)] = []
        var reach = -1
        for (u, span) in spans.sorted(by: { ($0.value.first, $0.key) < ($1.value.first, $1.key) }) {
            if span.first > reach {
                cuts.append((span.first, span.firstLine, [u]))
            } else {
                cuts[cuts.count - 1].units.insert(u)
            }
            reach = max(reach, span.last)
        }
        guard cuts.count > 1 else { return whole }
        return cuts.indices.map { k in
            // The first section starts with the rows (line 2: the header is line 1); the last runs to the end.
            let start = k == 0 ? layout.headerEnd : cuts[k].start
            let end = k + 1 < cuts.count ? cuts[k + 1].start : Int.max
            return ReportSection(file: file, units: cuts[k].units,
                                 piece: FilePiece(bytes: start..<end, line: k == 0 ? 2 : cuts[k].line, headerEnd: layout.headerEnd, isFirst: k == 0))
        }
    }
}
