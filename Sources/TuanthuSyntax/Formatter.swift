import TuanthuCore

/// The canonical layout of a plan file: two-space indentation, aligned declaration columns, one blank
/// line between blocks, normalised spacing and literals, every comment kept next to the code it precedes.
public struct Formatter {
    let file: SourceFile
    let comments: [Comment]
    var nextComment = 0
    var lines: [String] = []
    /// Titles longer than this do not push the unit column of their neighbours to the right.
    static let maxAlignedTitle = 64

    /// Formats a parsed file. Only call it on a file that parsed without errors.
    public static func format(_ ast: PlanFile, source: SourceFile) -> String {
        var f = Formatter(file: source, comments: ast.comments.sorted { $0.span.start < $1.span.start })
        f.run(ast.declarations)
        var text = f.lines.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? "" : text + "\n"
    }

    init(file: SourceFile, comments: [Comment]) {
        self.file = file
        self.comments = comments
    }

    // MARK: comments and blank lines

    /// Emits the comments that precede `offset`: own-line ones as lines, trailing ones after the last line.
    mutating func flushComments(before offset: Int, indent: String) {
        while nextComment < comments.count, comments[nextComment].span.start < offset {
            let c = comments[nextComment]
            if c.trailing, let last = lines.indices.last, !lines[last].isEmpty {
                lines[last] += "  " + c.text
            } else {
                if blankBefore(c.span.start), let last = lines.last, !last.isEmpty, !last.hasSuffix("{") { lines.append("") }
                lines.append(indent + c.text)
            }
            nextComment += 1
        }
    }

    /// Whether the source has an empty line right before `offset` (so a blank line is kept).
    func blankBefore(_ offset: Int) -> Bool {
        var i = offset - 1
        var newlines = 0
        while i >= 0 {
            let b = file.bytes[i]
            if b == 0x0A { newlines += 1; if newlines >= 2 { return true } }
            else if b != 0x20 && b != 0x09 && b != 0x0D { return false }
            i -= 1
        }
        return false
    }

    mutating func blankLine() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    // MARK: declarations

    enum Run: Equatable { case use, agency, group, indicator, event }

    mutating func run(_ decls: [Declaration]) {
        var i = 0
        var previous: Run?
        while i < decls.count {
            let d = decls[i]
            // Comments detached from this declaration keep their place; attached ones print with it.
            let lead = firstOffset(d)
            flushComments(before: lead, indent: "")
            switch d {
            case .plan(let p):
                blankLine()
                plan(p)
                previous = nil
                i += 1
            case .obligation(let o):
                blankLine()
                obligation(o)
                previous = nil
                i += 1
            case .test(let t):
                blankLine()
                test(t)
                previous = nil
                i += 1
            default:
                // A run of one-line declarations of one kind, aligned together.
                let kind = runKind(d)
                var j = i
                while j < decls.count, runKind(decls[j]) == kind, j == i || !separated(decls[j - 1], decls[j]) { j += 1 }
                if previous != kind || blankBefore(lead) { blankLine() }
                simpleRun(Array(decls[i..<j]), kind: kind)
                previous = kind
                i = j
            }
        }
        flushComments(before: Int.max, indent: "")
    }

    func runKind(_ d: Declaration) -> Run? {
        switch d {
        case .use: return .use
        case .agency: return .agency
        case .group: return .group
        case .indicator: return .indicator
        case .event: return .event
        default: return nil
        }
    }

    func firstOffset(_ d: Declaration) -> Int {
        // A leading comment belongs to the declaration: blank lines are judged before it.
        var start = d.span.start
        for c in comments.reversed() where c.span.end <= start && !c.trailing {
            let between = file.bytes[c.span.end..<start]
            if between.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) && between.filter({ $0 == 0x0A }).count == 1 {
                start = c.span.start
            }
        }
        return start
    }

    /// Two consecutive declarations separated by a blank line (or comments) start separate aligned runs.
    func separated(_ a: Declaration, _ b: Declaration) -> Bool {
        blankBefore(firstOffset(b)) || comments.contains { !$0.trailing && $0.span.start > a.span.end && $0.span.start < b.span.start }
    }

    mutating func simpleRun(_ decls: [Declaration], kind: Run?) {
        let nameWidth = decls.map { name(of: $0).count }.max() ?? 0
        let titleWidth = decls.map { d -> Int in
            if case .indicator(let i) = d { return i.title.map { quote($0.value).count } ?? 0 }
            return 0
        }.filter { $0 <= Formatter.maxAlignedTitle }.max() ?? 0
        for d in decls {
            flushComments(before: d.span.start, indent: "")
            switch d {
            case .use(let u):
                lines.append("use \(quote(u.path.value))")
            case .agency(let a):
                var line = "agency \(pad(a.name.text, nameWidth)) \(quote(a.title.value))"
                if !a.aliases.isEmpty { line += " alias " + a.aliases.map { quote($0.value) }.joined(separator: ", ") }
                if let into = a.mergedInto, let on = a.mergedOn { line += " merged into \(into.text) on \(on.text)" }
                if let on = a.dissolvedOn { line += " dissolved on \(on.text)" }
                lines.append(line)
            case .group(let g):
                var line = "group \(pad(g.name.text, nameWidth))"
                if let t = g.title { line += " " + quote(t.value) }
                line += " = [" + g.members.map(party).joined(separator: ", ") + "]"
                lines.append(line)
            case .indicator(let i):
                var line = "indicator \(pad(i.name.text, nameWidth))"
                if let t = i.title { line += " " + pad(quote(t.value), titleWidth) } else if titleWidth > 0 { line += " " + pad("", titleWidth) }
                line += " : \(i.unit.rawValue)" + (i.perAgency ? " per agency" : "")
                lines.append(line)
            case .event(let e):
                lines.append("event \(pad(e.name.text, nameWidth))" + (e.title.map { " " + quote($0.value) } ?? ""))
            default:
                break
            }
        }
    }

    func name(of d: Declaration) -> String {
        switch d {
        case .agency(let a): return a.name.text
        case .group(let g): return g.name.text
        case .indicator(let i): return i.name.text
        case .event(let e): return e.name.text
        default: return ""
        }
    }

    mutating func plan(_ p: PlanDecl) {
        flushComments(before: p.span.start, indent: "")
        lines.append("plan \(quote(p.number.value)) {")
        func field(_ key: String, _ value: String, at offset: Int, _ f: inout Formatter) {
            f.flushComments(before: offset, indent: "  ")
            f.lines.append("  " + key.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + value)
        }
        if let t = p.title { field("title", quote(t.value), at: t.span.start, &self) }
        if let t = p.issuer { field("issuer", quote(t.value), at: t.span.start, &self) }
        if let t = p.issued { field("issued", t.text, at: t.span.start, &self) }
        if let first = p.implements.first { field("implements", p.implements.map { quote($0.value) }.joined(separator: ", "), at: first.span.start, &self) }
        if let first = p.supersedes.first { field("supersedes", p.supersedes.map { quote($0.value) }.joined(separator: ", "), at: first.span.start, &self) }
        if let s = p.source { field("source", quote(s.value), at: s.span.start, &self) }
        flushComments(before: p.span.end, indent: "  ")
        lines.append("}")
    }

    mutating func obligation(_ o: ObligationDecl) {
        flushComments(before: o.span.start, indent: "")
        lines.append("obligation \(o.name.text)" + (o.title.map { " " + quote($0.value) } ?? "") + " {")
        let indent = "  "
        if let owner = o.owner {
            flushComments(before: owner.span.start, indent: indent)
            lines.append(indent + "owner " + (owner.jointly ? "jointly " : "") + owner.parties.map(party).joined(separator: ", "))
        }
        if let first = o.support.first {
            flushComments(before: first.span.start, indent: indent)
            lines.append(indent + "support " + o.support.map(party).joined(separator: ", "))
        }
        for r in o.requirements {
            flushComments(before: r.span.start, indent: indent)
            lines.append(indent + requirement(r))
        }
        if let f = o.from {
            flushComments(before: f.span.start, indent: indent)
            lines.append(indent + "from " + f.text)
        }
        if let u = o.until {
            flushComments(before: u.span.start, indent: indent)
            lines.append(indent + "until " + u.text)
        }
        for c in o.cites {
            flushComments(before: c.span.start, indent: indent)
            lines.append(indent + "cite " + quote(c.text.value) + (c.line.map { " line \($0.value)" } ?? ""))
        }
        flushComments(before: o.span.end, indent: indent)
        lines.append("}")
    }

    mutating func test(_ t: TestDecl) {
        flushComments(before: t.span.start, indent: "")
        lines.append("test \(quote(t.name.value)) {")
        let indent = "  "
        if let a = t.asOf {
            flushComments(before: a.span.start, indent: indent)
            lines.append(indent + "as of " + a.text)
        }
        for r in t.rows {
            flushComments(before: r.span.start, indent: indent)
            lines.append(indent + testRow(r))
        }
        for e in t.expectations {
            flushComments(before: e.span.start, indent: indent)
            var line = "expect \(e.obligation.text)"
            if let a = e.agency { line += " for " + party(a) }
            if let p = e.period { line += " in " + p.text }
            lines.append(indent + line + " is " + e.status.text)
        }
        flushComments(before: t.span.end, indent: indent)
        lines.append("}")
    }
}
