/// A minimal JSON writer with deterministic key order (keys are written in the order given). Writes UTF-8
/// bytes: a national report has a million findings.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// How many containers are open, and for each level whether it holds an item yet (a comma is due):
    /// levels below 64 as bits, deeper ones in `deeperCommas` (never in practice).
    private var depth = 0
    private var commas: UInt64 = 0
    private var deeperCommas: [Bool] = []
    private let pretty: Bool
    /// A line break and indentation for 64 levels, copied from in one go (a report writes one per value).
    private let indentation: [UInt8]

    public init(pretty: Bool = true) {
        self.pretty = pretty
        indentation = pretty ? [0x0A] + [UInt8](repeating: 0x20, count: 128) : []
    }

    /// A writer that continues inside `openContainers` containers which already hold items: what it writes
    /// can be spliced into a document at that depth (a report's findings, written part by part).
    public init(pretty: Bool = true, openContainers: Int) {
        self.init(pretty: pretty)
        for _ in 0..<openContainers {
            setComma(true)
            push()
        }
    }

    private func hasComma() -> Bool {
        depth < 64 ? commas & (1 << UInt64(depth)) != 0 : deeperCommas[depth - 64]
    }

    private mutating func setComma(_ due: Bool) {
        if depth < 64 {
            if due { commas |= 1 << UInt64(depth) } else { commas &= ~(1 << UInt64(depth)) }
        } else {
            deeperCommas[depth - 64] = due
        }
    }

    /// Opens a level (no item in it yet).
    private mutating func push() {
        depth += 1
        if depth >= 64 { deeperCommas.append(false) } else { commas &= ~(1 << UInt64(depth)) }
    }

    /// Closes a level; whether it held items.
    private mutating func pop() -> Bool {
        let had = hasComma()
        if depth >= 64 { deeperCommas.removeLast() }
        depth -= 1
        return had
    }

    /// Hands over the bytes written so far and forgets them, keeping the nesting (to write a document in parts).
    public mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Records that the current container holds items written elsewhere (spliced in from another writer).
    public mutating func containerHasItems() { setComma(true) }

    /// Makes room for about `count` more bytes at once (a large report is not regrown a dozen times).
    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string: quotes, backslashes, control characters and U+2028/U+2029 escaped.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        if let done = s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, to: &out) }) { return done }
        Array(s.utf8).withUnsafeBufferPointer { appendQuoted($0, to: &out) }
    }

    static func appendQuoted(_ u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Most texts need no escape: copied in one go.
        if !u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append(0x22)
            out.append(contentsOf: u)
            out.append(0x22)
            return
        }
        out.append(0x22)
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) are escaped: some JavaScript parsers reject them raw.
                let j = u.index(after: i)
                if j != u.endIndex, u[j] == 0x80 {
                    let k = u.index(after: j)
                    if k != u.endIndex, u[k] == 0xA8 || u[k] == 0xA9 {
                        out.append(contentsOf: Array("\\u202".utf8))
                        out.append(u[k] == 0xA8 ? 0x38 : 0x39)
                        i = u.index(after: k)
                        continue
                    }
                }
                out.append(b)
            default:
                out.append(b)
            }
            i = u.index(after: i)
        }
        out.append(0x22)
    }

    private mutating func newline(depth: Int) {
        let count = 1 + 2 * depth
        if count <= indentation.count {
            indentation.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
    }

    private mutating func separate() {
        if hasComma() { bytes.append(0x2C) }
        setComma(true)
        if pretty && depth > 0 { newline(depth: depth) }
    }

    private mutating func key(_ k: String?) {
        separate()
        if let k {
            JSONWriter.appendQuoted(k, to: &bytes)
            colon()
        }
    }

    /// A key the program spells (ASCII, nothing to escape), copied as it is.
    private mutating func key(_ k: StaticString) {
        separate()
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        bytes.append(0x22)
        colon()
    }

    private mutating func colon() {
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
    }

    private mutating func appendNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func beginObject(_ k: String? = nil) { key(k); bytes.append(0x7B); push() }
    public mutating func beginArray(_ k: String? = nil) { key(k); bytes.append(0x5B); push() }
    public mutating func endObject() { close(0x7D) }
    public mutating func endArray() { close(0x5D) }

    private mutating func close(_ c: UInt8) {
        if pretty && pop() { newline(depth: depth) }
        bytes.append(c)
    }

    public mutating func string(_ k: String?, _ v: String) { key(k); JSONWriter.appendQuoted(v, to: &bytes) }
    public mutating func int(_ k: String?, _ v: Int) { key(k); v.appendDecimal(to: &bytes) }
    public mutating func bool(_ k: String?, _ v: Bool) { key(k); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    public mutating func null(_ k: String?) { key(k); appendNull() }
    /// Writes pre-rendered JSON (a number's exact text, say).
    public mutating func raw(_ k: String?, _ v: String) { key(k); bytes.append(contentsOf: v.utf8) }
    public mutating func optionalString(_ k: String, _ v: String?) { if let v { string(k, v) } else { null(k) } }

    // The same with keys the program spells (`StaticString`: no quoting work, no allocation), for writers
    // of many objects (a report's million findings).
    public mutating func beginObject(field k: StaticString) { key(k); bytes.append(0x7B); push() }
    public mutating func beginArray(field k: StaticString) { key(k); bytes.append(0x5B); push() }
    public mutating func field(_ k: StaticString, _ v: String) { key(k); JSONWriter.appendQuoted(v, to: &bytes) }
    public mutating func field(_ k: StaticString, _ v: String?) {
        key(k)
        if let v { JSONWriter.appendQuoted(v, to: &bytes) } else { appendNull() }
    }
    public mutating func field(_ k: StaticString, _ v: Int) { key(k); v.appendDecimal(to: &bytes) }
    public mutating func field(_ k: StaticString, _ v: Int?) {
        key(k)
        if let v { v.appendDecimal(to: &bytes) } else { appendNull() }
    }
}
