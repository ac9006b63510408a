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
    @usableFromInline @inline(__always)
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

    @inline(__always)
    static func fits(_ value: Int, _ width: Int) -> Bool {
        value >= 0 && value < (width == 1 ? 10 : width == 2 ? 100 : width == 3 ? 1000 : 10000)
    }

    /// Writes `value` (0 ≤ value < 10^width, as `fits` checks) as exactly `width` (1...4) digits at `at`.
    @inline(__always)
    static func put(_ value: Int, _ width: Int, _ buf: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        precondition(at >= 0 && at + width <= buf.count)
        let p = buf.baseAddress! + at
        var v = UInt32(truncatingIfNeeded: value)
        var i = width - 1
        while i >= 0 {
            let q = v / 10
            p[i] = UInt8(truncatingIfNeeded: v &- q &* 10) &+ 0x30
            v = q
            i -= 1
        }
    }

    /// `value` (0...99, as `fits` checks) as two digits at `p`, from a table of "00" to "99".
    @inline(__always)
    static func putPair(_ value: Int, _ p: UnsafeMutablePointer<UInt8>) {
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let from = pairs.utf8Start + 2 * value
        p[0] = from[0]
        p[1] = from[1]
    }

    /// "YYYY-MM-DD" into `buf` at `at` (10 bytes); the caller checked the ranges.
    @inline(__always)
    static func putDate(_ y: Int, _ m: Int, _ d: Int, _ buf: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        precondition(at >= 0 && at + 10 <= buf.count)
        let p = buf.baseAddress! + at
        putPair(y / 100, p); putPair(y % 100, p + 2); p[4] = hyphen; putPair(m, p + 5); p[7] = hyphen; putPair(d, p + 8)
    }

    /// "HH:MM" or "HH:MM:SS" into `buf` at `at`; returns the bytes written.
    @inline(__always)
    static func putTime(_ h: Int, _ m: Int, _ s: Int, _ buf: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        precondition(at >= 0 && at + (s == 0 ? 5 : 8) <= buf.count)
        let p = buf.baseAddress! + at
        putPair(h, p); p[2] = colon; putPair(m, p + 3)
        guard s != 0 else { return 5 }
        p[5] = colon; putPair(s, p + 6)
        return 8
    }

    static func dateFits(_ d: CivilDate) -> Bool { fits(d.year, 4) && fits(d.month, 2) && fits(d.day, 2) }
    static func timeFits(_ t: ClockTime) -> Bool { fits(t.hour, 2) && fits(t.minute, 2) && fits(t.second, 2) }

    /// "2025-06-12" or "2025-06-12T10:00[:30]" in one allocation at most.
    static func dateTime(_ d: CivilDate, _ t: ClockTime?) -> String? {
        guard dateFits(d) else { return nil }
        guard let t else {
            return String(unsafeUninitializedCapacity: 10) { buf in putDate(d.year, d.month, d.day, buf, 0); return 10 }
        }
        guard timeFits(t) else { return nil }
        return String(unsafeUninitializedCapacity: 19) { buf in
            putDate(d.year, d.month, d.day, buf, 0)
            buf[10] = upperT
            return 11 + putTime(t.hour, t.minute, t.second, buf, 11)
        }
    }

    /// Zero-padded decimal text of `value` (a leading "-" for negatives, which only unchecked arithmetic produces).
    static func padded(_ value: Int, width: Int) -> String {
        if width >= 1, width <= 4, fits(value, width) {
            return String(unsafeUninitializedCapacity: width) { buf in put(value, width, buf, 0); return width }
        }
        let magnitude = String(value.magnitude)
        let zeros = magnitude.utf8.count < width ? String(repeating: "0", count: width - magnitude.utf8.count) : ""
        return (value < 0 ? "-" : "") + zeros + magnitude
    }
}
