import Foundation
import TuanthuCore

/// Which plans the rows of a report file can belong to, and where their rows lie, found by a quick pass
/// over its `plan` (and, where that cell is empty, `obligation`) cells before the file is read for real
/// (`ReportFileScan+Lines.swift`). A streamed run (`Evaluator.evaluateStreaming`) judges a plan as soon as
/// every file (or section of a file) that can hold its rows is read.
///
/// The answer may name more plans than the rows turn out to have, never fewer: whatever the pass cannot
/// be sure of — a file in UTF-16, a byte that is not UTF-8 in a cell it reads, a CSV syntax error, a plan
/// cell that names no plan, an obligation that no single plan declares — makes it answer "any plan" (nil),
/// and the run then holds that file's rows with everyone else's until the end, as a whole run does. (A
/// legacy encoding met only in the cells the pass does not read sends the run back to a whole read.)
enum ReportFileScan {
    /// A header line longer than this is not read by the scan (the file is "any plan"): a real header is a few
    /// hundred bytes, and a hostile one of 25 million columns would be decoded twice.
    static let longestHeader = 1 << 20

    /// Where each plan's rows lie in a file read the quick way (`lines(of:)`): from the start of its first
    /// line (and that line's number) to the start of its last line. A plan's rows may have other plans'
    /// rows between them.
    struct PlanSpan: Equatable, Sendable {
        var first: Int
        var firstLine: Int
        var last: Int
    }

    /// Where the rows of a file begin (its header is its first line) and where each plan's lie.
    struct Layout: Equatable, Sendable {
        var headerEnd: Int
        var spans: [Int: PlanSpan]
    }

    /// The plans a file's rows can belong to, and, when the file was read the quick way, where they lie.
    struct Result: Equatable, Sendable {
        var plans: Set<Int>
        var layout: Layout?
    }

    /// `lines`: the file's quick pass, when made beforehand (`ReportPrescan`); `chunkSize`: how much of the
    /// file that pass reads at a time (tests read a few bytes at a time).
    static func scan(of path: String, directory: PlanDirectory, lines given: Lines? = nil, chunkSize: Int = FileChunks.chunkSize) -> Result? {
        resolve(given ?? lines(of: path, chunkSize: chunkSize), directory: directory)
    }

    /// What a row's trimmed `plan` and `obligation` cells say, read as `PlanDirectory.route` reads them.
    enum RowPlan { case plan(Int), none, unsure }

    static func rowPlan(planCell: String, obligationCell: String, directory: PlanDirectory) -> RowPlan {
        if !planCell.isEmpty { return directory.plan(id: planCell).map(RowPlan.plan) ?? .unsure }
        // A row naming neither is blank, or an error of its own: it goes to no plan.
        if obligationCell.isEmpty { return .none }
        if case .plan(let p) = directory.route(name: obligationCell, table: .reports, planColumn: nil) { return .plan(p) }
        return .unsure
    }

    /// Whether whole lines of a file are simple: no quote, and every CR followed by an LF (a bare CR is a
    /// line break to the reader; so is a CR that ends the file).
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return true }
        let n = bytes.count
        if memchr(start, 0x22, n) != nil { return false }
        var at = 0
        while at < n, let cr = memchr(start + at, 0x0D, n - at) {
            let k = start.distance(to: cr.assumingMemoryBound(to: UInt8.self))
            guard k + 1 < n, start[k + 1] == 0x0A else { return false }
            at = k + 1
        }
        return true
    }

    /// Finds the plan and obligation cells of a simple line (split on the delimiter, no quotes).
    struct CellFinder {
        let planColumn: Int
        let obligationColumn: Int
        let delimiter: UInt8
        var plan = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var obligation = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

        init(plan: Int?, obligation: Int, delimiter: UInt8) {
            planColumn = plan ?? -1
            obligationColumn = obligation
            self.delimiter = delimiter
        }

        mutating func find(in b: UnsafeBufferPointer<UInt8>) {
            plan = UnsafeBufferPointer(start: nil, count: 0)
            obligation = plan
            let last = max(planColumn, obligationColumn)
            var column = 0, start = 0, i = 0
            while i <= b.count {
                if i == b.count || b[i] == delimiter {
                    let cell = UnsafeBufferPointer(rebasing: b[start..<i])
                    if column == planColumn { plan = cell }
                    if column == obligationColumn { obligation = cell }
                    if column == last { return }
                    column += 1
                    start = i + 1
                }
                i += 1
            }
        }
    }
}

/// A regular file read a chunk at a time into one buffer, for one quick pass over its bytes.
final class FileChunks {
    static let chunkSize = 4 << 20
    private let fd: Int32
    private var capacity: Int
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// Valid bytes in `bytes`, the file offset of `bytes[0]`, and whether the file's end has been read.
    private(set) var count = 0
    private(set) var offset = 0
    private(set) var atEnd = false

    init?(path: String, chunkSize: Int = FileChunks.chunkSize) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        capacity = max(chunkSize, 1)
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        _ = close(fd)
        bytes.deallocate()
    }

    /// Keeps the bytes from `keep` on (moved to the front), then reads until the buffer is full or the file
    /// ends. A buffer full of what is kept is doubled. False on a read error.
    func fill(keepingFrom keep: Int = 0) -> Bool {
        let kept = count - keep
        if keep > 0 {
            bytes.update(from: bytes + keep, count: kept)
            offset += keep
        } else if kept == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: bytes, count: kept)
            bytes.deallocate()
            bytes = grown
            capacity *= 2
        }
        count = kept
        while count < capacity {
            let r = read(fd, bytes + count, capacity - count)
            if r < 0 {
                if errno == EINTR { continue }
                return false
            }
            if r == 0 {
                atEnd = true
                break
            }
            count += r
        }
        return true
    }
}
