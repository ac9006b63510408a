// The fast lane of `CSVReader`: most rows of a spreadsheet export are one physical line of ASCII without
// quotes. Such a line can be split on the delimiter by its reader's caller without building a record;
// anything else (quotes, non-ASCII text, a bare CR, an empty line, the last line without a line break,
// a line longer than the buffer) goes through `next()`, which decodes it in full.
extension CSVReader {
    /// A simple line: its bytes (valid until the next call), its line number, and its field starts.
    public struct SimpleLine {
        public var bytes: UnsafeBufferPointer<UInt8>
        public var line: Int

        /// The record `next()` would have returned for this line: split on the delimiter, columns are byte
        /// positions (the line is ASCII), every field on the same line.
        public func record(delimiter: UInt8) -> CSVRecord {
            var fields: [String] = [], columns: [Int] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == delimiter {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                columns.append(start + 1)
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

        /// Room for `limit` delimiters' offsets (a line with more is cut no further).
        public init(limit: Int) { offsets = [Int](repeating: 0, count: max(limit, 0)) }
    }

    /// The next record when it is a simple line, consuming it; nil (consuming nothing) when the next
    /// record must be read with `next()`, including at the end of the input.
    public func nextSimpleLine() -> SimpleLine? {
        var none = LineCuts(limit: 0)
        return nextSimpleLine(cutting: 0x2C, into: &none)
    }

    /// `nextSimpleLine()`, noting in `cuts` where `delimiter` occurs in the line.
    public func nextSimpleLine(cutting delimiter: UInt8, into cuts: inout LineCuts) -> SimpleLine? {
        if finishedOrFailed { return nil }
        var refilled = false
        while true {
            let p = buf, e = end, start = pos
            var i = start, count = 0, blanks: UInt64 = 0
            cuts.offsets.withUnsafeMutableBufferPointer { offsets in
                let limit = offsets.count
                @inline(__always) func cut(_ at: Int) {
                    if count < limit { offsets[count] = at &- start }
                    count &+= 1
                }
                // Stop at a quote, CR, LF or any byte >= 0x80: eight bytes at a time, the delimiters among
                // them found from one mask, lowest byte first.
                var stopped = false
                while i &+ 8 <= e {
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    var mask = SWAR.matches(word, delimiter)
                    // Most words are printable ASCII without a quote: one test rules out every special byte and
                    // every blank. The others are read exactly: the line stops at the first special byte
                    // (the high bit of byte k is bit 8k + 7: the bits below it are the bytes before it).
                    if SWAR.notPlain(word) != 0 {
                        let special = SWAR.matches(word, 0x22) | SWAR.matches(word, 0x0A) | SWAR.matches(word, 0x0D) | (word & SWAR.highs)
                        let before = special == 0 ? UInt64.max : (UInt64(1) << UInt64(special.trailingZeroBitCount)) &- 1
                        if SWAR.belowSpace(word) & before != 0 { blanks = 1 }
                        mask &= before
                        while mask != 0 {
                            cut(i &+ mask.trailingZeroBitCount / 8)
                            mask &= mask &- 1
                        }
                        if special != 0 {
                            i &+= special.trailingZeroBitCount / 8
                            stopped = true
                            break
                        }
                        i &+= 8
                        continue
                    }
                    while mask != 0 {
                        cut(i &+ mask.trailingZeroBitCount / 8)
                        mask &= mask &- 1
                    }
                    i &+= 8
                }
                while !stopped && i < e {
                    let b = p[i]
                    if b == 0x22 || b == 0x0A || b == 0x0D || b >= 0x80 { break }
                    if b == delimiter { cut(i) }
                    if b == 0x20 || b == 0x09 { blanks = 1 }
                    i &+= 1
                }
            }
            if i == e {
                // The line runs past the buffer: read more once, keeping it whole (only when it is short, so
                // the buffer has room), else let next() handle it.
                if refilled || atEOF || i - start > bufferCapacity / 2 { return nil }
                refilled = true
                guard (try? ensure(i - start + 2)) != nil else { return nil }
                continue
            }
            guard i > start else { return nil }  // an empty line: next() skips it
            var after = i + 1
            switch p[i] {
            case 0x0A: break
            case 0x0D:
                // CRLF, when the LF is already in the buffer; otherwise next() decides.
                guard after < e, p[after] == 0x0A else { return nil }
                after += 1
            default: return nil
            }
            let line = SimpleLine(bytes: UnsafeBufferPointer(start: p + start, count: i - start), line: self.line)
            cuts.count = count
            cuts.blank = blanks != 0
            pos = after
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

    /// The high bit of bytes of `w` below 0x21 (a space, a tab, CR, LF, any control byte), for bytes
    /// below 0x80: exact up to the first such byte (a borrow starts only there and can only mark bytes above).
    @inline(__always)
    static func belowSpace(_ w: UInt64) -> UInt64 { (w &- ones &* 0x21) & ~w & highs }

    /// Nonzero when some byte of `w` is a space or below it (a tab, CR, LF, any control byte), a quote or
    /// >= 0x80 (exact for "any": a borrow starts only at such a byte).
    @inline(__always)
    static func notPlain(_ w: UInt64) -> UInt64 {
        let quotes = w ^ (ones &* 0x22)
        return (((w &- ones &* 0x21) & ~w) | w | ((quotes &- ones) & ~quotes)) & highs
    }

}
