/// Stable diagnostic codes: E0xx syntax, E1xx names and types, E2xx calendar and schedules,
/// E3xx data, W0xx lints. Never renumber a code; add new ones at the end of their range.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Comparable {
    // Syntax
    case E001, E002, E003, E004, E005, E006, E007, E008, E009, E010, E011
    // Names, declarations and types
    case E101, E102, E103, E104, E105, E106, E107, E108, E109, E110, E111, E112, E113, E114, E115, E116
    case E120, E121, E122, E123, E124, E125, E126, E127, E128
    // Calendar and schedules
    case E201, E202, E203, E204, E205, E206, E207, E208, E209
    // Data
    case E301, E302, E303, E304, E305, E306, E307, E308, E309, E310, E311, E312, E313, E314, E315, E316, E317, E318
    // Lints
    case W001, W002, W003, W004, W005, W006, W007, W008, W009, W010, W011, W012, W013

    public var severity: Severity {
        switch self {
        case .W008: return .note
        default: return rawValue.hasPrefix("W") ? .warning : .error
        }
    }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
