import Foundation

/// Runs the built `tuanthu` binary as a user would, from the repository root with relative paths.
enum CLI {
    /// The repository root, found from this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// The binary built next to this test bundle (whatever `--scratch-path` was used), else `.build/debug`.
    static let binary: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("tuanthu"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("tuanthu"))
        if let exe = Bundle.main.executableURL {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("tuanthu"))
                dir = dir.deletingLastPathComponent()
            }
        }
        for test in Bundle.allBundles where test.bundlePath.hasSuffix(".xctest") {
            candidates.append(test.bundleURL.deletingLastPathComponent().appendingPathComponent("tuanthu"))
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("tuanthu"))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/tuanthu"))
        return candidates.first { url in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDir) && !isDir.boolValue && fm.isExecutableFile(atPath: url.path)
        }
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the tuanthu binary was not found next to the test bundle (\(Bundle.main.bundleURL.path))" }
    }

    /// Runs `tuanthu args...` with the repository root as working directory (and `extra` variables set).
    /// `stdoutFile`: standard output goes to this file (opened for appending after what it holds) instead of
    /// a pipe; `Result.stdout` is then empty.
    static func run(_ args: [String], in directory: URL = repositoryRoot, environment extra: [String: String] = [:],
                    stdoutFile: URL? = nil) throws -> Result {
        guard let binary else { throw NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // These tests read English; the default language (Vietnamese) has its own tests in LanguageCLITests.
        environment["TUANTHU_LANG"] = "en"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        if let stdoutFile {
            let handle = try FileHandle(forWritingTo: stdoutFile)
            try handle.seekToEnd()
            process.standardOutput = handle
            try? out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large report cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory, inside one folder per test process (`tuanthu-cli-tests/PID`). The
    /// folders of earlier test processes that have ended are removed the first time one is asked for, so
    /// test runs do not pile up folders in /tmp.
    static func scratch() throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let scratchRoot: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-cli-tests", isDirectory: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let other = Int32(name), other != pid, kill(other, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        return parent.appendingPathComponent(String(pid), isDirectory: true)
    }()

    /// Parses a JSON report.
    static func json(_ data: Data) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: data)
        guard let dict = object as? [String: Any] else { throw NotBuilt() }
        return dict
    }
}
