import TuanthuCore
import TuanthuRuntime

/// The findings report as JSON (SPEC 7); keys in a fixed order so output is byte-identical across runs.
public enum FindingsJSON {
    public static func render(_ e: Evaluation, toolVersion: String, planInputs: [(file: String, sha256: String)]) -> String {
        String(decoding: bytes(e, toolVersion: toolVersion, planInputs: planInputs), as: UTF8.self)
    }

    /// The report as UTF-8 bytes (a national run's report is hundreds of megabytes: no `String` copy).
    public static func bytes(_ e: Evaluation, toolVersion: String, planInputs: [(file: String, sha256: String)]) -> [UInt8] {
        var out: [UInt8] = []
        document(e, toolVersion: toolVersion, planInputs: planInputs) { w in
            w.reserve(e.findings.count * 700 + e.dataErrors.count * 300)
            for i in e.findings.indices { finding(e.findings[i], &w) }
        } emit: { out += $0 }
        return out
    }

    /// The findings of one part of a run as they stand inside the report's `findings` array, without the
    /// comma that separates them from the part before: what a worker renders when the report is streamed.
    /// Compact report outcomes must have been judged with their notes (`compactNotes`).
    public static func findingsPart(_ groups: [FindingGroup]) -> [UInt8] {
        var w = JSONWriter(pretty: true, openContainers: 2)
        for group in groups {
            switch group {
            case .findings(let g): for i in g.indices { finding(g[i], &w) }
            case .reports(let r):
                assert(r.withNotes, "compact outcomes for JSON must be judged with their notes (compactNotes)")
                for k in r.cells.indices { finding(r.finding(k), &w) }
            }
        }
        return w.bytes
    }

    /// The report around its findings: `head` ends with the `findings` array's `[`, `tail` starts after its
    /// items. The findings themselves are `findingsPart`s joined with `,` (same bytes as `bytes`).
    public static func headAndTail(_ e: Evaluation, toolVersion: String, planInputs: [(file: String, sha256: String)],
                                   hadFindings: Bool) -> (head: [UInt8], tail: [UInt8]) {
        var parts: [[UInt8]] = []
        document(e, toolVersion: toolVersion, planInputs: planInputs) { w in
            if hadFindings { w.containerHasItems() }
        } emit: { parts.append($0) }
        return (parts[0], parts[1])
    }

    /// Writes the document, calling `findings` inside the `findings` array; `emit` receives the bytes before
    /// the findings' items (after `[`) and then the rest.
    static func document(_ e: Evaluation, toolVersion: String, planInputs: [(file: String, sha256: String)],
                         findings: (inout JSONWriter) -> Void, emit: ([UInt8]) -> Void) {
        var w = JSONWriter()
        w.beginObject()
        w.beginObject("tool")
        w.string("name", "tuanthu")
        w.string("version", toolVersion)
        w.endObject()
        w.string("asOf", e.asOf.description)
        w.beginArray("inputs")
        for i in e.inputs + planInputs {
            w.beginObject()
            w.string("file", i.file)
            w.string("sha256", i.sha256)
            w.endObject()
        }
        w.endArray()
        w.beginArray("plans")
        for p in e.plans {
            w.beginObject()
            w.string("id", p.id)
            w.string("file", p.file)
            if let s = p.supersededBy { w.string("supersededBy", s) }
            w.endObject()
        }
        w.endArray()
        w.beginObject("summary")
        for (s, n) in e.summary { w.int(s.rawValue, n) }
        w.endObject()
        w.beginObject("rows")
        w.int("evidence", e.rows.evidence)
        w.int("setAside", e.rows.setAside)
        w.int("superseded", e.rows.superseded)
        w.int("unused", e.rows.unused)
        w.int("blank", e.rows.blank)
        w.endObject()
        w.beginArray("findings")
        emit(w.take())
        findings(&w)
        w.endArray()
        w.beginArray("untracked")
        for u in e.untracked {
            w.beginObject()
            w.string("obligation", u.obligation)
            w.string("plan", u.plan)
            w.string("reason", u.reason)
            w.endObject()
        }
        w.endArray()
        w.beginArray("dataErrors")
        for d in e.dataErrors { dataError(d, &w) }
        w.endArray()
        w.endObject()
        var rest = w.take()
        rest.append(0x0A)
        emit(rest)
    }

    static func finding(_ f: borrowing Finding, _ w: inout JSONWriter, key: String? = nil) {
        w.beginObject(key)
        w.field("obligation", f.obligation)
        w.field("plan", f.plan)
        w.field("kind", f.kind)
        w.field("agency", f.agency)
        w.field("period", f.period?.description)
        w.field("status", f.status.rawValue)
        w.field("due", f.due?.description)
        w.field("found", f.found)
        w.field("daysLate", f.daysLate)
        w.field("expected", f.expected)
        w.field("actual", f.actual)
        w.beginObject(field: "location")
        w.field("file", f.location.file)
        w.field("line", f.location.line)
        w.field("column", f.location.column)
        w.endObject()
        w.field("cite", f.cite)
        w.beginArray(field: "evidence")
        for ev in f.evidence {
            w.beginObject()
            w.field("file", ev.file)
            w.field("line", ev.line)
            w.endObject()
        }
        w.endArray()
        if !f.support.isEmpty {
            w.beginArray(field: "support")
            for s in f.support { w.string(nil, s) }
            w.endArray()
        }
        if !f.notes.isEmpty {
            w.beginArray(field: "notes")
            for n in f.notes { w.string(nil, n) }
            w.endArray()
        }
        w.endObject()
    }

    static func dataError(_ d: DataError, _ w: inout JSONWriter) {
        w.beginObject()
        w.string("file", d.file)
        w.int("line", d.line)
        w.int("column", d.column)
        w.string("code", d.code.rawValue)
        var message = Catalogue.text(d.message)
        if let s = d.suggestion { message += " (did you mean ‘\(s)’?)" }
        w.string("message", message)
        w.endObject()
    }
}
