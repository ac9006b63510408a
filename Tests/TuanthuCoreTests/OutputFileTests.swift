import Foundation
import Testing
@testable import TuanthuCore

/// `OutputFile.stream`: the file appears whole under its name, exactly the bytes written — also when its blocks
/// were reserved ahead of the writes (64 MB at a time) and the reserve is cut off at the end.
@Suite struct OutputFileTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-output-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Sizes on each side of the first reserve (64 MB), written as small pieces and as large blocks.
    @Test(arguments: [0, 3, (1 << 20) + 7, (64 << 20) - 1, (64 << 20) + 5])
    func theFileHoldsExactlyTheBytesWritten(size: Int) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.csv").path
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
                piece = piece < 1 << 24 ? piece * 3 + 1 : 1
            }
        }
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == size)
        // Compared first: a failing expectation would describe both 64 MB values element by element.
        let same = written == Data(expected)
        #expect(same, "the bytes differ")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"], "no temporary file is left")
    }

    /// A sink that does not reserve ahead (the JSON report's parked findings, read back to their end) never
    /// grows its file beyond the bytes written.
    @Test func aSinkWithoutReserveIsNeverLongerThanWritten() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("parked")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forUpdating: url)
        var sink = FileSink(handle: handle)
        sink.write(bytes: [UInt8](repeating: 0x41, count: 3 << 20))
        sink.flush()
        try handle.close()
        #expect(try Data(contentsOf: url).count == 3 << 20)
    }
}
