import TuanthuCore

/// An identifier as written, with its span.
public struct Name: Sendable, Hashable {
    public var text: String
    public var span: Span
    public init(_ text: String, _ span: Span) { self.text = text; self.span = span }
}

/// A string literal's value, with its span.
public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var span: Span
    public init(_ value: String, _ span: Span) { self.value = value; self.span = span }
}

/// A calendar value as written: a year `2030`, `2025-12`, `2025-Q3`, `2025-H1`, `2025-W23` or `2025-12-31`.
/// Its validity is checked by the semantic stage.
public struct CalendarLiteral: Sendable, Hashable {
    public var text: String
    public var span: Span
    public init(_ text: String, _ span: Span) { self.text = text; self.span = span }
}

/// A clock time `10:00` as written.
public struct TimeLiteral: Sendable, Hashable {
    public var text: String
    public var span: Span
}

/// An integer as written, e.g. the `10` of `day 10`.
public struct IntLiteral: Sendable, Hashable {
    public var value: Int
    public var span: Span
}

/// A party: an agency or group identifier, or a string matching an agency's name or alias.
public enum PartyRef: Sendable, Hashable {
    case name(Name)
    case string(StringLiteral)
    public var span: Span {
        switch self { case .name(let n): return n.span; case .string(let s): return s.span }
    }
    public var text: String {
        switch self { case .name(let n): return n.text; case .string(let s): return s.value }
    }
}

/// One parsed `.plan` file: its declarations in source order.
public struct PlanFile: Sendable, Hashable {
    public var file: Int
    public var declarations: [Declaration]
    public var comments: [Comment]
    public init(file: Int, declarations: [Declaration], comments: [Comment]) {
        self.file = file
        self.declarations = declarations
        self.comments = comments
    }
}

public indirect enum Declaration: Sendable, Hashable {
    case use(UseDecl)
    case plan(PlanDecl)
    case agency(AgencyDecl)
    case group(GroupDecl)
    case indicator(IndicatorDecl)
    case event(EventDecl)
    case obligation(ObligationDecl)
    case test(TestDecl)

    public var span: Span {
        switch self {
        case .use(let d): return d.span
        case .plan(let d): return d.span
        case .agency(let d): return d.span
        case .group(let d): return d.span
        case .indicator(let d): return d.span
        case .event(let d): return d.span
        case .obligation(let d): return d.span
        case .test(let d): return d.span
        }
    }
}

public struct UseDecl: Sendable, Hashable {
    public var path: StringLiteral
    public var span: Span
}

public struct PlanDecl: Sendable, Hashable {
    public var number: StringLiteral
    public var title: StringLiteral?
    public var issuer: StringLiteral?
    public var issued: CalendarLiteral?
    public var implements: [StringLiteral] = []
    public var supersedes: [StringLiteral] = []
    public var source: StringLiteral?
    public var span: Span
}

public struct AgencyDecl: Sendable, Hashable {
    public var name: Name
    public var title: StringLiteral
    public var aliases: [StringLiteral] = []
    public var mergedInto: Name?
    public var mergedOn: CalendarLiteral?
    public var dissolvedOn: CalendarLiteral?
    public var span: Span
}

public struct GroupDecl: Sendable, Hashable {
    public var name: Name
    public var title: StringLiteral?
    public var members: [PartyRef]
    public var span: Span
}

public enum UnitKind: String, Sendable, Hashable, CaseIterable {
    case percent, count, number, money, rank, yesno
}

public struct IndicatorDecl: Sendable, Hashable {
    public var name: Name
    public var title: StringLiteral?
    public var unit: UnitKind
    public var unitSpan: Span
    public var perAgency: Bool
    public var span: Span
}

public struct EventDecl: Sendable, Hashable {
    public var name: Name
    public var title: StringLiteral?
    public var span: Span
}

public struct OwnerClause: Sendable, Hashable {
    public var jointly: Bool
    public var parties: [PartyRef]
    public var span: Span
}

public struct Cite: Sendable, Hashable {
    public var text: StringLiteral
    public var line: IntLiteral?
    public var span: Span
}

public struct ObligationDecl: Sendable, Hashable {
    public var name: Name
    public var title: StringLiteral?
    public var owner: OwnerClause?
    public var support: [PartyRef] = []
    public var requirements: [Requirement] = []
    public var from: CalendarLiteral?
    public var until: CalendarLiteral?
    public var cites: [Cite] = []
    public var span: Span
    /// True when a field failed to parse (so "no requirement" is not reported on top of it).
    public var recovered = false
}

public enum Requirement: Sendable, Hashable {
    case achieve(Achieve)
    case deliver(Deliver)
    case report(Report)
    case untracked(reason: StringLiteral, span: Span)

    public var span: Span {
        switch self {
        case .achieve(let a): return a.span
        case .deliver(let d): return d.span
        case .report(let r): return r.span
        case .untracked(_, let s): return s
        }
    }
}

public struct Achieve: Sendable, Hashable {
    public enum Timing: Sendable, Hashable {
        case by(CalendarLiteral)
        case everyYear(from: CalendarLiteral?, to: CalendarLiteral?)
    }
    public var condition: Expr
    public var timing: Timing
    public var span: Span
}

public struct Deliver: Sendable, Hashable {
    public enum Timing: Sendable, Hashable {
        case by(CalendarLiteral)
        case before(CalendarLiteral)
        case everyYear
        case ongoing(after: Name?)
        case after(Name)
        case within(days: IntLiteral, after: Name)
        case undated
    }
    public var product: StringLiteral?
    public var timing: Timing
    /// `deliver … from 2025 by 2026` written inline.
    public var from: CalendarLiteral?
    public var span: Span
}

public struct Report: Sendable, Hashable {
    public var recipients: [PartyRef]
    /// nil for `on request`.
    public var schedule: ScheduleSyntax?
    public var span: Span
}

/// A report schedule as written: `monthly before day 10`, `weekly before thursday 10:00`,
/// `quarterly before day 10 of last month`, `yearly before day 10 of month 11`, `yearly`.
public struct ScheduleSyntax: Sendable, Hashable {
    public enum Frequency: String, Sendable, Hashable {
        case weekly, monthly, quarterly, halfYearly = "half-yearly", yearly
    }
    public enum DayRule: Sendable, Hashable {
        case day(IntLiteral)
        case weekday(Name, time: TimeLiteral?)
    }
    public enum MonthChoice: Sendable, Hashable {
        case first, last
        case number(IntLiteral)
    }
    public var frequency: Frequency
    public var frequencySpan: Span
    /// `by` (inclusive) or `before` (strict); nil when no day is given.
    public var inclusive: Bool?
    public var day: DayRule?
    public var month: MonthChoice?
    public var monthSpan: Span?
    public var span: Span
}


public enum ArithmeticOp: String, Sendable, Hashable {
    case add = "+", sub = "-", mul = "*", div = "/"
}

/// A condition or value expression.
public indirect enum Expr: Sendable, Hashable {
    case number(String, span: Span)
    case percent(String, span: Span)
    case name(Name)
    case yes(Span)
    case no(Span)
    case negate(Expr, span: Span)
    case arithmetic(ArithmeticOp, Expr, Expr, span: Span)
    case of(Expr, Expr, span: Span)
    case call(Name, Expr, span: Span)
    case compare(CompareOp, Expr, Expr, span: Span)
    case between(Expr, low: Expr, high: Expr, span: Span)
    case and(Expr, Expr, span: Span)
    case or(Expr, Expr, span: Span)
    case not(Expr, span: Span)
    case paren(Expr, span: Span)
    /// Stands in for an expression that did not parse (a diagnostic was already reported).
    case invalid(Span)

    public var span: Span {
        switch self {
        case .number(_, let s), .percent(_, let s), .yes(let s), .no(let s), .invalid(let s): return s
        case .name(let n): return n.span
        case .negate(_, let s), .arithmetic(_, _, _, let s), .of(_, _, let s), .call(_, _, let s),
             .compare(_, _, _, let s), .between(_, _, _, let s), .and(_, _, let s), .or(_, _, let s),
             .not(_, let s), .paren(_, let s):
            return s
        }
    }
}

public struct TestDecl: Sendable, Hashable {
    public var name: StringLiteral
    public var asOf: CalendarLiteral?
    public var rows: [TestRow]
    public var expectations: [Expectation]
    public var span: Span
}

/// A data row written inline in a test block.
public enum TestRow: Sendable, Hashable {
    /// `submitted O by A for P on DATE [TIME]`
    case submitted(obligation: Name, agency: PartyRef, period: CalendarLiteral, on: CalendarLiteral, time: TimeLiteral?, span: Span)
    /// `observed I [by A] for P = VALUE`
    case observed(indicator: Name, agency: PartyRef?, period: CalendarLiteral, value: Expr, span: Span)
    /// `done O by A on DATE [for P]` and `started O by A on DATE [for P]`
    case task(obligation: Name, agency: PartyRef, done: Bool, on: CalendarLiteral, period: CalendarLiteral?, span: Span)
    /// `happened E on DATE`
    case happened(event: Name, on: CalendarLiteral, span: Span)

    public var span: Span {
        switch self {
        case .submitted(_, _, _, _, _, let s), .observed(_, _, _, _, let s), .task(_, _, _, _, _, let s), .happened(_, _, let s): return s
        }
    }
}

/// `expect O [for A] [in P] is STATUS`
public struct Expectation: Sendable, Hashable {
    public var obligation: Name
    public var agency: PartyRef?
    public var period: CalendarLiteral?
    public var status: Name
    public var span: Span
}
