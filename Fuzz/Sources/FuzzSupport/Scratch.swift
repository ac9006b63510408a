import Foundation

/// A per-process scratch folder (in /dev/shm when there is one) where fuzz inputs are written as the
/// files the CLI would read, so each target runs the same code path as `tuanthu check` / `eval`.
public final class Scratch: @unchecked Sendable {
    public let path: String

    public init(_ name: String) {
        let root = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        path = "\(root)/tuanthu-fuzz-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the scratch folder (creating subfolders) and returns its path.
    @discardableResult
    public func write(_ bytes: some Collection<UInt8>, to name: String) -> String {
        let file = path + "/" + name
        let dir = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Empties the folder `name` inside the scratch folder (the whole folder for "").
    public func clear(_ name: String = "") {
        let dir = name.isEmpty ? path : path + "/" + name
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
}

/// Splits a fuzz input into sections at lines that are exactly `@@` (the data files of one run).
public enum Sections {
    public static let separator: [UInt8] = Array("\n@@\n".utf8)

    public static func split(_ bytes: [UInt8], max: Int) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i + separator.count <= bytes.count && parts.count < max - 1 {
            if bytes[i] == separator[0] && bytes[i..<(i + separator.count)].elementsEqual(separator) {
                parts.append(bytes[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }
}

/// Stops the fuzzer with a message (libFuzzer records the input that got here as a crash).
public func fuzzFailure(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("fuzz invariant broken: " + message + "\n").utf8))
    abort()
}

/// libFuzzer's driver (from libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process arguments. SwiftPM links an executable target's own `main`, so
/// each target starts libFuzzer's driver itself instead of relying on libFuzzer's `main`.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
