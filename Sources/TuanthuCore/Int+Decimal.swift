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
        var at = at, written = 0
        if self < 0 {
            buf[at] = 0x2D
            at += 1
            written = 1
        }
        var m = magnitude, digits = 0
        repeat { digits += 1; m /= 10 } while m > 0
        m = magnitude
        var i = at + digits - 1
        repeat { buf[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30; m /= 10; i -= 1 } while m > 0
        return written + digits
    }
}
