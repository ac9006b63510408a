/// Typed arguments of `Message`: each is rendered by the catalogue in the reader's language, so no stage
/// builds an English fragment that a Vietnamese sentence would have to swallow.

/// A short text in every language, for the few arguments where an enum case per wording would be absurd
/// (the parser's "expected …" descriptions). Named phrases live in `Catalogue+Phrases.swift`.
public struct Phrase: Sendable, Hashable {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    /// The same text in every language: code the reader types (`owner`, `{`).
    public static func code(_ s: String) -> Phrase { Phrase(vi: "`\(s)`", en: "`\(s)`") }
    public func text(_ lang: Language) -> String { lang == .vi ? vi : en }
}

/// What kind of declared name a message is about.
public enum NameKind: String, Sendable, Hashable, CaseIterable {
    case agency, group, indicator, event, obligation, status, test, plan, agencyOrGroup, oneAgency
}

/// The unit of a value in a condition, as the checker sees it.
public enum UnitName: String, Sendable, Hashable, CaseIterable {
    case percent, count, number, money, rank, yesno
    /// The literal `yes` or `no`.
    case yesNoLiteral
}

/// What a condition tried to do with two values of different units.
public enum Operation: String, Sendable, Hashable, CaseIterable {
    case compare, add, subtract, multiply, divide
}

/// What the parser found where it expected something else.
public enum Found: Sendable, Hashable {
    case endOfFile, endOfLine, string, condition
    /// A keyword (`owner`), shown as code.
    case keyword(String)
    /// Any other token (a name, a number, a symbol), shown quoted.
    case token(String)
}

/// Why a literal is malformed (E005).
public enum LiteralProblem: String, Sendable, Hashable, CaseIterable {
    case numberRunsIntoLetters, misplacedUnderscore, notANumber
}

/// Which limit was exceeded (E009).
public enum Limit: Sendable, Hashable {
    case stringBytes(Int), numberDigits(Int), days(Int)
}

/// Where an unknown keyword was found (E007).
public enum KeywordContext: String, Sendable, Hashable, CaseIterable {
    case topLevel, planBlock, obligation, testBlock, reportFrequency, deliveryDeadline
}

/// Why a field is not allowed where it is (E011).
public enum FieldContext: String, Sendable, Hashable, CaseIterable {
    case untilOnOneOff
}

/// What a `use` file holds instead of agencies and groups (E106).
public enum RosterContent: Sendable, Hashable {
    case planBlock
    case named(NameKind, String)
    case otherDeclarations
}

/// Why a merger is wrong (E113).
public enum MergeProblem: String, Sendable, Hashable, CaseIterable {
    case intoItself, cycle
}

/// Why a test row does not fit (E116).
public enum TestRowProblem: Sendable, Hashable {
    /// The row names an obligation whose requirement is of this other kind.
    case obligationIs(RequirementKind)
    case perAgencyNeedsAgency
    case provinceWideHasAgency(agency: String)
}

/// The kinds of requirement an obligation can have.
public enum RequirementKind: String, Sendable, Hashable, CaseIterable {
    case achieve, deliver, report, untracked
}

/// How a yes/no value was misused (E122).
public enum YesNoProblem: String, Sendable, Hashable, CaseIterable {
    case literalNeedsYesNoIndicator, onlyEqualOrNotEqual, onlyYesOrNo, noGrowth, noArithmetic
}

/// How a schedule does not fit its frequency (E208). `written` is the schedule as the author wrote it.
public enum ScheduleProblem: Sendable, Hashable {
    case dayInWeekly(written: String)
    case weekdayNotWeekly(written: String, frequency: String)
    case monthPickNotAllowed(written: String)
    case monthNumberNotYearly(written: String, month: Int)
}

/// Where a period of the wrong kind was written (E209).
public enum PeriodContext: String, Sendable, Hashable, CaseIterable {
    case issueDate, mergerDate, dissolutionDate, testAsOf, submissionDate, taskDate, eventDate, yearExpected
}

/// A repeated data row that disagrees with an earlier one (E310).
public enum DuplicateKind: Sendable, Hashable {
    case value(String), date(String)
}

/// The tables of the data folder, for messages about them.
public enum DataTable: Sendable, Hashable {
    /// A file, named as it is on disk (`reports.csv`).
    case file(String)
    /// A row of a data.json array (`reports`).
    case jsonRow(String)
    /// A member of data.json (`data.json reports`).
    case json(String)
}
