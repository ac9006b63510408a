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

    /// The next record when it is a simple line, consuming it; nil (consuming nothing) when the next
    /// record must be read with `next()`, including at the end of the input.
    public func nextSimpleLine() -> SimpleLine? {
        if finishedOrFailed { return nil }
        var refilled = false
        while true {
            let p = buf, e = end, start = pos
            var i = start
            // Stop at a quote, CR, LF or any byte >= 0x80.
            while i < e {
                let b = p[i]
                if b == 0x22 || b == 0x0A || b == 0x0D || b >= 0x80 { break }
                i &+= 1
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
            pos = after
            newLine()
            return line
        }
    }
}
