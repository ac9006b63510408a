extension Int {
    /// Appends the number in decimal digits without making a `String` (report writers put out millions).
    public func appendDecimal(to out: inout [UInt8]) {
        if self < 0 { out.append(0x2D) }
        var m = magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of the largest magnitude
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[23 - n] = 0x30 + UInt8(m % 10)
                m /= 10
                n += 1
            } while m > 0
            out.append(contentsOf: d[(24 - n)...])
        }
    }
}
