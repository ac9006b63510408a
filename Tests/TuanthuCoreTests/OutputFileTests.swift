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
}
