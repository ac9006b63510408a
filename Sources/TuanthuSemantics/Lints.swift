import Foundation
import TuanthuCore
import TuanthuSyntax

extension Checker {
    /// W004: agencies, indicators and events the plan file declares but never uses (rosters are exempt).
    mutating func lintUnused(_ scope: Scope, fileID: Int) {
        // After a syntax error part of the file was skipped, so "never used" would be a guess.
        if loader.diagnostics.contains(where: { $0.span.file == fileID && $0.severity == .error }) { return }
        var used = scope.used
        // A name offered as "did you mean" is what the author meant to use: the typo is the one error.
        let suggested = Set(diagnostics.compactMap { $0.span.file == fileID ? $0.suggestion : nil })
        for a in scope.agencies.values where suggested.contains(a.id) || suggested.contains(a.name) || a.aliases.contains(where: suggested.contains) {
            used.insert(a.id)
        }
        for name in suggested { used.insert(name) }
        for g in scope.groups.values where used.contains(g.id) { used.formUnion(g.agencies) }
        for g in scope.groupDecls where g.name.span.file == fileID {
            // A group declared in the plan file counts as using its members.
            used.formUnion(scope.groups[g.name.text]?.agencies ?? [])
        }
        for a in scope.agencies.values { if let m = a.mergedInto { used.insert(m) } }
        for a in scope.agencyDecls where a.name.span.file == fileID && !used.contains(a.name.text) {
            report(Diagnostic(.unused(kind: .agency, name: a.name.text), at: a.name.span))
        }
        for i in scope.indicatorDecls where i.name.span.file == fileID && !used.contains(i.name.text) {
            report(Diagnostic(.unused(kind: .indicator, name: i.name.text), at: i.name.span))
        }
        for e in scope.eventDecls where e.name.span.file == fileID && !used.contains(e.name.text) {
            report(Diagnostic(.unused(kind: .event, name: e.name.text), at: e.name.span))
        }
    }

    /// W006: for one indicator, a later deadline with a weaker target than an earlier one.
    mutating func lintWeakerTargets(_ obligations: [Obligation]) {
        struct Target { var op: CompareOp; var value: ExactNumber; var end: CivilDate; var span: Span; var text: String }
        var byIndicator: [String: [Target]] = [:]
        for o in obligations {
            guard case .achieve(let cond, .by(let p), _) = o.requirement,
                  case .compare(let op, .indicator(let id), let rhs) = cond, let c = constant(rhs) else { continue }
            byIndicator[id, default: []].append(Target(op: op, value: c, end: p.lastDay, span: o.location, text: o.requirementText))
        }
        for id in byIndicator.keys.sorted() {
            let targets = byIndicator[id, default: []].sorted { $0.end < $1.end }
            for (earlier, later) in zip(targets, targets.dropFirst()) where earlier.end < later.end {
                let weaker: Bool
                switch (earlier.op, later.op) {
                case (.ge, .ge), (.gt, .gt), (.ge, .gt), (.gt, .ge): weaker = later.value < earlier.value
                case (.le, .le), (.lt, .lt), (.le, .lt), (.lt, .le): weaker = later.value > earlier.value
                default: weaker = false
                }
                if weaker { report(Diagnostic(.weakerLaterTarget(indicator: id, earlier: earlier.text), at: later.span)) }
            }
        }
    }

    /// W007/W008/W009: a `cite … line N` must point at text holding the requirement's number.
    mutating func lintCites(_ decls: ObligationList, _ obligations: [Obligation], planFile: LoadedFile, source: StringLiteral?) {
        guard let source else { return }
        let dir = (planFile.source.path as NSString).deletingLastPathComponent
        let path = source.value.hasPrefix("/") ? source.value : (dir.isEmpty ? source.value : dir + "/" + source.value)
        guard let data = FileManager.default.contents(atPath: path) else {
            report(Diagnostic(.sourceUnreadable(path: source.value), at: source.span))
            return
        }
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        for decl in decls {
            guard let req = decl.requirements.first, decl.requirements.count == 1 else { continue }
            let numbers: [String]
            if case .achieve(let a) = req { numbers = literals(a.condition) } else { numbers = [] }
            for cite in decl.cites {
                guard let line = cite.line else { continue }
                guard line.value >= 1, line.value <= lines.count else {
                    report(Diagnostic(.citeLineOutOfRange(line: line.value, lines: lines.count), at: line.span))
                    continue
                }
                guard !numbers.isEmpty else { continue }
                let window = citeWindow(lines, from: line.value - 1)
                if !numbers.contains(where: { CiteMatcher.contains(window, number: $0) }) {
                    report(Diagnostic(.citeMismatch(number: numbers.joined(separator: ", "), line: line.value), at: line.span))
                }
            }
        }
    }

    /// The cited line and those after it, up to the next numbered table row or 8 lines.
    func citeWindow(_ lines: [String], from start: Int) -> String {
        var out = [lines[start]]
        // A cited line above its row's number (a wrapped cell) may run into that row, but not past it.
        var seenRow = CiteMatcher.startsNumberedRow(lines[start])
        var i = start + 1
        while i < lines.count && out.count < 8 {
            if CiteMatcher.startsNumberedRow(lines[i]) {
                if seenRow { break }
                seenRow = true
            }
            out.append(lines[i])
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// The numbers written in a condition, as written (`25` for `25%`, `6.5`).
    func literals(_ e: Expr) -> [String] {
        switch e {
        case .number(let d, _), .percent(let d, _): return [d]
        case .name, .yes, .no, .invalid: return []
        case .negate(let a, _), .not(let a, _), .paren(let a, _), .call(_, let a, _): return literals(a)
        case .arithmetic(_, let a, let b, _), .of(let a, let b, _), .compare(_, let a, let b, _), .and(let a, let b, _), .or(let a, let b, _):
            return literals(a) + literals(b)
        case .between(let a, let b, let c, _): return literals(a) + literals(b) + literals(c)
        }
    }
}

/// Finds a number in OCR'd text, ignoring spaces and accepting `,` or `.` as the decimal separator.
enum CiteMatcher {
    static func contains(_ text: String, number: String) -> Bool {
        // Spaces separate numbers ("C4 02" holds 02, not 402); only a long number may be split by spaces
        // into thousands ("1 250 000").
        var spaced: [UInt8] = []
        var joined: [UInt8] = []
        for b in text.utf8 {
            let c = b == UInt8(ascii: ",") ? UInt8(ascii: ".") : b
            if b == UInt8(ascii: " ") || b == 0x09 || b == 0x0D {
                if spaced.last != UInt8(ascii: " ") { spaced.append(UInt8(ascii: " ")) }
            } else {
                spaced.append(c)
                joined.append(c)
            }
        }
        var forms = [number]
        let wholeDigits = number.prefix { $0 != "." }.count
        if !number.contains("."), number.count >= 4 {
            var grouped = ""
            for (i, ch) in number.enumerated() {
                if i > 0, (number.count - i) % 3 == 0 { grouped.append(".") }
                grouped.append(ch)
            }
            forms.append(grouped)
        }
        if forms.contains(where: { occurs(Array($0.utf8), in: spaced) }) { return true }
        return wholeDigits >= 4 && forms.contains { occurs(Array($0.utf8), in: joined) }
    }

    private static func occurs(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) != needle { continue }
            // OCR'd tables write 01 for 1: leading zeros may precede the number.
            var k = i
            while k > 0, hay[k - 1] == UInt8(ascii: "0") { k -= 1 }
            if k > 0, isDigit(hay[k - 1]) { continue }
            let j = i + needle.count
            if j < hay.count, isDigit(hay[j]) { continue }
            if j + 1 < hay.count, hay[j] == UInt8(ascii: "."), isDigit(hay[j + 1]) { continue }
            return true
        }
        return false
    }

    /// A line like "12 Tỷ lệ …" or "5. Xây dựng …" starts a new table row.
    static func startsNumberedRow(_ line: String) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return false }
        let rest = t.dropFirst(digits.count)
        guard let next = rest.first else { return false }
        return next == " " || next == "." || next == ")"
    }
}
