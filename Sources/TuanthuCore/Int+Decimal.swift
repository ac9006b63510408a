extension Int {
    /// Appends the number in decimal digits without making a `String` (report writers put out millions).
    public func appendDecimal(to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxDecimalLength) { buf in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[0..<writeDecimal(into: buf, at: 0)]))
        }
    }

    /// The most bytes `writeDecimal` writes: a sign and the 19 digits of `Int.min`.
    public static let maxDecimalLength = 20

    /// Writes the number's decimal digits at `at` and returns how many bytes it wrote; the caller makes room
    /// for `maxDecimalLength`.
    @inline(__always)
    public func writeDecimal(into buf: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        // The magnitude has at most 19 digits (2^63), and 10^19 fits a UInt. Small numbers (line numbers,
        // days late) are counted without a loop.
        var m = magnitude
        var digits = m < 10 ? 1 : m < 100 ? 2 : m < 1000 ? 3 : m < 10000 ? 4 : m < 100_000 ? 5 : m < 1_000_000 ? 6 : 7
        if digits == 7 {
            var power: UInt = 10_000_000
            while m >= power && digits < 19 { digits += 1; power &*= 10 }
        }
        let sign = self < 0 ? 1 : 0
        precondition(at >= 0 && at + sign + digits <= buf.count)
        var p = buf.baseAddress! + at
        if sign == 1 {
            p.pointee = 0x2D
            p += 1
        }
        // Two digits at a time from the end, from a table of "00" to "99".
        var i = digits
        while i >= 2 {
            let q = m / 100
            CalendarBytes.putPair(Int(truncatingIfNeeded: m &- q &* 100), p + i - 2)
            m = q
            i -= 2
        }
        if i == 1 { p[0] = UInt8(truncatingIfNeeded: m) &+ 0x30 }
        return sign + digits
    }
}
