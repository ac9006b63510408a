/// Unsigned magnitude algorithms on little-endian arrays of 32-bit limbs.
///
/// Inputs may be empty (zero). Outputs may carry leading zero limbs unless stated; `BigInt` normalises them.
enum LimbArithmetic {
    static let int64PowersOfTen: [Int64] = {
        var powers: [Int64] = [1]
        for _ in 1...18 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// Drops most significant zero limbs.
    static func normalize(_ limbs: inout [UInt32]) {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// -1, 0 or 1 comparing two normalised magnitudes.
    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt32]()
        result.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let sum = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a - b, requires a >= b.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result = [UInt32]()
        result.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var difference = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            if difference < 0 {
                difference += 1 << 32
                borrow = 1
            } else {
                borrow = 0
            }
            result.append(UInt32(truncatingIfNeeded: difference))
        }
        normalize(&result)
        return result
    }

    /// Schoolbook multiplication.
    static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            let ai = UInt64(a[i])
            if ai == 0 { continue }
            var carry: UInt64 = 0
            for j in 0..<b.count {
                // (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1: never overflows.
                let t = ai * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        normalize(&result)
        return result
    }

    /// limbs = limbs × factor + addend, in place.
    static func multiplyAdd(_ limbs: inout [UInt32], by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        let f = UInt64(factor)
        for i in 0..<limbs.count {
            let t = UInt64(limbs[i]) * f + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        normalize(&limbs)
    }

    /// Divides in place by a single non-zero limb; returns the remainder.
    static func divideInPlace(_ limbs: inout [UInt32], by divisor: UInt32) -> UInt32 {
        let d = UInt64(divisor)
        var remainder: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            let current = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(truncatingIfNeeded: current / d)
            remainder = current % d
            i -= 1
        }
        normalize(&limbs)
        return UInt32(truncatingIfNeeded: remainder)
    }

    /// Long division of normalised magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D). `v` must be non-zero.
    static func divide(_ u: [UInt32], by v: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        if compare(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            var q = u
            let r = divideInPlace(&q, by: v[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = v.count, m = u.count - v.count
        let base: UInt64 = 1 << 32
        // D1: normalise so the divisor's top limb has its high bit set.
        let shift = v[n - 1].leadingZeroBitCount
        let vn = shiftLeft(v, by: shift, extraLimb: false)
        var un = shiftLeft(u, by: shift, extraLimb: true)
        var q = [UInt32](repeating: 0, count: m + 1)
        let vTop = UInt64(vn[n - 1]), vNext = UInt64(vn[n - 2])

        var j = m
        while j >= 0 {
            // D3: estimate the quotient digit.
            let numerator = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
            var qhat = numerator / vTop
            var rhat = numerator % vTop
            while qhat >= base || qhat * vNext > (rhat << 32 | UInt64(un[j + n - 2])) {
                qhat -= 1
                rhat += vTop
                if rhat >= base { break }
            }
            // D4: multiply and subtract.
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let product = qhat * UInt64(vn[i]) + carry
                carry = product >> 32
                let t = Int64(un[i + j]) - borrow - Int64(product & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: t)
                borrow = t < 0 ? 1 : 0
            }
            let t = Int64(un[j + n]) - borrow - Int64(carry)
            un[j + n] = UInt32(truncatingIfNeeded: t)
            // D5/D6: the estimate was one too large; add back.
            if t < 0 {
                qhat -= 1
                var addCarry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(un[i + j]) + UInt64(vn[i]) + addCarry
                    un[i + j] = UInt32(truncatingIfNeeded: sum)
                    addCarry = sum >> 32
                }
                un[j + n] = un[j + n] &+ UInt32(truncatingIfNeeded: addCarry)
            }
            q[j] = UInt32(truncatingIfNeeded: qhat)
            j -= 1
        }
        // D8: unnormalise the remainder.
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            let low = un[i] >> UInt32(shift)
            let high = shift == 0 ? 0 : un[i + 1] << UInt32(32 - shift)
            r[i] = low | high
        }
        normalize(&q)
        normalize(&r)
        return (q, r)
    }

    private static func shiftLeft(_ limbs: [UInt32], by shift: Int, extraLimb: Bool) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: limbs.count + (extraLimb ? 1 : 0))
        if shift == 0 {
            for i in 0..<limbs.count { result[i] = limbs[i] }
            return result
        }
        var carry: UInt32 = 0
        for i in 0..<limbs.count {
            result[i] = limbs[i] << UInt32(shift) | carry
            carry = limbs[i] >> UInt32(32 - shift)
        }
        if extraLimb { result[limbs.count] = carry }
        return result
    }
}
