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
        // The magnitude has at most 19 digits (2^63), and 10^19 fits a UInt.
        var m = magnitude, digits = 1, power: UInt = 10
        while m >= power && digits < 19 { digits += 1; power &*= 10 }
        let sign = self < 0 ? 1 : 0
        precondition(at >= 0 && at + sign + digits <= buf.count)
        var p = buf.baseAddress! + at
        if sign == 1 {
            p.pointee = 0x2D
            p += 1
        }
        var i = digits - 1
        repeat {
            let q = m / 10
            p[i] = UInt8(truncatingIfNeeded: m &- q &* 10) &+ 0x30
            m = q
            i -= 1
        } while i >= 0
        return sign + digits
    }
}
