import Foundation

/// Writes output files atomically: a temporary file in the same folder, then a rename, so an
/// interrupted run leaves the previous file intact or no file, never half a file.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: tmp, options: [])
            let handle = try FileHandle(forWritingTo: tmp)
            try handle.synchronize()
            try handle.close()
            if rename(tmp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}

/// Something text is written to piece by piece (a file being written, standard output, a string).
public protocol TextSink {
    mutating func write(_ text: String)
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

    public init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    public mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    public mutating func write(bytes: [UInt8]) {
        if buffer.isEmpty && bytes.count >= 1 << 20 {
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

    /// Every 16 MB, asks the kernel to start writing what is already in the file, so the final flush to
    /// disk (before the rename) has little left to wait for. A hint only: nothing changes if unsupported.
    mutating func wrote(_ n: Int) {
        written += n
        guard written - writebackStart >= 16 << 20 else { return }
        Writeback.start(handle.fileDescriptor, offset: writebackStart, length: written - writebackStart)
        writebackStart = written
    }
}

/// `sync_file_range(fd, offset, length, SYNC_FILE_RANGE_WRITE)` on Linux, looked up at run time (Glibc's
/// Swift overlay does not export it); a no-op elsewhere.
enum Writeback {
    typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    nonisolated(unsafe) static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()

    static func start(_ fd: Int32, offset: Int, length: Int) {
        _ = syncFileRange?(fd, Int64(offset), Int64(length), 2 /* SYNC_FILE_RANGE_WRITE */)
    }
}

extension OutputFile {
    /// Streams a file atomically: the body writes into a temporary file, which replaces `path` only
    /// once everything was written and flushed to disk.
    public static func stream(to path: String, _ body: (inout FileSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        do {
            let handle = try FileHandle(forWritingTo: tmp)
            var sink = FileSink(handle: handle)
            try body(&sink)
            sink.flush()
            if let failure = sink.failure { throw failure }
            try handle.synchronize()
            try handle.close()
            if rename(tmp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
