import Foundation

/// A source file read into memory, normalised to NFC, with a line table for rendering positions.
public struct SourceFile: Sendable, Hashable {
    /// Index into the `SourceMap` that owns this file.
    public let id: Int
    /// The path as the user gave it (used verbatim in every message).
    public let path: String
    /// The NFC-normalised text as UTF-8 bytes, BOM removed.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// Scalars (non-continuation bytes) before each multiple of `blockSize`, so a column on a very long
    /// line is found without counting the whole line (100,000 diagnostics on one 50 MB line stay linear).
    let scalarsBeforeBlock: [Int]
    static let blockSize = 1024

    public init(id: Int, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var blocks: [Int] = []
        blocks.reserveCapacity(bytes.count / Self.blockSize + 2)
        var scalars = 0
        // Block by block, so the inner loop is a plain scan (no division per byte).
        var blockStart = 0
        while blockStart < bytes.count {
            blocks.append(scalars)
            let blockEnd = min(blockStart + Self.blockSize, bytes.count)
            var continuations = 0
            for i in blockStart..<blockEnd {
                let b = bytes[i]
                if b == 0x0A { starts.append(i + 1) }
                if b & 0xC0 == 0x80 { continuations += 1 }
            }
            scalars += blockEnd - blockStart - continuations
            blockStart = blockEnd
        }
        blocks.append(scalars)
        self.lineStarts = starts
        self.scalarsBeforeBlock = blocks
    }

    /// Number of scalars that start in `bytes[from..<to]`.
    func scalarCount(from: Int, to: Int) -> Int {
        func slow(_ a: Int, _ b: Int) -> Int {
            var n = 0
            var i = a
            while i < b {
                if bytes[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
            return n
        }
        let size = Self.blockSize
        let firstFull = (from + size - 1) / size, lastFull = to / size
        guard firstFull < lastFull, lastFull < scalarsBeforeBlock.count else { return slow(from, to) }
        return slow(from, firstFull * size) + scalarsBeforeBlock[lastFull] - scalarsBeforeBlock[firstFull] + slow(lastFull * size, to)
    }

    /// Decodes raw file bytes: strips a UTF-8 BOM, rejects UTF-16 and invalid UTF-8, and normalises to NFC.
    public static func decode(_ raw: [UInt8]) -> Result<[UInt8], EncodingProblem> {
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            return .failure(.utf16)
        }
        if looksLikeUTF16(raw.prefix(4096)) { return .failure(.utf16) }
        var body = raw[...]
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        if hasBOM { body = raw[3...] }
        if let bad = UTF8Validation.firstInvalidOffset(body) {
            return .failure(.invalidUTF8(byteOffset: bad))
        }
        // Text that needs no change is returned as is (no copy of a large file).
        let unchanged = { hasBOM ? Array(body) : raw }
        // Pure ASCII needs no normalisation; avoid the Foundation round trip on the hot path.
        if !body.contains(where: { $0 >= 0x80 }) { return .success(unchanged()) }
        // Precomposed Vietnamese (the usual case) is already NFC: no Foundation round trip.
        if body.withUnsafeBufferPointer({ UTF8Validation.isStableNFC($0) }) { return .success(unchanged()) }
        let text = String(decoding: body, as: UTF8.self)
        return .success(Array(text.precomposedStringWithCanonicalMapping.utf8))
    }

    /// UTF-16 without a byte order mark: ASCII text leaves a zero byte in every other position (plan
    /// text never holds a zero byte).
    static func looksLikeUTF16(_ sample: ArraySlice<UInt8>) -> Bool {
        guard sample.count >= 4 else { return false }
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        return (oddZeros * 2 >= pairs && evenZeros * 10 < pairs) || (evenZeros * 2 >= pairs && oddZeros * 10 < pairs)
    }

    /// 1-based line and column (column counted in Unicode scalars) of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        // A column counts scalars before the offset; a continuation byte at the offset itself is not one.
        return (lo + 1, 1 + scalarCount(from: lineStarts[lo], to: clamped))
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end - 1 < bytes.count, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The text covered by a span.
    public func text(_ span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// Why a file's bytes could not be read as text.
public enum EncodingProblem: Error, Sendable, Equatable {
    case utf16
    case invalidUTF8(byteOffset: Int)
}

/// A half-open byte range in one source file.
public struct Span: Sendable, Hashable {
    public var file: Int
    public var start: Int
    public var end: Int
    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }
    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }
    /// A span that points nowhere in particular (for synthesised nodes).
    public static let none = Span(file: -1, start: 0, end: 0)
}

/// All files of one run, so spans can be turned into file:line:column.
public struct SourceMap: Sendable {
    public private(set) var files: [SourceFile] = []
    public init() {}

    /// Adds already-decoded bytes and returns the new file.
    public mutating func add(path: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: files.count, path: path, bytes: bytes)
        files.append(file)
        return file
    }

    public func file(_ id: Int) -> SourceFile? {
        id >= 0 && id < files.count ? files[id] : nil
    }

    /// A printable location of a span's start.
    public func location(_ span: Span) -> SourceLocation? {
        guard let f = file(span.file) else { return nil }
        let (l, c) = f.position(of: span.start)
        let (el, ec) = f.position(of: max(span.start, span.end))
        return SourceLocation(file: f.path, line: l, column: c, endLine: el, endColumn: ec)
    }
}

/// A resolved position: 1-based, columns in Unicode scalars; end is exclusive.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.file = file; self.line = line; self.column = column; self.endLine = endLine; self.endColumn = endColumn
    }
}

public enum UTF8Validation {
    /// True when valid UTF-8 `bytes` hold only scalars below U+0300, in U+1E00...U+1EFF (Latin
    /// Extended Additional, where precomposed Vietnamese letters live) or in U+2002...U+206F (dashes,
    /// quotation marks and the other general punctuation plans write; U+2000 and U+2001 are singletons NFC
    /// replaces). Those are starters with NFC_Quick_Check=Yes that never compose with a neighbour, so such
    /// text is already NFC and the Foundation round trip can be skipped for the usual precomposed Vietnamese.
    public static func isStableNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
            } else if b >= 0xC2 && b <= 0xCB {
                i += 2
            } else if b == 0xE1 && i + 1 < n && bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB {
                i += 3
            } else if b == 0xE2 && i + 2 < n
                        && ((bytes[i + 1] == 0x80 && bytes[i + 2] >= 0x82) || (bytes[i + 1] == 0x81 && bytes[i + 2] <= 0xAF)) {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ slice: ArraySlice<UInt8>) -> Int? {
        // Through a buffer pointer: every index read below is checked against `end` first.
        slice.withUnsafeBufferPointer { bytes in firstInvalidOffset(bytes) }
    }

    private static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let end = bytes.count
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minScalar: UInt32
            var scalar: UInt32
            if b & 0xE0 == 0xC0 { need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000 }
            else { return i }
            if i + need >= end { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }
}
