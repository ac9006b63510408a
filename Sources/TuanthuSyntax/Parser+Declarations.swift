import TuanthuCore

extension Parser {
    mutating func parseDeclarations() -> [Declaration] {
        var decls: [Declaration] = []
        while !atEnd {
            let before = index
            do {
                if let d = try declaration() { decls.append(d) }
            } catch {
                if index == before { advance() }
                synchronizeDeclaration()
            }
        }
        return decls
    }

    mutating func declaration() throws(ParseAbort) -> Declaration? {
        let t = current
        guard t.kind == .word else {
            throw unknownWord(context: "at the top level of a plan file", choices: Keywords.declarationStarts)
        }
        switch t.value {
        case "use":
            advance()
            let path = try expectString("a file path in quotes, e.g. use \"co-quan.plan\"")
            return .use(UseDecl(path: path, span: span(from: t.span)))
        case "plan": return .plan(try planBlock())
        case "agency": return .agency(try agency())
        case "group": return .group(try group())
        case "indicator": return .indicator(try indicator())
        case "event":
            advance()
            let name = try expectName("an event name")
            let title = optionalString()
            return .event(EventDecl(name: name, title: title, span: span(from: t.span)))
        case "obligation": return .obligation(try obligation())
        case "test": return .test(try testBlock())
        default:
            throw unknownWord(context: "at the top level of a plan file", choices: Keywords.declarationStarts)
        }
    }

    mutating func planBlock() throws(ParseAbort) -> PlanDecl {
        let start = advance().span
        let number = try expectString("the plan's number in quotes, e.g. plan \"484/KH-UBND\"")
        var plan = PlanDecl(number: number, span: start)
        _ = try expect(symbol: "{")
        let fields: Set<String> = ["title", "issuer", "issued", "implements", "supersedes", "source"]
        var seen: Set<String> = []
        while !current.isSymbol("}") && !atEnd {
            let fieldToken = current
            do {
                guard current.kind == .word, fields.contains(current.value) else {
                    throw unknownWord(context: "in a plan block", choices: fields)
                }
                advance()
                if seen.contains(fieldToken.value), fieldToken.value != "implements", fieldToken.value != "supersedes" {
                    diagnostics.append(Diagnostic(.duplicateField(field: fieldToken.value), at: fieldToken.span))
                }
                seen.insert(fieldToken.value)
                switch fieldToken.value {
                case "title": plan.title = try expectString("the plan's title in quotes")
                case "issuer": plan.issuer = try expectString("the issuing body in quotes")
                case "issued": plan.issued = try expectCalendar("the issue date, e.g. 2025-02-14")
                case "implements":
                    plan.implements.append(try expectString("a document number in quotes"))
                    while accept(symbol: ",") != nil { plan.implements.append(try expectString("a document number in quotes")) }
                case "supersedes":
                    plan.supersedes.append(try expectString("the superseded plan's number in quotes"))
                    while accept(symbol: ",") != nil { plan.supersedes.append(try expectString("a plan number in quotes")) }
                default: plan.source = try expectString("the source text's path in quotes")
                }
            } catch {
                if current.span == fieldToken.span { advance() }
                synchronizeField(fields)
                if current.kind == .word, Keywords.declarationStarts.contains(current.value) { break }
            }
        }
        _ = try expect(symbol: "}")
        plan.span = span(from: start)
        return plan
    }

    mutating func agency() throws(ParseAbort) -> AgencyDecl {
        let start = advance().span
        let name = try expectName("an agency identifier, e.g. agency STC \"Sở Tài chính\"")
        let title = try expectString("the agency's full name in quotes")
        var decl = AgencyDecl(name: name, title: title, span: start)
        while true {
            if accept(word: "alias") != nil {
                decl.aliases.append(try expectString("an alias in quotes"))
                while accept(symbol: ",") != nil { decl.aliases.append(try expectString("an alias in quotes")) }
            } else if accept(word: "merged") != nil {
                _ = try expect(word: "into")
                decl.mergedInto = try expectName("the successor agency")
                _ = try expect(word: "on")
                decl.mergedOn = try expectCalendar("the merger date, e.g. 2025-03-01")
            } else if accept(word: "dissolved") != nil {
                _ = try expect(word: "on")
                decl.dissolvedOn = try expectCalendar("the dissolution date, e.g. 2025-07-01")
            } else {
                break
            }
        }
        decl.span = span(from: start)
        return decl
    }

    mutating func group() throws(ParseAbort) -> GroupDecl {
        let start = advance().span
        let name = try expectName("a group identifier")
        let title = optionalString()
        _ = try expect(symbol: "=")
        _ = try expect(symbol: "[")
        var members: [PartyRef] = []
        if !current.isSymbol("]") { members = try partyList() }
        _ = try expect(symbol: "]")
        return GroupDecl(name: name, title: title, members: members, span: span(from: start))
    }

    mutating func indicator() throws(ParseAbort) -> IndicatorDecl {
        let start = advance().span
        let name = try expectName("an indicator identifier")
        let title = optionalString()
        _ = try expect(symbol: ":")
        guard current.kind == .word, let unit = UnitKind(rawValue: current.value) else {
            let suggestion = current.kind == .word ? Suggestion.closest(to: current.value, among: UnitKind.allCases.map(\.rawValue)) : nil
            throw fail(expected: "a unit (percent, count, number, money, rank, yesno)", suggestion: suggestion)
        }
        let unitSpan = advance().span
        var perAgency = false
        if accept(word: "per") != nil {
            _ = try expect(word: "agency")
            perAgency = true
        }
        return IndicatorDecl(name: name, title: title, unit: unit, unitSpan: unitSpan, perAgency: perAgency, span: span(from: start))
    }
}
