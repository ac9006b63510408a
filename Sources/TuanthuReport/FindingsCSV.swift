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

    /// Writes the CSV finding by finding (a national run has a million rows).
    public static func write<S: TextSink>(_ e: Evaluation, bom: Bool = false, to sink: inout S) {
        sink.write((bom ? "\u{FEFF}" : "") + columns.joined(separator: ",") + "\r\n")
        var line = ""
        for f in e.findings {
            line.removeAll(keepingCapacity: true)
            let fields = [f.plan, f.obligation, f.kind, f.agency, f.period?.description ?? "", f.status.rawValue,
                          f.due?.description ?? "", f.found ?? "", f.daysLate.map(String.init) ?? "", f.expected, f.actual,
                          f.location.file, String(f.location.line), String(f.location.column), f.cite,
                          f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: " ")]
            for (i, field) in fields.enumerated() {
                if i > 0 { line += "," }
                line += quote(field)
            }
            line += "\r\n"
            sink.write(line)
        }
    }

    static func quote(_ s: String) -> String {
        // Scan bytes, not Characters: this runs for every field of every finding.
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
