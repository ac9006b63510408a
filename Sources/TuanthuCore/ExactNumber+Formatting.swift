extension ExactNumber: CustomStringConvertible {
    /// The exact decimal when it terminates within 12 fraction digits (`18.5`, `1250000000`, `0.03`),
    /// otherwise the value rounded half away from zero to 12 fraction digits. Never uses an exponent.
    public var description: String { formatted(maxFractionDigits: 12) }

    /// Plain decimal (`.` as decimal point, no grouping) rounded half away from zero to at most
    /// `maxFractionDigits` fraction digits, with trailing zeros removed. A value that rounds to zero
    /// prints as `0`, never `-0`.
    public func formatted(maxFractionDigits: Int) -> String {
        formatted(maxFractionDigits: maxFractionDigits, timesPowerOfTen: 0)
    }

    /// `formatted(maxFractionDigits:)` of the value times 10^`shift` (`shift` 2: as a percentage).
    func formatted(maxFractionDigits: Int, timesPowerOfTen shift: Int) -> String {
        if shift == 0 && isInteger { return numerator.description }
        let places = max(0, maxFractionDigits)
        var digits = [UInt8]()
        if let quotient = smallScaledQuotient(places + shift) {
            // The common case (a numerator and denominator of a machine word, as spreadsheets' figures are):
            // no big-integer arithmetic.
            if quotient == 0 { return "0" }
            quotient.appendDecimal(to: &digits)
        } else {
            let quotient = bigScaledQuotient(places + shift)
            if quotient.isZero { return "0" }
            quotient.appendDecimal(to: &digits)
        }
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
        formatted(maxFractionDigits: 2, timesPowerOfTen: 2) + "%"
    }

    /// |value| × 10^`exponent`, rounded half away from zero to an integer, when the numerator, the
    /// denominator and the result fit in 64 bits; nil otherwise.
    func smallScaledQuotient(_ exponent: Int) -> Int? {
        guard exponent <= 19, case .small(let n) = numerator.storage, case .small(let d) = denominator.storage else { return nil }
        var power: UInt64 = 1
        for _ in 0..<exponent { power &*= 10 }
        let (scaled, overflow) = n.magnitude.multipliedReportingOverflow(by: power)
        guard !overflow else { return nil }
        let divisor = UInt64(d)
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
        // remainder < divisor <= Int64.max: doubling it cannot overflow.
        let rounded = remainder &+ remainder < divisor ? quotient : quotient &+ 1
        return rounded <= UInt64(Int.max) ? Int(rounded) : nil
    }

    /// |value| × 10^`exponent`, rounded half away from zero to an integer, in big integers.
    func bigScaledQuotient(_ exponent: Int) -> BigInt {
        let scaled = numerator.magnitude.multipliedByPowerOfTen(exponent)
        var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        if !(remainder + remainder < denominator) { quotient += .one }
        return quotient
    }
}
