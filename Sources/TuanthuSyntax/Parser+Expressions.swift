import TuanthuCore

/// Conditions: `or` < `and` < `not` < comparison / `between` < `+ -` < `* / of` < unary `-` < primary.
extension Parser {
    mutating func expression() throws(ParseAbort) -> Expr {
        var lhs = try andExpression()
        while accept(word: "or") != nil {
            let rhs = try andExpression()
            lhs = .or(lhs, rhs, span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    mutating func andExpression() throws(ParseAbort) -> Expr {
        var lhs = try notExpression()
        while accept(word: "and") != nil {
            let rhs = try notExpression()
            lhs = .and(lhs, rhs, span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    mutating func notExpression() throws(ParseAbort) -> Expr {
        if let t = accept(word: "not") {
            try enterNesting(at: t.span)
            defer { depth -= 1 }
            let inner = try notExpression()
            return .not(inner, span: t.span.to(inner.span))
        }
        return try comparison()
    }

    mutating func comparison() throws(ParseAbort) -> Expr {
        let lhs = try additive()
        if accept(word: "between") != nil {
            let low = try additive()
            _ = try expect(word: "and")
            let high = try additive()
            return .between(lhs, low: low, high: high, span: lhs.span.to(high.span))
        }
        if current.kind == .symbol, let op = compareOperator(current.value) {
            let opToken = advance()
            if opToken.value == "==" {
                diagnostics.append(Diagnostic(.doubleEquals, at: opToken.span, suggestion: "="))
            }
            let rhs = try additive()
            return .compare(op, lhs, rhs, span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    func compareOperator(_ s: String) -> CompareOp? {
        switch s {
        case "<": return .lt
        case "<=": return .le
        case ">": return .gt
        case ">=": return .ge
        case "=", "==": return .eq
        case "!=": return .ne
        default: return nil
        }
    }

    mutating func additive() throws(ParseAbort) -> Expr {
        var lhs = try multiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            let op: ArithmeticOp = advance().value == "+" ? .add : .sub
            let rhs = try multiplicative()
            lhs = .arithmetic(op, lhs, rhs, span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    mutating func multiplicative() throws(ParseAbort) -> Expr {
        var lhs = try unary()
        while true {
            if current.isSymbol("*") || current.isSymbol("/") {
                let op: ArithmeticOp = advance().value == "*" ? .mul : .div
                let rhs = try unary()
                lhs = .arithmetic(op, lhs, rhs, span: lhs.span.to(rhs.span))
            } else if accept(word: "of") != nil {
                let rhs = try unary()
                lhs = .of(lhs, rhs, span: lhs.span.to(rhs.span))
            } else {
                return lhs
            }
        }
    }

    mutating func unary() throws(ParseAbort) -> Expr {
        if let t = accept(symbol: "-") {
            try enterNesting(at: t.span)
            defer { depth -= 1 }
            let inner = try unary()
            return .negate(inner, span: t.span.to(inner.span))
        }
        return try primary()
    }

    mutating func primary() throws(ParseAbort) -> Expr {
        let t = current
        switch t.kind {
        case .number:
            advance()
            return .number(t.value, span: t.span)
        case .percent:
            advance()
            return .percent(t.value, span: t.span)
        case .symbol where t.value == "(":
            advance()
            try enterNesting(at: t.span)
            defer { depth -= 1 }
            let inner = try expression()
            _ = try expect(symbol: ")")
            return .paren(inner, span: span(from: t.span))
        case .word:
            if t.value == "yes" { advance(); return .yes(t.span) }
            if t.value == "no" { advance(); return .no(t.span) }
            if t.value == "previous" || t.value == "growth" {
                advance()
                _ = try expect(symbol: "(")
                try enterNesting(at: t.span)
                defer { depth -= 1 }
                let arg = try expression()
                _ = try expect(symbol: ")")
                return .call(Name(t.value, t.span), arg, span: span(from: t.span))
            }
            if t.isReserved { throw fail(expected: .value) }
            advance()
            return .name(Name(t.value, t.span))
        default:
            throw fail(expected: .value)
        }
    }

    /// Counts one more level of nesting; past the limit, reports once and skips the rest of the
    /// nested text without recursing, so hostile input cannot overflow the stack.
    mutating func enterNesting(at span: Span) throws(ParseAbort) {
        if depth < Parser.maxDepth {
            depth += 1
            return
        }
        diagnostics.append(Diagnostic(.nestingTooDeep(limit: Parser.maxDepth), at: span))
        var open = 1
        while !atEnd && open > 0 {
            if current.isSymbol("(") { open += 1 }
            if current.isSymbol(")") { open -= 1 }
            if current.isSymbol("}") || (current.kind == .word && Keywords.declarationStarts.contains(current.value)) { break }
            advance()
        }
        // Abandon the whole condition; the enclosing field recovers.
        throw ParseAbort()
    }
}
