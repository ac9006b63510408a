import Foundation
import TuanthuCore
import TuanthuRuntime

/// One CSV report per agency (`eval --split-by agency`), written as a streamed run hands over its findings:
/// each agency's rows go to a file of its own in a hidden folder beside the reports, and only once the run
/// is complete (no data errors) are they flushed and renamed into place, one file at a time. A run that
/// stops, or is killed, leaves the previous reports as they were (the next run removes the hidden folder).
final class Handouts {
    let folder: String
    let ext: String
    let header: [UInt8]
    private let staging: String
    private var number: [String: Int] = [:]
    private var agencies: [String] = []
    private var pending: [[UInt8]] = []

    init(folder: String, ext: String, header: String) throws {
        self.folder = folder
        self.ext = ext
        self.header = Array(header.utf8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let marker = (folder as NSString).appendingPathComponent("handouts")
        OutputFile.removeStale(besides: marker, marker: ".tmp-")
        staging = (folder as NSString).appendingPathComponent(".handouts.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
    }

    private func stagingPath(_ k: Int) -> String { (staging as NSString).appendingPathComponent(String(k)) }

    /// Adds rows to an agency's report (its header first).
    func append(_ agency: String, _ rows: [UInt8]) throws {
        let k: Int
        if let n = number[agency] {
            k = n
        } else {
            k = agencies.count
            number[agency] = k
            agencies.append(agency)
            pending.append(header)
        }
        pending[k] += rows
        // Written out every 64 KB: a national run may have a thousand agencies' reports open at once.
        if pending[k].count >= 1 << 16 { try flush(k) }
    }

    private func flush(_ k: Int, sync: Bool = false) throws {
        let fd = open(stagingPath(k), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputFileError.lastSystemError() }
        defer { close(fd) }
        guard OutputFile.writeAll(pending[k], to: fd), !sync || fsync(fd) == 0 else { throw OutputFileError.lastSystemError() }
        pending[k] = []
    }

    /// Writes out what is left, flushed to disk, and renames each report into place; returns how many.
    func finish() throws -> Int {
        let names = AgencyFileNames.names(for: agencies.sorted())
        for (k, agency) in agencies.enumerated() {
            try flush(k, sync: true)
            let target = (folder as NSString).appendingPathComponent((names[agency] ?? agency) + "." + ext)
            guard rename(stagingPath(k), target) == 0 else { throw OutputFileError.lastSystemError() }
        }
        discard()
        return agencies.count
    }

    /// Removes what was written: the previous reports stay as they were.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
