import Foundation

/// Older Vietnamese offices save text in Windows-1258 or TCVN3 (ABC). This tells them apart from UTF-8,
/// converts Windows-1258, and names the command that converts TCVN3.
public enum LegacyEncoding: Sendable, Equatable {
    case windows1258
    case tcvn3

    /// Guesses the encoding of bytes that are not valid UTF-8, or nil when neither fits.
    public static func detect(_ bytes: [UInt8]) -> LegacyEncoding? {
        var high = 0, toneAfterVowel = 0, tcvnLetters = 0
        let vowels = Set("aeiouyAEIOUY".utf8).union([0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD])
        let tones: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2]
        var previous: UInt8 = 0
        for b in bytes.prefix(1 << 20) {
            if b >= 0x80 {
                high += 1
                if tones.contains(b) && vowels.contains(previous) { toneAfterVowel += 1 }
                if (0xA1...0xFE).contains(b) && !tones.contains(b) { tcvnLetters += 1 }
            }
            previous = b
        }
        guard high > 0 else { return nil }
        if toneAfterVowel * 4 >= high { return .windows1258 }
        if tcvnLetters * 2 >= high { return .tcvn3 }
        return nil
    }

    /// Windows-1258 to UTF-8 (NFC); tone marks are combining characters in 1258, so normalisation composes them.
    public static func decodeWindows1258(_ bytes: [UInt8]) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let v = b < 0x80 ? UInt32(b) : (table1258[Int(b) - 0x80] ?? 0xFFFD)
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
    }

    /// How to convert a file in this encoding.
    public func advice(path: String) -> String {
        switch self {
        case .windows1258:
            return "\(path) is in Windows-1258, not UTF-8; it was converted for this run. To convert it for good: iconv -f CP1258 -t UTF-8 \(path) > converted.csv (or save it from the spreadsheet as ‘CSV UTF-8’)"
        case .tcvn3:
            return "\(path) looks like TCVN3 (ABC) text, not UTF-8; convert it with a Vietnamese converter such as UniKey's ‘Chuyển mã’ (TCVN3 → Unicode), or: iconv -f TCVN5712-1 -t UTF-8 \(path) > converted.csv, then save as ‘CSV UTF-8’"
        }
    }

    /// 0x80–0xFF of Windows-1258.
    static let table1258: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, nil, 0x2039, 0x0152, nil, nil, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, nil, 0x203A, 0x0153, nil, nil, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]
}
