/// Why a piece of text is not a number.
///
/// Two errors are equal when they report the same `reason` at the same `offset`; the finer detail used to
/// word `message` is not compared.
public struct NumberParseError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// No digits at all (empty text, only spaces, or only a sign).
        case empty
        /// A byte that cannot appear in a number here (letters, symbols, spaces inside the number, ...).
        case unexpectedCharacter
        /// Bad thousands grouping, or a dangling/duplicated `.` or `,`.
        case misplacedSeparator
        /// More than `ExactNumber.maxDigits` digits.
        case tooManyDigits
    }

    /// 0-based byte offset of the offending byte within the input.
    public var offset: Int
    public var reason: Reason

    /// The precise problem, used for the message.
    enum Kind: Sendable {
        case empty, signWithoutDigits
        case unexpectedCharacter, commaInPlain, spaceInside
        case danglingDecimalSeparator, secondDecimalSeparator, groupingInFraction, badGrouping, leadingZeroGroup
        case tooManyDigits

        var reason: Reason {
            switch self {
            case .empty, .signWithoutDigits: return .empty
            case .unexpectedCharacter, .commaInPlain, .spaceInside: return .unexpectedCharacter
            case .danglingDecimalSeparator, .secondDecimalSeparator, .groupingInFraction, .badGrouping, .leadingZeroGroup:
                return .misplacedSeparator
            case .tooManyDigits: return .tooManyDigits
            }
        }
    }

    var kind: Kind?
    var locale: NumberLocale
    /// The offending byte (0 when there is none).
    var byte: UInt8

    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
        self.kind = nil
        self.locale = .plain
        self.byte = 0
    }

    init(offset: Int, kind: Kind, locale: NumberLocale, byte: UInt8) {
        self.offset = offset
        self.reason = kind.reason
        self.kind = kind
        self.locale = locale
        self.byte = byte
    }

    public static func == (lhs: NumberParseError, rhs: NumberParseError) -> Bool {
        lhs.offset == rhs.offset && lhs.reason == rhs.reason
    }

    /// What is wrong and how to fix it, in plain English.
    public var message: String {
        let vietnamese = locale == .vietnamese
        let example = vietnamese ? "1.250.000,5" : "1250000.5"
        switch kind ?? genericKind {
        case .empty:
            return "expected a number but found nothing; write digits such as \(example)"
        case .signWithoutDigits:
            return "‘\(Self.show(byte))’ must be followed by digits, e.g. \(Self.show(byte))\(example)"
        case .unexpectedCharacter:
            let what = byte >= 0x21 && byte <= 0x7E ? "character ‘\(Self.show(byte))’" : (byte >= 0x80 ? "non-ASCII character" : "control character")
            let allowed = vietnamese
                ? "use only digits, an optional leading ‘-’, ‘.’ between groups of three digits and ‘,’ as the decimal separator (e.g. 1.250.000,5)"
                : "use only digits, an optional leading ‘-’ and ‘.’ as the decimal point (e.g. 1250000.5); remove units and currency symbols"
            return "unexpected \(what) in a number; \(allowed)"
        case .commaInPlain:
            return "‘,’ is not allowed in plain number format: write digits without thousands separators and use ‘.’ as the decimal point (e.g. 1250000.5)"
        case .spaceInside:
            return vietnamese
                ? "spaces are not allowed inside a number; remove them or group thousands with ‘.’ (write 1.250.000, not 1 250 000)"
                : "spaces are not allowed inside a number; remove them (write 1250000, not 1 250 000)"
        case .danglingDecimalSeparator:
            return vietnamese
                ? "the decimal separator ‘,’ needs digits on both sides (write 0,5 rather than ,5, and 5 rather than 5,)"
                : "the decimal point ‘.’ needs digits on both sides (write 0.5 rather than .5, and 5 rather than 5.)"
        case .secondDecimalSeparator:
            return vietnamese
                ? "a number can have only one decimal separator ‘,’ (e.g. 1.250.000,5)"
                : "a number can have only one decimal point ‘.’, and plain number format has no thousands separators (write 1250000.5)"
        case .groupingInFraction:
            return "‘.’ groups thousands and cannot appear after the decimal separator ‘,’ in Vietnamese number format (e.g. 1.250,125)"
        case .badGrouping:
            return "‘.’ must group exactly three digits in Vietnamese number format (write 1.250.000 for one and a quarter million, and 18,5 for eighteen and a half)"
        case .leadingZeroGroup:
            return "‘.’ is the thousands separator in Vietnamese number format, so a grouped number cannot start with 0 (write 0,5 for one half)"
        case .tooManyDigits:
            return "a number may have at most \(ExactNumber.maxDigits) digits; this one has more (check for a missing separator or a pasted value)"
        }
    }

    private var genericKind: Kind {
        switch reason {
        case .empty: return .empty
        case .unexpectedCharacter: return .unexpectedCharacter
        case .misplacedSeparator: return locale == .vietnamese ? .badGrouping : .danglingDecimalSeparator
        case .tooManyDigits: return .tooManyDigits
        }
    }

    private static func show(_ byte: UInt8) -> String {
        String(decoding: [byte], as: UTF8.self)
    }
}
