/// An exact rational number: every number in plans and submitted data.
///
/// Stored as `numerator / denominator` with `denominator > 0` and the fraction fully reduced, so equal
/// values are `==` and hash equally. Arithmetic never rounds; only formatting does.
public struct ExactNumber: Sendable, Hashable {
    /// The reduced numerator; carries the sign.
    public let numerator: BigInt
    /// The reduced denominator; always positive.
    public let denominator: BigInt

    /// Trusts the caller: `denominator > 0` and gcd(numerator, denominator) == 1.
    init(reducedNumerator numerator: BigInt, denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ value: Int) {
        self.init(reducedNumerator: BigInt(value), denominator: .one)
    }

    public init(_ value: BigInt) {
        self.init(reducedNumerator: value, denominator: .one)
    }

    /// numerator / denominator, normalised. A zero denominator is a programmer error.
    public init(numerator: BigInt, denominator: BigInt) {
        precondition(!denominator.isZero, "ExactNumber with a zero denominator")
        self = ExactNumber.reduced(numerator, denominator)
    }

    /// Normalises the sign onto the numerator and divides out the gcd. `denominator` must be non-zero.
    static func reduced(_ numerator: BigInt, _ denominator: BigInt) -> ExactNumber {
        if numerator.isZero { return .zero }
        var n = numerator, d = denominator
        if d.isNegative {
            n = -n
            d = -d
        }
        if d.isOne { return ExactNumber(reducedNumerator: n, denominator: d) }
        let g = BigInt.gcd(n, d)
        if !g.isOne {
            n = n.quotientAndRemainder(dividingBy: g).quotient
            d = d.quotientAndRemainder(dividingBy: g).quotient
        }
        return ExactNumber(reducedNumerator: n, denominator: d)
    }

    public static let zero = ExactNumber(0)
    public static let one = ExactNumber(1)
    public static let hundred = ExactNumber(100)

    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator.isOne }
    public var isNegative: Bool { numerator.isNegative }
    /// -1, 0 or 1.
    public var signum: Int { numerator.signum }
    /// The absolute value.
    public var magnitude: ExactNumber { isNegative ? -self : self }

    /// The value as an `Int` when it is an integer that fits.
    public var integerValue: Int? {
        guard isInteger else { return nil }
        return numerator.intValue
    }

    /// A percent literal: `percent(25)` is the ratio 0.25.
    public static func percent(_ x: ExactNumber) -> ExactNumber {
        reduced(x.numerator, x.denominator * 100)
    }

    /// The ratio expressed in percent: 0.25 gives 25.
    public var asPercent: ExactNumber { self * .hundred }
}

// MARK: - Arithmetic

extension ExactNumber {
    public static prefix func - (x: ExactNumber) -> ExactNumber {
        ExactNumber(reducedNumerator: -x.numerator, denominator: x.denominator)
    }

    public static func + (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber {
        if lhs.denominator == rhs.denominator {
            if lhs.denominator.isOne {
                return ExactNumber(reducedNumerator: lhs.numerator + rhs.numerator, denominator: .one)
            }
            return reduced(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        return reduced(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber {
        lhs + (-rhs)
    }

    public static func * (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber {
        if lhs.denominator.isOne, rhs.denominator.isOne {
            return ExactNumber(reducedNumerator: lhs.numerator * rhs.numerator, denominator: .one)
        }
        return reduced(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    public static func += (lhs: inout ExactNumber, rhs: ExactNumber) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactNumber, rhs: ExactNumber) { lhs = lhs - rhs }
    public static func *= (lhs: inout ExactNumber, rhs: ExactNumber) { lhs = lhs * rhs }

    /// self / other, or nil when `other` is zero. Never traps.
    public func divided(by other: ExactNumber) -> ExactNumber? {
        if other.isZero { return nil }
        if other.denominator.isOne, other.numerator.isOne { return self }
        return ExactNumber.reduced(numerator * other.denominator, denominator * other.numerator)
    }
}

// MARK: - Comparison

extension ExactNumber: Comparable {
    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        let ls = lhs.signum, rs = rhs.signum
        if ls != rs { return ls < rs }
        // Denominators are positive, so cross-multiplying preserves the order.
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}

extension ExactNumber: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
