import TuanthuCore

extension Parser {
    mutating func obligation() throws(ParseAbort) -> ObligationDecl {
        let start = advance().span
        let name = try expectName(.obligationIdentifier)
        let title = optionalString()
        var decl = ObligationDecl(name: name, title: title, span: start)
        _ = try expect(symbol: "{")
        decl.recovered = blockItems(resyncOn: Keywords.obligationFields) { parser throws(ParseAbort) in try parser.obligationField(&decl) }
        _ = try expect(symbol: "}")
        decl.span = span(from: start)
        return decl
    }

    mutating func obligationField(_ decl: inout ObligationDecl) throws(ParseAbort) {
        let t = current
        guard t.kind == .word, Keywords.isObligationField(t.value) else {
            throw unknownWord(context: .obligation, choices: Keywords.obligationFields)
        }
        advance()
        switch t.value {
        case "owner":
            if decl.owner != nil { diagnostics.append(Diagnostic(.duplicateField(field: "owner"), at: t.span)) }
            let jointly = accept(word: "jointly") != nil
            let parties = try partyList()
            decl.owner = OwnerClause(jointly: jointly, parties: parties, span: span(from: t.span))
        case "support":
            decl.support.append(contentsOf: try partyList())
        case "achieve":
            decl.requirements.append(.achieve(try achieve(start: t.span)))
        case "deliver":
            decl.requirements.append(.deliver(try deliver(start: t.span)))
        case "report":
            decl.requirements.append(.report(try report(start: t.span)))
        case "untracked":
            let reason = try expectString(.untrackedReason)
            decl.requirements.append(.untracked(reason: reason, span: span(from: t.span)))
        case "from":
            if decl.from != nil { diagnostics.append(Diagnostic(.duplicateField(field: "from"), at: t.span)) }
            decl.from = try expectCalendar(.fromPeriod)
        case "until":
            if decl.until != nil { diagnostics.append(Diagnostic(.duplicateField(field: "until"), at: t.span)) }
            decl.until = try expectCalendar(.untilPeriod)
        default: // cite
            let text = try expectString(.citedSection)
            var line: IntLiteral?
            if accept(word: "line") != nil { line = try expectInt(.lineNumber) }
            decl.cites.append(Cite(text: text, line: line, span: span(from: t.span)))
        }
    }

    mutating func achieve(start: Span) throws(ParseAbort) -> Achieve {
        let condition = try expression()
        if accept(word: "by") != nil {
            let when = try expectCalendar(.targetPeriod)
            return Achieve(condition: condition, timing: .by(when), span: span(from: start))
        }
        if accept(word: "every") != nil {
            _ = try expect(word: "year")
            var from: CalendarLiteral?, to: CalendarLiteral?
            // `from Y1 to Y2` belongs to the requirement; a lone `from` is the obligation's field.
            if current.isWord("from"), peek(2).isWord("to") {
                advance()
                from = try expectCalendar(.firstYear)
                _ = try expect(word: "to")
                to = try expectCalendar(.lastYear)
            }
            return Achieve(condition: condition, timing: .everyYear(from: from, to: to), span: span(from: start))
        }
        throw fail(expected: .targetTiming)
    }

    mutating func deliver(start: Span) throws(ParseAbort) -> Deliver {
        let product = optionalString()
        var from: CalendarLiteral?
        if accept(word: "from") != nil { from = try expectCalendar(.windowStart) }
        let timing: Deliver.Timing
        if accept(word: "by") != nil {
            timing = .by(try expectCalendar(.deadlineBy))
        } else if accept(word: "before") != nil {
            timing = .before(try expectCalendar(.dateBefore))
        } else if accept(word: "every") != nil {
            _ = try expect(word: "year")
            timing = .everyYear
        } else if accept(word: "ongoing") != nil {
            if accept(word: "after") != nil { timing = .ongoing(after: try expectName(.eventName)) } else { timing = .ongoing(after: nil) }
        } else if accept(word: "after") != nil {
            timing = .after(try expectName(.eventName))
        } else if accept(word: "within") != nil {
            let days = try expectInt(.numberOfDays)
            _ = try expect(word: "days")
            _ = try expect(word: "after")
            timing = .within(days: days, after: try expectName(.eventName))
        } else if accept(word: "undated") != nil {
            timing = .undated
        } else {
            let choices: Set<String> = ["by", "before", "every", "ongoing", "after", "within", "undated"]
            if current.kind == .word, !Keywords.obligationFields.contains(current.value), current.value != "from" {
                throw unknownWord(context: .deliveryDeadline, choices: choices)
            }
            throw fail(expected: .deadline)
        }
        return Deliver(product: product, timing: timing, from: from, span: span(from: start))
    }

    mutating func report(start: Span) throws(ParseAbort) -> Report {
        _ = try expect(word: "to")
        let recipients = try partyList()
        if accept(word: "on") != nil {
            _ = try expect(word: "request")
            return Report(recipients: recipients, schedule: nil, span: span(from: start))
        }
        let schedule = try scheduleSyntax()
        return Report(recipients: recipients, schedule: schedule, span: span(from: start))
    }

    mutating func scheduleSyntax() throws(ParseAbort) -> ScheduleSyntax {
        let t = current
        guard t.kind == .word, let freq = ScheduleSyntax.Frequency(rawValue: t.value) else {
            let choices: Set<String> = ["weekly", "monthly", "quarterly", "half-yearly", "yearly"]
            if t.kind == .word { throw unknownWord(context: .reportFrequency, choices: choices.union(["on"])) }
            throw fail(expected: .frequency)
        }
        advance()
        var s = ScheduleSyntax(frequency: freq, frequencySpan: t.span, span: t.span)
        if current.isWord("before") || current.isWord("by") {
            s.inclusive = advance().value == "by"
            if let dayToken = accept(word: "day") {
                _ = dayToken
                s.day = .day(try expectInt(.dayOfMonth))
            } else if current.kind == .word {
                let w = advance()
                var time: TimeLiteral?
                if current.kind == .time {
                    let tt = advance()
                    time = TimeLiteral(text: tt.value, span: tt.span)
                }
                s.day = .weekday(Name(w.value, w.span), time: time)
            } else {
                throw fail(expected: .dayOrWeekday)
            }
            if let ofToken = accept(word: "of") {
                if accept(word: "last") != nil {
                    _ = try expect(word: "month")
                    s.month = .last
                } else if accept(word: "first") != nil {
                    _ = try expect(word: "month")
                    s.month = .first
                } else if accept(word: "month") != nil {
                    s.month = .number(try expectInt(.monthNumber))
                } else {
                    throw fail(expected: .monthOfPeriod)
                }
                s.monthSpan = span(from: ofToken.span)
            }
        }
        s.span = span(from: t.span)
        return s
    }
}
