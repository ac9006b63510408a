import TuanthuCore

extension Formatter {
    func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    func party(_ p: PartyRef) -> String {
        switch p {
        case .name(let n): return n.text
        case .string(let s): return quote(s.value)
        }
    }

    func requirement(_ r: Requirement) -> String {
        switch r {
        case .untracked(let reason, _):
            return "untracked " + quote(reason.value)
        case .achieve(let a):
            var s = "achieve " + expr(a.condition)
            switch a.timing {
            case .by(let c): s += " by " + c.text
            case .everyYear(let f, let t):
                s += " every year"
                if let f, let t { s += " from \(f.text) to \(t.text)" }
            }
            return s
        case .deliver(let d):
            var s = "deliver"
            if let p = d.product { s += " " + quote(p.value) }
            if let f = d.from { s += " from " + f.text }
            switch d.timing {
            case .by(let c): s += " by " + c.text
            case .before(let c): s += " before " + c.text
            case .everyYear: s += " every year"
            case .ongoing(let e): s += " ongoing" + (e.map { " after " + $0.text } ?? "")
            case .after(let e): s += " after " + e.text
            case .within(let n, let e): s += " within \(n.value) days after \(e.text)"
            case .undated: s += " undated"
            }
            return s
        case .report(let rep):
            var s = "report to " + rep.recipients.map(party).joined(separator: ", ")
            guard let sch = rep.schedule else { return s + " on request" }
            s += " " + sch.frequency.rawValue
            if let inclusive = sch.inclusive, let day = sch.day {
                s += inclusive ? " by" : " before"
                switch day {
                case .day(let n): s += " day \(n.value)"
                case .weekday(let w, let t): s += " " + w.text + (t.map { " " + $0.text } ?? "")
                }
                switch sch.month {
                case nil: break
                case .first?: s += " of first month"
                case .last?: s += " of last month"
                case .number(let n)?: s += " of month \(n.value)"
                }
            }
            return s
        }
    }

    func testRow(_ r: TestRow) -> String {
        switch r {
        case .submitted(let o, let a, let p, let on, let time, _):
            return "submitted \(o.text) by \(party(a)) for \(p.text) on \(on.text)" + (time.map { " " + $0.text } ?? "")
        case .observed(let i, let a, let p, let v, _):
            return "observed \(i.text)" + (a.map { " by " + party($0) } ?? "") + " for \(p.text) = " + expr(v)
        case .task(let o, let a, let done, let on, let p, _):
            return (done ? "done" : "started") + " \(o.text) by \(party(a)) on \(on.text)" + (p.map { " for " + $0.text } ?? "")
        case .happened(let e, let on, _):
            return "happened \(e.text) on \(on.text)"
        }
    }

    /// Expressions with single spaces around operators, parentheses as written, numbers grouped with `_`.
    func expr(_ e: Expr) -> String {
        switch e {
        case .number(let d, _): return number(d)
        case .percent(let d, _): return number(d) + "%"
        case .name(let n): return n.text
        case .yes: return "yes"
        case .no: return "no"
        case .negate(let a, _): return "-" + expr(a)
        case .arithmetic(let op, let a, let b, _): return "\(expr(a)) \(op.rawValue) \(expr(b))"
        case .of(let a, let b, _): return "\(expr(a)) of \(expr(b))"
        case .call(let f, let a, _): return "\(f.text)(\(expr(a)))"
        case .compare(let op, let a, let b, _): return "\(expr(a)) \(op.rawValue) \(expr(b))"
        case .between(let v, let lo, let hi, _): return "\(expr(v)) between \(expr(lo)) and \(expr(hi))"
        case .and(let a, let b, _): return "\(expr(a)) and \(expr(b))"
        case .or(let a, let b, _): return "\(expr(a)) or \(expr(b))"
        case .not(let a, _): return "not " + expr(a)
        case .paren(let a, _): return "(" + expr(a) + ")"
        case .invalid: return ""
        }
    }

    /// `1250000000` → `1_250_000_000` (integer parts of five digits or more).
    func number(_ digits: String) -> String {
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var grouped = whole
        if whole.count >= 5 {
            grouped = ""
            for (i, ch) in whole.enumerated() {
                if i > 0, (whole.count - i) % 3 == 0 { grouped.append("_") }
                grouped.append(ch)
            }
        }
        return parts.count > 1 ? grouped + "." + parts[1] : grouped
    }
}
