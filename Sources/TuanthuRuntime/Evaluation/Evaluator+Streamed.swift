import Foundation
import TuanthuCore
import TuanthuSemantics

// A national run without holding every report row: the report files are read a few plans at a time and
// each plan is judged (and its rows let go) as soon as every file that can hold its rows is in. Which
// files those are is learnt first by a quick pass over each file's `plan` cells (`ReportFileScan`). A plan
// is judged duty by duty (`pieces`), each duty's findings rendered and written before the next, so neither
// all rows nor a whole plan's report is ever in memory.
// The findings, row counts, unused rows, errors and warnings are those of a whole run
// (`Evaluator.evaluate` after `DataLoader.load`), byte for byte; tests compare the two.
extension Evaluator {
    /// Plans whose rows may share a report file are judged from one table: a *block* is a run of units
    /// (consecutive in id order, so findings still come in SPEC 7 order) and the report files that can hold
    /// their rows, in file order.
    struct Block: Equatable {
        var units: Range<Int>
        var files: [Int]
    }

    /// Cuts the units into the smallest blocks such that no report file holds rows of two blocks. `files`:
    /// each report file's number and the units its rows can belong to (nil: any). A file with no rows goes
    /// with the first block.
    static func blocks(unitCount: Int, files: [(file: Int, units: Set<Int>?)]) -> [Block] {
        guard unitCount > 0 else { return [Block(units: 0..<0, files: files.map(\.file))] }
        // joined[u] > 0: some file holds rows of unit u and of a unit after it.
        var joined = [Int](repeating: 0, count: unitCount + 1)
        let spans = files.map { f -> ClosedRange<Int>? in
            guard let units = f.units else { return 0...(unitCount - 1) }
            guard let lo = units.min(), let hi = units.max() else { return nil }
            return lo...hi
        }
        for case let span? in spans where span.lowerBound < span.upperBound {
            joined[span.lowerBound] += 1
            joined[span.upperBound] -= 1
        }
        var blocks: [Block] = []
        var blockOf = [Int](repeating: 0, count: unitCount)
        var start = 0, open = 0
        for u in 0..<unitCount {
            blockOf[u] = blocks.count
            open += joined[u]
            if open == 0 {
                blocks.append(Block(units: start..<(u + 1), files: []))
                start = u + 1
            }
        }
        for (f, span) in zip(files, spans) { blocks[span.map { blockOf[$0.lowerBound] } ?? 0].files.append(f.file) }
        return blocks
    }

    /// One piece of a streamed run: reading a report file, or judging a piece of a unit (some of its duties)
    /// once its block is read.
    enum StreamTask: Sendable {
        case read(block: Int, file: Int, last: Bool)
        case judge(block: Int, unit: Int, piece: Int, last: Bool)
    }

    /// A unit's duties in the order its findings are written (obligation id, then plan and declaration order,
    /// as `judgeUnit` sorts them), one piece each, so that a piece's findings are rendered and written
    /// before the next piece's are made: a plan's report is never whole in memory. A unit without duties
    /// has one empty piece (its untracked duties are listed with the first piece).
    static func pieces(of planIndices: [Int], plans: [CheckedPlan]) -> [[DutyRef]] {
        var duties: [(id: String, k: Int, duty: DutyRef)] = []
        for pi in planIndices {
            for (oi, o) in plans[pi].obligations.enumerated() {
                switch o.requirement {
                case .untracked, .report(_, nil): continue
                default: duties.append((o.id, duties.count, DutyRef(plan: pi, obligation: oi)))
                }
            }
        }
        duties.sort { ($0.id, $0.k) < ($1.id, $1.k) }
        return duties.isEmpty ? [[]] : duties.map { [$0.duty] }
    }

    /// The pieces in the order they are consumed: each block's files are read while the block before it
    /// is judged, so both threads have work. `after[i]`: the piece that must be consumed before piece `i`
    /// starts (a unit's pieces wait for the last file of its block). `pieceCounts`: pieces of each unit.
    static func streamTasks(_ blocks: [Block], pieceCounts: [Int]) -> (tasks: [StreamTask], after: [Int]) {
        var tasks: [StreamTask] = [], after: [Int] = []
        var lastRead = [Int](repeating: -1, count: blocks.count)
        func reads(_ b: Int) {
            guard b < blocks.count else { return }
            for (k, f) in blocks[b].files.enumerated() {
                lastRead[b] = tasks.count
                tasks.append(.read(block: b, file: f, last: k == blocks[b].files.count - 1))
                after.append(-1)
            }
        }
        reads(0)
        for b in blocks.indices {
            reads(b + 1)
            for u in blocks[b].units {
                for k in 0..<pieceCounts[u] {
                    tasks.append(.judge(block: b, unit: u, piece: k, last: u == blocks[b].units.upperBound - 1 && k == pieceCounts[u] - 1))
                    after.append(lastRead[b])
                }
            }
        }
        return (tasks, after)
    }

    /// The block evaluators in use, shared with the workers.
    final class BlockBoard: @unchecked Sendable {
        private let lock = NSLock()
        private var evaluators: [Int: Evaluator] = [:]
        private var failed = false
        private var aborted = false

        func publish(_ block: Int, _ e: Evaluator) { lock.withLock { evaluators[block] = e } }
        func evaluator(_ block: Int) -> Evaluator? { lock.withLock { evaluators[block] } }
        func remove(_ block: Int) -> Evaluator? { lock.withLock { evaluators.removeValue(forKey: block) } }
        /// Once data errors are found no report is written: units left are not judged.
        func fail() { lock.withLock { failed = true } }
        var hasFailed: Bool { lock.withLock { failed } }
        /// The run is thrown away: files left are not read either.
        func abort() { lock.withLock { failed = true; aborted = true } }
        var hasAborted: Bool { lock.withLock { aborted } }
    }

    /// What the scan found for each report file, filled from several threads (one entry each).
    final class ScanResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [ReportFileScan.Result?]
        init(count: Int) { results = [ReportFileScan.Result?](repeating: nil, count: count) }
        subscript(k: Int) -> ReportFileScan.Result? {
            get { lock.withLock { results[k] } }
            set { lock.withLock { results[k] = newValue } }
        }
        var all: [ReportFileScan.Result?] { lock.withLock { results } }
    }

    /// The first pass's results, once `wait()` has had them finished.
    final class PrescanResults: @unchecked Sendable {
        private let prescan: ReportPrescan
        private(set) var lines: [ReportFileScan.Lines] = []
        init(_ prescan: ReportPrescan) { self.prescan = prescan }
        func wait() { lines = prescan.results() }
    }

    /// Whether every row of `table` belongs to one of `units` (rows mostly come a plan at a time: a plan is
    /// looked up when it changes).
    static func rows(of table: ReportTable, allIn units: Set<Int>, unitOfPlan: [Int]) -> Bool {
        var lastPlan = -1
        for i in table.indices {
            let p = table.plan(at: i)
            if p != lastPlan {
                guard units.contains(unitOfPlan[p]) else { return false }
                lastPlan = p
            }
        }
        return true
    }

    /// How many unused rows a report lists (`finish`).
    static let unusedListed = 20

    /// A file's rows on their way from the worker that read them to the merge, which takes them out (so
    /// that they are not shared, and can be renumbered in place).
    final class PartBox: @unchecked Sendable {
        private var data: DataSet?
        init(_ data: DataSet) { self.data = data }
        func take() -> DataSet {
            defer { data = nil }
            return data ?? DataSet()
        }
    }

    /// The tables other than `reports`, read on a thread of their own (`DataLoader.loadAllButReports`).
    final class OtherTables: @unchecked Sendable {
        private var loader: DataLoader
        private var notes: [Int: FileNotes] = [:]
        private let done = DispatchSemaphore(value: 0)
        init(_ loader: DataLoader) { self.loader = loader }

        func load(_ files: [(Table, String)], json: String?) {
            notes = loader.loadAllButReports(files, json: json)
            done.signal()
        }

        /// The loader and each file's notes, once read; called once.
        func wait() -> (DataLoader, [Int: FileNotes]) {
            done.wait()
            return (loader, notes)
        }
    }

    enum StreamResult<T: Sendable>: Sendable {
        case read(PartBox)
        case judged(JudgedUnit<T>)
        case skipped
    }

    /// A whole run as `evaluate(plans:data:…)` after `DataLoader.load(directory:)` does it, reading the data
    /// directory itself; `consume` gets the units' results in SPEC 7 order. Not for `--keep-going`: a
    /// malformed row's notes go on findings of any plan, so every error must be known before judging.
    /// With data errors, units are not judged from the first error on (no report is to be written): the
    /// evaluation's `dataErrors` lists them all. Returns nil if a report row turned up in a section not found
    /// to hold its plan (a sampled file guessed wrong; or the scan missed it, which it must not), or a section
    /// of a file turned out to be in a legacy encoding (only the whole file can be converted): what was
    /// consumed must then be thrown away and the run made again (from a pass over every line) or whole.
    /// `prescan`: the report files' first pass, started before the plans were checked (made here, reading every
    /// line, if nil or of another folder). When it sampled a file and a row of the file belongs to a plan the
    /// guess left out, the run stops reading and returns nil with `prescan.missed` set.
    public static func evaluateStreaming<T: Sendable>(plans: [CheckedPlan], dataDirectory dir: String, options: DataOptions,
                                                      asOf: CivilDate, sources: SourceMap, jobs: Int,
                                                      compactReports: Bool = false, compactNotes: Bool = false, prescan: ReportPrescan? = nil,
                                                      transform: @escaping @Sendable ([FindingGroup]) -> T, consume: (T) -> Void) -> Evaluation? {
        var loader = DataLoader(plans: plans, options: options)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            let data = loader.load(directory: dir)
            return Evaluator(plans: plans, data: data, asOf: asOf, sources: sources).finish(untracked: [], statusCounts: [:])
        }
        let prescan = prescan.flatMap { $0.dataDirectory == dir ? $0 : nil } ?? ReportPrescan(dataDirectory: dir, background: jobs > 1)
        let files = prescan.files
        let json = DataLoader.join(dir, "data.json")
        // The report files' first pass is finished, and what it found read with the plans, on other threads
        // while another reads the other tables.
        let reportFiles = prescan.reportFiles
        let directory = loader.directory
        let scans = ScanResults(count: reportFiles.count)
        let scanning = DispatchGroup()
        let firstPass = PrescanResults(prescan)
        let scan = { @Sendable (k: Int) in
            scans[k] = ReportFileScan.scan(of: files[reportFiles[k]].1, directory: directory, lines: firstPass.lines[k])
        }
        if jobs > 1 {
            DispatchQueue.global().async(group: scanning) {
                firstPass.wait()
                DispatchQueue.concurrentPerform(iterations: reportFiles.count, execute: scan)
            }
        } else {
            firstPass.wait()
            for k in reportFiles.indices { scan(k) }
        }
        // The other tables are read on a thread of their own, so that report files can be read as soon as
        // the scan has cut the blocks: a file's rows are merged (and judged) only once the tables are in.
        let tables = OtherTables(loader)
        let jsonPath = FileManager.default.fileExists(atPath: json) ? json : nil
        if jobs > 1 {
            let thread = Thread { tables.load(files, json: jsonPath) }
            thread.stackSize = 16 << 20
            thread.start()
        } else {
            tables.load(files, json: jsonPath)
        }
        let board = BlockBoard()
        let units = unitsOf(plans)
        var unitOfPlan = [Int](repeating: 0, count: plans.count)
        for (u, members) in units.enumerated() { for p in members { unitOfPlan[p] = u } }
        scanning.wait()
        // A block's "files" are sections of report files (mostly whole files).
        let sections = zip(reportFiles, scans.all).flatMap { f, scan in Self.sections(file: f, scan: scan, unitOfPlan: unitOfPlan) }
        let blocks = Self.blocks(unitCount: units.count, files: sections.enumerated().map { (file: $0.offset, units: $0.element.units) })
        let pieces = units.map { Self.pieces(of: $0, plans: plans) }
        let (tasks, planned) = streamTasks(blocks, pieceCounts: pieces.map(\.count))
        var after = planned
        // A block without report files is judged from the other tables alone: its pieces wait for the first
        // file's merge, which waits for those tables (with no report file at all, they are waited for here).
        let firstRead = tasks.firstIndex { if case .read = $0 { return true } else { return false } }
        for (i, task) in tasks.enumerated() {
            if case .judge(let b, _, _, _) = task, blocks[b].files.isEmpty, let firstRead { after[i] = firstRead }
        }

        var notes: [Int: FileNotes] = [:]
        var sectionNotes = [FileNotes](repeating: FileNotes(), count: sections.count)
        var base: Evaluator?
        var errorsSoFar = 0
        /// The other tables, once read (waiting for them the first time).
        func tablesRead() -> Evaluator {
            if let base { return base }
            (loader, notes) = tables.wait()
            let e = Evaluator(plans: plans, data: loader.data, asOf: asOf, sources: sources)
            base = e
            if notes.values.contains(where: { !$0.errors.isEmpty }) || !loader.data.errors.isEmpty { board.fail() }
            for b in blocks.indices where blocks[b].files.isEmpty { board.publish(b, e) }
            errorsSoFar = notes.values.reduce(0) { $0 + $1.errors.count }
            return e
        }
        if firstRead == nil { _ = tablesRead() }

        let partOptions = DataOptions(numberLocale: options.numberLocale, hashInputs: options.hashInputs)
        var blockRows = [ReportTable](repeating: ReportTable(), count: blocks.count)
        var tally = Tally(planCount: plans.count)
        var unused: [RowSource] = []
        var position = 0
        // Set when the run must be made whole (see above).
        var runWhole = false
        // Pieces are small (one duty's findings) and a read is one file, so workers may look well ahead for
        // work that can start: at the benchmark's `m` a window of 3 left a core idle (0.8 s), 12–32 did not
        // (0.65 s), for a few megabytes.
        // Reads are the heavy pieces (a file's rows): at most two per thread wait to be merged, whatever the
        // window, so plans of one duty and large files do not pile up read files (two, not one: while the
        // other tables are still being read, one per thread left a core idle at `m`).
        let isRead = tasks.map { if case .read = $0 { return true } else { return false } }
        UnitRunner.run(count: tasks.count, jobs: jobs, window: 16 * jobs, after: after, heavy: isRead, heavyLimit: 2 * jobs,
                       work: { i -> StreamResult<T> in
            switch tasks[i] {
            case .read(_, let s, _):
                guard !board.hasAborted else { return .skipped }
                var part = DataLoader(directory: directory, options: partOptions)
                part.loadCSV(files[sections[s].file].1, table: .reports, piece: sections[s].piece)
                return .read(PartBox(part.data))
            case .judge(let b, let u, let k, _):
                guard !board.hasFailed, let e = board.evaluator(b) else { return .skipped }
                return .judged(e.judgedUnit(units[u], compactReports: compactReports, compactNotes: compactNotes, piece: pieces[u][k],
                                            withUntracked: k == 0, transform: transform))
            }
        }, consume: { result in
            defer { position += 1 }
            switch (tasks[position], result) {
            case (.read, .skipped):
                break
            case (.read(let b, let s, let last), .read(let box)):
                let base = tablesRead()
                var part = box.take()
                if part.wholeFileNeeded {
                    runWhole = true
                    board.fail()
                }
                // Every row must belong to a unit the section was found to hold (a sampled file was guessed to
                // hold one plan): a row of another would be judged with the wrong block, or not at all. (A
                // section's units are all in its block: this covers the block too.)
                if let units = sections[s].units, !Self.rows(of: part.reports, allIn: units, unitOfPlan: unitOfPlan) {
                    if prescan.sampling { prescan.missed = true }
                    runWhole = true
                    board.abort()
                }
                let n = loader.mergeReports(&part, file: sections[s].file, into: &blockRows[b], fates: base.fates)
                errorsSoFar += n.errors.count
                if !n.errors.isEmpty { board.fail() }
                sectionNotes[s] = n
                options.progress?(loader.data.rowCount + errorsSoFar)
                if last {
                    var e = base
                    e.data.reports = blockRows[b]
                    blockRows[b] = ReportTable()
                    e.indexReportsByDuty()
                    board.publish(b, e)
                }
            case (.judge(let b, _, _, let last), let outcome):
                if case .judged(let unit) = outcome {
                    tally.add(unit)
                    consume(unit.rendered)
                }
                if last, let e = board.remove(b) {
                    // The block's rows are let go: its first unused ones are kept for the report's list.
                    var found = 0
                    for i in e.data.reports.indices where e.fates[e.data.reports.id(at: i)] == .unused {
                        unused.append(e.data.reports.source(at: i))
                        found += 1
                        if found == Self.unusedListed { break }
                    }
                }
            default:
                preconditionFailure("a streamed run's results come in the order of its pieces")
            }
        })
        var final = tablesRead()
        if runWhole { return nil }
        // A file's notes in its lines' order: its sections' in turn.
        for (s, n) in sectionNotes.enumerated() {
            notes[sections[s].file, default: FileNotes()].errors += n.errors
            notes[sections[s].file, default: FileNotes()].warnings += n.warnings
        }
        final.data = loader.data
        (final.data.errors, final.data.warnings) = DataLoader.streamedErrors(notes, fileCount: files.count, rest: loader.data)
        final.unusedReportRows = unused
        return final.finish(untracked: tally.untracked, statusCounts: tally.counts)
    }
}
