import Foundation

/// What became of each valid row (SPEC 6), shared by the threads of one evaluation. Units of work own
/// disjoint sets of rows (a row belongs to one plan), so two threads never write the same entry.
final class FateTable: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<RowFate>
    let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<RowFate>.allocate(capacity: max(count, 1))
        storage.initialize(repeating: .unused, count: max(count, 1))
    }

    deinit { storage.deallocate() }

    subscript(id: Int) -> RowFate {
        get { storage[id] }
        set { storage[id] = newValue }
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
        let state = RunnerState<R>(count: count, ahead: jobs)
        let threads = min(jobs, count)
        for _ in 0..<threads {
            let thread = Thread {
                while let i = state.take() { state.put(i, work(i)) }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        for i in 0..<count { consume(state.result(i)) }
    }

    /// The work queue and the finished results, under one lock.
    final class RunnerState<R: Sendable>: @unchecked Sendable {
        let condition = NSCondition()
        let count: Int
        let ahead: Int
        var next = 0
        var consumed = 0
        var results: [Int: R] = [:]

        init(count: Int, ahead: Int) {
            self.count = count
            self.ahead = ahead
        }

        /// The next piece of work, waiting while the workers are too far ahead; nil when none is left.
        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while next < count && next - consumed >= ahead { condition.wait() }
            guard next < count else { return nil }
            next += 1
            return next - 1
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
            consumed = i + 1
            condition.broadcast()
            return results.removeValue(forKey: i)!
        }
    }
}
