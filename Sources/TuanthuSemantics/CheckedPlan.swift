import TuanthuCore

/// The unit of an indicator or of a value in a condition.
public enum Unit: String, Sendable, Hashable {
    case percent, count, number, money, rank, yesno

    /// The unit as messages name it.
    public var name: UnitName { UnitName(rawValue: rawValue) ?? .number }
}

/// An agency after resolution, with its administrative history.
public struct Agency: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var mergedInto: String?
    public var mergedOn: CivilDate?
    public var dissolvedOn: CivilDate?
    public var span: Span
}

/// A group with its members expanded to agencies (nested groups flattened, order kept, no repeats).
public struct Group: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var agencies: [String]
    public var span: Span
}

public struct Indicator: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var unit: Unit
    public var perAgency: Bool
    public var span: Span
}

public struct Event: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: Span
}

/// Who owes an obligation.
public enum Owner: Sendable, Hashable {
    /// One agency owes it.
    case agency(String)
    /// Each member of the group owes it separately.
    case each(group: String, agencies: [String])
    /// The parties owe it together: one finding, met by any of them.
    case jointly([String])
}

/// A value inside a checked condition.
public indirect enum Value: Sendable, Hashable {
    case constant(ExactNumber)
    case indicator(String)
    case previous(String)
    case growth(String)
    case add(Value, Value)
    case subtract(Value, Value)
    case multiply(Value, Value)
    case divide(Value, Value)
    case negate(Value)
}

/// A checked condition: units agree, constants are exact numbers scaled to the indicator's unit
/// (a percent is stored as a ratio: 25% is 0.25).
public indirect enum Condition: Sendable, Hashable {
    case compare(CompareOp, Value, Value)
    case between(Value, Value, Value)
    case isYes(String, Bool)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

public enum AchieveTiming: Sendable, Hashable {
    case by(Period)
    case everyYear(from: Int?, to: Int?)
}

public enum DeliverTiming: Sendable, Hashable {
    /// Due by `due`, the last allowed day; `period` is the plan's wording (`2025-12`, `2025-Q3`, a date).
    case by(Period, due: CivilDate)
    case everyYear
    case ongoing(after: String?)
    case after(String)
    case within(days: Int, after: String)
    case undated
}

public enum CheckedRequirement: Sendable, Hashable {
    case achieve(Condition, AchieveTiming, indicators: [String])
    case deliver(product: String?, DeliverTiming, windowStart: CivilDate?)
    case report(recipients: [String], schedule: ReportSchedule?)
    case untracked(reason: String)

    public var kind: String {
        switch self {
        case .achieve: return "target"
        case .deliver: return "task"
        case .report: return "report"
        case .untracked: return "untracked"
        }
    }
}

public struct CiteInfo: Sendable, Hashable {
    public var text: String
    public var line: Int?
}

public struct Obligation: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var owner: Owner
    public var support: [String]
    public var requirement: CheckedRequirement
    /// The requirement as written in the plan (shown as `expected`).
    public var requirementText: String
    public var from: CivilDate?
    public var until: CivilDate?
    public var cites: [CiteInfo]
    /// Where the requirement is written.
    public var location: Span
}

/// A test row written inside a plan file.
public enum CheckedTestRow: Sendable, Hashable {
    case submitted(obligation: String, agency: String, period: Period, on: LocalDateTime, span: Span)
    case observed(indicator: String, agency: String?, period: Period, value: ExactNumber, span: Span)
    case task(obligation: String, agency: String, done: Bool, on: CivilDate, period: Period?, span: Span)
    case happened(event: String, on: CivilDate, span: Span)
}

public struct TestExpectation: Sendable, Hashable {
    public var obligation: String
    public var agency: String?
    public var period: Period?
    public var status: String
    public var text: String
    public var span: Span
}

public struct PlanTest: Sendable, Hashable {
    public var name: String
    public var asOf: CivilDate?
    public var rows: [CheckedTestRow]
    public var expectations: [TestExpectation]
    public var span: Span
}

/// A plan that passed the checker: every name resolved, every unit and calendar value valid.
public struct CheckedPlan: Sendable, Hashable {
    public var id: String
    public var title: String
    public var issuer: String
    public var issued: CivilDate
    public var implements: [String]
    public var supersedes: [String]
    public var file: String
    public var fileID: Int
    public var agencies: [String: Agency]
    public var groups: [String: Group]
    public var indicators: [String: Indicator]
    public var events: [String: Event]
    public var obligations: [Obligation]
    public var tests: [PlanTest]

    /// Resolves an agency written as identifier, name or alias (exact, after NFC).
    public func agencyID(for text: String) -> String? {
        if agencies[text] != nil { return text }
        return agencyByName[text]
    }

    /// Names and aliases to identifiers.
    public var agencyByName: [String: String]
}
