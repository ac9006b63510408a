extension ExactNumber: CustomStringConvertible {
    /// The exact decimal when it terminates within 12 fraction digits (`18.5`, `1250000000`, `0.03`),
    /// otherwise the value rounded half away from zero to 12 fraction digits. Never uses an exponent.
    public var description: String { formatted(maxFractionDigits: 12) }

    /// Plain decimal (`.` as decimal point, no grouping) rounded half away from zero to at most
    /// `maxFractionDigits` fraction digits, with trailing zeros removed. A value that rounds to zero
    /// prints as `0`, never `-0`.
    public func formatted(maxFractionDigits: Int) -> String {
        if isInteger { return numerator.description }
        let places = max(0, maxFractionDigits)
        let scaled = numerator.magnitude.multipliedByPowerOfTen(places)
        var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        if !(remainder + remainder < denominator) { quotient += .one }
        if quotient.isZero { return "0" }

        var digits = [UInt8]()
        quotient.appendDecimal(to: &digits)
        if digits.count <= places {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: places + 1 - digits.count), at: 0)
        }
        let integerEnd = digits.count - places
        var fractionEnd = digits.count
        while fractionEnd > integerEnd, digits[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }

        var out = [UInt8]()
        out.reserveCapacity(fractionEnd + 2)
        if isNegative { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: digits[..<integerEnd])
        if fractionEnd > integerEnd {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[integerEnd..<fractionEnd])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value as a percentage with at most 2 fraction digits: 0.25 gives `25%`, 1/3 gives `33.33%`.
    public var percentDescription: String {
        asPercent.formatted(maxFractionDigits: 2) + "%"
    }
}
