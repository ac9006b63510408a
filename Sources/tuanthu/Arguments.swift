import TuanthuCore

/// A small command-line parser: positional arguments, `--flag`, `--option value` and `--option=value`.
struct Arguments {
    var positional: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// A usage mistake, worded by the catalogue in the reader's language (in both when the language itself is wrong).
    struct UsageError: Error {
        var text: UIText
        var bilingual = false
        init(_ text: UIText, bilingual: Bool = false) { self.text = text; self.bilingual = bilingual }
        func message(_ lang: Language) -> String {
            bilingual ? Catalogue.ui(text, .vi) + " / " + Catalogue.ui(text, .en) : Catalogue.ui(text, lang)
        }
    }

    /// Parses `args` given the options that take a value and the flags that do not.
    init(_ args: [String], valued: Set<String>, flags known: Set<String>) throws {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" { positional.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            var name = a
            var inline: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inline = String(a[a.index(after: eq)...])
            }
            if valued.contains(name) {
                if let inline { options[name] = inline; continue }
                guard i < args.count else { throw UsageError(.needsValue(name)) }
                options[name] = args[i]
                i += 1
            } else if known.contains(name) {
                flags.insert(name)
            } else {
                let all = Array(valued) + Array(known)
                if let s = closest(name, all) { throw UsageError(.unknownOptionSuggest(name, s)) }
                throw UsageError(.unknownOption(name))
            }
        }
    }

    private func closest(_ name: String, _ all: [String]) -> String? {
        all.sorted().min { editDistance($0, name) < editDistance($1, name) }.flatMap { editDistance($0, name) <= 3 ? $0 : nil }
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
