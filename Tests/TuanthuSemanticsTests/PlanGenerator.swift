/// A deterministic random number generator (SplitMix64), so a failing generated plan can be reproduced from its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes random but valid plan files: every declaration form, every requirement form, random conditions,
/// comments in every position, and untidy whitespace — the input side of the `fmt` property test.
struct PlanGenerator {
    struct AgencyInfo { var id: String; var name: String; var aliases: [String] }
    struct IndicatorInfo { var id: String; var unit: String; var perAgency: Bool }
    enum Kind { case achieve, deliver, report, untracked }

    var rng: SeededRandom
    var agencies: [AgencyInfo] = []
    var groups: [String] = []
    var indicators: [IndicatorInfo] = []
    var events: [String] = []
    var obligations: [(id: String, kind: Kind)] = []
    var commentCount = 0

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    // MARK: random helpers

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

    /// Space between tokens: usually one, sometimes several or a tab.
    mutating func sp() -> String { chance(0.85) ? " " : pick(["  ", "   ", "\t", " \t "]) }
    mutating func indent() -> String { pick(["  ", "  ", "  ", "    ", "\t", "", "   "]) }

    mutating func comment() -> String {
        commentCount += 1
        return pick(["// ghi chú \(commentCount)", "//chú thích \(commentCount) — “Phụ lục”", "// \(commentCount): trước ngày 10", "//"])
    }

    /// Own-line comments and blank lines that may precede a line.
    mutating func noise(_ ind: String) -> String {
        var s = ""
        if chance(0.15) { s += "\n" }
        if chance(0.2) { s += (chance(0.7) ? ind : "") + comment() + "\n" }
        if chance(0.05) { s += "\n" + comment() + "\n" }
        return s
    }

    mutating func trailing() -> String { chance(0.15) ? sp() + comment() : "" }

    mutating func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    mutating func title(_ base: String) -> String {
        switch int(0...9) {
        case 0: return quote(base + " \"trích dẫn\"")
        case 1: return quote(base + " \\ gạch")
        case 2: return quote(base + String(repeating: " rất dài", count: int(5...12)))
        case 3: return quote(base + "\ndòng hai")
        default: return quote(base)
        }
    }

    mutating func year() -> Int { int(2024...2031) }
    mutating func date(in y: Int? = nil) -> String {
        let m = int(1...12)
        return "\(y ?? int(2025...2026))-\(m < 10 ? "0" : "")\(m)-\(String(format2: int(1...28)))"
    }
    mutating func month() -> String { let m = int(1...12); return "\(int(2025...2026))-\(m < 10 ? "0" : "")\(m)" }
    mutating func period() -> String {
        switch int(0...3) {
        case 0: return "\(year())"
        case 1: return month()
        case 2: return "\(int(2025...2026))-Q\(int(1...4))"
        default: return "\(int(2025...2026))-H\(int(1...2))"
        }
    }

    // MARK: numbers

    mutating func integer(_ r: ClosedRange<Int>) -> String {
        let n = String(int(r))
        guard n.count > 3, chance(0.3) else { return n }
        // Already grouped by hand (the formatter keeps the value).
        var out = ""
        for (i, ch) in n.enumerated() {
            if i > 0, (n.count - i) % 3 == 0 { out.append("_") }
            out.append(ch)
        }
        return out
    }
    mutating func percent(_ r: ClosedRange<Int>) -> String {
        chance(0.3) ? "\(int(r)).\(int(1...9))%" : "\(int(r))%"
    }

    // MARK: plan

    /// The main plan file and, when the agencies live in a roster, the roster (`co-quan.plan`).
    mutating func generate() -> (plan: String, roster: String?) {
        let useRoster = chance(0.35)
        var roster = ""
        var main = chance(0.3) ? comment() + "\n" + (chance(0.5) ? "\n" : "") : ""
        if useRoster { main += "use" + sp() + "\"co-quan.plan\"" + trailing() + "\n" }
        main += noise("")
        main += planBlock()

        var decls = ""
        let agencyCount = int(2...7)
        for i in 0..<agencyCount { decls += noise("") + agency(i) + "\n" }
        for i in 0..<int(0...3) { decls += noise("") + group(i) + "\n" }
        if useRoster { roster = (chance(0.5) ? comment() + "\n\n" : "") + decls; decls = "" }
        main += decls

        let units = ["percent", "count", "number", "money", "rank", "yesno"]
        for i in 0..<int(4...9) {
            let unit = i < units.count ? units[i] : pick(units)
            let per = chance(0.25)
            let id = pick(["chỉ_số_\(i)", "ind\(i)", "kinh_tế_số_\(i)", "x\(i)"])
            indicators.append(IndicatorInfo(id: id, unit: unit, perAgency: per))
            var line = "indicator" + sp() + id
            if chance(0.8) { line += sp() + title("Chỉ số \(i)") }
            line += sp() + ":" + sp() + unit + (per ? sp() + "per" + sp() + "agency" : "")
            main += noise("") + line + trailing() + "\n"
        }
        for i in 0..<int(0...3) {
            let id = "sự_kiện_\(i)"
            events.append(id)
            main += noise("") + "event" + sp() + id + (chance(0.7) ? sp() + title("Sự kiện \(i)") : "") + trailing() + "\n"
        }
        var bodies: [String] = []
        for i in 0..<int(1...8) { bodies.append(obligation(i)) }
        for b in bodies { main += noise("") + b + "\n" }
        for i in 0..<int(0...2) { main += noise("") + testBlock(i) + "\n" }
        if chance(0.3) { main += (chance(0.5) ? "\n" : "") + comment() + "\n" }
        if chance(0.2) { main += "\n\n" }
        return (main, useRoster ? roster : nil)
    }

    mutating func planBlock() -> String {
        let ind = indent()
        var fields = [
            "title" + sp() + title("Kế hoạch thử"),
            "issuer" + sp() + quote("UBND tỉnh Thử"),
            "issued" + sp() + "2025-0\(int(1...3))-1\(int(0...9))",
        ]
        if chance(0.4) { fields.append("implements" + sp() + quote("03/NQ-CP") + (chance(0.5) ? "," + sp() + quote("57-NQ/TW") : "")) }
        if chance(0.2) { fields.append("supersedes" + sp() + quote("1/KH-CU")) }
        if chance(0.2) { fields.shuffle(using: &rng) }
        if chance(0.1) { return "plan" + sp() + quote("99/KH-UBND") + sp() + "{" + sp() + fields.joined(separator: sp()) + sp() + "}" + trailing() + "\n" }
        var s = "plan" + sp() + quote("99/KH-UBND") + sp() + "{" + trailing() + "\n"
        for f in fields { s += noise(ind) + ind + f + trailing() + "\n" }
        if chance(0.2) { s += ind + comment() + "\n" }
        return s + "}" + trailing() + "\n"
    }

    mutating func agency(_ i: Int) -> String {
        let id = pick(["S\(i)", "SỞ_\(i)", "ubnd_\(i)", "Cơ_quan\(i)"])
        let name = "Sở số \(i)"
        var aliases: [String] = []
        var s = "agency" + sp() + id + sp() + quote(name)
        if chance(0.4) {
            aliases = (0..<int(1...2)).map { "S\(i) viết tắt \($0)" }
            s += sp() + "alias" + sp() + aliases.map { quote($0) }.joined(separator: "," + sp())
        }
        if i > 0, chance(0.25) {
            s += sp() + "merged" + sp() + "into" + sp() + agencies[int(0...(i - 1))].id + sp() + "on" + sp() + "2025-0\(int(2...9))-01"
        } else if chance(0.1) {
            s += sp() + "dissolved" + sp() + "on" + sp() + "2025-07-01"
        }
        agencies.append(AgencyInfo(id: id, name: name, aliases: aliases))
        return s + trailing()
    }

    mutating func agencyRef() -> String {
        let a = pick(agencies)
        switch int(0...5) {
        case 0: return quote(a.name)
        case 1: return a.aliases.isEmpty ? a.id : quote(pick(a.aliases))
        default: return a.id
        }
    }

    mutating func partyRef() -> String { !groups.isEmpty && chance(0.3) ? pick(groups) : agencyRef() }

    mutating func group(_ i: Int) -> String {
        let id = "nhóm_\(i)"
        var members: [String] = []
        for _ in 0..<int(1...4) { members.append(partyRef()) }
        groups.append(id)
        var s = "group" + sp() + id
        if chance(0.7) { s += sp() + title("Các sở \(i)") }
        return s + sp() + "=" + sp() + "[" + members.joined(separator: "," + sp()) + "]" + trailing()
    }

    // MARK: obligations

    mutating func obligation(_ i: Int) -> String {
        let id = "nv_\(i)"
        let ind = indent()
        var fields: [String] = []
        switch int(0...4) {
        case 0: fields.append("owner" + sp() + agencyRef())
        case 1 where !groups.isEmpty: fields.append("owner" + sp() + pick(groups))
        case 2: fields.append("owner" + sp() + "jointly" + sp() + agencyRef() + "," + sp() + partyRef())
        case 3 where !groups.isEmpty: fields.append("owner" + sp() + "jointly" + sp() + pick(groups))
        default: fields.append("owner" + sp() + partyRef())
        }
        if chance(0.3) { fields.append("support" + sp() + partyRef() + (chance(0.5) ? "," + sp() + partyRef() : "")) }
        let (requirement, kind, recurring, oneOffBy) = self.requirement()
        fields.append(requirement)
        obligations.append((id, kind))
        if recurring, chance(0.4) {
            let from = chance(0.5) ? "2025" : "2025-0\(int(1...6))"
            fields.append("from" + sp() + from)
            if chance(0.6) { fields.append("until" + sp() + pick(["2026", "2026-12", "2027-06-30"])) }
        } else if oneOffBy, chance(0.3) {
            fields.append("from" + sp() + "2024")
        }
        for _ in 0..<int(0...2) { fields.append("cite" + sp() + title("Mục \(int(1...9))") + (chance(0.4) ? sp() + "line" + sp() + "\(int(1...500))" : "")) }
        if chance(0.15) { fields.shuffle(using: &rng) }
        var head = "obligation" + sp() + id
        if chance(0.8) { head += sp() + title("Nhiệm vụ \(i)") }
        if chance(0.08) { return head + sp() + "{" + sp() + fields.joined(separator: sp()) + sp() + "}" + trailing() }
        var s = head + sp() + "{" + trailing() + "\n"
        for f in fields { s += noise(ind) + ind + f + trailing() + "\n" }
        if chance(0.15) { s += ind + comment() + "\n" }
        return s + "}" + trailing()
    }

    /// A requirement, its kind, whether it recurs, and whether it is a one-off `deliver … by`.
    mutating func requirement() -> (String, Kind, Bool, Bool) {
        switch int(0...9) {
        case 0...3:
            let cond = condition(depth: 0)
            switch int(0...3) {
            case 0: return ("achieve" + sp() + cond + sp() + "every" + sp() + "year", .achieve, true, false)
            case 1: return ("achieve" + sp() + cond + sp() + "every" + sp() + "year" + sp() + "from" + sp() + "2025" + sp() + "to" + sp() + "\(int(2025...2030))", .achieve, false, false)
            default: return ("achieve" + sp() + cond + sp() + "by" + sp() + period(), .achieve, false, false)
            }
        case 4...6:
            var s = "deliver"
            if chance(0.85) { s += sp() + title(pick(["Kế hoạch", "Quyết định", "Đề án", "Báo cáo"])) }
            let e = events.isEmpty || chance(0.2) ? "plan_issued" : pick(events)
            switch int(0...8) {
            case 0: return (s + sp() + "by" + sp() + period(), .deliver, false, true)
            case 1: return (s + sp() + "from" + sp() + "2025" + sp() + "by" + sp() + "\(int(2025...2027))", .deliver, false, false)
            case 2: return (s + sp() + "before" + sp() + date(), .deliver, false, false)
            case 3: return (s + sp() + "every" + sp() + "year", .deliver, true, false)
            case 4: return (s + sp() + "ongoing", .deliver, true, false)
            case 5 where e != "plan_issued": return (s + sp() + "ongoing" + sp() + "after" + sp() + e, .deliver, true, false)
            case 6 where e != "plan_issued": return (s + sp() + "after" + sp() + e, .deliver, false, false)
            case 7: return (s + sp() + "within" + sp() + "\(int(1...90))" + sp() + "days" + sp() + "after" + sp() + e, .deliver, false, false)
            default: return (s + sp() + "undated", .deliver, false, false)
            }
        case 7...8:
            var s = "report" + sp() + "to" + sp() + partyRef()
            if chance(0.3) { s += "," + sp() + partyRef() }
            let by = chance(0.3) ? "by" : "before"
            let schedules = [
                "weekly" + sp() + by + sp() + pick(Self.weekdays) + (chance(0.5) ? sp() + pick(["10:00", "9:30", "17:00"]) : ""),
                "monthly" + sp() + by + sp() + "day" + sp() + "\(int(1...28))",
                "quarterly" + sp() + by + sp() + "day" + sp() + "\(int(1...28))" + sp() + "of" + sp() + pick(["last", "first"]) + sp() + "month",
                "half-yearly" + sp() + by + sp() + "day" + sp() + "\(int(1...28))" + sp() + "of" + sp() + "last" + sp() + "month",
                "yearly" + sp() + by + sp() + "day" + sp() + "\(int(1...28))" + sp() + "of" + sp() + "month" + sp() + "\(int(1...12))",
                "yearly", "monthly", "quarterly",
            ]
            if chance(0.1) { return (s + sp() + "on" + sp() + "request", .report, false, false) }
            return (s + sp() + pick(schedules), .report, true, false)
        default:
            return ("untracked" + sp() + title("kịp thời"), .untracked, false, false)
        }
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    mutating func indicator(_ units: Set<String>) -> IndicatorInfo? {
        let fit = indicators.filter { units.contains($0.unit) }
        return fit.isEmpty ? nil : pick(fit)
    }

    /// A well-typed condition: atoms over the declared indicators, combined with and/or/not and parentheses.
    mutating func condition(depth: Int) -> String {
        if depth < 3, chance(depth == 0 ? 0.45 : 0.25) {
            let a = condition(depth: depth + 1)
            let b = condition(depth: depth + 1)
            let brk = chance(0.05) ? (chance(0.5) ? sp() + comment() : "") + "\n    " : sp()
            switch int(0...4) {
            case 0: return a + sp() + "and" + brk + b
            case 1: return a + sp() + "or" + brk + b
            case 2: return "not" + sp() + "(" + a + ")"
            case 3: return "(" + sp().replacingOccurrences(of: " ", with: "") + a + sp() + "or" + sp() + b + ")"
            default: return "not" + sp() + atom()
            }
        }
        return chance(0.1) ? "(" + atom() + ")" : atom()
    }

    mutating func cmp() -> String { pick([">=", ">", "<=", "<", "=", "!="]) }

    mutating func atom() -> String {
        let i = pick(indicators)
        switch i.unit {
        case "percent":
            switch int(0...5) {
            case 0: return i.id + sp() + cmp() + sp() + percent(0...99)
            case 1: let lo = int(0...40); return i.id + sp() + "between" + sp() + "\(lo)%" + sp() + "and" + sp() + "\(lo + int(0...50))%"
            case 2: return i.id + sp() + ">=" + sp() + "previous(" + i.id + ")"
            case 3: return "growth(" + i.id + ")" + sp() + "between" + sp() + "2%" + sp() + "and" + sp() + "5%"
            case 4: return "-" + i.id + sp() + "<" + sp() + "0%"
            default: return "(" + i.id + ")" + sp() + cmp() + sp() + percent(1...100)
            }
        case "money":
            let other = indicator(["money"]) ?? i
            switch int(0...5) {
            case 0: return i.id + sp() + cmp() + sp() + integer(0...2_000_000_000)
            case 1: return i.id + sp() + ">=" + sp() + percent(1...30) + sp() + "of" + sp() + other.id
            case 2: return i.id + sp() + "/" + sp() + other.id + sp() + ">" + sp() + percent(1...90)
            case 3: return i.id + sp() + "+" + sp() + other.id + sp() + ">=" + sp() + integer(1...99_999_999) + ".5"
            case 4: return "growth(" + i.id + ")" + sp() + ">=" + sp() + percent(1...10)
            default: return i.id + sp() + "-" + sp() + "previous(" + i.id + ")" + sp() + ">" + sp() + "0"
            }
        case "count":
            let other = indicator(["count"]) ?? i
            switch int(0...3) {
            case 0: return i.id + sp() + cmp() + sp() + integer(0...100_000)
            case 1: let lo = int(0...50); return i.id + sp() + "between" + sp() + "\(lo)" + sp() + "and" + sp() + "\(lo + int(0...50))"
            case 2: return i.id + sp() + "/" + sp() + other.id + sp() + ">=" + sp() + percent(1...100)
            default: return i.id + sp() + ">=" + sp() + "previous(" + i.id + ")" + sp() + "+" + sp() + "1"
            }
        case "rank":
            return i.id + sp() + pick(["<=", "<", "=", ">="]) + sp() + "\(int(1...63))"
        case "yesno":
            return i.id + sp() + pick(["=", "!="]) + sp() + pick(["yes", "no"])
        default:
            switch int(0...3) {
            case 0: return i.id + sp() + cmp() + sp() + "0.\(int(1...99))"
            case 1: return i.id + sp() + "between" + sp() + "0.5" + sp() + "and" + sp() + "0.9"
            case 2: return i.id + sp() + "*" + sp() + "2" + sp() + ">" + sp() + "-1.25"
            default: return i.id + sp() + ">=" + sp() + integer(10_000...9_999_999)
            }
        }
    }

    // MARK: tests

    mutating func testBlock(_ n: Int) -> String {
        let ind = indent()
        var items: [String] = []
        if chance(0.8) { items.append("as" + sp() + "of" + sp() + date()) }
        let reports = obligations.filter { $0.kind == .report }.map(\.id)
        let tasks = obligations.filter { $0.kind == .deliver }.map(\.id)
        for _ in 0..<int(0...5) {
            switch int(0...3) {
            case 0 where !reports.isEmpty:
                items.append("submitted" + sp() + pick(reports) + sp() + "by" + sp() + agencyRef() + sp() + "for" + sp() + month() + sp() + "on" + sp() + date()
                             + (chance(0.3) ? sp() + "09:30" : ""))
            case 1:
                let i = pick(indicators)
                var s = "observed" + sp() + i.id
                if i.perAgency { s += sp() + "by" + sp() + agencyRef() }
                s += sp() + "for" + sp() + "\(int(2025...2026))" + sp() + "=" + sp()
                switch i.unit {
                case "percent": s += chance(0.5) ? percent(0...100) : "\(int(0...100)).5"
                case "money": s += integer(0...2_000_000_000_000)
                case "count", "rank": s += integer(1...20_000)
                case "yesno": s += pick(["yes", "no"])
                default: s += chance(0.3) ? "-\(int(1...9)).25" : "0.\(int(1...99))"
                }
                items.append(s)
            case 2 where !tasks.isEmpty:
                items.append(pick(["done", "started"]) + sp() + pick(tasks) + sp() + "by" + sp() + agencyRef() + sp() + "on" + sp() + date()
                             + (chance(0.3) ? sp() + "for" + sp() + "\(int(2025...2026))" : ""))
            default:
                if !events.isEmpty { items.append("happened" + sp() + pick(events) + sp() + "on" + sp() + date()) }
            }
        }
        for _ in 0..<int(1...3) {
            let o = pick(obligations)
            var s = "expect" + sp() + o.id
            if chance(0.4) { s += sp() + "for" + sp() + partyRef() }
            if chance(0.4) { s += sp() + "in" + sp() + period() }
            items.append(s + sp() + "is" + sp() + pick(["met", "violated", "late", "overdue", "no_data", "pending", "waiting"]))
        }
        if chance(0.15) { items.shuffle(using: &rng) }
        var s = "test" + sp() + title("kiểm thử \(n)") + sp() + "{" + trailing() + "\n"
        for item in items { s += noise(ind) + ind + item + trailing() + "\n" }
        return s + "}" + trailing()
    }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
