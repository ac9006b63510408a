/// Every message tuanthu can print, with its typed arguments. The text for each language lives in a
/// catalogue (`Catalogue`), so adding a language is a table, not a rewrite.
public enum Message: Sendable, Hashable {
    // E0xx syntax
    case invalidEncoding(detail: Phrase)                 // E001
    case unexpectedCharacter(String)                     // E002
    case unterminatedString                              // E003
    case invalidEscape(String)                           // E004
    case malformedLiteral(text: String, problem: LiteralProblem) // E005
    case expected(what: Phrase, found: Found)            // E006
    case unknownKeyword(found: String, context: KeywordContext) // E007
    case nestingTooDeep(limit: Int)                      // E008
    case tooLarge(Limit)                                 // E009
    case duplicateField(field: String)                   // E010
    case fieldNotAllowed(field: String, context: FieldContext) // E011
    // E1xx names and types
    case unknownName(kind: NameKind, name: String)       // E101
    case unknownParty(String)                            // E102
    case duplicateName(kind: NameKind, name: String)     // E103
    case useFileMissing(path: String)                    // E104
    case useCycle(path: String)                          // E105
    case useNotRoster(path: String, found: RosterContent) // E106
    case missingPlanBlock                                // E107
    case missingPlanField(field: String)                 // E108
    case requirementCount(obligation: String, count: Int) // E109
    case missingOwner(obligation: String)                // E110
    case groupCycle(group: String)                       // E111
    case selfSupersede(plan: String)                     // E112
    case badMerge(agency: String, problem: MergeProblem) // E113
    case morePlanBlocks                                  // E114
    case wrongKindOfName(name: String, expected: NameKind, actual: NameKind) // E115
    case testRowMismatch(name: String, problem: TestRowProblem) // E116
    case unitMismatch(left: UnitName, right: UnitName, op: Operation) // E120
    case observedValueUnit(indicator: String, unit: UnitName) // E120 (a test row's value)
    case rankArithmetic                                  // E121
    case yesnoMisuse(YesNoProblem)                       // E122
    case notInteger(unit: UnitName, value: String)       // E123
    case emptyRange(low: String, high: String)           // E124
    case percentAbove100(value: String, indicator: String) // E125
    case ofNeedsPercent(found: UnitName)                 // E126
    case notACondition(found: String)                    // E127
    case functionNeedsIndicator(function: String)        // E128
    // E2xx calendar and schedules
    case invalidDate(String)                             // E201
    case invalidPeriod(String)                           // E202
    case dayOutOfRange(Int)                              // E203
    case monthOutOfRange(Int)                            // E204
    case invalidTime(String)                             // E205
    case unknownWeekday(String)                          // E206
    case rangeOrder(start: String, end: String)          // E207
    case scheduleForm(ScheduleProblem)                   // E208
    case periodKindNotAllowed(period: String, context: PeriodContext) // E209
    // E3xx data
    case csvSyntax(detail: Phrase)                       // E301
    case missingColumn(column: String, table: DataTable) // E302
    case badPeriod(String)                               // E303
    case badDate(String)                                 // E304
    case badValue(value: String, unit: UnitName, reason: Phrase) // E305
    case unknownObligationInData(String)                 // E306
    case unknownIndicatorInData(String)                  // E307
    case unknownEventInData(String)                      // E308
    case unknownAgencyInData(String)                     // E309
    case conflictingDuplicate(what: DuplicateKind, first: String, firstLine: Int) // E310
    case ambiguousPlan(name: String, candidates: [String]) // E311
    case unknownPlanInData(String)                       // E312
    case badStatus(String)                               // E313
    case emptyRequired(column: String)                   // E314
    case unreadableFile(detail: Phrase)                  // E315
    case jsonSyntax(detail: Phrase)                      // E316
    case agencyColumnMisuse(indicator: String, perAgency: Bool) // E317
    case wrongTableForObligation(obligation: String, table: String, kind: RequirementKind) // E318
    // W0xx lints
    case missingCite(obligation: String)                 // W001
    case mergedParty(agency: String, successor: String, date: String) // W002
    case dissolvedParty(agency: String, date: String)    // W003
    case unused(kind: NameKind, name: String)            // W004
    case lateDayOfMonth(day: Int)                        // W005
    case weakerLaterTarget(indicator: String, earlier: String) // W006
    case citeMismatch(number: String, line: Int)         // W007
    case sourceUnreadable(path: String)                  // W008 (note)
    case citeLineOutOfRange(line: Int, lines: Int)       // W009
    case unknownColumn(column: String, table: DataTable) // W010
    case tooManyDiagnostics(shown: Int, total: Int)      // W011
    case convertedEncoding(detail: Phrase)               // W012
    case doubleEquals                                    // W013

    public var code: DiagnosticCode {
        switch self {
        case .invalidEncoding: return .E001
        case .unexpectedCharacter: return .E002
        case .unterminatedString: return .E003
        case .invalidEscape: return .E004
        case .malformedLiteral: return .E005
        case .expected: return .E006
        case .unknownKeyword: return .E007
        case .nestingTooDeep: return .E008
        case .tooLarge: return .E009
        case .duplicateField: return .E010
        case .fieldNotAllowed: return .E011
        case .unknownName: return .E101
        case .unknownParty: return .E102
        case .duplicateName: return .E103
        case .useFileMissing: return .E104
        case .useCycle: return .E105
        case .useNotRoster: return .E106
        case .missingPlanBlock: return .E107
        case .missingPlanField: return .E108
        case .requirementCount: return .E109
        case .missingOwner: return .E110
        case .groupCycle: return .E111
        case .selfSupersede: return .E112
        case .badMerge: return .E113
        case .morePlanBlocks: return .E114
        case .wrongKindOfName: return .E115
        case .testRowMismatch: return .E116
        case .unitMismatch, .observedValueUnit: return .E120
        case .rankArithmetic: return .E121
        case .yesnoMisuse: return .E122
        case .notInteger: return .E123
        case .emptyRange: return .E124
        case .percentAbove100: return .E125
        case .ofNeedsPercent: return .E126
        case .notACondition: return .E127
        case .functionNeedsIndicator: return .E128
        case .invalidDate: return .E201
        case .invalidPeriod: return .E202
        case .dayOutOfRange: return .E203
        case .monthOutOfRange: return .E204
        case .invalidTime: return .E205
        case .unknownWeekday: return .E206
        case .rangeOrder: return .E207
        case .scheduleForm: return .E208
        case .periodKindNotAllowed: return .E209
        case .csvSyntax: return .E301
        case .missingColumn: return .E302
        case .badPeriod: return .E303
        case .badDate: return .E304
        case .badValue: return .E305
        case .unknownObligationInData: return .E306
        case .unknownIndicatorInData: return .E307
        case .unknownEventInData: return .E308
        case .unknownAgencyInData: return .E309
        case .conflictingDuplicate: return .E310
        case .ambiguousPlan: return .E311
        case .unknownPlanInData: return .E312
        case .badStatus: return .E313
        case .emptyRequired: return .E314
        case .unreadableFile: return .E315
        case .jsonSyntax: return .E316
        case .agencyColumnMisuse: return .E317
        case .wrongTableForObligation: return .E318
        case .missingCite: return .W001
        case .mergedParty: return .W002
        case .dissolvedParty: return .W003
        case .unused: return .W004
        case .lateDayOfMonth: return .W005
        case .weakerLaterTarget: return .W006
        case .citeMismatch: return .W007
        case .sourceUnreadable: return .W008
        case .citeLineOutOfRange: return .W009
        case .unknownColumn: return .W010
        case .tooManyDiagnostics: return .W011
        case .convertedEncoding: return .W012
        case .doubleEquals: return .W013
        }
    }
}

/// A secondary message: where something was first defined, a hint, the candidates considered.
public enum NoteMessage: Sendable, Hashable {
    case firstDefined(name: String)
    case help(Phrase)
    case candidates([String])
    case usedFrom(path: String)
    case mergedInto(agency: String, successor: String, date: String)
}
