import TuanthuCore

/// The `--help` pages, worded by the catalogue (`Catalogue.usage`) in the reader's language.
enum Help {
    static func overview(_ lang: Language) -> String { Catalogue.usage(.overview, lang) }

    static func text(for command: String, _ lang: Language) -> String? {
        guard let topic = HelpTopic(rawValue: command), topic != .overview else { return nil }
        return Catalogue.usage(topic, lang)
    }
}
