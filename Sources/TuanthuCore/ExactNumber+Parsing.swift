/// How decimal numbers are written in text.
public enum NumberLocale: Sendable, Hashable {
    /// `1250000.5`: optional sign, digits, optional `.` and fraction digits. No grouping.
    case plain
    /// `1.250.000,5`: `.` groups thousands (exactly three digits per group), `,` is the decimal separator.
    case vietnamese
}

extension ExactNumber {
    /// The most digits (integer and fraction together) a parsed number may have.
    public static let maxDigits = 60

    /// Parses a decimal number. Surrounding ASCII spaces and tabs are ignored.
    public static func parse(_ text: Substring, locale: NumberLocale = .plain) -> Result<ExactNumber, NumberParseError> {
        parse(utf8: text.utf8, locale: locale)
    }

    /// Parses a decimal number from UTF-8 bytes without allocating intermediate strings. Surrounding ASCII
    /// spaces and tabs are ignored. Runs in time linear in the input and stops at the first error.
    public static func parse<C: Collection>(utf8 bytes: C, locale: NumberLocale) -> Result<ExactNumber, NumberParseError> where C.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ scan($0, locale: locale) }) {
            return result
        }
        return scan(bytes, locale: locale)
    }
}

private let zeroByte = UInt8(ascii: "0")
private let nineByte = UInt8(ascii: "9")
private let dotByte = UInt8(ascii: ".")
private let commaByte = UInt8(ascii: ",")
private let plusByte = UInt8(ascii: "+")
private let minusByte = UInt8(ascii: "-")
private let spaceByte = UInt8(ascii: " ")
private let tabByte = UInt8(ascii: "\t")

private enum Phase {
    case leading, afterSign, integer, afterDecimal, fraction, trailing
}

/// Single left-to-right pass; the first problem found is reported.
private func scan<S: Sequence>(_ bytes: S, locale: NumberLocale) -> Result<ExactNumber, NumberParseError> where S.Element == UInt8 {
    typealias Kind = NumberParseError.Kind
    let vietnamese = locale == .vietnamese
    let decimalByte = vietnamese ? commaByte : dotByte

    func failure(_ offset: Int, _ kind: Kind, _ byte: UInt8 = 0) -> Result<ExactNumber, NumberParseError> {
        .failure(NumberParseError(offset: offset, kind: kind, locale: locale, byte: byte))
    }
    /// Why a byte cannot start a number (after an optional sign).
    func badStart(_ offset: Int, _ byte: UInt8) -> Result<ExactNumber, NumberParseError> {
        if byte == decimalByte { return failure(offset, .danglingDecimalSeparator, byte) }
        if vietnamese, byte == dotByte { return failure(offset, .badGrouping, byte) }
        if !vietnamese, byte == commaByte { return failure(offset, .commaInPlain, byte) }
        if byte == spaceByte || byte == tabByte { return failure(offset, .spaceInside, byte) }
        return failure(offset, .unexpectedCharacter, byte)
    }
    /// A byte that cannot continue a number.
    func badContinuation(_ offset: Int, _ byte: UInt8) -> Result<ExactNumber, NumberParseError> {
        if !vietnamese, byte == commaByte { return failure(offset, .commaInPlain, byte) }
        return failure(offset, .unexpectedCharacter, byte)
    }

    var phase = Phase.leading
    var offset = 0
    var negative = false
    var signOffset = 0
    var digitCount = 0
    var integerDigits = 0
    var firstDigitIsZero = false
    var fractionDigits = 0
    var decimalOffset = 0
    var spaceOffset = 0
    // Vietnamese thousands grouping.
    var grouped = false
    var groupLength = 0
    var lastGroupDotOffset = 0
    // Digits accumulate 18 at a time in `chunk`, then move into `big`.
    var chunk: UInt64 = 0
    var chunkDigits = 0
    var big = BigInt.zero
    var hasBig = false

    for byte in bytes {
        defer { offset += 1 }
        let isDigit = byte >= zeroByte && byte <= nineByte
        if isDigit {
            switch phase {
            case .leading, .afterSign:
                phase = .integer
                firstDigitIsZero = byte == zeroByte
                fallthrough
            case .integer:
                integerDigits += 1
                if grouped {
                    groupLength += 1
                    if groupLength > 3 { return failure(lastGroupDotOffset, .badGrouping, dotByte) }
                }
            case .afterDecimal, .fraction:
                phase = .fraction
                fractionDigits += 1
            case .trailing:
                return failure(spaceOffset, .spaceInside, spaceByte)
            }
            digitCount += 1
            if digitCount > ExactNumber.maxDigits { return failure(offset, .tooManyDigits, byte) }
            chunk = chunk * 10 + UInt64(byte - zeroByte)
            chunkDigits += 1
            if chunkDigits == 18 {
                big = hasBig ? big.multipliedByPowerOfTen(18) + BigInt(Int64(chunk)) : BigInt(Int64(chunk))
                hasBig = true
                chunk = 0
                chunkDigits = 0
            }
            continue
        }
        let isSpace = byte == spaceByte || byte == tabByte
        switch phase {
        case .leading:
            if isSpace { continue }
            if byte == minusByte || byte == plusByte {
                negative = byte == minusByte
                signOffset = offset
                phase = .afterSign
                continue
            }
            return badStart(offset, byte)
        case .afterSign:
            return badStart(offset, byte)
        case .integer:
            if vietnamese, byte == dotByte {
                if !grouped {
                    if integerDigits > 3 { return failure(offset, .badGrouping, byte) }
                    if firstDigitIsZero { return failure(offset, .leadingZeroGroup, byte) }
                    grouped = true
                } else if groupLength != 3 {
                    return failure(lastGroupDotOffset, .badGrouping, dotByte)
                }
                lastGroupDotOffset = offset
                groupLength = 0
                continue
            }
            if byte == decimalByte || isSpace {
                if grouped, groupLength != 3 { return failure(lastGroupDotOffset, .badGrouping, dotByte) }
                if isSpace {
                    spaceOffset = offset
                    phase = .trailing
                } else {
                    decimalOffset = offset
                    phase = .afterDecimal
                }
                continue
            }
            return badContinuation(offset, byte)
        case .afterDecimal:
            return failure(decimalOffset, .danglingDecimalSeparator, decimalByte)
        case .fraction:
            if isSpace {
                spaceOffset = offset
                phase = .trailing
                continue
            }
            if byte == decimalByte { return failure(offset, .secondDecimalSeparator, byte) }
            if vietnamese, byte == dotByte { return failure(offset, .groupingInFraction, byte) }
            return badContinuation(offset, byte)
        case .trailing:
            if isSpace { continue }
            return failure(spaceOffset, .spaceInside, spaceByte)
        }
    }

    switch phase {
    case .leading:
        return failure(0, .empty)
    case .afterSign:
        return failure(signOffset, .signWithoutDigits, negative ? minusByte : plusByte)
    case .integer:
        if grouped, groupLength != 3 { return failure(lastGroupDotOffset, .badGrouping, dotByte) }
    case .afterDecimal:
        return failure(decimalOffset, .danglingDecimalSeparator, decimalByte)
    case .fraction, .trailing:
        break
    }

    var numerator = BigInt(Int64(chunk))
    if hasBig { numerator = big.multipliedByPowerOfTen(chunkDigits) + numerator }
    if negative { numerator = -numerator }
    if fractionDigits == 0 { return .success(ExactNumber(numerator)) }
    return .success(ExactNumber.reduced(numerator, BigInt.powerOfTen(fractionDigits)))
}
