import Foundation

/// What became of each valid row (SPEC 6), shared by the threads of one evaluation. Units of work own
/// disjoint sets of rows (a row belongs to one plan), so two threads never write the same entry.
/// Kept in chunks of 2^20 rows that are added as rows arrive (`ensure`), never moved: a streamed run
/// (`Evaluator.evaluateStreaming`) adds the next plans' rows while other threads judge earlier ones.
final class FateTable: @unchecked Sendable {
    static let chunkBits = 20
    static let chunkSize = 1 << chunkBits
    /// Room for every row id the loader can give (`ReportTable.maxRowID`), allocated as needed.
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<RowFate>?>
    private let chunkSlots = (ReportTable.maxRowID >> FateTable.chunkBits) + 2
    private(set) var count = 0

    init(count: Int) {
        chunks = UnsafeMutablePointer.allocate(capacity: chunkSlots)
        chunks.initialize(repeating: nil, count: chunkSlots)
        ensure(count: count)
    }

    deinit {
        for c in 0..<chunkSlots { chunks[c]?.deallocate() }
        chunks.deallocate()
    }

    /// Makes room for row ids below `count` (all `.unused` until set). Only the thread that adds rows calls it,
    /// before handing those rows to other threads.
    func ensure(count newCount: Int) {
        guard newCount > count else { return }
        let last = (newCount - 1) >> Self.chunkBits
        for c in 0...last where chunks[c] == nil {
            let chunk = UnsafeMutablePointer<RowFate>.allocate(capacity: Self.chunkSize)
            chunk.initialize(repeating: .unused, count: Self.chunkSize)
            chunks[c] = chunk
        }
        count = newCount
    }

    subscript(id: Int) -> RowFate {
        get { chunks[id >> Self.chunkBits].unsafelyUnwrapped[id & (Self.chunkSize - 1)] }
        set { chunks[id >> Self.chunkBits].unsafelyUnwrapped[id & (Self.chunkSize - 1)] = newValue }
    }

    /// How many of the rows below `end` have each fate, by `RowFate.rawValue` (a chunk at a time: a row at a
    /// time through the subscript was 5 ms at the end of a national run).
    func tally(below end: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: 4)
        var start = 0
        while start < end {
            let chunk = chunks[start >> Self.chunkBits].unsafelyUnwrapped
            let n = min(Self.chunkSize, end - start)
            var c0 = 0, c1 = 0, c2 = 0, c3 = 0
            for i in 0..<n {
                switch chunk[i] {
                case .unused: c0 &+= 1
                case .evidence: c1 &+= 1
                case .setAside: c2 &+= 1
                case .superseded: c3 &+= 1
                }
            }
            counts[0] += c0; counts[1] += c1; counts[2] += c2; counts[3] += c3
            start += n
        }
        return counts
    }
}

/// Runs `count` independent pieces of work on up to `jobs` threads and hands their results to `consume`
/// on the calling thread in index order, as soon as each is next in line. Workers stay at most a few
/// pieces ahead of the consumer, so results waiting to be consumed stay few.
enum UnitRunner {
    static func run<R: Sendable>(count: Int, jobs: Int, work: @escaping @Sendable (Int) -> R, consume: (R) -> Void) {
        guard count > 0 else { return }
        if jobs <= 1 || count == 1 {
            for i in 0..<count { consume(work(i)) }
            return
        }
        // At most `jobs` pieces handed out beyond the one being consumed: the writer keeps up with the
        // workers on a national run, so this keeps them busy while few results (a unit's rendered report,
        // 6 MB at `m`) wait in memory.
        run(count: count, jobs: jobs, window: jobs + 1, after: [Int](repeating: -1, count: count), work: work, consume: consume)
    }
}

extension UnitRunner {
    /// Like `run`, for pieces that may need an earlier piece's result first: piece `i` starts only once piece
    /// `after[i]` (-1: none) has been consumed. Workers take the first piece that can start among the
    /// `window` pieces after the last one consumed, so a piece that waits does not hold up those behind it;
    /// results are still consumed in index order. At most `heavyLimit` pieces marked `heavy` (a whole file's
    /// rows) are taken and not yet consumed at once, the next piece to consume excepted (so it never waits).
    static func run<R: Sendable>(count: Int, jobs: Int, window: Int, after: [Int], heavy: [Bool]? = nil, heavyLimit: Int = .max,
                                 work: @escaping @Sendable (Int) -> R, consume: (R) -> Void) {
        guard count > 0 else { return }
        if jobs <= 1 || count == 1 {
            for i in 0..<count { consume(work(i)) }
            return
        }
        let state = WindowState<R>(after: after, window: max(window, jobs), heavy: heavy ?? [Bool](repeating: false, count: count),
                                   heavyLimit: max(heavyLimit, 1))
        for _ in 0..<min(jobs, count) {
            let thread = Thread {
                while let i = state.take() { state.put(i, work(i)) }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        for i in 0..<count {
            consume(state.result(i))
            state.finished(i)
        }
    }

    final class WindowState<R: Sendable>: @unchecked Sendable {
        let condition = NSCondition()
        let after: [Int]
        let window: Int
        var taken: [Bool]
        /// Every piece below this one has been taken.
        var firstUntaken = 0
        /// Pieces consumed so far (they are consumed in order).
        var consumed = 0
        var results: [Int: R] = [:]
        let heavy: [Bool]
        let heavyLimit: Int
        /// Heavy pieces taken and not yet consumed.
        var heavyOut = 0

        init(after: [Int], window: Int, heavy: [Bool], heavyLimit: Int) {
            self.after = after
            self.window = window
            self.heavy = heavy
            self.heavyLimit = heavyLimit
            taken = [Bool](repeating: false, count: after.count)
        }

        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                while firstUntaken < taken.count && taken[firstUntaken] { firstUntaken += 1 }
                if firstUntaken == taken.count { return nil }
                let end = min(taken.count, consumed + window)
                if firstUntaken < end {
                    for i in firstUntaken..<end where !taken[i] && after[i] < consumed && (!heavy[i] || heavyOut < heavyLimit || i == consumed) {
                        taken[i] = true
                        if heavy[i] { heavyOut += 1 }
                        return i
                    }
                }
                condition.wait()
            }
        }

        func put(_ i: Int, _ r: R) {
            condition.lock()
            results[i] = r
            condition.broadcast()
            condition.unlock()
        }

        func result(_ i: Int) -> R {
            condition.lock()
            defer { condition.unlock() }
            while results[i] == nil { condition.wait() }
            return results.removeValue(forKey: i)!
        }

        /// Piece `i` has been consumed: what waits on it may start.
        func finished(_ i: Int) {
            condition.lock()
            consumed = i + 1
            if heavy[i] { heavyOut -= 1 }
            condition.broadcast()
            condition.unlock()
        }
    }
}
