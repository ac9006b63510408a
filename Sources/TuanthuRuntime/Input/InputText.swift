import TuanthuCore
import Foundation

/// Byte-level helpers shared by the CSV and JSON readers.
enum InputText {
    /// Length of the well-formed UTF-8 sequence that starts at `p[0]` (a byte >= 0x80), or 0 when the
    /// bytes there are not one (bad lead byte, bad or missing continuation, overlong form, surrogate,
    /// beyond U+10FFFF). `available` is how many bytes may be read from `p`.
    @inline(__always)
    static func validSequenceLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
        let b0 = p[0]
        switch b0 {
        case 0xC2...0xDF:
            guard available >= 2, p[1] & 0xC0 == 0x80 else { return 0 }
            return 2
        case 0xE0...0xEF:
            guard available >= 3 else { return 0 }
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard p[1] >= lo, p[1] <= hi, p[2] & 0xC0 == 0x80 else { return 0 }
            return 3
        case 0xF0...0xF4:
            guard available >= 4 else { return 0 }
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard p[1] >= lo, p[1] <= hi, p[2] & 0xC0 == 0x80, p[3] & 0xC0 == 0x80 else { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Builds a string from bytes already known to be valid UTF-8, normalising to NFC when any byte is
    /// non-ASCII (`hasNonASCII`); ASCII text, and text made only of scalars that are NFC whatever
    /// surrounds them, is taken as it is.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, hasNonASCII: Bool) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return hasNonASCII && !UTF8Validation.isStableNFC(bytes) ? s.precomposedStringWithCanonicalMapping : s
    }

    /// Human-readable name of the byte(s) at `p[0]` for an error message: `'x'`, `U+0009`, `'ệ' (U+1EC7)`,
    /// or `byte 0xFF` when they are not valid UTF-8.
    static func describe(_ p: UnsafePointer<UInt8>, available: Int) -> String {
        guard available > 0 else { return "end of input" }
        let b = p[0]
        if b < 0x80 {
            if b > 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "U+" + hex(UInt32(b), width: 4)
        }
        let n = validSequenceLength(p, available: available)
        guard n > 0 else { return "byte 0x" + hex(UInt32(b), width: 2) }
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        let scalar = text.unicodeScalars.first.map { $0.value } ?? 0xFFFD
        return "'\(text)' (U+\(hex(scalar, width: 4)))"
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
