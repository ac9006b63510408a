import TuanthuCore

extension DiagnosticRenderer {
    /// SARIF 2.1.0: one run, one rule per diagnostic code used, regions with start/end line and column.
    public func sarif(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.string("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool")
        w.beginObject("driver")
        w.string("name", "tuanthu")
        w.string("version", toolVersion)
        w.string("informationUri", "https://example.invalid/tuanthu/docs/diagnostics.md")
        w.beginArray("rules")
        let codes = Array(Set(diagnostics.map(\.code))).sorted()
        for c in codes {
            w.beginObject()
            w.string("id", c.rawValue)
            w.beginObject("defaultConfiguration")
            w.string("level", level(c.severity))
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.beginArray("results")
        for d in diagnostics {
            w.beginObject()
            w.string("ruleId", d.code.rawValue)
            w.int("ruleIndex", codes.firstIndex(of: d.code) ?? 0)
            w.string("level", level(d.severity))
            w.beginObject("message")
            var text = message(d)
            if let s = suggestionLine(d) { text += " (\(s))" }
            w.string("text", text)
            w.endObject()
            if let loc = sources.location(d.span) {
                w.beginArray("locations")
                w.beginObject()
                w.beginObject("physicalLocation")
                w.beginObject("artifactLocation")
                w.string("uri", uri(loc.file))
                w.endObject()
                w.beginObject("region")
                w.int("startLine", loc.line)
                w.int("startColumn", loc.column)
                w.int("endLine", loc.endLine)
                w.int("endColumn", max(loc.endColumn, loc.endLine == loc.line ? loc.column + 1 : loc.endColumn))
                w.endObject()
                w.endObject()
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    private func level(_ s: Severity) -> String {
        switch s { case .error: return "error"; case .warning: return "warning"; case .note: return "note" }
    }

    private func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(UnicodeScalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
