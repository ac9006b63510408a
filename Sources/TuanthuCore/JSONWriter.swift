/// A minimal JSON writer with deterministic key order (keys are written in the order given).
public struct JSONWriter {
    public private(set) var output: String = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    public init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && needsComma.count > 1 { output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
    }

    private mutating func key(_ k: String?) {
        separate()
        if let k { output += JSONWriter.quote(k) + (pretty ? ": " : ":") }
    }

    public mutating func beginObject(_ k: String? = nil) { key(k); output += "{"; needsComma.append(false) }
    public mutating func beginArray(_ k: String? = nil) { key(k); output += "["; needsComma.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let had = needsComma.removeLast()
        if pretty && had { output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        output += c
    }

    public mutating func string(_ k: String?, _ v: String) { key(k); output += JSONWriter.quote(v) }
    public mutating func int(_ k: String?, _ v: Int) { key(k); output += String(v) }
    public mutating func bool(_ k: String?, _ v: Bool) { key(k); output += v ? "true" : "false" }
    public mutating func null(_ k: String?) { key(k); output += "null" }
    /// Writes pre-rendered JSON (a number's exact text, say).
    public mutating func raw(_ k: String?, _ v: String) { key(k); output += v }
    public mutating func optionalString(_ k: String, _ v: String?) { if let v { string(k, v) } else { null(k) } }
}
