extension BigInt: CustomStringConvertible {
    /// Decimal digits with a leading `-` for negative values.
    public var description: String {
        if case .small(let v) = storage { return String(v) }
        var bytes = [UInt8]()
        appendDecimal(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decimal form (with a leading `-` when negative) as ASCII bytes.
    func appendDecimal(to bytes: inout [UInt8]) {
        let (negative, magnitude) = signAndLimbs
        var limbs = magnitude
        if limbs.isEmpty {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // Peel off base-10^9 chunks, least significant first.
        var chunks = [UInt32]()
        chunks.reserveCapacity(limbs.count * 10 / 9 + 1)
        while !limbs.isEmpty {
            chunks.append(LimbArithmetic.divideInPlace(&limbs, by: 1_000_000_000))
        }
        if negative { bytes.append(UInt8(ascii: "-")) }
        var first = true
        var i = chunks.count - 1
        while i >= 0 {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 9)
            var chunk = chunks[i]
            var k = 8
            while chunk > 0 {
                digits[k] = UInt8(ascii: "0") + UInt8(chunk % 10)
                chunk /= 10
                k -= 1
            }
            if first {
                // No zero padding on the most significant chunk.
                let start = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) ?? 8
                bytes.append(contentsOf: digits[start...])
                first = false
            } else {
                bytes.append(contentsOf: digits)
            }
            i -= 1
        }
    }

    /// Parses an optionally signed string of decimal digits (no separators, no spaces). Nil when malformed.
    public init?<S: StringProtocol>(_ text: S) {
        var negative = false
        var limbs = [UInt32]()
        var sawDigit = false
        var chunk: UInt32 = 0
        var chunkDigits = 0
        for (index, byte) in text.utf8.enumerated() {
            if index == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                negative = byte == UInt8(ascii: "-")
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            chunk = chunk * 10 + UInt32(byte - UInt8(ascii: "0"))
            chunkDigits += 1
            if chunkDigits == 9 {
                LimbArithmetic.multiplyAdd(&limbs, by: 1_000_000_000, adding: chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        guard sawDigit else { return nil }
        if chunkDigits > 0 {
            LimbArithmetic.multiplyAdd(&limbs, by: UInt32(LimbArithmetic.int64PowersOfTen[chunkDigits]), adding: chunk)
        }
        self.init(negative: negative, limbs: limbs)
    }
}
