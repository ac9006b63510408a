/// File and folder names for per-agency output (`template` folders, `eval --split-by agency` reports) that
/// survive every file system an agency might copy them to.
public enum AgencyFileNames {
    /// Names Windows reserves for devices, whatever the extension (`CON.csv` cannot be saved there).
    static let reserved = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// One name per agency identifier, in the order given: path separators and characters Windows forbids
    /// become `_`, reserved device names get a trailing `_`, and identifiers that differ only in letter
    /// case (`STC`, `stc`) get `-2`, `-3`… so that a case-insensitive disk (macOS, Windows) keeps both.
    public static func names(for agencies: [String]) -> [String: String] {
        var out: [String: String] = [:]
        var taken: Set<String> = []
        for agency in agencies where out[agency] == nil {
            var base = String(agency.map { "/\\:*?\"<>|".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true ? "_" : $0 })
            while base.hasSuffix(".") || base.hasSuffix(" ") { base = String(base.dropLast()) + "_" }
            if base.isEmpty { base = "_" }
            if reserved.contains(base.uppercased()) { base += "_" }
            var name = base
            var n = 2
            while taken.contains(name.lowercased()) {
                name = "\(base)-\(n)"
                n += 1
            }
            taken.insert(name.lowercased())
            out[agency] = name
        }
        return out
    }
}
