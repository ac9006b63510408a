import TuanthuCore

/// Renders diagnostics for people (text with source snippets) and for machines (JSON, SARIF, GitHub).
public struct DiagnosticRenderer {
    public var sources: SourceMap
    public var language: Language
    public var color: Bool

    public init(sources: SourceMap, language: Language = .en, color: Bool = false) {
        self.sources = sources
        self.language = language
        self.color = color
    }

    func message(_ d: Diagnostic) -> String { Catalogue.text(d.message, language) }

    func suggestionLine(_ d: Diagnostic) -> String? {
        d.suggestion.map { Catalogue.ui(.didYouMean($0), language) }
    }

    /// file:line:column: severity[CODE]: message, the source line, a caret line, then notes and help.
    public func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { out += text(d) + "\n" }
        return out
    }

    public func text(_ d: Diagnostic) -> String {
        let sev = Catalogue.ui(.severity(d.severity), language)
        let note = Catalogue.ui(.noteLabel, language), help = Catalogue.ui(.helpLabel, language)
        let head = color ? (d.severity == .error ? "\u{1B}[1;31m\(sev)\u{1B}[0m" : d.severity == .warning ? "\u{1B}[1;33m\(sev)\u{1B}[0m" : "\u{1B}[1;36m\(sev)\u{1B}[0m") : sev
        var out = ""
        if let loc = sources.location(d.span) {
            out += "\(loc.file):\(loc.line):\(loc.column): \(head)[\(d.code.rawValue)]: \(message(d))\n"
            out += snippet(d.span, loc: loc)
        } else {
            out += "\(head)[\(d.code.rawValue)]: \(message(d))\n"
        }
        for n in d.notes {
            if let s = n.span, let loc = sources.location(s) {
                out += "  = \(note): \(loc.file):\(loc.line):\(loc.column): \(Catalogue.text(n.message, language))\n"
                out += snippet(s, loc: loc)
            } else {
                out += "  = \(note): \(Catalogue.text(n.message, language))\n"
            }
        }
        if let s = suggestionLine(d) { out += "  = \(help): \(s)\n" }
        if let h = Catalogue.help(d.message, language) { out += "  = \(help): \(h)\n" }
        return out
    }

    /// The source line with a `^~~~` underline beneath the span (only its first line when it spans several).
    func snippet(_ span: Span, loc: SourceLocation) -> String {
        guard let file = sources.file(span.file) else { return "" }
        if loc.line >= 1, loc.line <= file.lineStarts.count {
            let lineStart = file.lineStarts[loc.line - 1]
            let lineEnd = loc.line < file.lineStarts.count ? file.lineStarts[loc.line] - 1 : file.bytes.count
            if lineEnd - lineStart > Self.longLine { return clippedSnippet(span, loc: loc, file: file, line: lineStart..<lineEnd) }
        }
        let lineText = file.lineText(loc.line)
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        let endColumn = loc.endLine == loc.line ? max(loc.endColumn, loc.column + 1) : lineText.unicodeScalars.count + 1
        // Tabs are kept in the prefix so the caret lines up however the terminal renders them.
        var prefix = ""
        for (i, u) in lineText.unicodeScalars.enumerated() where i < loc.column - 1 { prefix.unicodeScalars.append(u == "\t" ? "\t" : " ") }
        let width = max(1, endColumn - loc.column)
        let marks = "^" + String(repeating: "~", count: width - 1)
        return "\(pad) |\n\(gutter) | \(lineText)\n\(pad) | \(prefix)\(marks)\n"
    }

    /// Lines longer than this (in bytes) are shown as a window around the span, so 200 diagnostics on
    /// one 50 MB line print a few kilobytes, not 10 GB.
    static let longLine = 4096

    func clippedSnippet(_ span: Span, loc: SourceLocation, file: SourceFile, line: Range<Int>) -> String {
        let bytes = file.bytes
        func boundary(_ i: Int) -> Int {
            var i = i
            while i < line.upperBound, bytes[i] & 0xC0 == 0x80 { i += 1 }
            return i
        }
        let start = max(line.lowerBound, min(span.start, line.upperBound))
        let end = max(start, min(span.end, line.upperBound, start + 200))
        let lo = boundary(max(line.lowerBound, start - 120))
        var hi = boundary(min(line.upperBound, end + 120))
        if hi == line.upperBound, hi > lo, bytes[hi - 1] == 0x0D { hi -= 1 }
        let head = lo > line.lowerBound ? "…" : ""
        let tail = hi < line.upperBound ? "…" : ""
        let before = String(decoding: bytes[lo..<start], as: UTF8.self).unicodeScalars
        let marked = String(decoding: bytes[start..<max(start, min(end, hi))], as: UTF8.self).unicodeScalars.count
        var prefix = head.isEmpty ? "" : " "
        for u in before { prefix.unicodeScalars.append(u == "\t" ? "\t" : " ") }
        let marks = "^" + String(repeating: "~", count: max(1, marked) - 1)
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        return "\(pad) |\n\(gutter) | \(head)\(String(decoding: bytes[lo..<hi], as: UTF8.self))\(tail)\n\(pad) | \(prefix)\(marks)\n"
    }

    /// `{"diagnostics":[…]}` as SPEC 8 describes: keys, codes and severities are the same in every language.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.beginArray("diagnostics")
        for d in diagnostics {
            w.beginObject()
            w.string("code", d.code.rawValue)
            w.string("severity", d.severity.rawValue)
            w.string("message", message(d))
            let loc = sources.location(d.span)
            w.string("file", loc?.file ?? "")
            w.int("line", loc?.line ?? 0)
            w.int("column", loc?.column ?? 0)
            w.int("endLine", loc?.endLine ?? 0)
            w.int("endColumn", loc?.endColumn ?? 0)
            w.beginArray("notes")
            for n in d.notes {
                var text = Catalogue.text(n.message, language)
                if let s = n.span, let l = sources.location(s) { text = "\(l.file):\(l.line):\(l.column): " + text }
                w.string(nil, text)
            }
            if let h = Catalogue.help(d.message, language) { w.string(nil, Catalogue.ui(.helpLabel, language) + ": " + h) }
            w.endArray()
            if let s = d.suggestion { w.string("suggestion", s) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    /// `::error file=…,line=…,col=…::message` lines for GitHub Actions.
    public func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let kind = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var props: [String] = []
            if let loc = sources.location(d.span) {
                props = ["file=\(escapeProperty(loc.file))", "line=\(loc.line)", "col=\(loc.column)",
                         "endLine=\(loc.endLine)", "endColumn=\(loc.endColumn)"]
            }
            props.append("title=\(d.code.rawValue)")
            var text = message(d)
            if let s = suggestionLine(d) { text += " (\(s))" }
            out += "::\(kind) \(props.joined(separator: ","))::\(escapeData(text))\n"
        }
        return out
    }

    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
