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

    /// Two consecutive declarations separated by a blank line (or comments) start separate aligned runs. An own-line
    /// comment inside a multi-line declaration prints after it, so it separates too (the output is a fixed point).
    func separated(_ a: Declaration, _ b: Declaration) -> Bool {
        blankBefore(firstOffset(b)) || comments.contains { !$0.trailing && $0.span.start > a.span.start && $0.span.start < b.span.start }
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
                var line = "group " + (g.title.map { pad(g.name.text, nameWidth) + " " + quote($0.value) } ?? g.name.text)
                line += " = [" + g.members.map(party).joined(separator: ", ") + "]"
                lines.append(line)
            case .indicator(let i):
                var line = "indicator \(pad(i.name.text, nameWidth))"
                if let t = i.title { line += " " + pad(quote(t.value), titleWidth) } else if titleWidth > 0 { line += " " + pad("", titleWidth) }
                line += " : \(i.unit.rawValue)" + (i.perAgency ? " per agency" : "")
                lines.append(line)
            case .event(let e):
                // No padding without a title: a line never ends in spaces.
                lines.append("event " + (e.title.map { pad(e.name.text, nameWidth) + " " + quote($0.value) } ?? e.name.text))
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
        func field(_ key: String, _ value: String, _ span: Span) -> BlockItem {
            BlockItem(start: span.start, end: span.end, text: key.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + value)
        }
        var items: [BlockItem] = []
        if let t = p.title { items.append(field("title", quote(t.value), t.span)) }
        if let t = p.issuer { items.append(field("issuer", quote(t.value), t.span)) }
        if let t = p.issued { items.append(field("issued", t.text, t.span)) }
        if let first = p.implements.first, let last = p.implements.last {
            items.append(field("implements", p.implements.map { quote($0.value) }.joined(separator: ", "), first.span.to(last.span)))
        }
        if let first = p.supersedes.first, let last = p.supersedes.last {
            items.append(field("supersedes", p.supersedes.map { quote($0.value) }.joined(separator: ", "), first.span.to(last.span)))
        }
        if let s = p.source { items.append(field("source", quote(s.value), s.span)) }
        block("plan \(quote(p.number.value))", span: p.span, items: items)
    }

    mutating func obligation(_ o: ObligationDecl) {
        var items: [BlockItem] = []
        if let owner = o.owner {
            items.append(BlockItem(span: owner.span, text: "owner " + (owner.jointly ? "jointly " : "") + owner.parties.map(party).joined(separator: ", ")))
        }
        // `support` may be written more than once; the parties print on one line, its comments stay with it.
        if let first = o.support.first, let last = o.support.last {
            items.append(BlockItem(span: first.span.to(last.span), text: "support " + o.support.map(party).joined(separator: ", ")))
        }
        for r in o.requirements { items.append(BlockItem(span: r.span, text: requirement(r))) }
        if let f = o.from { items.append(BlockItem(span: f.span, text: "from " + f.text)) }
        if let u = o.until { items.append(BlockItem(span: u.span, text: "until " + u.text)) }
        for c in o.cites { items.append(BlockItem(span: c.span, text: "cite " + quote(c.text.value) + (c.line.map { " line \($0.value)" } ?? ""))) }
        block("obligation \(o.name.text)" + (o.title.map { " " + quote($0.value) } ?? ""), span: o.span, items: items)
    }

    mutating func test(_ t: TestDecl) {
        var items: [BlockItem] = []
        if let a = t.asOf { items.append(BlockItem(span: a.span, text: "as of " + a.text)) }
        for r in t.rows { items.append(BlockItem(span: r.span, text: testRow(r))) }
        for e in t.expectations {
            var line = "expect \(e.obligation.text)"
            if let a = e.agency { line += " for " + party(a) }
            if let p = e.period { line += " in " + p.text }
            items.append(BlockItem(span: e.span, text: line + " is " + e.status.text))
        }
        block("test \(quote(t.name.value))", span: t.span, items: items)
    }
}

// MARK: blocks

/// One line of a block (a field, a test row), with the source range it came from.
struct BlockItem {
    var start: Int
    var end: Int
    var text: String
    init(start: Int, end: Int, text: String) { self.start = start; self.end = end; self.text = text }
    init(span: Span, text: String) { self.init(start: span.start, end: span.end, text: text) }
}

extension Formatter {
    /// Prints `header {`, the items in canonical order, and `}`. Fields may be reordered, so each comment
    /// inside the block travels with its item: an own-line comment with the item below it, a trailing
    /// comment with the item on its line; comments after the last item stay at the end of the block.
    mutating func block(_ header: String, span: Span, items: [BlockItem]) {
        flushComments(before: span.start, indent: "")
        var inside: [Comment] = []
        while nextComment < comments.count, comments[nextComment].span.start < span.end {
            inside.append(comments[nextComment])
            nextComment += 1
        }
        let bySource = items.indices.sorted { items[$0].start < items[$1].start }
        var leading = [[Comment]](repeating: [], count: items.count)
        var trailing = [[Comment]](repeating: [], count: items.count)
        var onHeader: [Comment] = []
        var closing: [Comment] = []
        for c in inside {
            if c.trailing {
                if let k = bySource.last(where: { items[$0].start < c.span.start }) { trailing[k].append(c) } else { onHeader.append(c) }
            } else if let k = bySource.first(where: { items[$0].end > c.span.start }) {
                leading[k].append(c)
            } else {
                closing.append(c)
            }
        }
        // Only one comment fits at the end of a line; the others of a multi-line item go on their own lines above it.
        for c in onHeader.dropLast() { lines.append(c.text) }
        lines.append(header + " {" + (onHeader.last.map { "  " + $0.text } ?? ""))
        let indent = "  "
        var first = true
        func own(_ c: Comment, _ f: inout Formatter) {
            if !first, !c.trailing, f.blankBefore(c.span.start) { f.lines.append("") }
            f.lines.append(indent + c.text)
            first = false
        }
        for k in items.indices {
            for c in leading[k] + trailing[k].dropLast() { own(c, &self) }
            lines.append(indent + items[k].text + (trailing[k].last.map { "  " + $0.text } ?? ""))
            first = false
        }
        for c in closing { own(c, &self) }
        lines.append("}")
    }
}
