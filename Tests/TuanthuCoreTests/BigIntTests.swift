import Testing
@testable import TuanthuCore

/// Deterministic generator so failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func big(_ value: Int128) -> BigInt {
    guard let b = BigInt(String(value)) else {
        Issue.record("cannot parse \(value)")
        return .zero
    }
    return b
}

/// Values straddling the inline/limb boundary.
private let boundaryValues: [Int128] = {
    let i64max = Int128(Int64.max), i64min = Int128(Int64.min)
    let u32 = Int128(UInt32.max), u64 = Int128(UInt64.max)
    let base: [Int128] = [
        0, 1, 2, 3, 7, 10, 1_000_000_000, u32, u32 + 1,
        i64max - 1, i64max, i64max + 1, i64max + 2,
        u64, u64 + 1, u64 * 3 + 12345, (Int128(1) << 96) + 5, (Int128(1) << 100) - 1,
        Int128(1_000_000_000_000_000_000),
    ]
    var values = base + base.map { -$0 }
    values.append(i64min)
    values.append(i64min - 1)
    values.append(i64min + 1)
    return values
}()

@Suite struct BigIntTests {
    @Test(arguments: boundaryValues)
    func roundTripsAndCanonicalForm(_ value: Int128) {
        let b = big(value)
        #expect(b.description == String(value))
        #expect((b.int64Value != nil) == (Int64(exactly: value) != nil))
        if let v = Int64(exactly: value) {
            #expect(b == BigInt(v))
            #expect(b.hashValue == BigInt(v).hashValue)
        }
        #expect(-(-b) == b)
        #expect(b.isNegative == (value < 0))
        #expect(b.isZero == (value == 0))
        #expect(b.signum == value.signum())
    }

    @Test func boundaryPairsMatchInt128() {
        for x in boundaryValues {
            for y in boundaryValues {
                check(x, y)
            }
        }
    }

    @Test func randomInt64ValuesMatchInt128() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<20_000 {
            let x = Int128(Int64.random(in: .min ... .max, using: &rng))
            let y = Int128(Int64.random(in: .min ... .max, using: &rng))
            check(x, y)
            // Small operands exercise the inline fast path.
            check(x >> 40, y >> 50)
        }
    }

    @Test func randomWideValuesMatchInt128() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<20_000 {
            let xBits = Int.random(in: 1...126, using: &rng), yBits = Int.random(in: 1...126, using: &rng)
            let x = Int128(truncatingIfNeeded: rng.next()) << 64 | Int128(rng.next())
            let y = Int128(truncatingIfNeeded: rng.next()) << 64 | Int128(rng.next())
            check(x >> (127 - xBits), y >> (127 - yBits))
        }
    }

    private func check(_ x: Int128, _ y: Int128) {
        let a = big(x), b = big(y)
        let (sum, sumOverflow) = x.addingReportingOverflow(y)
        if !sumOverflow { #expect((a + b).description == String(sum), "\(x) + \(y)") }
        let (difference, differenceOverflow) = x.subtractingReportingOverflow(y)
        if !differenceOverflow { #expect((a - b).description == String(difference), "\(x) - \(y)") }
        let (product, productOverflow) = x.multipliedReportingOverflow(by: y)
        if !productOverflow { #expect((a * b).description == String(product), "\(x) * \(y)") }
        #expect((a < b) == (x < y), "\(x) < \(y)")
        #expect((a == b) == (x == y), "\(x) == \(y)")
        if y != 0 {
            let (q, overflow) = x.dividedReportingOverflow(by: y)
            let (bq, br) = a.quotientAndRemainder(dividingBy: b)
            if !overflow {
                #expect(bq.description == String(q), "\(x) / \(y)")
                #expect(br.description == String(x % y), "\(x) % \(y)")
            }
            #expect(bq * b + br == a)
        }
    }

    @Test func multiLimbDivisionIdentities() {
        var rng = SplitMix64(state: 2024)
        for _ in 0..<2_000 {
            let a = randomBig(limbs: Int.random(in: 1...12, using: &rng), using: &rng)
            var b = randomBig(limbs: Int.random(in: 1...8, using: &rng), using: &rng)
            if b.isZero { b = BigInt(3) }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(r.magnitude < b.magnitude)
            #expect(r.isZero || r.isNegative == a.isNegative)
            // Exact division recovers the factor.
            let (q2, r2) = (a * b).quotientAndRemainder(dividingBy: b)
            #expect(q2 == a && r2.isZero)
            #expect((a + b) - b == a)
            #expect(BigInt(a.description) == a)
        }
    }

    /// Divisors whose top limb forces the add-back step of long division.
    @Test func divisionAddBackCases() throws {
        let cases: [(String, String)] = [
            ("340282366920938463463374607431768211455", "18446744073709551617"),
            ("79228162514264337593543950335", "4294967297"),
            ("1267650600228229401496703205376", "18446744078004518913"),
            ("6277101735386680763835789423207666416102355444464034512895", "340282366920938463463374607431768211456"),
            ("39614081257132168796771975168", "18446744073709551616"),
        ]
        for (n, d) in cases {
            let a = try #require(BigInt(n)), b = try #require(BigInt(d))
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(r.magnitude < b)
            #expect(!r.isNegative)
        }
    }

    private func randomBig(limbs: Int, using rng: inout SplitMix64) -> BigInt {
        var value = BigInt.zero
        let base = BigInt(Int64(1) << 32)
        for _ in 0..<limbs {
            // Bias some limbs to the extremes, where carries and borrows happen.
            let limb: Int64
            switch rng.next() % 4 {
            case 0: limb = Int64(UInt32.max)
            case 1: limb = 0
            default: limb = Int64(rng.next() >> 32)
            }
            value = value * base + BigInt(limb)
        }
        return rng.next() % 2 == 0 ? value : -value
    }

    @Test func int64MinEdgeCases() {
        let min = BigInt(Int64.min)
        #expect((-min).description == "9223372036854775808")
        #expect((-min).int64Value == nil)
        #expect(-(-min) == min)
        #expect((-min).description == "9223372036854775808")
        let (q, r) = min.quotientAndRemainder(dividingBy: BigInt(-1))
        #expect(q.description == "9223372036854775808" && r.isZero)
        #expect((BigInt(Int64.max) + 1 - 1).int64Value == Int64.max)
        #expect((min - 1 + 1).int64Value == Int64.min)
        #expect(min.magnitude.description == "9223372036854775808")
    }

    @Test(arguments: [
        (BigInt(12), BigInt(18), "6"),
        (BigInt(-12), BigInt(18), "6"),
        (BigInt(0), BigInt(0), "0"),
        (BigInt(0), BigInt(-5), "5"),
        (BigInt(Int64.min), BigInt(Int64.min), "9223372036854775808"),
        (BigInt(Int64.min), BigInt(6), "2"),
        (BigInt.powerOfTen(40), BigInt.powerOfTen(25) * 7, "10000000000000000000000000"),
        (BigInt.powerOfTen(30) * 3, BigInt(12), "12"),
    ])
    func gcd(_ a: BigInt, _ b: BigInt, _ expected: String) {
        #expect(BigInt.gcd(a, b).description == expected)
        #expect(BigInt.gcd(b, a).description == expected)
    }

    @Test func powersOfTen() {
        for k in 0...45 {
            #expect(BigInt.powerOfTen(k).description == "1" + String(repeating: "0", count: k))
            #expect(BigInt(-37).multipliedByPowerOfTen(k).description == "-37" + String(repeating: "0", count: k))
        }
    }

    @Test func bigProductsCompare() throws {
        let e18 = BigInt.powerOfTen(18)
        let e36 = e18 * e18
        #expect(e36.description == "1" + String(repeating: "0", count: 36))
        #expect(e36 > e18)
        #expect(e36 + 1 > e36)
        #expect(-e36 < -e18)
        #expect(-e36 < BigInt(Int64.min))
        #expect(e36 == (try #require(BigInt("1" + String(repeating: "0", count: 36)))))
    }

    @Test(arguments: ["", "-", "+", "1-", "12a", " 1", "1 "])
    func malformedTextIsRejected(_ text: String) {
        #expect(BigInt(text) == nil)
    }
}
