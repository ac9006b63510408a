import Foundation

/// Older Vietnamese offices save text in Windows-1258 or TCVN3 (ABC), and some spreadsheets export UTF-16.
/// This tells them apart from UTF-8, converts Windows-1258 and UTF-16, and names the command that converts TCVN3.
public enum LegacyEncoding: Sendable, Equatable {
    case windows1258
    case tcvn3
    case utf16(bigEndian: Bool)

    /// Guesses the encoding of bytes that are not valid UTF-8, or nil when none fits (mostly valid UTF-8
    /// with a stray bad byte, or binary data).
    public static func detect(_ bytes: [UInt8]) -> LegacyEncoding? {
        let sample = Array(bytes.prefix(1 << 20))
        if let utf16 = detectUTF16(sample) { return utf16 }
        var high = 0, validUTF8 = 0, vn3Letters = 0
        sample.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var i = 0
            while i < p.count {
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let n = InputText.validSequenceLength(base + i, available: p.count - i)
                if n > 0 { validUTF8 += 1; i += n; continue }
                high += 1
                if b >= 0xA1 { vn3Letters += 1 }
                i += 1
            }
        }
        guard high > 0, validUTF8 < high else { return nil }
        // Windows-1258 text read as 1258 is Vietnamese letters; TCVN3 text read as 1258 is mostly
        // symbols and foreign letters (µ, ¸, ë), so the share of Vietnamese letters tells them apart.
        var nonASCII = 0, vietnamese = 0
        for s in String(decoding: decodeWindows1258(sample), as: UTF8.self).unicodeScalars where s.value >= 0x80 {
            nonASCII += 1
            if vietnameseScalars.contains(s) { vietnamese += 1 }
        }
        if vietnamese * 5 >= nonASCII * 4 { return .windows1258 }
        // TCVN3 keeps its letters at 0xA1...0xFF.
        if vn3Letters * 5 >= high * 4 { return .tcvn3 }
        return nil
    }

    /// UTF-16 by its byte order mark, or, without one, by the zero bytes that ASCII letters leave in every
    /// other position (CSV text itself never holds a zero byte).
    public static func detectUTF16(_ bytes: [UInt8]) -> LegacyEncoding? {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return .utf16(bigEndian: false) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return .utf16(bigEndian: true) }
        }
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        // Text in UTF-8 (or any 8-bit encoding) has no zero byte: the common case is told at memchr's speed.
        if sample.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) == nil }) { return nil }
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 2 >= pairs && evenZeros * 10 < pairs { return .utf16(bigEndian: false) }
        if evenZeros * 2 >= pairs && oddZeros * 10 < pairs { return .utf16(bigEndian: true) }
        return nil
    }

    /// The text as UTF-8 (NFC), for the encodings tuanthu converts; nil for TCVN3 and for broken UTF-16.
    public func convert(_ bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .windows1258: return Self.decodeWindows1258(bytes)
        case .tcvn3: return nil
        case .utf16(let bigEndian):
            var body = bytes[...]
            if body.count >= 2, (body.first == 0xFF && body.dropFirst().first == 0xFE) || (body.first == 0xFE && body.dropFirst().first == 0xFF) {
                body = body.dropFirst(2)
            }
            guard body.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                i += 2
            }
            var scalars = String.UnicodeScalarView()
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): scalars.append(s)
                case .emptyInput: break loop
                case .error: return nil
                }
            }
            return Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
        }
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
        case .utf16(let bigEndian):
            return "\(path) is in UTF-16, not UTF-8; it was converted for this run. To convert it for good: iconv -f UTF-16\(bigEndian ? "BE" : "LE") -t UTF-8 \(path) > converted.csv (or save it from the spreadsheet as ‘CSV UTF-8’)"
        }
    }

    /// Letters of Vietnamese (precomposed, NFC) and the typographic marks its documents use.
    static let vietnameseScalars: Set<Unicode.Scalar> = {
        let letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
        var set = Set(letters.unicodeScalars).union(letters.uppercased().unicodeScalars)
        set.formUnion("–—‘’“”…•₫€°\u{00A0}".unicodeScalars)
        return set
    }()

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
