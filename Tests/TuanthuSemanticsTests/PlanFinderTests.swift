import Foundation
import Testing
@testable import TuanthuSemantics

/// Which plan files a path on the command line names.
@Suite struct PlanFinderTests {
    /// A folder named on the command line is searched when it is a symbolic link too (with or without a
    /// trailing slash), its files named under the name given; links met inside it are not followed, as
    /// `grep -r` does.
    @Test func aLinkedFolderIsSearched() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-finder-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("shared/rules")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("kon-tum"), withIntermediateDirectories: true)
        try Data("plan x\n".utf8).write(to: real.appendingPathComponent("kon-tum/a.plan"))
        try Data("plan y\n".utf8).write(to: real.appendingPathComponent("b.plan"))
        let other = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("plan z\n".utf8).write(to: other.appendingPathComponent("c.plan"))
        try FileManager.default.createSymbolicLink(atPath: real.appendingPathComponent("inner").path, withDestinationPath: other.path)
        let link = dir.appendingPathComponent("rules").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/rules")

        #expect(PlanFinder.expand([link]).files == [link + "/b.plan", link + "/kon-tum/a.plan"])
        #expect(PlanFinder.expand([link + "/"]).files == [link + "/b.plan", link + "/kon-tum/a.plan"])
        #expect(PlanFinder.expand([real.path]).files == [real.path + "/b.plan", real.path + "/kon-tum/a.plan"])
    }
}
