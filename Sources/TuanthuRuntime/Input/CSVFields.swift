import Foundation

// The record and field state machine of `CSVReader`: positions, errors, unquoted and quoted fields.
extension CSVReader {
    // MARK: - Positions and errors

    @inline(__always)
    func column() -> Int { 1 + (base + pos - lineStart) - lineContinuations }

    @inline(__always)
    func newLine() {
        line += 1
        lineStart = base + pos
        lineContinuations = 0
    }

    func note(_ kind: CSVError.Kind, _ message: String, line: Int, column: Int, offset: Int) {
        // Keep the earliest error by position (a too-long field counts from its start), so the choice does
        // not depend on where chunk boundaries fall; an unterminated quote always wins.
        if let current = recordError, current.kind == .unterminatedQuote || offset >= current.byteOffset,
           kind != .unterminatedQuote {
            return
        }
        recordError = CSVError(line: line, column: column, byteOffset: offset, kind: kind, message: message)
    }

    func appendToField(_ p: UnsafePointer<UInt8>, count: Int) {
        if fieldOverflow { return }
        if collected.count + count > fieldLimit {
            overflow()
            return
        }
        collected.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    }

    func overflow() {
        fieldOverflow = true
        collected.removeAll(keepingCapacity: false)
        note(.fieldTooLong, "field \(fieldIndex + 1) is longer than \(fieldLimit) bytes, the limit for one field",
             line: fieldLine, column: fieldColumn, offset: fieldOffset)
    }

    /// Ends the current field at buffer index `contentEnd` and returns its value.
    func finishField(contentEnd: Int) -> String {
        collecting = false
        let n = contentEnd - pendingStart
        if fieldOverflow { return "" }
        if collected.count + n > fieldLimit {
            overflow()
            return ""
        }
        if recordError != nil {
            collected.removeAll(keepingCapacity: true)
            return ""
        }
        if collected.isEmpty {
            return InputText.string(UnsafeBufferPointer(start: buf + pendingStart, count: n), hasNonASCII: fieldNonASCII)
        }
        collected.append(contentsOf: UnsafeBufferPointer(start: buf + pendingStart, count: n))
        let nonASCII = fieldNonASCII
        let value = collected.withUnsafeBufferPointer { InputText.string($0, hasNonASCII: nonASCII) }
        collected.removeAll(keepingCapacity: collected.capacity <= 1 << 20)
        return value
    }

    /// At a byte >= 0x80: steps over a valid UTF-8 sequence, or notes the error and steps over one byte.
    func consumeNonASCII() throws(CSVError) {
        _ = try ensure(4)
        let n = InputText.validSequenceLength(buf + pos, available: end - pos)
        if n > 0 {
            pos += n
            lineContinuations += n - 1
            fieldNonASCII = true
        } else {
            note(.invalidUTF8,
                 "invalid UTF-8 (\(InputText.describe(buf + pos, available: end - pos))) in field \(fieldIndex + 1) "
                     + "at byte offset \(base + pos); "
                     + "the file must be saved as UTF-8 ('CSV UTF-8')",
                 line: line, column: column(), offset: base + pos)
            pos += 1
        }
    }

    /// At CR or LF: steps over LF, CRLF or a lone CR and starts a new line.
    func consumeLineBreak() throws(CSVError) {
        let b = buf[pos]
        pos += 1
        if b == 0x0D, try ensure(1), buf[pos] == 0x0A { pos += 1 }
        newLine()
    }

    // MARK: - Records

    enum FieldEnd { case delimiter, lineBreak, endOfInput }

    func readRecord() throws(CSVError) -> CSVRecord? {
        // Skip completely empty lines.
        while true {
            guard try ensure(1) else { return nil }
            let b = buf[pos]
            guard b == 0x0A || b == 0x0D else { break }
            try consumeLineBreak()
        }
        recordError = nil
        let recordLine = line
        var fields: [String] = []
        var columns: [Int] = []
        var fieldLines: [Int] = []
        fields.reserveCapacity(expectedFieldCount)
        columns.reserveCapacity(expectedFieldCount)
        fieldLines.reserveCapacity(expectedFieldCount)
        fieldIndex = 0
        while true {
            fieldLine = line
            fieldColumn = column()
            fieldOffset = base + pos
            fieldOverflow = false
            fieldNonASCII = false
            fieldLines.append(fieldLine)
            columns.append(fieldColumn)
            let fieldEnd: FieldEnd
            if try ensure(1), buf[pos] == 0x22 {
                fieldEnd = try readQuoted(into: &fields)
            } else {
                fieldEnd = try readUnquoted(into: &fields)
            }
            fieldIndex += 1
            if fields.count > Self.maxFields {
                // Cells beyond the limit are read to find the record's end, and dropped.
                if fieldIndex == Self.maxFields + 1 {
                    note(.tooManyFields, "the line has more than \(Self.maxFields) cells, more than a spreadsheet holds; "
                         + "cells from \(Self.maxFields + 1) on are left out", line: fieldLine, column: fieldColumn, offset: fieldOffset)
                }
                fields.removeLast()
                columns.removeLast()
                fieldLines.removeLast()
            }
            if fieldEnd != .delimiter { break }
        }
        expectedFieldCount = fields.count
        if let error = recordError {
            recordError = nil
            throw error
        }
        return CSVRecord(fields: fields, line: recordLine, columns: columns, fieldLines: fieldLines)
    }

    /// Reads an unquoted field (or, with `keep` false, skips the rest of a broken one) and the byte
    /// that ends it.
    func readUnquoted(into fields: inout [String], keep: Bool = true) throws(CSVError) -> FieldEnd {
        collecting = keep
        pendingStart = pos
        while true {
            let p = buf, stop = unquotedStop, e = end
            var i = pos
            while i < e && stop[Int(p[i])] == 0 { i &+= 1 }
            pos = i
            if i == e {
                if try ensure(1) { continue }
                if keep { fields.append(finishField(contentEnd: pos)) }
                collecting = false
                return .endOfInput
            }
            let b = p[i]
            if b >= 0x80 {
                try consumeNonASCII()
                continue
            }
            if keep { fields.append(finishField(contentEnd: pos)) }
            collecting = false
            if b == delimiter {
                pos += 1
                return .delimiter
            }
            try consumeLineBreak()
            return .lineBreak
        }
    }

    /// Reads a quoted field starting at its opening quote, and the byte that ends it.
    func readQuoted(into fields: inout [String]) throws(CSVError) -> FieldEnd {
        let quoteLine = line, quoteColumn = column(), quoteOffset = base + pos
        pos += 1
        collecting = true
        pendingStart = pos
        while true {
            let p = buf, stop = quotedStop, e = end
            var i = pos
            while i < e && stop[Int(p[i])] == 0 { i &+= 1 }
            pos = i
            if i == e {
                if try ensure(1) { continue }
                note(.unterminatedQuote,
                     "quoted field \(fieldIndex + 1) is never closed: no matching '\"' before the end of the file",
                     line: quoteLine, column: quoteColumn, offset: quoteOffset)
                fields.append(finishField(contentEnd: pos))
                return .endOfInput
            }
            let b = p[i]
            if b >= 0x80 {
                try consumeNonASCII()
                continue
            }
            if b != 0x22 {
                try consumeLineBreak()
                continue
            }
            // A quote: doubled means a literal quote, otherwise the field is closed.
            if try ensure(2), buf[pos + 1] == 0x22 {
                pos += 1
                if pos > pendingStart { appendToField(buf + pendingStart, count: pos - pendingStart) }
                pos += 1
                pendingStart = pos
                continue
            }
            fields.append(finishField(contentEnd: pos))
            pos += 1
            guard try ensure(1) else { return .endOfInput }
            let c = buf[pos]
            if c == delimiter {
                pos += 1
                return .delimiter
            }
            if c == 0x0A || c == 0x0D {
                try consumeLineBreak()
                return .lineBreak
            }
            _ = try ensure(4)  // so a multi-byte character is described whole
            note(.characterAfterClosingQuote,
                 "unexpected \(InputText.describe(buf + pos, available: end - pos)) after the closing quote of field "
                     + "\(fieldIndex + 1); expected '\(Character(Unicode.Scalar(delimiter)))' or the end of the line "
                     + "(a quote inside a quoted field must be doubled: \"\")",
                 line: line, column: column(), offset: base + pos)
            return try readUnquoted(into: &fields, keep: false)
        }
    }
}
