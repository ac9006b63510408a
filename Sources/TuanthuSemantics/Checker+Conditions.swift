import TuanthuCore
import TuanthuSyntax

/// The type of a value in a condition.
enum ValueType: Equatable {
    /// A value with a unit (an indicator, or arithmetic on indicators).
    case quantity(Unit)
    /// A bare number: it takes the unit of the other side.
    case bare
    /// `yes` or `no`.
    case yesNo(Bool)

    var unitName: UnitName {
        switch self {
        case .quantity(let u): return u.name
        case .bare: return .number
        case .yesNo: return .yesNoLiteral
        }
    }
}

extension Checker {
    /// Checks a condition; returns it with the indicators it reads, or nil after reporting.
    mutating func checkCondition(_ e: Expr, scope: inout Scope) -> (Condition, [String])? {
        var indicators: [String] = []
        guard let c = condition(e, scope: &scope, indicators: &indicators) else { return nil }
        if indicators.count < 2 { return (c, indicators) }
        var seen: Set<String> = []
        return (c, indicators.filter { seen.insert($0).inserted })
    }

    private mutating func condition(_ e: Expr, scope: inout Scope, indicators: inout [String]) -> Condition? {
        switch e {
        case .paren(let inner, _): return condition(inner, scope: &scope, indicators: &indicators)
        case .and(let a, let b, _):
            let (x, y) = (condition(a, scope: &scope, indicators: &indicators), condition(b, scope: &scope, indicators: &indicators))
            guard let x, let y else { return nil }
            return .and(x, y)
        case .or(let a, let b, _):
            let (x, y) = (condition(a, scope: &scope, indicators: &indicators), condition(b, scope: &scope, indicators: &indicators))
            guard let x, let y else { return nil }
            return .or(x, y)
        case .not(let a, _):
            return condition(a, scope: &scope, indicators: &indicators).map { .not($0) }
        case .compare(let op, let l, let r, let span):
            return comparison(op, l, r, span: span, scope: &scope, indicators: &indicators)
        case .between(let v, let lo, let hi, _):
            guard let (vv, vt) = value(v, scope: &scope, indicators: &indicators),
                  let (lv, lt) = value(lo, scope: &scope, indicators: &indicators),
                  let (hv, ht) = value(hi, scope: &scope, indicators: &indicators) else { return nil }
            guard let (v1, l1) = unify(vv, vt, lv, lt, lhsExpr: v, rhsExpr: lo, op: .compare),
                  let (_, h1) = unify(vv, vt, hv, ht, lhsExpr: v, rhsExpr: hi, op: .compare) else { return nil }
            if let a = constant(l1), let b = constant(h1), a > b {
                report(Diagnostic(.emptyRange(low: text(lo), high: text(hi)), at: lo.span.to(hi.span)))
                return nil
            }
            guard percentCap(v, vt, h1, hi), percentCap(v, vt, l1, lo) else { return nil }
            return .between(v1, l1, h1)
        case .invalid:
            return nil
        default:
            // A bare indicator is still the author's use of it; do not also call it unused.
            if case .name(let n) = stripParens(e), scope.kind(of: n.text) == .indicator { scope.used.insert(n.text) }
            report(Diagnostic(.notACondition(found: text(e)), at: e.span,
                              notes: [DiagnosticNote(.help(.writeAComparison))]))
            return nil
        }
    }

    private mutating func comparison(_ op: CompareOp, _ l: Expr, _ r: Expr, span: Span, scope: inout Scope, indicators: inout [String]) -> Condition? {
        guard let (lv, lt) = value(l, scope: &scope, indicators: &indicators),
              let (rv, rt) = value(r, scope: &scope, indicators: &indicators) else { return nil }
        // yes/no comparisons: `tt_atttt = yes`, `no != tt_atttt`
        var yesSide: (yes: Bool, other: Value, otherType: ValueType)?
        if case .yesNo(let y) = rt { yesSide = (y, lv, lt) } else if case .yesNo(let y) = lt { yesSide = (y, rv, rt) }
        if let side = yesSide {
            guard case .indicator(let id) = side.other, side.otherType == .quantity(.yesno) else {
                report(Diagnostic(.yesnoMisuse(.literalNeedsYesNoIndicator), at: span))
                return nil
            }
            guard op == .eq || op == .ne else {
                report(Diagnostic(.yesnoMisuse(.onlyEqualOrNotEqual), at: span))
                return nil
            }
            return .isYes(id, op == .eq ? side.yes : !side.yes)
        }
        if lt == .quantity(.yesno) || rt == .quantity(.yesno) {
            report(Diagnostic(.yesnoMisuse(.onlyYesOrNo), at: span))
            return nil
        }
        guard let (l1, r1) = unify(lv, lt, rv, rt, lhsExpr: l, rhsExpr: r, op: .compare) else { return nil }
        guard percentCap(l, lt, r1, r), percentCap(r, rt, l1, l) else { return nil }
        return .compare(op, l1, r1)
    }

    /// A percent target above 100% on a `percent` indicator is a transcription error.
    private mutating func percentCap(_ side: Expr, _ type: ValueType, _ otherValue: Value, _ otherExpr: Expr) -> Bool {
        guard case .name(let n) = stripParens(side), type == .quantity(.percent), let c = constant(otherValue), c > .one else { return true }
        report(Diagnostic(.percentAbove100(value: text(otherExpr), indicator: n.text), at: otherExpr.span))
        return false
    }

    func stripParens(_ e: Expr) -> Expr {
        if case .paren(let inner, _) = e { return stripParens(inner) }
        return e
    }

    /// Makes two sides agree: a bare number takes the other side's unit (percent points for a percent;
    /// whole numbers for counts and ranks).
    private mutating func unify(_ lv: Value, _ lt: ValueType, _ rv: Value, _ rt: ValueType, lhsExpr: Expr, rhsExpr: Expr, op: Operation) -> (Value, Value)? {
        switch (lt, rt) {
        case (.bare, .bare): return (lv, rv)
        case (.quantity(let u), .bare):
            guard let r = adapt(rv, to: u, expr: rhsExpr) else { return nil }
            return (lv, r)
        case (.bare, .quantity(let u)):
            guard let l = adapt(lv, to: u, expr: lhsExpr) else { return nil }
            return (l, rv)
        case (.quantity(let a), .quantity(let b)) where a == b:
            return (lv, rv)
        default:
            report(Diagnostic(.unitMismatch(left: lt.unitName, right: rt.unitName, op: op), at: lhsExpr.span.to(rhsExpr.span)))
            return nil
        }
    }

    private mutating func adapt(_ v: Value, to unit: Unit, expr: Expr) -> Value? {
        switch unit {
        case .percent:
            return .multiply(v, .constant(ExactNumber.percent(.one)))
        case .count, .rank:
            if let c = constant(v), !c.isInteger {
                report(Diagnostic(.notInteger(unit: unit.name, value: text(expr)), at: expr.span))
                return nil
            }
            return v
        case .yesno:
            report(Diagnostic(.yesnoMisuse(.onlyYesOrNo), at: expr.span))
            return nil
        default:
            return v
        }
    }

    /// Checks a value expression and returns its checked form and type.
    mutating func value(_ e: Expr, scope: inout Scope, indicators: inout [String]) -> (Value, ValueType)? {
        switch e {
        case .number(let digits, let span):
            guard case .success(let n) = ExactNumber.parse(Substring(digits)) else {
                report(Diagnostic(.malformedLiteral(text: digits, problem: .notANumber), at: span)); return nil
            }
            return (.constant(n), .bare)
        case .percent(let digits, let span):
            guard case .success(let n) = ExactNumber.parse(Substring(digits)) else {
                report(Diagnostic(.malformedLiteral(text: digits + "%", problem: .notANumber), at: span)); return nil
            }
            return (.constant(ExactNumber.percent(n)), .quantity(.percent))
        case .yes: return (.constant(.one), .yesNo(true))
        case .no: return (.constant(.zero), .yesNo(false))
        case .paren(let inner, _): return value(inner, scope: &scope, indicators: &indicators)
        case .name(let n):
            guard let unit = indicatorUnit(n, scope: &scope) else { return nil }
            indicators.append(n.text)
            return (.indicator(n.text), .quantity(unit))
        case .call(let f, let arg, _):
            guard case .name(let n) = stripParens(arg) else {
                report(Diagnostic(.functionNeedsIndicator(function: f.text), at: arg.span)); return nil
            }
            guard let unit = indicatorUnit(n, scope: &scope) else { return nil }
            indicators.append(n.text)
            if f.text == "previous" { return (.previous(n.text), .quantity(unit)) }
            if unit == .rank || unit == .yesno {
                report(Diagnostic(unit == .rank ? .rankArithmetic : .yesnoMisuse(.noGrowth), at: e.span)); return nil
            }
            return (.growth(n.text), .quantity(.percent))
        case .negate(let inner, _):
            guard let (v, t) = value(inner, scope: &scope, indicators: &indicators) else { return nil }
            guard noRankOrYesNo(t, at: e.span) else { return nil }
            return (.negate(v), t)
        case .of(let p, let x, let span):
            guard let (pv, pt) = value(p, scope: &scope, indicators: &indicators),
                  let (xv, xt) = value(x, scope: &scope, indicators: &indicators) else { return nil }
            guard pt == .quantity(.percent) else {
                report(Diagnostic(.ofNeedsPercent(found: pt.unitName), at: p.span)); return nil
            }
            guard noRankOrYesNo(xt, at: span) else { return nil }
            return (.multiply(pv, xv), xt)
        case .arithmetic(let op, let a, let b, let span):
            guard let (av, at) = value(a, scope: &scope, indicators: &indicators),
                  let (bv, bt) = value(b, scope: &scope, indicators: &indicators) else { return nil }
            guard noRankOrYesNo(at, at: span), noRankOrYesNo(bt, at: span) else { return nil }
            return arithmetic(op, av, at, bv, bt, a, b)
        default:
            report(Diagnostic(.expected(what: .value, found: .condition), at: e.span)); return nil
        }
    }

    private mutating func arithmetic(_ op: ArithmeticOp, _ av: Value, _ at: ValueType, _ bv: Value, _ bt: ValueType, _ a: Expr, _ b: Expr) -> (Value, ValueType)? {
        switch op {
        case .add, .sub:
            guard let (x, y) = unify(av, at, bv, bt, lhsExpr: a, rhsExpr: b, op: op == .add ? .add : .subtract) else { return nil }
            let t: ValueType = at == .bare ? bt : at
            return (op == .add ? .add(x, y) : .subtract(x, y), t)
        case .mul:
            switch (at, bt) {
            case (.bare, _): return (.multiply(av, bv), bt)
            case (_, .bare): return (.multiply(av, bv), at)
            case (.quantity(.percent), .quantity(let u)): return (.multiply(av, bv), .quantity(u))
            case (.quantity(let u), .quantity(.percent)): return (.multiply(av, bv), .quantity(u))
            default:
                report(Diagnostic(.unitMismatch(left: at.unitName, right: bt.unitName, op: .multiply), at: a.span.to(b.span))); return nil
            }
        case .div:
            switch (at, bt) {
            case (_, .bare): return (.divide(av, bv), at)
            case (.quantity(let u), .quantity(let w)) where u == w:
                // money / money, count / count: a ratio, compared as a percent.
                return (.divide(av, bv), .quantity(u == .percent ? .number : .percent))
            case (.quantity, .quantity), (.bare, .quantity):
                return (.divide(av, bv), .quantity(.number))
            default:
                report(Diagnostic(.unitMismatch(left: at.unitName, right: bt.unitName, op: .divide), at: a.span.to(b.span))); return nil
            }
        }
    }

    private mutating func noRankOrYesNo(_ t: ValueType, at span: Span) -> Bool {
        if t == .quantity(.rank) { report(Diagnostic(.rankArithmetic, at: span)); return false }
        if t == .quantity(.yesno) || t.isYesNo { report(Diagnostic(.yesnoMisuse(.noArithmetic), at: span)); return false }
        return true
    }

    private mutating func indicatorUnit(_ n: Name, scope: inout Scope) -> Unit? {
        guard let decl = scope.indicatorDecl(named: n.text) else {
            reportUnknown(n, kinds: [.indicator], kindName: .indicator, scope: scope)
            return nil
        }
        scope.used.insert(n.text)
        return Unit(rawValue: decl.unit.rawValue)
    }

    /// The exact value of a constant expression, or nil when it reads an indicator.
    func constant(_ v: Value) -> ExactNumber? {
        switch v {
        case .constant(let n): return n
        case .indicator, .previous, .growth: return nil
        case .add(let a, let b): return constant(a).flatMap { x in constant(b).map { x + $0 } }
        case .subtract(let a, let b): return constant(a).flatMap { x in constant(b).map { x - $0 } }
        case .multiply(let a, let b): return constant(a).flatMap { x in constant(b).map { x * $0 } }
        case .divide(let a, let b): return constant(a).flatMap { x in constant(b).flatMap { x.divided(by: $0) } }
        case .negate(let a): return constant(a).map { -$0 }
        }
    }

    func text(_ e: Expr) -> String {
        guard let f = loader.sources.file(e.span.file) else { return "" }
        return f.text(e.span)
    }
}

extension ValueType {
    var isYesNo: Bool { if case .yesNo = self { return true }; return false }
}
