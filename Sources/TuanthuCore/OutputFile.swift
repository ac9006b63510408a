import Foundation

/// Writes output files atomically: a temporary file in the same folder, then a rename, so an
/// interrupted run leaves the previous file intact or no file, never half a file.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        try stream(to: path) { $0.write(text) }
    }

    public static func write(_ data: Data, to path: String) throws {
        try stream(to: path) { $0.write(bytes: [UInt8](data)) }
    }
}

/// Something text is written to piece by piece (a file being written, standard output, a string).
public protocol TextSink {
    mutating func write(_ text: String)
}

/// Why an output file could not be written, in the system's words ("No such file or directory").
public struct OutputFileError: LocalizedError {
    public let reason: String
    public var errorDescription: String? { reason }

    public init(reason: String) { self.reason = reason }

    /// The last system call's error, in the system's words.
    public static func lastSystemError() -> OutputFileError { OutputFileError(reason: String(cString: strerror(errno))) }
}

/// Collects text in memory.
public struct StringSink: TextSink {
    public private(set) var text = ""
    public init() {}
    public mutating func write(_ text: String) { self.text += text }
}

/// Buffers UTF-8 and hands it to a file handle a megabyte at a time, so a large report never has to
/// exist as one string in memory.
public struct FileSink: TextSink {
    let handle: FileHandle
    var buffer: [UInt8] = []
    public private(set) var failure: Error?
    /// Bytes handed to the file so far, and how far the disk has been asked to catch up.
    var written = 0
    var writebackStart = 0
    var syncer: BackgroundSync?

    /// Whether the disk is asked to catch up as the file grows (not for a device, pipe or socket).
    var flushesAhead = true

    public init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// A sink writing straight to the open descriptor `fd` (left open), never asking the disk to catch up
    /// ahead: standard output, a device, a pipe, a temporary file.
    init(writingThrough fd: Int32) {
        self.init(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: false))
        flushesAhead = false
    }

    public mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    public mutating func write(bytes: [UInt8]) {
        if bytes.count >= 1 << 16 {
            // Large blocks (a duty's rendered findings) go straight to the file, not copied into the buffer.
            flush()
            guard failure == nil else { return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
            wrote(bytes.count)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    public mutating func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        wrote(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every 16 MB, has what is already in the file flushed to disk on a helper thread, so the final
    /// flush before the rename has little left to wait for.
    mutating func wrote(_ n: Int) {
        written += n
        // Not while a previous report is being removed: its blocks are being discarded, and a flush would
        // wait behind them holding the file (the writer's next write with it).
        guard flushesAhead, written - writebackStart >= 16 << 20, !Removal.anyUnderWay else { return }
        writebackStart = written
        if syncer == nil { syncer = BackgroundSync(fd: handle.fileDescriptor) }
        syncer?.request()
    }

    /// Stops the helper thread (after its last flush).
    mutating func finishSyncing() {
        syncer?.finish()
        syncer = nil
    }
}

/// Previous reports renamed to a run's temporary name, to be written over by the new report
/// (`OutputFile.makeWayForReport`): the open file descriptor by the report's path.
enum Replacement {
    nonisolated(unsafe) static var reused: [String: Int32] = [:]
    /// The file each output path named when its previous report was set aside (a symbolic link followed).
    nonisolated(unsafe) static var resolved: [String: String] = [:]
    static let lock = NSLock()
}

/// A file being removed on a thread of its own (`OutputFile.removeInBackground`).
final class Removal: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) static var pending: [String: Removal] = [:]
    /// How many removals have not finished yet.
    nonisolated(unsafe) static var underWay = 0
    static let lock = NSLock()

    static var anyUnderWay: Bool {
        lock.lock()
        defer { lock.unlock() }
        return underWay > 0
    }
}

/// A thread that runs `fdatasync` on a file whenever asked, while the writer goes on. Only a head start:
/// the caller still flushes the whole file itself before renaming it.
final class BackgroundSync: @unchecked Sendable {
    let fd: Int32
    let condition = NSCondition()
    var pending = false
    var stopping = false
    var running = true

    init(fd: Int32) {
        self.fd = fd
        let thread = Thread { [self] in loop() }
        thread.start()
    }

    func request() {
        condition.lock()
        pending = true
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while !pending && !stopping { condition.wait() }
            if !pending && stopping { break }
            pending = false
            condition.unlock()
            _ = fdatasync(fd)
            condition.lock()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}

extension OutputFile {
    /// Removes what killed runs left beside `path`: hidden `.NAME<marker>PID` files (`.tmp-`, `.findings-`)
    /// whose process no longer runs. Files of a run still going are kept.
    public static func removeStale(besides path: String, marker: String) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + marker
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
        }
    }

    /// Where output named `path` goes.
    enum Destination: Equatable {
        /// A regular file (or none yet), replaced atomically: `path`, or the file a symbolic link at `path`
        /// points to (the link is kept).
        case file(String)
        /// A device, a named pipe or a socket (`/dev/stdout`, `/dev/null`): written straight through.
        case device
    }

    /// Whether a report to `path` is written straight through (a device, a named pipe, a socket): what is
    /// written cannot be taken back.
    public static func writesThrough(_ path: String) -> Bool { destination(of: path) == .device }

    static func destination(of path: String) -> Destination {
        // As found when the way was made for the report (the link's target may have been set aside since).
        Replacement.lock.lock()
        let known = Replacement.resolved[path]
        Replacement.lock.unlock()
        if let known { return .file(known) }
        var st = stat()
        guard stat(path, &st) == 0 else { return .file(path) }  // nothing there yet, or a dangling link
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            var link = stat()
            guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK,
                  let resolved = realpath(path, nil) else { return .file(path) }
            defer { free(resolved) }
            return .file(String(cString: resolved))
        case S_IFDIR:
            return .file(path)  // the rename fails: "cannot write"
        default:
            return .device
        }
    }

    /// The hidden temporary name a report is written under beside `path` before it is renamed to `path`.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// Makes way for a new report at `path`, once the run is sure to write one. The previous report there (a
    /// regular file) is renamed to the run's temporary name and, when nothing else has it open, the new
    /// report is written over it in place: its blocks are reused rather than freed and allocated anew, which
    /// on a disk mounted with `discard` waits for the disk (0.1 s for a 200 MB report, then writing fresh
    /// blocks costs more than overwriting). A previous report that is open elsewhere, shared by a hard link,
    /// owned by someone else or on a filesystem without leases is removed instead, on a thread of its own, and
    /// the new report written to a fresh file. A symbolic link is followed to the file it names (the link
    /// stays); anything else but a regular file (a folder, a device, nothing) is left alone. Either way the
    /// file is absent until the new report is complete and renamed there; `finishReplacement(at:)` removes a
    /// previous report set aside for a report never written.
    public static func makeWayForReport(at output: String) {
        guard case .file(let path) = destination(of: output) else { return }
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        Replacement.lock.lock()
        Replacement.resolved[output] = path
        Replacement.lock.unlock()
        if let fd = takeOverForReuse(path) {
            Replacement.lock.lock()
            Replacement.reused[path] = fd
            Replacement.lock.unlock()
        } else {
            removeInBackground(path)
        }
    }

    /// Opens the regular file at `path` and renames it to the run's temporary name when this process is the
    /// only one to have it open (a write lease is granted only then) and it has no other name; nil otherwise.
    private static func takeOverForReuse(_ path: String) -> Int32? {
        #if os(Linux)
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        let F_SETLEASE: Int32 = 1024
        let previousHandler = signal(SIGIO, SIG_IGN)
        defer { signal(SIGIO, previousHandler) }
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1,
              fcntl(fd, F_SETLEASE, Int32(F_WRLCK)) == 0 else {
            close(fd)
            return nil
        }
        // While the lease is held, anyone opening the file waits for it to be given back (the few
        // microseconds of the rename) and the kernel signals SIGIO, whose default would end the run.
        let renamed = rename(path, temporaryPath(for: path)) == 0
        _ = fcntl(fd, F_SETLEASE, Int32(F_UNLCK))
        guard renamed else {
            close(fd)
            return nil
        }
        return fd
        #else
        return nil
        #endif
    }

    /// Removes the regular file at `path` on a thread of its own, while the run reads and judges.
    static func removeInBackground(_ path: String) {
        let removal = Removal()
        Removal.lock.lock()
        Removal.pending[path] = removal
        Removal.underWay += 1
        Removal.lock.unlock()
        let thread = Thread { [removal] in
            _ = unlink(path)
            Removal.lock.lock()
            Removal.underWay -= 1
            Removal.lock.unlock()
            removal.done.signal()
        }
        thread.start()
    }

    /// Waits for the background removal of `path`, if one was started.
    static func awaitRemoval(of path: String) {
        Removal.lock.lock()
        let removal = Removal.pending.removeValue(forKey: path)
        Removal.lock.unlock()
        removal?.done.wait()
    }

    /// Ends the replacement of the report at `path`: removes the previous report set aside for it when the new
    /// one was never written (the run stopped on data errors), and waits for a removal still under way.
    public static func finishReplacement(at output: String) {
        guard case .file(let path) = destination(of: output) else { return }
        Replacement.lock.lock()
        Replacement.resolved[output] = nil
        let unused = Replacement.reused.removeValue(forKey: path)
        Replacement.lock.unlock()
        if let fd = unused {
            close(fd)
            _ = unlink(temporaryPath(for: path))
        }
        awaitRemoval(of: path)
    }

    /// Streams a report to standard output so that it comes whole or not at all, as a report rendered in
    /// memory would: when standard output is a regular file (`> report.csv`), straight into it, cut back to
    /// where it began if the body throws; otherwise (a pipe, a terminal) into a temporary file (in `TMPDIR`,
    /// unlinked at once) copied out once the body is done. Returns false, having written nothing, when there
    /// is no room for that temporary file: the caller then makes the report another way.
    public static func streamToStandardOutput(_ body: (inout FileSink) throws -> Void) throws -> Bool {
        try checkStandardOutput()
        var st = stat()
        if fstat(STDOUT_FILENO, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            let appending = fcntl(STDOUT_FILENO, F_GETFL) & O_APPEND != 0
            let start = appending ? off_t(st.st_size) : lseek(STDOUT_FILENO, 0, SEEK_CUR)
            do {
                try writeThrough(STDOUT_FILENO, body)
            } catch {
                if start >= 0 {
                    _ = ftruncate(STDOUT_FILENO, start)
                    _ = lseek(STDOUT_FILENO, start, SEEK_SET)
                }
                throw error
            }
            return true
        }
        var template = Array((NSTemporaryDirectory() + "/tuanthu-report-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(fd) }
        var sink = FileSink(writingThrough: fd)
        try body(&sink)
        sink.flush()
        guard sink.failure == nil else { return false }
        try copy(fd, count: sink.written, to: STDOUT_FILENO)
        return true
    }

    /// Runs `body` on a sink writing straight to the open descriptor `fd` (`FileSink(writingThrough:)`), then
    /// writes out what it holds; throws what `body` throws, or the first write that failed.
    public static func writeThrough(_ fd: Int32, _ body: (inout FileSink) throws -> Void) throws {
        var sink = FileSink(writingThrough: fd)
        try body(&sink)
        sink.flush()
        if let failure = sink.failure { throw failure }
    }

    /// Throws when standard output is closed (`>&-`): a file opened next would take its number and get the
    /// report meant for it.
    public static func checkStandardOutput() throws {
        guard fcntl(STDOUT_FILENO, F_GETFD) >= 0 else { throw OutputFileError.lastSystemError() }
    }

    /// Writes `bytes` to standard output; throws what went wrong (closed, a full disk) instead of trapping
    /// as `FileHandle.write` does.
    public static func writeToStandardOutput(_ bytes: [UInt8]) throws {
        guard writeAll(bytes, to: STDOUT_FILENO) else { throw OutputFileError.lastSystemError() }
    }

    /// Writes all of `bytes` to the descriptor `fd` (again after a short write or a signal); false, with
    /// `errno` set, when it cannot.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0.baseAddress, count: $0.count, to: fd) }
    }

    static func writeAll(_ start: UnsafeRawPointer?, count: Int, to fd: Int32) -> Bool {
        var done = 0
        while done < count, let start {
            let w = Glibc.write(fd, start + done, count - done)
            if w < 0 && errno == EINTR { continue }
            guard w > 0 else { return false }
            done += w
        }
        return true
    }

    /// Copies the first `count` bytes of the file `fd` to `out`.
    static func copy(_ fd: Int32, count: Int, to out: Int32) throws {
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < count {
            let n = pread(fd, buffer, min(size, count - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0, writeAll(buffer, count: n, to: out) else { throw OutputFileError.lastSystemError() }
            offset += n
        }
    }

    /// Streams a file atomically: the body writes into a temporary file, which replaces `path` only
    /// once everything was written and flushed to disk.
    public static func stream(to output: String, _ body: (inout FileSink) throws -> Void) throws {
        let path: String
        switch destination(of: output) {
        case .file(let p): path = p
        case .device:
            // `/dev/stdout`, `/dev/null`, a named pipe: written straight through (a device cannot be
            // replaced by a rename, and must never be).
            let fd = open(output, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputFileError.lastSystemError() }
            defer { close(fd) }
            try writeThrough(fd, body)
            return
        }
        removeStale(besides: path, marker: ".tmp-")
        let tmp = temporaryPath(for: path)
        Replacement.lock.lock()
        let reused = Replacement.reused.removeValue(forKey: path)
        Replacement.lock.unlock()
        let fd = reused ?? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputFileError.lastSystemError() }
        do {
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            var sink = FileSink(handle: handle)
            defer {
                sink.finishSyncing()
                try? handle.close()
            }
            try body(&sink)
            sink.flush()
            sink.finishSyncing()
            if let failure = sink.failure { throw failure }
            // Written over a previous report: what is left of it past the new end goes.
            if reused != nil { try handle.truncate(atOffset: UInt64(sink.written)) }
            try handle.synchronize()
            awaitRemoval(of: path)
            if rename(tmp, path) != 0 {
                throw OutputFileError.lastSystemError()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
    }
}
