/// Byte-level helpers shared by the calendar parsers.
///
/// The public parsers are generic over `Collection<UInt8>`; they are `@inlinable` only so far as to
/// obtain a contiguous buffer (no heap allocation: either the collection's own storage or a small
/// stack buffer) and then call the non-generic routines below, which do the actual work.
@usableFromInline
enum CalendarBytes {
    /// Longest input any calendar parser accepts ("20/03/2025 09:30:15" is 19 bytes).
    @usableFromInline
    static let maxInputLength = 32

    /// Runs `body` on the bytes of `input` as one contiguous buffer.
    /// Non-contiguous inputs longer than `maxInputLength` are rejected without copying further.
    @inlinable
    static func withBuffer<C: Collection, R>(
        _ input: C, _ body: (UnsafeBufferPointer<UInt8>) -> R?
    ) -> R? where C.Element == UInt8 {
        if let result = input.withContiguousStorageIfAvailable(body) { return result }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxInputLength) { scratch -> R? in
            var count = 0
            for byte in input {
                guard count < maxInputLength else { return nil }
                scratch.initializeElement(at: count, to: byte)
                count += 1
            }
            return body(UnsafeBufferPointer(rebasing: scratch[0..<count]))
        }
    }

    /// The value of exactly `count` ASCII digits starting at `from`, or nil.
    @usableFromInline
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, count: Int) -> Int? {
        guard from >= 0, count > 0, from + count <= bytes.count else { return nil }
        var value = 0
        for i in from..<(from + count) {
            let b = bytes[i]
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b &- 0x30)
        }
        return value
    }

    /// Reads a run of one to `maxCount` ASCII digits starting at `from`.
    /// Returns the value and the index after the last digit, or nil if there is no digit
    /// or the run is longer than `maxCount`.
    @usableFromInline
    static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, maxCount: Int) -> (value: Int, end: Int)? {
        var i = from
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            guard i - from < maxCount else { return nil }
            value = value * 10 + Int(bytes[i] &- 0x30)
            i += 1
        }
        guard i > from else { return nil }
        return (value, i)
    }

    static let hyphen: UInt8 = 0x2D   // -
    static let slash: UInt8 = 0x2F    // /
    static let colon: UInt8 = 0x3A    // :
    static let space: UInt8 = 0x20
    static let upperT: UInt8 = 0x54   // T
    static let upperW: UInt8 = 0x57   // W
    static let upperQ: UInt8 = 0x51   // Q
    static let upperH: UInt8 = 0x48   // H

    /// Zero-padded decimal text of `value` (a leading "-" for negatives, which only unchecked arithmetic produces).
    static func padded(_ value: Int, width: Int) -> String {
        let magnitude = String(value.magnitude)
        let zeros = magnitude.utf8.count < width ? String(repeating: "0", count: width - magnitude.utf8.count) : ""
        return (value < 0 ? "-" : "") + zeros + magnitude
    }
}
