import TuanthuCore
import TuanthuSyntax

/// The statuses a finding can have (SPEC 5).
public let findingStatuses = ["met", "violated", "late", "overdue", "no_data", "pending", "waiting"]

extension Checker {
    mutating func checkTest(_ t: TestDecl, scope: inout Scope, obligations: [Obligation]) -> PlanTest? {
        var ok = true
        let asOf = t.asOf.flatMap { date($0, role: .testAsOf) }
        if t.asOf != nil, asOf == nil { ok = false }
        var rows: [CheckedTestRow] = []
        for row in t.rows {
            if let r = testRow(row, scope: &scope) { rows.append(r) } else { ok = false }
        }
        var expectations: [TestExpectation] = []
        for e in t.expectations {
            var good = obligationName(e.obligation, scope: &scope)
            var agency: String?
            if let a = e.agency {
                switch resolveParty(a, scope: scope) {
                case .agency(let id): agency = id
                case .group(let g): agency = g
                case .unknown: good = false
                }
            }
            var p: Period?
            if let c = e.period { p = period(c); if p == nil { good = false } }
            if !findingStatuses.contains(e.status.text) {
                report(Diagnostic(.unknownName(kind: .status, name: e.status.text), at: e.status.span,
                                  suggestion: Suggestion.closest(to: e.status.text, among: findingStatuses)))
                good = false
            }
            let text = loader.sources.file(e.span.file)?.text(e.span) ?? ""
            if good {
                expectations.append(TestExpectation(obligation: e.obligation.text, agency: agency, period: p, status: e.status.text, text: text, span: e.span))
            } else { ok = false }
        }
        guard ok else { return nil }
        return PlanTest(name: t.name.value, asOf: asOf, rows: rows, expectations: expectations, span: t.span)
    }

    private mutating func obligationName(_ n: Name, scope: inout Scope) -> Bool {
        if scope.kind(of: n.text) == .obligation { return true }
        reportUnknown(n, kinds: [.obligation], kindName: .obligation, scope: scope)
        return false
    }

    private mutating func agencyOnly(_ p: PartyRef, scope: inout Scope) -> String? {
        switch resolveParty(p, scope: scope) {
        case .agency(let id): scope.used.insert(id); return id
        case .group(let g):
            report(Diagnostic(.wrongKindOfName(name: g, expected: .oneAgency, actual: .group), at: p.span))
            return nil
        case .unknown: return nil
        }
    }

    private mutating func testRow(_ row: TuanthuSyntax.TestRow, scope: inout Scope) -> CheckedTestRow? {
        switch row {
        case .submitted(let o, let a, let p, let on, let time, let span):
            var good = obligationName(o, scope: &scope)
            if good, let why = rowMismatch(o, expected: .report, scope: scope) {
                report(Diagnostic(.testRowMismatch(name: o.text, problem: why), at: o.span)); good = false
            }
            let agency = agencyOnly(a, scope: &scope)
            let period = period(p)
            let day = date(on, role: .submissionDate)
            var clockTime: ClockTime?
            if let time { clockTime = clock(time); if clockTime == nil { return nil } }
            guard good, let agency, let period, let day else { return nil }
            return .submitted(obligation: o.text, agency: agency, period: period, on: LocalDateTime(date: day, time: clockTime), span: span)
        case .observed(let i, let a, let p, let v, let span):
            var indicators: [String] = []
            guard let (val, _) = value(.name(i), scope: &scope, indicators: &indicators) else { _ = period(p); return nil }
            _ = val
            var agency: String?
            if let a { agency = agencyOnly(a, scope: &scope); if agency == nil { return nil } }
            let perAgency = scope.indicatorDecl(named: i.text)?.perAgency ?? false
            if perAgency, a == nil {
                report(Diagnostic(.testRowMismatch(name: i.text, problem: .perAgencyNeedsAgency), at: span))
                return nil
            }
            if !perAgency, let a {
                report(Diagnostic(.testRowMismatch(name: i.text, problem: .provinceWideHasAgency(agency: a.text)), at: a.span))
                return nil
            }
            guard let period = period(p) else { return nil }
            guard let n = testValue(v, indicator: i.text, scope: scope) else { return nil }
            return .observed(indicator: i.text, agency: agency, period: period, value: n, span: span)
        case .task(let o, let a, let done, let on, let p, let span):
            var good = obligationName(o, scope: &scope)
            if good, let why = rowMismatch(o, expected: .deliver, scope: scope) {
                report(Diagnostic(.testRowMismatch(name: o.text, problem: why), at: o.span)); good = false
            }
            let agency = agencyOnly(a, scope: &scope)
            let day = date(on, role: .taskDate)
            var per: Period?
            if let p { per = period(p); if per == nil { return nil } }
            guard good, let agency, let day else { return nil }
            return .task(obligation: o.text, agency: agency, done: done, on: day, period: per, span: span)
        case .happened(let e, let on, let span):
            guard event(e, scope: &scope), let day = date(on, role: .eventDate) else { return nil }
            return .happened(event: e.text, on: day, span: span)
        }
    }

    /// Why a test row cannot be data for this obligation (a submission for a task, a delivery for a report), or nil.
    private func rowMismatch(_ o: Name, expected: RequirementKind, scope: Scope) -> TestRowProblem? {
        guard let req = scope.obligationDecl(named: o.text)?.requirements.first else { return nil }
        let kind: RequirementKind
        switch req {
        case .report: kind = .report
        case .deliver: kind = .deliver
        case .achieve: kind = .achieve
        case .untracked: kind = .untracked
        }
        return kind == expected ? nil : .obligationIs(kind)
    }

    /// A literal observed value in the indicator's unit (percent indicators read `18.5%` or `18.5` as 18.5%).
    private mutating func testValue(_ v: Expr, indicator: String, scope: Scope) -> ExactNumber? {
        let unit = scope.indicatorDecl(named: indicator).map { Unit(rawValue: $0.unit.rawValue) ?? .number } ?? .number
        var negative = false
        var e = v
        if case .negate(let inner, _) = e { negative = true; e = inner }
        var result: ExactNumber?
        switch e {
        case .number(let d, _):
            if case .success(let n) = ExactNumber.parse(Substring(d)) { result = unit == .percent ? ExactNumber.percent(n) : n }
        case .percent(let d, _):
            if unit == .percent, case .success(let n) = ExactNumber.parse(Substring(d)) { result = ExactNumber.percent(n) }
        case .yes: if unit == .yesno { result = .one }
        case .no: if unit == .yesno { result = .zero }
        default: break
        }
        guard let r = result else {
            report(Diagnostic(.observedValueUnit(indicator: indicator, unit: unit.name), at: v.span))
            return nil
        }
        if (unit == .count || unit == .rank) && !r.isInteger {
            report(Diagnostic(.notInteger(unit: unit.name, value: text(v)), at: v.span))
            return nil
        }
        return negative ? -r : r
    }
}
