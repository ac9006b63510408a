/// An arbitrary-precision signed integer.
///
/// Values that fit in `Int64` are stored inline and never allocate; anything larger falls back to a
/// sign and a little-endian array of 32-bit limbs. The representation is canonical (a value is stored
/// as `.small` exactly when it fits in `Int64`, and large magnitudes carry no leading zero limbs), so the
/// synthesised `==` and `hash(into:)` are correct.
public struct BigInt: Sendable, Hashable {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        case small(Int64)
        /// Never fits in `Int64`; `magnitude` is little-endian with no trailing (most significant) zero limbs.
        case large(negative: Bool, magnitude: [UInt32])
    }

    @usableFromInline
    var storage: Storage

    @inlinable
    init(storage: Storage) { self.storage = storage }

    @inlinable
    public init(_ value: Int) { storage = .small(Int64(value)) }

    @inlinable
    public init(_ value: Int64) { storage = .small(value) }

    /// Builds a value from a sign and a magnitude, choosing the canonical representation.
    init(negative: Bool, magnitude: UInt64) {
        if !negative {
            if magnitude <= UInt64(Int64.max) {
                storage = .small(Int64(magnitude))
            } else {
                storage = .large(negative: false, magnitude: [UInt32(truncatingIfNeeded: magnitude), UInt32(truncatingIfNeeded: magnitude >> 32)])
            }
        } else {
            if magnitude <= UInt64(Int64.max) + 1 {
                storage = .small(Int64(bitPattern: ~magnitude &+ 1))
            } else {
                storage = .large(negative: true, magnitude: [UInt32(truncatingIfNeeded: magnitude), UInt32(truncatingIfNeeded: magnitude >> 32)])
            }
        }
    }

    /// Builds a value from a sign and a little-endian limb magnitude (which may carry leading zero limbs).
    init(negative: Bool, limbs: [UInt32]) {
        var limbs = limbs
        LimbArithmetic.normalize(&limbs)
        if limbs.count <= 2 {
            let low = limbs.isEmpty ? 0 : UInt64(limbs[0])
            let high = limbs.count == 2 ? UInt64(limbs[1]) << 32 : 0
            self.init(negative: negative, magnitude: low | high)
        } else {
            self.init(storage: .large(negative: negative, magnitude: limbs))
        }
    }

    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    /// The value as an `Int64`, or nil when it does not fit.
    @inlinable
    public var int64Value: Int64? {
        if case .small(let v) = storage { return v }
        return nil
    }

    /// The value as an `Int`, or nil when it does not fit.
    @inlinable
    public var intValue: Int? {
        if case .small(let v) = storage { return Int(exactly: v) }
        return nil
    }

    @inlinable
    public var isZero: Bool {
        if case .small(let v) = storage { return v == 0 }
        return false
    }

    @inlinable
    var isOne: Bool {
        if case .small(let v) = storage { return v == 1 }
        return false
    }

    @inlinable
    public var isNegative: Bool {
        switch storage {
        case .small(let v): return v < 0
        case .large(let negative, _): return negative
        }
    }

    /// -1, 0 or 1.
    @inlinable
    public var signum: Int {
        switch storage {
        case .small(let v): return v < 0 ? -1 : (v == 0 ? 0 : 1)
        case .large(let negative, _): return negative ? -1 : 1
        }
    }

    /// The absolute value.
    public var magnitude: BigInt { isNegative ? -self : self }

    /// Sign and little-endian limbs of the value (limbs empty for zero).
    var signAndLimbs: (negative: Bool, limbs: [UInt32]) {
        switch storage {
        case .small(let v):
            let m = v.magnitude
            if m == 0 { return (false, []) }
            if m <= UInt64(UInt32.max) { return (v < 0, [UInt32(m)]) }
            return (v < 0, [UInt32(truncatingIfNeeded: m), UInt32(truncatingIfNeeded: m >> 32)])
        case .large(let negative, let magnitude):
            return (negative, magnitude)
        }
    }
}

// MARK: - Arithmetic

extension BigInt {
    public static prefix func - (x: BigInt) -> BigInt {
        switch x.storage {
        case .small(let v):
            if v == Int64.min { return BigInt(storage: .large(negative: false, magnitude: [0, 0x8000_0000])) }
            return BigInt(storage: .small(-v))
        case .large(let negative, let magnitude):
            // +2^63 negates to Int64.min, which is small.
            if !negative, magnitude.count == 2, magnitude[0] == 0, magnitude[1] == 0x8000_0000 {
                return BigInt(storage: .small(Int64.min))
            }
            return BigInt(storage: .large(negative: !negative, magnitude: magnitude))
        }
    }

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return BigInt(storage: .small(sum)) }
        }
        return addSlow(lhs.signAndLimbs, rhs.signAndLimbs)
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return BigInt(storage: .small(difference)) }
        }
        let r = rhs.signAndLimbs
        return addSlow(lhs.signAndLimbs, (r.limbs.isEmpty ? false : !r.negative, r.limbs))
    }

    private static func addSlow(_ a: (negative: Bool, limbs: [UInt32]), _ b: (negative: Bool, limbs: [UInt32])) -> BigInt {
        if a.negative == b.negative {
            return BigInt(negative: a.negative, limbs: LimbArithmetic.add(a.limbs, b.limbs))
        }
        switch LimbArithmetic.compare(a.limbs, b.limbs) {
        case 0: return .zero
        case 1: return BigInt(negative: a.negative, limbs: LimbArithmetic.subtract(a.limbs, b.limbs))
        default: return BigInt(negative: b.negative, limbs: LimbArithmetic.subtract(b.limbs, a.limbs))
        }
    }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return BigInt(storage: .small(product)) }
        }
        let a = lhs.signAndLimbs, b = rhs.signAndLimbs
        if a.limbs.isEmpty || b.limbs.isEmpty { return .zero }
        return BigInt(negative: a.negative != b.negative, limbs: LimbArithmetic.multiply(a.limbs, b.limbs))
    }

    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    /// Truncating division, like `Int`: the quotient is rounded toward zero and the remainder has the sign
    /// of the dividend. Dividing by zero is a programmer error.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if case .small(let a) = storage, case .small(let b) = divisor.storage {
            let (q, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow { return (BigInt(storage: .small(q)), BigInt(storage: .small(a % b))) }
            // Int64.min / -1: the quotient is 2^63, the remainder 0.
            return (-self, .zero)
        }
        let a = signAndLimbs, b = divisor.signAndLimbs
        if LimbArithmetic.compare(a.limbs, b.limbs) < 0 { return (.zero, self) }
        let (q, r) = LimbArithmetic.divide(a.limbs, by: b.limbs)
        return (BigInt(negative: a.negative != b.negative, limbs: q), BigInt(negative: a.negative, limbs: r))
    }

    /// Truncating quotient (see `quotientAndRemainder(dividingBy:)`).
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    /// Remainder with the sign of the dividend (see `quotientAndRemainder(dividingBy:)`).
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    /// The greatest common divisor of the magnitudes; never negative, and `gcd(0, 0) == 0`.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            var u = x.magnitude, v = y.magnitude
            while v != 0 { (u, v) = (v, u % v) }
            return BigInt(negative: false, magnitude: u)
        }
        var u = a.magnitude, v = b.magnitude
        while !v.isZero {
            // Drop to the inline fast path as soon as both values fit.
            if case .small = u.storage, case .small = v.storage { return gcd(u, v) }
            (u, v) = (v, u.quotientAndRemainder(dividingBy: v).remainder)
        }
        return u
    }

    /// 10^exponent (exponent must be non-negative).
    public static func powerOfTen(_ exponent: Int) -> BigInt {
        BigInt.one.multipliedByPowerOfTen(exponent)
    }

    /// self × 10^exponent (exponent must be non-negative).
    public func multipliedByPowerOfTen(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "negative power of ten")
        if exponent == 0 || isZero { return self }
        if exponent < LimbArithmetic.int64PowersOfTen.count, case .small(let v) = storage {
            let (product, overflow) = v.multipliedReportingOverflow(by: LimbArithmetic.int64PowersOfTen[exponent])
            if !overflow { return BigInt(storage: .small(product)) }
        }
        var (negative, limbs) = signAndLimbs
        var remaining = exponent
        while remaining >= 9 {
            LimbArithmetic.multiplyAdd(&limbs, by: 1_000_000_000, adding: 0)
            remaining -= 9
        }
        if remaining > 0 {
            LimbArithmetic.multiplyAdd(&limbs, by: UInt32(LimbArithmetic.int64PowersOfTen[remaining]), adding: 0)
        }
        if limbs.isEmpty { negative = false }
        return BigInt(negative: negative, limbs: limbs)
    }
}

// MARK: - Comparison

extension BigInt: Comparable {
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.small(let a), .small(let b)):
            return a < b
        case (.small, .large(let negative, _)):
            return !negative
        case (.large(let negative, _), .small):
            return negative
        case (.large(let an, let am), .large(let bn, let bm)):
            if an != bn { return an }
            let c = LimbArithmetic.compare(am, bm)
            return an ? c > 0 : c < 0
        }
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self.init(value) }
}
