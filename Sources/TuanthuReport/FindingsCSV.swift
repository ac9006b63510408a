import TuanthuCore
import TuanthuRuntime

/// One row per finding, with a header naming the JSON fields (RFC 4180 quoting).
public enum FindingsCSV {
    public static let columns = ["plan", "obligation", "kind", "agency", "period", "status", "due", "found", "daysLate",
                                 "expected", "actual", "file", "line", "column", "cite", "evidence"]

    public static func render(_ e: Evaluation, bom: Bool = false) -> String {
        var sink = StringSink()
        write(e, bom: bom, to: &sink)
        return sink.text
    }

    /// The header line (with a byte order mark for spreadsheets when `bom`).
    public static func header(bom: Bool) -> String {
        (bom ? "\u{FEFF}" : "") + columns.joined(separator: ",") + "\r\n"
    }

    /// Writes the CSV finding by finding (a national run has a million rows).
    public static func write<S: TextSink>(_ e: Evaluation, bom: Bool = false, to sink: inout S) {
        sink.write(header(bom: bom))
        var bytes: [UInt8] = []
        var from = 0
        while from < e.findings.count {
            let to = min(from + 4096, e.findings.count)
            bytes.removeAll(keepingCapacity: true)
            append(e.findings[from..<to], to: &bytes)
            sink.write(String(decoding: bytes, as: UTF8.self))
            from = to
        }
    }

    /// Each agency's rows of `groups` (findings, not compact report duties), agencies in the order they first
    /// come: a joint finding (`SKHCN+STC`) goes to each of its co-owners, once. For one report per agency.
    public static func rowsByAgency(_ groups: [FindingGroup]) -> [(agency: String, rows: [UInt8])] {
        var order: [String] = []
        var rows: [String: [UInt8]] = [:]
        var pieces = SharedPieces()
        var one: [UInt8] = []
        for group in groups {
            guard case .findings(let findings) = group else { preconditionFailure("rows by agency are made from findings, not compact report duties") }
            for f in findings {
                one.removeAll(keepingCapacity: true)
                row(f, to: &one, pieces: &pieces)
                var owners = [f.agency]
                if f.agency.contains("+") {
                    var named: Set<String> = []
                    owners = f.agency.split(separator: "+").map(String.init).filter { named.insert($0).inserted }
                }
                for a in owners {
                    if rows[a] == nil { order.append(a) }
                    rows[a, default: []].append(contentsOf: one)
                }
            }
        }
        return order.map { ($0, rows[$0] ?? []) }
    }

    /// The rows of `groups` of findings as UTF-8 bytes, without the header.
    public static func rows(_ groups: [FindingGroup]) -> [UInt8] {
        Array(blocks(groups).joined())
    }

    /// The same rows in consecutive blocks, as a worker thread renders them for the report file: a compact
    /// report duty's rows are one block written in place (not copied again into one array per plan).
    public static func blocks(_ groups: [FindingGroup]) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var pending: [UInt8] = []
        for g in groups {
            switch g {
            case .findings(let findings):
                append(findings[...], to: &pending)
            case .reports(let r):
                if !pending.isEmpty { blocks.append(pending); pending = [] }
                blocks.append(compactBlock(r))
            }
        }
        if !pending.isEmpty { blocks.append(pending) }
        return blocks
    }

    /// The cells every row of an obligation shares, quoted once: `plan,obligation,kind,`, `expected,` and
    /// `file,line,column,cite,`.
    struct TemplateCells {
        var head: [UInt8] = []
        var expected: [UInt8] = []
        var tail: [UInt8] = []

        init(_ t: Finding) {
            FindingsCSV.head(t, &head)
            field(t.expected, &expected); expected.append(0x2C)
            FindingsCSV.tail(t, &tail)
        }
    }

    /// `plan,obligation,kind,` of a finding.
    static func head(_ f: borrowing Finding, _ out: inout [UInt8]) {
        field(f.plan, &out); out.append(0x2C)
        field(f.obligation, &out); out.append(0x2C)
        field(f.kind, &out); out.append(0x2C)
    }

    /// `file,line,column,cite,` of a finding.
    static func tail(_ f: borrowing Finding, _ out: inout [UInt8]) {
        let location = f.location
        field(location.file, &out); out.append(0x2C)
        location.line.appendDecimal(to: &out); out.append(0x2C)
        location.column.appendDecimal(to: &out); out.append(0x2C)
        field(f.cite, &out); out.append(0x2C)
    }

    static func append(_ findings: ArraySlice<Finding>, to out: inout [UInt8]) {
        var pieces = SharedPieces()
        for i in findings.indices { row(findings[i], to: &out, pieces: &pieces) }
    }

    /// The cells every finding of one obligation repeats (`plan,obligation,kind,`, `expected,`,
    /// `file,line,column,cite,`), rendered once for a run of findings sharing them.
    struct SharedPieces {
        var owner: ObjectIdentifier?
        var head: [UInt8] = []
        var expected: [UInt8] = []
        var tail: [UInt8] = []

        mutating func adopt(_ f: borrowing Finding) {
            guard owner != f.sharedPart else { return }
            owner = f.sharedPart
            head.removeAll(keepingCapacity: true)
            expected.removeAll(keepingCapacity: true)
            tail.removeAll(keepingCapacity: true)
            FindingsCSV.head(f, &head)
            field(f.expected, &expected); expected.append(0x2C)
            FindingsCSV.tail(f, &tail)
        }
    }

    /// One finding's row, read in place (a copy would retain and release each of its texts); the cells it
    /// shares with the previous finding's obligation come from `pieces`.
    static func row(_ f: borrowing Finding, to out: inout [UInt8], pieces: inout SharedPieces) {
        do {
            pieces.adopt(f)
            out.append(contentsOf: pieces.head)
            field(f.agency, &out); out.append(0x2C)
            if let p = f.period { field(p.description, &out) }
            out.append(0x2C)
            out.append(contentsOf: f.status.rawValue.utf8); out.append(0x2C)
            if let d = f.due { field(d.description, &out) }
            out.append(0x2C)
            if let s = f.found { field(s, &out) }
            out.append(0x2C)
            if let n = f.daysLate { n.appendDecimal(to: &out) }
            out.append(0x2C)
            out.append(contentsOf: pieces.expected)
            field(f.actual, &out); out.append(0x2C)
            out.append(contentsOf: pieces.tail)
            evidenceCell(f.evidence, &out)
            out.append(0x0D); out.append(0x0A)
        }
    }

    /// Evidence: `file:line` separated by spaces, quoted as one field when any part needs it.
    static func evidenceCell(_ list: [Evidence], _ out: inout [UInt8]) {
        guard !list.isEmpty else { return }
        var evidence: [UInt8] = []
        for (i, e) in list.enumerated() {
            if i > 0 { evidence.append(0x20) }
            evidence.append(contentsOf: e.file.utf8)
            evidence.append(0x3A)
            e.line.appendDecimal(to: &evidence)
        }
        quoted(evidence, &out)
    }

    @inline(__always)
    static func needsQuotes(_ b: UInt8) -> Bool { b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D }

    /// Appends `s` quoted when it holds a comma, quote or line break (quotes doubled).
    static func field(_ s: String, _ out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ quotedField($0, &out) }) != nil { return }
        var copy = s
        copy.withUTF8 { quotedField($0, &out) }
    }

    static func quotedField(_ u: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        if !u.contains(where: needsQuotes) {
            out.append(contentsOf: u)
            return
        }
        out.append(0x22)
        for b in u {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    static func quoted(_ u: [UInt8], _ out: inout [UInt8]) {
        u.withUnsafeBufferPointer { quotedField($0, &out) }
    }
}
