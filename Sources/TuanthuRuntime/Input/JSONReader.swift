/// Strict RFC 8259 parser that keeps number text and source positions.
///
/// Iterative (an explicit stack, never recursion), so nesting depth is limited only by `maxDepth`.
/// A leading UTF-8 BOM is tolerated; strings are NFC-normalised when non-ASCII; duplicate keys are
/// kept in order. Line breaks are LF, CRLF or a lone CR.
public enum JSONReader {
    /// Deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONNode {
        let result: Result<JSONNode, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return .failure(JSONError(line: 1, column: 1, byteOffset: 0,
                                          message: "expected a JSON value, found end of input (the input is empty)"))
            }
            var parser = JSONParser(base: base, count: buffer.count)
            do throws(JSONError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private struct JSONParser {
    let p: UnsafePointer<UInt8>
    let count: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    var lineContinuations = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.p = base
        self.count = count
    }

    /// An array or object under construction.
    struct Frame {
        var isObject: Bool
        var line: Int
        var column: Int
        var elements: [JSONNode] = []
        var members: [JSONMember] = []
        var key = ""
        var keyLine = 0
        var keyColumn = 0
    }

    var column: Int { 1 + (pos - lineStart) - lineContinuations }

    func error(_ message: String) -> JSONError {
        JSONError(line: line, column: column, byteOffset: pos, message: message)
    }

    var found: String { InputText.describe(p + pos, available: count - pos) }

    mutating func parseDocument() throws(JSONError) -> JSONNode {
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        var stack: [Frame] = []
        skipWhitespace()
        while true {
            // Expecting a value.
            let valueLine = line, valueColumn = column
            var node: JSONNode
            let b: UInt8 = pos < count ? p[pos] : 0
            if pos < count && (b == UInt8(ascii: "[") || b == UInt8(ascii: "{")) {
                guard stack.count < JSONReader.maxDepth else {
                    throw error("arrays and objects are nested more than \(JSONReader.maxDepth) deep")
                }
                let isObject = b == UInt8(ascii: "{")
                pos += 1
                skipWhitespace()
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if pos < count && p[pos] == close {
                    pos += 1
                    node = JSONNode(value: isObject ? .object([]) : .array([]), line: valueLine, column: valueColumn)
                } else {
                    var frame = Frame(isObject: isObject, line: valueLine, column: valueColumn)
                    if isObject { try readKey(into: &frame, first: true) }
                    stack.append(frame)
                    continue
                }
            } else {
                node = JSONNode(value: try scalarValue(inside: stack.last), line: valueLine, column: valueColumn)
            }
            // A value is complete: attach it to the enclosing containers, closing those that end here.
            while true {
                skipWhitespace()
                guard !stack.isEmpty else {
                    guard pos >= count else {
                        throw error("expected the end of input after the top-level value, found \(found)")
                    }
                    return node
                }
                let top = stack.count - 1
                let b: UInt8 = pos < count ? p[pos] : 0
                if stack[top].isObject {
                    stack[top].members.append(JSONMember(key: stack[top].key, value: node,
                                                         keyLine: stack[top].keyLine,
                                                         keyColumn: stack[top].keyColumn))
                    if pos < count && b == UInt8(ascii: ",") {
                        pos += 1
                        try readKey(into: &stack[top], first: false)
                        break
                    }
                    guard pos < count && b == UInt8(ascii: "}") else {
                        throw error("expected ',' or '}' after an object member, found \(found)"
                            + unclosed(stack[top]))
                    }
                    pos += 1
                    let frame = stack.removeLast()
                    node = JSONNode(value: .object(frame.members), line: frame.line, column: frame.column)
                } else {
                    stack[top].elements.append(node)
                    if pos < count && b == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        if pos < count && p[pos] == UInt8(ascii: "]") {
                            throw error("expected a value after ',', found ']' (a trailing comma is not allowed)")
                        }
                        break
                    }
                    guard pos < count && b == UInt8(ascii: "]") else {
                        throw error("expected ',' or ']' after an array element, found \(found)"
                            + unclosed(stack[top]))
                    }
                    pos += 1
                    let frame = stack.removeLast()
                    node = JSONNode(value: .array(frame.elements), line: frame.line, column: frame.column)
                }
            }
            skipWhitespace()
        }
    }

    func unclosed(_ frame: Frame) -> String {
        guard pos >= count else { return "" }
        let what = frame.isObject ? "object" : "array"
        return " (the \(what) opened at line \(frame.line), column \(frame.column) is not closed)"
    }

    /// Reads `"key"` and `:` of an object member, leaving `pos` before its value.
    mutating func readKey(into frame: inout Frame, first: Bool) throws(JSONError) {
        skipWhitespace()
        guard pos < count && p[pos] == UInt8(ascii: "\"") else {
            if !first && pos < count && p[pos] == UInt8(ascii: "}") {
                throw error("expected a member name after ',', found '}' (a trailing comma is not allowed)")
            }
            throw error("expected a member name (a string in double quotes)\(first ? " or '}'" : ""), found \(found)"
                + unclosed(frame))
        }
        frame.keyLine = line
        frame.keyColumn = column
        frame.key = try readString()
        skipWhitespace()
        guard pos < count && p[pos] == UInt8(ascii: ":") else {
            let name = frame.key.count > 40 ? frame.key.prefix(40) + "…" : frame.key
            throw error("expected ':' after the member name \"\(name)\", found \(found)")
        }
        pos += 1
        skipWhitespace()
    }

    mutating func skipWhitespace() {
        while pos < count {
            switch p[pos] {
            case 0x20, 0x09:
                pos += 1
            case 0x0A:
                pos += 1
                newLine()
            case 0x0D:
                pos += 1
                if pos < count && p[pos] == 0x0A { pos += 1 }
                newLine()
            default:
                return
            }
        }
    }

    mutating func newLine() {
        line += 1
        lineStart = pos
        lineContinuations = 0
    }

    /// A string, number or literal at `pos`.
    mutating func scalarValue(inside frame: Frame?) throws(JSONError) -> JSONValue {
        guard pos < count else {
            throw error("expected a JSON value, found end of input" + (frame.map { unclosed($0) } ?? ""))
        }
        let b = p[pos]
        switch b {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "+"):
            throw error("expected a JSON value, found '+' (a number cannot start with '+')")
        case UInt8(ascii: "."):
            throw error("expected a JSON value, found '.' (a number must have a digit before '.')")
        case UInt8(ascii: "'"):
            throw error("expected a JSON value, found ''' (strings must use double quotes)")
        default:
            throw error("expected a JSON value (string, number, object, array, true, false or null), found \(found)")
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var i = 0
        while i < n {
            guard pos + i < count && p[pos + i] == w[i] else {
                var end = pos
                while end < count, end - pos < 16, (p[end] | 0x20) >= UInt8(ascii: "a"), (p[end] | 0x20) <= UInt8(ascii: "z") {
                    end += 1
                }
                let seen = String(decoding: UnsafeBufferPointer(start: p + pos, count: max(1, end - pos)), as: UTF8.self)
                throw error("expected '\(word)', found '\(seen)'")
            }
            i += 1
        }
        pos += n
        if pos < count, (p[pos] | 0x20) >= UInt8(ascii: "a"), (p[pos] | 0x20) <= UInt8(ascii: "z") {
            throw error("unexpected \(found) after '\(word)'")
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as its source text.
    mutating func readNumber() throws(JSONError) -> String {
        let start = pos
        if p[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < count, isDigit(p[pos]) else {
            throw error("expected a digit after '-', found \(found)")
        }
        if p[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < count && isDigit(p[pos]) {
                throw error("a number cannot have a leading zero: found \(found) after '0'")
            }
        } else {
            skipDigits()
        }
        if pos < count && p[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < count && isDigit(p[pos]) else {
                throw error("expected a digit after the decimal point, found \(found)")
            }
            skipDigits()
        }
        if pos < count && (p[pos] | 0x20) == UInt8(ascii: "e") {
            pos += 1
            if pos < count && (p[pos] == UInt8(ascii: "+") || p[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard pos < count && isDigit(p[pos]) else {
                throw error("expected a digit in the exponent, found \(found)")
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: pos - start), as: UTF8.self)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func skipDigits() {
        while pos < count && isDigit(p[pos]) { pos += 1 }
    }

    /// A string starting at its opening quote; leaves `pos` after the closing quote.
    mutating func readString() throws(JSONError) -> String {
        let openLine = line, openColumn = column, openOffset = pos
        pos += 1
        var segmentStart = pos
        var unescaped: [UInt8] = []
        var escaped = false
        var nonASCII = false
        while true {
            while pos < count {
                let b = p[pos]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
                pos += 1
            }
            guard pos < count else {
                throw JSONError(line: openLine, column: openColumn, byteOffset: openOffset,
                                message: "the string starting here is not terminated: expected '\"' before the end of input")
            }
            let b = p[pos]
            if b == UInt8(ascii: "\"") {
                let value: String
                if escaped {
                    unescaped.append(contentsOf: UnsafeBufferPointer(start: p + segmentStart, count: pos - segmentStart))
                    value = unescaped.withUnsafeBufferPointer { InputText.string($0, hasNonASCII: nonASCII) }
                } else {
                    value = InputText.string(UnsafeBufferPointer(start: p + segmentStart, count: pos - segmentStart),
                                             hasNonASCII: nonASCII)
                }
                pos += 1
                return value
            }
            if b >= 0x80 {
                let n = InputText.validSequenceLength(p + pos, available: count - pos)
                guard n > 0 else { throw error("invalid UTF-8 in a string: \(found)") }
                pos += n
                lineContinuations += n - 1
                nonASCII = true
                continue
            }
            if b < 0x20 {
                throw error("control character \(found) in a string must be escaped"
                    + (b == 0x0A || b == 0x0D ? " (is a closing '\"' missing?)" : ""))
            }
            // A backslash escape.
            escaped = true
            unescaped.append(contentsOf: UnsafeBufferPointer(start: p + segmentStart, count: pos - segmentStart))
            guard pos + 1 < count else {
                pos += 1
                throw error("expected an escape character after '\\', found end of input")
            }
            let e = p[pos + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(e)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape()
                if scalar >= 0x80 { nonASCII = true }
                appendUTF8(scalar, to: &unescaped)
                segmentStart = pos
                continue
            default:
                let what = InputText.describe(p + pos + 1, available: count - pos - 1)
                throw error("invalid escape: found \(what) after '\\'; expected one of "
                    + "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
            pos += 2
            segmentStart = pos
        }
    }

    /// At `\u`: reads one escape, or a surrogate pair of two; leaves `pos` after it.
    mutating func readUnicodeEscape() throws(JSONError) -> UInt32 {
        let escapeStart = pos
        let first = try readHex4()
        if first >= 0xDC00 && first <= 0xDFFF {
            pos = escapeStart
            throw error("lone low surrogate \\u\(InputText.hex(first, width: 4)) in a string: "
                + "it must follow a high surrogate (\\uD800-\\uDBFF)")
        }
        guard first >= 0xD800 && first <= 0xDBFF else { return first }
        let secondStart = pos
        guard pos + 1 < count && p[pos] == UInt8(ascii: "\\") && p[pos + 1] == UInt8(ascii: "u") else {
            pos = escapeStart
            throw error("lone high surrogate \\u\(InputText.hex(first, width: 4)) in a string: "
                + "expected a low surrogate escape \\uDC00-\\uDFFF right after it")
        }
        let second = try readHex4()
        guard second >= 0xDC00 && second <= 0xDFFF else {
            pos = secondStart
            throw error("expected a low surrogate \\uDC00-\\uDFFF after the high surrogate "
                + "\\u\(InputText.hex(first, width: 4)), found \\u\(InputText.hex(second, width: 4))")
        }
        return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    }

    /// At `\u`: reads `\uXXXX`; leaves `pos` after it.
    mutating func readHex4() throws(JSONError) -> UInt32 {
        pos += 2
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < count else { throw error("expected 4 hex digits after '\\u', found end of input") }
            let b = p[pos]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected 4 hex digits after '\\u', found \(found)")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
