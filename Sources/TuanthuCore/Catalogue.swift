/// The language of messages and reports.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// `--lang` if given, else `TUANTHU_LANG`, else Vietnamese; nil for a value that names no language.
    public static func choose(option: String?, environment: String?) -> Language? {
        if let option { return Language(rawValue: option.lowercased()) }
        if let environment, !environment.isEmpty { return Language(rawValue: environment.lowercased()) ?? .vi }
        return .vi
    }
}

/// The message catalogue: every user-facing sentence, per language, keyed by message. Each language is one
/// exhaustive `switch` (`Catalogue+Vietnamese.swift`, `Catalogue+English.swift`), so a message missing in
/// one language does not compile.
public enum Catalogue {
    /// The sentence for a diagnostic message.
    public static func text(_ m: Message, _ lang: Language = .en) -> String {
        lang == .vi ? Vietnamese.text(m) : English.text(m)
    }

    /// "How to fix it": a short help line for a message, when there is one.
    public static func help(_ m: Message, _ lang: Language = .en) -> String? {
        lang == .vi ? Vietnamese.help(m) : English.help(m)
    }

    public static func text(_ n: NoteMessage, _ lang: Language = .en) -> String {
        lang == .vi ? Vietnamese.note(n) : English.note(n)
    }

    /// A date as the reader writes it: `20/3/2025` in Vietnamese, `2025-03-20` in English.
    public static func date(_ d: CivilDate, _ lang: Language) -> String {
        lang == .vi ? "\(d.day)/\(d.month)/\(d.year)" : d.description
    }

    /// An ISO date inside a message (`2025-03-20`), rewritten for the reader; other text is kept as it is.
    public static func date(_ s: String, _ lang: Language) -> String {
        guard lang == .vi, let d = CivilDate.parse(utf8: s.utf8) else { return s }
        return date(d, lang)
    }
}

extension Catalogue {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// For a written `YYYY-MM-DD` whose month is real: the year, month and how many days that month has.
    static func monthLength(of text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), (1...9999).contains(y) else { return nil }
        return (y, m, CivilDate.daysInMonth(year: y, month: m))
    }
}
