import Foundation
import TuanthuCore
import TuanthuSyntax

/// Finds `.plan` files: a file argument is taken as is; a directory is searched recursively.
public enum PlanFinder {
    /// Expands paths into a sorted, de-duplicated list of plan files. Missing paths are returned separately.
    public static func expand(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var seen: Set<String> = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { missing.append(path); continue }
            if isDir.boolValue {
                var found: [String] = []
                // A folder named on the command line is searched even when it is a symbolic link (as `grep -r`
                // does); links met inside it are not followed.
                if let e = fm.enumerator(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path) {
                    while let rel = e.nextObject() as? String {
                        if rel.hasSuffix(".plan") {
                            found.append(path.hasSuffix("/") ? path + rel : path + "/" + rel)
                        }
                    }
                }
                for f in found.sorted() where seen.insert(standard(f)).inserted { files.append(f) }
            } else if seen.insert(standard(path)).inserted {
                files.append(path)
            }
        }
        return (files, missing)
    }

    static func standard(_ p: String) -> String {
        URL(fileURLWithPath: p).standardizedFileURL.path
    }
}

/// A file read, decoded and parsed once per run.
public struct LoadedFile: Sendable {
    public var source: SourceFile
    public var ast: PlanFile
}

/// Reads and parses plan files, each once, remembering them by their standardized path.
public struct SourceLoader: Sendable {
    public private(set) var sources = SourceMap()
    private var byPath: [String: Int] = [:]
    private(set) var loaded: [Int: LoadedFile] = [:]
    /// Diagnostics from decoding and parsing, in load order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Largest plan file accepted.
    public static let maxFileBytes = 64 * 1024 * 1024

    public init() {}

    /// Loads a file; returns nil (and reason) when it cannot be read.
    public mutating func load(_ path: String) -> Result<LoadedFile, LoadFailure> {
        let key = PlanFinder.standard(path)
        if let id = byPath[key], let f = loaded[id] { return .success(f) }
        guard let raw = Self.read(path, limit: Self.maxFileBytes) else { return .failure(.unreadable) }
        if raw.count > Self.maxFileBytes {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            return .failure(.tooLarge(max(size ?? 0, raw.count)))
        }
        let bytes: [UInt8]
        var encodingProblem: EncodingProblem?
        switch SourceFile.decode(raw) {
        case .success(let b): bytes = b
        case .failure(let p):
            encodingProblem = p
            bytes = []
        }
        let source = sources.add(path: path, bytes: bytes)
        byPath[key] = source.id
        if let p = encodingProblem {
            let detail: Phrase
            switch p {
            case .utf16: detail = Phrase(vi: "tệp đang ở dạng UTF-16 (chuyển đổi bằng: iconv -f UTF-16 -t UTF-8)", en: "it is UTF-16 (convert it with: iconv -f UTF-16 -t UTF-8)")
            case .invalidUTF8(let off):
                // The text is dropped, so say where the bad byte is in words an editor understands.
                let (line, column) = Self.position(ofByte: off, in: raw)
                detail = Phrase(vi: "có byte không hợp lệ ở dòng \(line), cột \(column) (vị trí byte \(off))", en: "invalid UTF-8 byte at line \(line), column \(column) (byte offset \(off))")
            }
            diagnostics.append(Diagnostic(.invalidEncoding(detail: detail), at: Span(file: source.id, start: 0, end: 0)))
        }
        let (ast, parseDiagnostics) = Parser.parse(source)
        diagnostics.append(contentsOf: parseDiagnostics)
        let file = LoadedFile(source: source, ast: ast)
        loaded[source.id] = file
        return .success(file)
    }

    /// Reads at most `limit + 1` bytes, so a device or pipe that never ends (`use "/dev/zero"`) stops at the limit.
    /// A regular file is read straight into one array of its size (no chunks, no `Data` copy).
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        // One byte more than a regular file's size, so the end is seen without growing the array.
        var bytes = [UInt8](repeating: 0, count: min(limit + 1, max(size + 1, 1 << 16)))
        var filled = 0
        while filled <= limit {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count))) }
            // `read` writes at most `room` bytes into the unfilled tail of the array.
            let room = bytes.count - filled
            let n = bytes.withUnsafeMutableBytes { buffer in Foundation.read(fd, buffer.baseAddress! + filled, room) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// 1-based line and column (in scalars) of a byte offset counted after any UTF-8 BOM; the bytes before it are valid UTF-8.
    static func position(ofByte offset: Int, in raw: [UInt8]) -> (line: Int, column: Int) {
        let bom = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0
        var line = 1, column = 1
        for b in raw[bom..<min(raw.count, bom + offset)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// Adds source text that did not come from disk (tests, the formatter).
    public mutating func add(path: String, text: String) -> LoadedFile {
        let bytes: [UInt8]
        switch SourceFile.decode(Array(text.utf8)) {
        case .success(let b): bytes = b
        case .failure: bytes = Array(text.utf8)
        }
        let source = sources.add(path: path, bytes: bytes)
        byPath[PlanFinder.standard(path)] = source.id
        let (ast, parseDiagnostics) = Parser.parse(source)
        diagnostics.append(contentsOf: parseDiagnostics)
        let file = LoadedFile(source: source, ast: ast)
        loaded[source.id] = file
        return file
    }
}

public enum LoadFailure: Error, Sendable {
    case unreadable
    case tooLarge(Int)
}
