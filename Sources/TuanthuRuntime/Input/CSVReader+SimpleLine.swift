import Foundation

// The fast lane of `CSVReader`: most rows of a spreadsheet export are one physical line without quotes,
// mostly ASCII. Such a line can be split on the delimiter by its reader's caller without building a
// record; anything else (quotes, a bare CR, an empty line, the last line without a line break, a line
// longer than the buffer, and text beyond ASCII unless the caller takes it) goes through `next()`, which
// decodes it in full.
extension CSVReader {
    /// A simple line: its bytes (valid until the next call), its line number, and its field starts.
    public struct SimpleLine {
        public var bytes: UnsafeBufferPointer<UInt8>
        public var line: Int

        /// The record `next()` would have returned for this line: split on the delimiter, every field on the
        /// same line. As the reader does, text beyond ASCII (valid UTF-8: the lane takes no other) is made NFC
        /// and a column counts characters (Unicode scalars), not bytes.
        public func record(delimiter: UInt8) -> CSVRecord {
            var fields: [String] = [], columns: [Int] = []
            var start = 0, continuations = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == delimiter {
                let field = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let nonASCII = field.contains { $0 >= 0x80 }
                fields.append(InputText.string(field, hasNonASCII: nonASCII))
                columns.append(start + 1 - continuations)
                if nonASCII { continuations += field.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 1 : 0) } }
                start = i + 1
            }
            return CSVRecord(fields: fields, line: line, columns: columns, fieldLines: Array(repeating: line, count: fields.count))
        }
    }

    /// Where a simple line's delimiters are, found while its end is looked for (one pass over its bytes).
    public struct LineCuts {
        /// The delimiters' offsets from the line's start: the first `min(count, limit)` are kept.
        public var offsets: [Int]
        /// How many delimiters the line has.
        public var count = 0
        /// Whether the line may have a space or a tab (true also for other control bytes: the cells are
        /// then looked at one by one).
        public var blank = false
        /// Whether the line has text beyond ASCII (valid UTF-8; taken only when asked for).
        public var nonASCII = false

        /// Room for `limit` delimiters' offsets (a line with more is cut no further).
        public init(limit: Int) { offsets = [Int](repeating: 0, count: max(limit, 0)) }
    }

    /// The next record when it is a simple line, consuming it; nil (consuming nothing) when the next
    /// record must be read with `next()`, including at the end of the input.
    public func nextSimpleLine() -> SimpleLine? {
        var none = LineCuts(limit: 0)
        return nextSimpleLine(cutting: 0x2C, into: &none)
    }

    /// `nextSimpleLine()`, noting in `cuts` where `delimiter` occurs in the line. With `utf8`, a line with text
    /// beyond ASCII is simple too when that text is valid UTF-8 (`cuts.nonASCII`).
    public func nextSimpleLine(cutting delimiter: UInt8, into cuts: inout LineCuts, utf8: Bool = false) -> SimpleLine? {
        if finishedOrFailed { return nil }
        var refilled = false
        while true {
            let p = buf, e = end, start = pos
            // The line's end first (libc's memchr reads 32 bytes at a time), then its bytes once, eight at a time.
            guard let found = memchr(p + start, 0x0A, e &- start) else {
                // The line runs past the buffer: read more once, keeping it whole (only when it is short, so
                // the buffer has room), else let next() handle it.
                if refilled || atEOF || e - start > bufferCapacity / 2 { return nil }
                refilled = true
                guard (try? ensure(e - start + 2)) != nil else { return nil }
                continue
            }
            let lf = found.assumingMemoryBound(to: UInt8.self) - p
            let stop = lf > start && p[lf &- 1] == 0x0D ? lf &- 1 : lf
            guard stop > start else { return nil }  // an empty line: next() skips it
            var count = 0
            // Bytes that are not printable ASCII apart from a quote: any of them sends the line to the exact check.
            var unusual: UInt64 = 0
            cuts.offsets.withUnsafeMutableBufferPointer { offsets in
                let limit = offsets.count
                @inline(__always) func cut(_ mask: UInt64, at base: Int) {
                    var mask = mask
                    while mask != 0 {
                        if count < limit { offsets[count] = base &+ mask.trailingZeroBitCount / 8 }
                        count &+= 1
                        mask &= mask &- 1
                    }
                }
                var i = start
                while i &+ 8 <= stop {
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    unusual |= SWAR.notPlain(word)
                    cut(SWAR.matches(word, delimiter), at: i &- start)
                    i &+= 8
                }
                let rest = stop &- i
                if rest > 0 {
                    if stop &- start >= 8 {
                        // The last bytes: the word ending at the line's end, the bytes already read shifted out.
                        let word = UInt64(littleEndian: UnsafeRawPointer(p + (stop &- 8)).loadUnaligned(as: UInt64.self)) >> UInt64(64 &- 8 &* rest)
                        let kept = (UInt64(1) << UInt64(8 &* rest)) &- 1
                        unusual |= SWAR.notPlain(word) & kept
                        cut(SWAR.matches(word, delimiter) & kept, at: i &- start)
                    } else {
                        while i < stop {
                            let b = p[i]
                            if b == delimiter { cut(0x80, at: i &- start) }
                            if b <= 0x20 || b == 0x22 || b >= 0x80 { unusual = 1 }
                            i &+= 1
                        }
                    }
                }
            }
            var blank = false, nonASCII = false
            if unusual != 0 {
                // A quote, a bare CR or (unless taken, and then only valid UTF-8) a byte beyond ASCII: next()
                // reads the line. A space, a tab or another control byte: the cells are looked at one by one.
                var i = start
                while i < stop {
                    let b = p[i]
                    if b >= 0x80 {
                        let n = utf8 ? InputText.validSequenceLength(p + i, available: stop &- i) : 0
                        guard n > 0 else { return nil }
                        nonASCII = true
                        i &+= n
                        continue
                    }
                    if b == 0x22 || b == 0x0D { return nil }
                    if b <= 0x20 { blank = true }
                    i &+= 1
                }
            }
            let line = SimpleLine(bytes: UnsafeBufferPointer(start: p + start, count: stop - start), line: self.line)
            cuts.count = count
            cuts.blank = blank
            cuts.nonASCII = nonASCII
            pos = lf &+ 1
            newLine()
            return line
        }
    }
}

/// Word-at-a-time byte tests ("SIMD within a register"): which of eight bytes are of a kind.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of every byte of `w` equal to `byte`, and no other bit (exact: no carries between bytes).
    @inline(__always)
    static func matches(_ w: UInt64, _ byte: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(byte))
        let low7 = ones &* 0x7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// Nonzero when some byte of `w` is a space or below it (a tab, CR, LF, any control byte), a quote or
    /// >= 0x80 (exact for "any": a borrow starts only at such a byte).
    @inline(__always)
    static func notPlain(_ w: UInt64) -> UInt64 {
        let quotes = w ^ (ones &* 0x22)
        return (((w &- ones &* 0x21) & ~w) | w | ((quotes &- ones) & ~quotes)) & highs
    }

}
