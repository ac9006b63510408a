import Foundation
import Testing
@testable import TuanthuCore

/// `OutputFile.stream`: the file appears whole under its name, exactly the bytes written, with no temporary file
/// left — whether the pieces were buffered or written directly, and past the helper's flush every 16 MB.
@Suite struct OutputFileTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-output-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func inode(_ path: String) throws -> UInt64 {
        try #require((FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    @Test(arguments: [0, 3, (1 << 20) + 7, (16 << 20) + 5, (33 << 20) + 1])
    func theFileHoldsExactlyTheBytesWritten(size: Int) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
        try Data("previous report\n".utf8).write(to: URL(fileURLWithPath: path))
        let pattern = (0..<4099).map { UInt8(truncatingIfNeeded: $0 &* 31) | 1 }
        var expected: [UInt8] = []
        expected.reserveCapacity(size)
        while expected.count < size { expected += pattern.prefix(size - expected.count) }
        try OutputFile.stream(to: path) { sink in
            var at = 0
            var piece = 1
            while at < size {
                // Pieces of growing sizes: buffered ones below 64 KB, blocks written directly above.
                let n = min(size - at, piece)
                sink.write(bytes: Array(expected[at..<(at + n)]))
                at += n
                piece = piece < 1 << 23 ? piece * 3 + 1 : 1
            }
        }
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == size)
        // Compared first: a failing expectation would describe both values element by element.
        let same = written == Data(expected)
        #expect(same, "the bytes differ")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"], "no temporary file is left")
    }

    /// A body that throws leaves the previous file as it was and no temporary file.
    @Test func aFailingBodyWritesNothing() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
        try Data("previous report\n".utf8).write(to: URL(fileURLWithPath: path))
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try OutputFile.stream(to: path) { sink in
                sink.write(bytes: [UInt8](repeating: 0x41, count: 2 << 20))
                throw Stop()
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("previous report\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"])
    }

    /// A rerun writes its report over the previous one (`makeWayForReport`), whatever their sizes: the file
    /// holds exactly the new bytes, nothing of the old one past its end, and no temporary file is left.
    @Test(arguments: [(0, 5), (5 << 20, 3), (3, (2 << 20) + 11), ((17 << 20) + 3, (17 << 20) + 3)])
    func aRerunOverwritesThePreviousReportExactly(previous: Int, new: Int) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
        try Data(repeating: 0x5A, count: previous).write(to: URL(fileURLWithPath: path))
        let before = try Self.inode(path)
        OutputFile.makeWayForReport(at: path)
        #expect(!FileManager.default.fileExists(atPath: path), "the previous report is out of the way")
        let expected = (0..<new).map { UInt8(truncatingIfNeeded: $0 &* 7) | 1 }
        try OutputFile.stream(to: path) { sink in
            var at = 0
            while at < new {
                let n = min(new - at, at % 3 == 0 ? 70_000 : 1_000)
                sink.write(bytes: Array(expected[at..<(at + n)]))
                at += n
            }
        }
        OutputFile.finishReplacement(at: path)
        let same = try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected)
        #expect(same, "the file holds the new report exactly")
        #if os(Linux)
        #expect(try Self.inode(path) == before, "written over the previous report, not beside it")
        #endif
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"])
    }

    /// A previous report someone still has open, or that has a second name, is never written over: the
    /// reader and the other name keep the previous bytes, the path gets the new report.
    @Test func aPreviousReportInUseIsLeftToItsReaders() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
        let old = Data(repeating: 0x4F, count: 3 << 20)
        try old.write(to: URL(fileURLWithPath: path))
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? reader.close() }
        let before = try Self.inode(path)
        OutputFile.makeWayForReport(at: path)
        try OutputFile.stream(to: path) { $0.write(bytes: [UInt8](repeating: 0x4E, count: 3 << 20)) }
        OutputFile.finishReplacement(at: path)
        let seenByReader = try reader.readToEnd() == old
        #expect(seenByReader, "the open previous report is intact")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x4E, count: 3 << 20))
        #expect(try Self.inode(path) != before, "a new file")

        let other = dir.appendingPathComponent("copy.csv").path
        try FileManager.default.linkItem(atPath: path, toPath: other)
        OutputFile.makeWayForReport(at: path)
        try OutputFile.stream(to: path) { $0.write("new") }
        OutputFile.finishReplacement(at: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == Data(repeating: 0x4E, count: 3 << 20), "the other name keeps its bytes")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["copy.csv", "report.csv"])
    }

    /// A previous report set aside for a report that is never written (the run stopped on data errors) is
    /// removed at the end: no report, no temporary file.
    @Test func aReportNeverWrittenLeavesNothing() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
        try Data("previous report\n".utf8).write(to: URL(fileURLWithPath: path))
        OutputFile.makeWayForReport(at: path)
        OutputFile.finishReplacement(at: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// A symbolic link at the output path is followed: the file it points to gets the report (written over
    /// in place, then renamed there), the link stays a link.
    @Test func aLinkIsFollowedAndKept() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("shared").appendingPathComponent("report.csv").path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 1 << 20).write(to: URL(fileURLWithPath: target))
        let link = dir.appendingPathComponent("report.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/report.csv")
        for round in 0..<2 {
            OutputFile.makeWayForReport(at: link)
            try OutputFile.stream(to: link) { $0.write("round \(round)\n") }
            OutputFile.finishReplacement(at: link)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/report.csv")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "round \(round)\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent) == ["report.csv"])
    }

    /// A named pipe (as `/dev/stdout` or `/dev/null` are devices) is written straight through: it is never
    /// replaced by a file, and the reader gets every byte.
    @Test func aPipeIsWrittenThrough() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A second name for the pipe, to let the reader go should the report never reach it.
        let alias = dir.appendingPathComponent("alias").path
        #expect(link(fifo, alias) == 0)
        let expected = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) }
        final class Received: @unchecked Sendable { var data = Data() }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        Thread {
            if let reader = FileHandle(forReadingAtPath: fifo) {
                received.data = (try? reader.readToEnd()) ?? Data()
                try? reader.close()
            }
            done.signal()
        }.start()
        OutputFile.makeWayForReport(at: fifo)
        try OutputFile.stream(to: fifo) { $0.write(bytes: expected) }
        OutputFile.finishReplacement(at: fifo)
        if done.wait(timeout: .now() + 20) == .timedOut {
            // Nothing was written to the pipe (it was replaced by a file): let the reader go.
            Issue.record("the report never reached the pipe")
            if let w = FileHandle(forWritingAtPath: alias) { try? w.close() }
            done.wait()
        }
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "still a pipe")
        let same = received.data == Data(expected)
        #expect(same, "the reader got the report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["alias", "pipe"])
    }
}
