import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming RFC 4180 reader over UTF-8 bytes (file or memory), one record at a time.
///
/// - A UTF-8 BOM is skipped; a UTF-16 BOM is rejected (`.utf16`).
/// - The delimiter is `;` when the header line has an unquoted `;` and no unquoted `,`, else `,`.
/// - Records end at LF, CRLF or a bare CR outside quotes, or at the end of input. A completely empty
///   physical line is skipped (it still counts for line numbers).
/// - A quote opens a quoted field only as the field's first byte; elsewhere in an unquoted field it
///   is kept as an ordinary character.
/// - After an error, the rest of that record is consumed, so the next `next()` continues with the
///   following record. Only the earliest error of a record is reported (a too-long field counts from
///   its start), except that an unterminated quote (which swallows the rest of the input) wins.
public final class CSVReader {
    /// Longest field accepted, in bytes of its decoded value (quotes removed, `""` counted as one).
    public static let maxFieldBytes = 16 * 1024 * 1024
    /// The most cells a record may have: a spreadsheet's columns (Excel and LibreOffice: 16,384). A longer
    /// record is an error; its cells beyond are read (for the line's end) but not kept.
    public static let maxFields = 16_384
    static let defaultChunkSize = 1 << 20
    /// How far the delimiter detection looks for the end of the header line.
    static let headerScanLimit = 4 << 20

    /// The field delimiter (`,` or `;`), decided from the header line when the reader is created.
    @exclusivity(unchecked) public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    // Source.
    private let fd: Int32
    private let path: String
    private let memory: [UInt8]
    @exclusivity(unchecked) private var memoryOffset = 0
    private let chunkSize: Int
    let fieldLimit: Int
    /// Where reading from `fd` stops (a section of a file is read up to its end, `resume(at:line:upTo:)`).
    /// The next byte read is always at input offset `base + end`.
    @exclusivity(unchecked) private var sourceLimit = Int.max

    // Buffer: bytes [0, end) are valid; `pos` is the scan position; buf[0] is at input offset `base`.
    @exclusivity(unchecked) var buf: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var end = 0
    @exclusivity(unchecked) var base = 0
    @exclusivity(unchecked) private var eof = false
    /// Per byte value: non-zero when the unquoted / quoted scanning loop must stop on it.
    let unquotedStop: UnsafeMutablePointer<UInt8>
    let quotedStop: UnsafeMutablePointer<UInt8>

    // Position: current line, input offset of its first byte, UTF-8 continuation bytes seen on it.
    @exclusivity(unchecked) var line = 1
    @exclusivity(unchecked) var lineStart = 0
    @exclusivity(unchecked) var lineContinuations = 0

    @exclusivity(unchecked) private var deferredError: CSVError?
    @exclusivity(unchecked) private var finished = false

    // Current field: collected bytes, plus buf[pendingStart..<pos] not yet copied into `collected`.
    @exclusivity(unchecked) var collected: [UInt8] = []
    @exclusivity(unchecked) var pendingStart = 0
    @exclusivity(unchecked) var collecting = false
    @exclusivity(unchecked) var fieldOverflow = false
    @exclusivity(unchecked) var fieldNonASCII = false
    @exclusivity(unchecked) var fieldLine = 1
    @exclusivity(unchecked) var fieldColumn = 1
    @exclusivity(unchecked) var fieldOffset = 0
    @exclusivity(unchecked) var fieldIndex = 0
    @exclusivity(unchecked) var recordError: CSVError?
    @exclusivity(unchecked) var expectedFieldCount = 8

    /// Opens the file at `path` and reads its header line to decide the delimiter.
    public convenience init(path: String) throws(CSVError) {
        try self.init(path: path, chunkSize: CSVReader.defaultChunkSize, fieldLimit: CSVReader.maxFieldBytes)
    }

    /// Reads from memory. A problem found before the first record (UTF-16 input) is thrown by the
    /// first `next()`.
    public convenience init(bytes: [UInt8]) {
        self.init(bytes: bytes, chunkSize: CSVReader.defaultChunkSize, fieldLimit: CSVReader.maxFieldBytes)
    }

    /// Testing hook: `chunkSize` bytes are taken from the source per read, `fieldLimit` replaces
    /// `maxFieldBytes`.
    init(path: String, chunkSize: Int, fieldLimit: Int = CSVReader.maxFieldBytes, headerEnd: Int = Int.max) throws(CSVError) {
        let fd = path.withCString { openReadOnly($0) }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CSVError(line: 0, column: 0, byteOffset: 0, kind: .ioError,
                           message: "cannot open '\(path)': \(reason)")
        }
        self.fd = fd
        self.path = path
        self.memory = []
        self.chunkSize = max(1, chunkSize)
        self.fieldLimit = fieldLimit
        sourceLimit = headerEnd
        (buf, capacity, unquotedStop, quotedStop) = CSVReader.allocate(chunkSize: self.chunkSize)
        try start()
    }

    /// Reads a section of the file at `path`: first its header line, which ends at `headerEnd` (taken with
    /// `next()`), then, after `resume(at:line:upTo:)`, the section's lines.
    public convenience init(path: String, headerEnd: Int) throws(CSVError) {
        try self.init(path: path, chunkSize: CSVReader.defaultChunkSize, fieldLimit: CSVReader.maxFieldBytes, headerEnd: headerEnd)
    }

    /// Moves a reader made with `init(path:headerEnd:)`, its header taken, to the line that starts at byte
    /// `offset` of the file, numbered `line`; the input then ends at byte `stop` (or the file's end).
    /// `offset` must be the start of a record: the bytes before it are not looked at.
    public func resume(at offset: Int, line startLine: Int, upTo stop: Int) {
        precondition(fd >= 0 && !collecting, "a section is resumed from a file, between records")
        if lseek(fd, off_t(offset), SEEK_SET) < 0 {
            let reason = String(cString: strerror(errno))
            deferredError = CSVError(line: startLine, column: 1, byteOffset: offset, kind: .ioError, message: "cannot read '\(path)': \(reason)")
        }
        sourceLimit = stop
        base = offset
        pos = 0
        end = 0
        pendingStart = 0
        eof = false
        finished = false
        line = startLine
        lineStart = offset
        lineContinuations = 0
    }

    init(bytes: [UInt8], chunkSize: Int, fieldLimit: Int = CSVReader.maxFieldBytes) {
        self.fd = -1
        self.path = "<memory>"
        self.memory = bytes
        self.chunkSize = max(1, chunkSize)
        self.fieldLimit = fieldLimit
        (buf, capacity, unquotedStop, quotedStop) = CSVReader.allocate(chunkSize: self.chunkSize)
        do throws(CSVError) {
            try start()
        } catch {
            deferredError = error
        }
    }

    deinit {
        if fd >= 0 { _ = close(fd) }
        buf.deallocate()
        unquotedStop.deallocate()
        quotedStop.deallocate()
    }

    private static func allocate(chunkSize: Int)
        -> (UnsafeMutablePointer<UInt8>, Int, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt8>) {
        let capacity = chunkSize + 16
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let unquoted = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let quoted = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let stops: UInt8 = (b == 0x0A || b == 0x0D || b >= 0x80) ? 1 : 0
            unquoted[b] = stops
            quoted[b] = b == 0x22 ? 1 : stops
        }
        return (buf, capacity, unquoted, quoted)
    }

    /// The next record (the header first), or nil at the end of the input.
    public func next() throws(CSVError) -> CSVRecord? {
        if let error = deferredError {
            deferredError = nil
            finished = true
            throw error
        }
        if finished { return nil }
        do throws(CSVError) {
            return try readRecord()
        } catch {
            if error.kind == .ioError { finished = true }
            throw error
        }
    }

    /// Where the next record (or a blank line before it) starts in the input, and that line's number.
    var position: (offset: Int, line: Int) { (base + pos, line) }

    /// True once nothing more can come from `next()` but an error or nil: the fast lane stays out.
    var finishedOrFailed: Bool { finished || deferredError != nil }
    var atEOF: Bool { eof }
    var bufferCapacity: Int { capacity }

    // MARK: - Start: BOM and delimiter

    private func start() throws(CSVError) {
        _ = try ensure(3)
        let n = end - pos
        if n >= 2, (buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF) {
            finished = true
            throw CSVError(line: 1, column: 1, byteOffset: 0, kind: .utf16,
                           message: "the file is UTF-16 encoded; CSV data must be UTF-8: save it as 'CSV UTF-8' "
                               + "or run: iconv -f UTF-16 -t UTF-8 in.csv > out.csv")
        }
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        try detectDelimiter()
        unquotedStop[Int(delimiter)] = 1
    }

    /// Looks at the first non-empty line (without consuming it) for unquoted `,` and `;`.
    private func detectDelimiter() throws(CSVError) {
        var i = pos
        var inQuotes = false, atFieldStart = true, started = false
        var sawComma = false, sawSemicolon = false
        scan: while true {
            if i + 1 >= end {
                if !eof && i - pos < CSVReader.headerScanLimit {
                    try readMoreKeeping()
                    continue
                }
                if i >= end { break }
            }
            let b = buf[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < end && buf[i + 1] == 0x22 { i += 2; continue }
                    inQuotes = false
                }
                i += 1
                continue
            }
            switch b {
            case 0x0A, 0x0D:
                if started { break scan }
                atFieldStart = true
            case 0x22:
                if atFieldStart { inQuotes = true }
                atFieldStart = false
                started = true
            case UInt8(ascii: ","):
                sawComma = true; atFieldStart = true; started = true
            case UInt8(ascii: ";"):
                sawSemicolon = true; atFieldStart = true; started = true
            default:
                atFieldStart = false; started = true
            }
            i += 1
        }
        delimiter = sawSemicolon && !sawComma ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    // MARK: - Buffer

    /// Reads up to `count` bytes from the source into `to`; 0 at the end of input.
    private func readSource(into to: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        if fd < 0 {
            let n = min(count, memory.count - memoryOffset)
            guard n > 0 else { return 0 }
            memory.withUnsafeBufferPointer { src in
                if let s = src.baseAddress { to.update(from: s + memoryOffset, count: n) }
            }
            memoryOffset += n
            return n
        }
        let wanted = min(count, sourceLimit - (base + end))
        guard wanted > 0 else { return 0 }
        while true {
            let n = read(fd, to, wanted)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw CSVError(line: line, column: column(), byteOffset: base + end, kind: .ioError,
                           message: "cannot read '\(path)': \(reason)")
        }
    }

    /// Reads one more chunk after `end` without discarding anything, growing the buffer if it is full.
    private func readMoreKeeping() throws(CSVError) {
        if capacity - end < chunkSize {
            let newCapacity = max(capacity * 2, end + chunkSize + 16)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: buf, count: end)
            buf.deallocate()
            buf = grown
            capacity = newCapacity
        }
        let n = try readSource(into: buf + end, count: chunkSize)
        if n == 0 { eof = true } else { end += n }
    }

    /// Makes at least `n` (<= 8) unscanned bytes available at `pos`, unless the input ends first.
    /// Copies the pending part of the current field out of the buffer before moving bytes.
    @inline(__always)
    func ensure(_ n: Int) throws(CSVError) -> Bool {
        if end - pos >= n { return true }
        if eof { return false }
        return try refill(n)
    }

    private func refill(_ n: Int) throws(CSVError) -> Bool {
        if collecting && pos > pendingStart { appendToField(buf + pendingStart, count: pos - pendingStart) }
        let keep = end - pos
        if pos > 0 {
            if keep > 0 { buf.update(from: buf + pos, count: keep) }
            base += pos
            pos = 0
            end = keep
        }
        pendingStart = 0
        while end - pos < n && !eof {
            let n = try readSource(into: buf + end, count: min(chunkSize, capacity - end))
            if n == 0 { eof = true } else { end += n }
        }
        return end - pos >= n
    }
}

@inline(__always)
private func openReadOnly(_ path: UnsafePointer<CChar>) -> Int32 {
    open(path, O_RDONLY)
}
