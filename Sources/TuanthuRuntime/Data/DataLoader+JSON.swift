import Foundation
import TuanthuCore

extension DataLoader {
    /// `data.json`: `{"observations":[{…}], "reports":[…], …}`; numbers are kept exactly as written.
    /// Largest `data.json` read: it is parsed whole (a tree of every value), unlike the streamed CSV tables,
    /// which are what a national data set should be sent as.
    static let maxJSONBytes = 256 << 20

    mutating func loadJSON(_ path: String) {
        let file = addFile(path)
        let size = Self.fileSize(path)
        guard size <= Self.maxJSONBytes else {
            error(file, 1, 1, .unreadableFile(detail: Phrase(
                vi: "\(path) dài \(size) byte, vượt giới hạn \(Self.maxJSONBytes) byte của data.json; hãy gửi số liệu lớn dưới dạng bảng CSV (reports.csv, observations.csv, …)",
                en: "\(path) is \(size) bytes, over the \(Self.maxJSONBytes)-byte limit for data.json; send large data as CSV tables (reports.csv, observations.csv, …)")))
            return
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            error(file, 0, 0, .unreadableFile(detail: Phrase(vi: "không đọc được \(path)", en: "cannot read \(path)")))
            return
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse([UInt8](bytes))
        } catch {
            self.error(file, error.line, error.column, .jsonSyntax(detail: error.phrase))
            return
        }
        guard case .object(let members) = root.value else {
            error(file, root.line, root.column, .jsonSyntax(detail: Phrase(vi: "data.json phải là một đối tượng gồm các mảng observations, reports, tasks, events, extensions", en: "data.json must be an object with arrays named observations, reports, tasks, events, extensions")))
            return
        }
        for member in members {
            guard let table = Table(rawValue: member.key) else {
                warning(file, member.value.line, member.value.column, .unknownColumn(column: member.key, table: .file("data.json")))
                continue
            }
            guard case .array(let rows) = member.value.value else {
                error(file, member.value.line, member.value.column, .jsonSyntax(detail: Phrase(vi: "‘\(member.key)’ phải là một mảng các đối tượng", en: "‘\(member.key)’ must be an array of objects")))
                continue
            }
            let known = Set((table.required + table.optional).map(\.name))
            var warned: Set<String> = []
            for row in rows {
                guard case .object(let fields) = row.value else {
                    error(file, row.line, row.column, .jsonSyntax(detail: Phrase(vi: "mỗi dòng của ‘\(member.key)’ phải là một đối tượng", en: "each row of ‘\(member.key)’ must be an object")))
                    continue
                }
                var record = DataRecord(file: file, line: row.line, recordColumn: row.column, index: [:], values: [], lines: [], columns: [])
                for f in fields {
                    let key = f.key.lowercased()
                    if !known.contains(key) {
                        if warned.insert(key).inserted { warning(file, f.value.line, f.value.column, .unknownColumn(column: key, table: .json(member.key))) }
                        continue
                    }
                    let text: String
                    switch f.value.value {
                    case .string(let s): text = s.trimmingCharacters(in: .whitespaces)
                    case .number(let n): text = Self.numberText(n, locale: options.numberLocale)
                    case .bool(let b): text = b ? "yes" : "no"
                    case .null: text = ""
                    case .object, .array:
                        error(file, f.value.line, f.value.column, .jsonSyntax(detail: Phrase(vi: "‘\(key)’ phải là chuỗi hoặc số", en: "‘\(key)’ must be a string or a number")))
                        continue
                    }
                    if record.index[key] != nil { continue }
                    record.index[key] = record.values.count
                    record.values.append(text)
                    record.lines.append(f.value.line)
                    record.columns.append(f.value.column)
                }
                var missing = false
                for r in table.required where record.index[r.name] == nil && !table.filledIn.contains(r) {
                    error(file, row.line, row.column, .missingColumn(column: r.name, table: .jsonRow(member.key)))
                    missing = true
                }
                if missing { continue }
                intake(record, table: table)
            }
        }
    }

    /// A JSON number as the text the value parser expects: exponents expanded exactly (`2.05e1` is `20.5`), and
    /// under `--number-locale vi` the decimal point written as `,`, since a JSON number is never locale-formatted.
    static func numberText(_ number: String, locale: NumberLocale) -> String {
        let plain = plainDecimal(number)
        return locale == .vietnamese ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    /// A JSON number as a plain decimal, exactly: `2.05e1` becomes `20.5`, `1E-3` becomes `0.001`. Numbers
    /// without an exponent, and exponents too large to expand sensibly, are returned unchanged.
    static func plainDecimal(_ number: String) -> String {
        guard let e = number.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(number[number.index(after: e)...]),
              abs(exponent) <= 1000 else { return number }
        var mantissa = Substring(number[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        if point < 0 {
            digits = String(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var whole = String(digits.prefix(point).drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        let fraction = String(digits.dropFirst(point).reversed().drop { $0 == "0" }.reversed())
        var text = fraction.isEmpty ? whole : whole + "." + fraction
        if negative, text != "0" { text = "-" + text }
        return text
    }
}
