import TuanthuCore

extension Parser {
    static let testItems: Set<String> = ["as", "submitted", "observed", "done", "started", "happened", "expect"]

    mutating func testBlock() throws(ParseAbort) -> TestDecl {
        let start = advance().span
        let name = try expectString(.testName)
        var decl = TestDecl(name: name, asOf: nil, rows: [], expectations: [], span: start)
        _ = try expect(symbol: "{")
        _ = blockItems(resyncOn: Parser.testItems) { parser throws(ParseAbort) in try parser.testItem(&decl) }
        _ = try expect(symbol: "}")
        decl.span = span(from: start)
        return decl
    }

    mutating func testItem(_ decl: inout TestDecl) throws(ParseAbort) {
        let t = current
        guard t.kind == .word, Parser.testItems.contains(t.value) else {
            throw unknownWord(context: .testBlock, choices: Parser.testItems)
        }
        advance()
        switch t.value {
        case "as":
            _ = try expect(word: "of")
            if decl.asOf != nil { diagnostics.append(Diagnostic(.duplicateField(field: "as of"), at: t.span)) }
            decl.asOf = try expectCalendar(.asOfDate)
        case "submitted":
            let obligation = try expectName(.obligationName)
            _ = try expect(word: "by")
            let agency = try party()
            _ = try expect(word: "for")
            let period = try expectCalendar(.reportedPeriod)
            _ = try expect(word: "on")
            let date = try expectCalendar(.receivedDate)
            var time: TimeLiteral?
            if current.kind == .time {
                let tt = advance()
                time = TimeLiteral(text: tt.value, span: tt.span)
            }
            decl.rows.append(.submitted(obligation: obligation, agency: agency, period: period, on: date, time: time, span: span(from: t.span)))
        case "observed":
            let indicator = try expectName(.indicatorName)
            var agency: PartyRef?
            if accept(word: "by") != nil { agency = try party() }
            _ = try expect(word: "for")
            let period = try expectCalendar(.observedPeriod)
            _ = try expect(symbol: "=")
            let value = try unary()
            decl.rows.append(.observed(indicator: indicator, agency: agency, period: period, value: value, span: span(from: t.span)))
        case "done", "started":
            let obligation = try expectName(.obligationName)
            _ = try expect(word: "by")
            let agency = try party()
            _ = try expect(word: "on")
            let date = try expectCalendar(.dateOnTask)
            var period: CalendarLiteral?
            if accept(word: "for") != nil { period = try expectCalendar(.period) }
            decl.rows.append(.task(obligation: obligation, agency: agency, done: t.value == "done", on: date, period: period, span: span(from: t.span)))
        case "happened":
            let event = try expectName(.eventName)
            _ = try expect(word: "on")
            let date = try expectCalendar(.dateOnEvent)
            decl.rows.append(.happened(event: event, on: date, span: span(from: t.span)))
        default: // expect
            let obligation = try expectName(.obligationName)
            var agency: PartyRef?
            var period: CalendarLiteral?
            if accept(word: "for") != nil { agency = try party() }
            if accept(word: "in") != nil { period = try expectCalendar(.periodIn) }
            _ = try expect(word: "is")
            guard current.kind == .word else { throw fail(expected: .status) }
            let status = advance()
            decl.expectations.append(Expectation(obligation: obligation, agency: agency, period: period, status: Name(status.value, status.span), span: span(from: t.span)))
        }
    }
}
