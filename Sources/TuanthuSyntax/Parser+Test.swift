import TuanthuCore

extension Parser {
    static let testItems: Set<String> = ["as", "submitted", "observed", "done", "started", "happened", "expect"]

    mutating func testBlock() throws(ParseAbort) -> TestDecl {
        let start = advance().span
        let name = try expectString("the test's name in quotes")
        var decl = TestDecl(name: name, asOf: nil, rows: [], expectations: [], span: start)
        _ = try expect(symbol: "{")
        while !current.isSymbol("}") && !atEnd {
            let itemToken = current
            do {
                try testItem(&decl)
            } catch {
                if current.span == itemToken.span { advance() }
                synchronizeField(Parser.testItems)
                if current.kind == .word, Keywords.declarationStarts.contains(current.value) { break }
            }
        }
        _ = try expect(symbol: "}")
        decl.span = span(from: start)
        return decl
    }

    mutating func testItem(_ decl: inout TestDecl) throws(ParseAbort) {
        let t = current
        guard t.kind == .word, Parser.testItems.contains(t.value) else {
            throw unknownWord(context: "in a test block", choices: Parser.testItems)
        }
        advance()
        switch t.value {
        case "as":
            _ = try expect(word: "of")
            if decl.asOf != nil { diagnostics.append(Diagnostic(.duplicateField(field: "as of"), at: t.span)) }
            decl.asOf = try expectCalendar("a date, e.g. as of 2025-08-01")
        case "submitted":
            let obligation = try expectName("an obligation name")
            _ = try expect(word: "by")
            let agency = try party()
            _ = try expect(word: "for")
            let period = try expectCalendar("the reported period, e.g. for 2025-06")
            _ = try expect(word: "on")
            let date = try expectCalendar("the date it was received, e.g. on 2025-06-12")
            var time: TimeLiteral?
            if current.kind == .time {
                let tt = advance()
                time = TimeLiteral(text: tt.value, span: tt.span)
            }
            decl.rows.append(.submitted(obligation: obligation, agency: agency, period: period, on: date, time: time, span: span(from: t.span)))
        case "observed":
            let indicator = try expectName("an indicator name")
            var agency: PartyRef?
            if accept(word: "by") != nil { agency = try party() }
            _ = try expect(word: "for")
            let period = try expectCalendar("the observed period, e.g. for 2025")
            _ = try expect(symbol: "=")
            let value = try unary()
            decl.rows.append(.observed(indicator: indicator, agency: agency, period: period, value: value, span: span(from: t.span)))
        case "done", "started":
            let obligation = try expectName("an obligation name")
            _ = try expect(word: "by")
            let agency = try party()
            _ = try expect(word: "on")
            let date = try expectCalendar("a date, e.g. on 2025-11-30")
            var period: CalendarLiteral?
            if accept(word: "for") != nil { period = try expectCalendar("a period") }
            decl.rows.append(.task(obligation: obligation, agency: agency, done: t.value == "done", on: date, period: period, span: span(from: t.span)))
        case "happened":
            let event = try expectName("an event name")
            _ = try expect(word: "on")
            let date = try expectCalendar("a date, e.g. on 2025-09-01")
            decl.rows.append(.happened(event: event, on: date, span: span(from: t.span)))
        default: // expect
            let obligation = try expectName("an obligation name")
            var agency: PartyRef?
            var period: CalendarLiteral?
            if accept(word: "for") != nil { agency = try party() }
            if accept(word: "in") != nil { period = try expectCalendar("a period, e.g. in 2025-06") }
            _ = try expect(word: "is")
            guard current.kind == .word else { throw fail(expected: "a status (met, violated, late, overdue, no_data, pending, waiting)") }
            let status = advance()
            decl.expectations.append(Expectation(obligation: obligation, agency: agency, period: period, status: Name(status.value, status.span), span: span(from: t.span)))
        }
    }
}
