import TuanthuCore
import TuanthuRuntime

/// One row per finding, with a header naming the JSON fields (RFC 4180 quoting).
public enum FindingsCSV {
    public static let columns = ["plan", "obligation", "kind", "agency", "period", "status", "due", "found", "daysLate",
                                 "expected", "actual", "file", "line", "column", "cite", "evidence"]

    public static func render(_ e: Evaluation, bom: Bool = false) -> String {
        var out = bom ? "\u{FEFF}" : ""
        out += columns.joined(separator: ",") + "\r\n"
        for f in e.findings {
            let fields = [f.plan, f.obligation, f.kind, f.agency, f.period?.description ?? "", f.status.rawValue,
                          f.due?.description ?? "", f.found ?? "", f.daysLate.map(String.init) ?? "", f.expected, f.actual,
                          f.location.file, String(f.location.line), String(f.location.column), f.cite,
                          f.evidence.map { "\($0.file):\($0.line)" }.joined(separator: " ")]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        // Scan bytes, not Characters: this runs for every field of every finding.
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
