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
            throw unknownWord(context: .topLevel, choices: Keywords.declarationStarts)
        }
        switch t.value {
        case "use":
            advance()
            let path = try expectString(.rosterPath)
            return .use(UseDecl(path: path, span: span(from: t.span)))
        case "plan": return .plan(try planBlock())
        case "agency": return .agency(try agency())
        case "group": return .group(try group())
        case "indicator": return .indicator(try indicator())
        case "event":
            advance()
            let name = try expectName(.eventName)
            let title = optionalString()
            return .event(EventDecl(name: name, title: title, span: span(from: t.span)))
        case "obligation": return .obligation(try obligation())
        case "test": return .test(try testBlock())
        default:
            throw unknownWord(context: .topLevel, choices: Keywords.declarationStarts)
        }
    }

    mutating func planBlock() throws(ParseAbort) -> PlanDecl {
        let start = advance().span
        let number = try expectString(.planNumber)
        var plan = PlanDecl(number: number, span: start)
        _ = try expect(symbol: "{")
        let fields: Set<String> = ["title", "issuer", "issued", "implements", "supersedes", "source"]
        var seen: Set<String> = []
        while !current.isSymbol("}") && !atEnd {
            let fieldToken = current
            do {
                guard current.kind == .word, fields.contains(current.value) else {
                    throw unknownWord(context: .planBlock, choices: fields)
                }
                advance()
                if seen.contains(fieldToken.value), fieldToken.value != "implements", fieldToken.value != "supersedes" {
                    diagnostics.append(Diagnostic(.duplicateField(field: fieldToken.value), at: fieldToken.span))
                }
                seen.insert(fieldToken.value)
                switch fieldToken.value {
                case "title": plan.title = try expectString(.planTitle)
                case "issuer": plan.issuer = try expectString(.planIssuer)
                case "issued": plan.issued = try expectCalendar(.issueDate)
                case "implements":
                    plan.implements.append(try expectString(.documentNumber))
                    while accept(symbol: ",") != nil { plan.implements.append(try expectString(.documentNumber)) }
                case "supersedes":
                    plan.supersedes.append(try expectString(.supersededPlan))
                    while accept(symbol: ",") != nil { plan.supersedes.append(try expectString(.planNumberInQuotes)) }
                default: plan.source = try expectString(.sourcePath)
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
        let name = try expectName(.agencyIdentifier)
        let title = try expectString(.agencyFullName)
        var decl = AgencyDecl(name: name, title: title, span: start)
        while true {
            if accept(word: "alias") != nil {
                decl.aliases.append(try expectString(.alias))
                while accept(symbol: ",") != nil { decl.aliases.append(try expectString(.alias)) }
            } else if accept(word: "merged") != nil {
                _ = try expect(word: "into")
                decl.mergedInto = try expectName(.successorAgency)
                _ = try expect(word: "on")
                decl.mergedOn = try expectCalendar(.mergerDate)
            } else if accept(word: "dissolved") != nil {
                _ = try expect(word: "on")
                decl.dissolvedOn = try expectCalendar(.dissolutionDate)
            } else {
                break
            }
        }
        decl.span = span(from: start)
        return decl
    }

    mutating func group() throws(ParseAbort) -> GroupDecl {
        let start = advance().span
        let name = try expectName(.groupIdentifier)
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
        let name = try expectName(.indicatorIdentifier)
        let title = optionalString()
        _ = try expect(symbol: ":")
        guard current.kind == .word, let unit = UnitKind(rawValue: current.value) else {
            let suggestion = current.kind == .word ? Suggestion.closest(to: current.value, among: UnitKind.allCases.map(\.rawValue)) : nil
            throw fail(expected: .unit, suggestion: suggestion)
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
