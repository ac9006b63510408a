import Foundation

// The quick pass of `ReportFileScan` in two steps: first over the file's lines alone, needing no plan
// (so that it can run while the plans are still being checked, `ReportPrescan`), then, once the plans are
// known, what its cells name.
extension ReportFileScan {
    /// A run of consecutive lines whose rows go to the same plan: the same plan cell, or, with that cell
    /// empty, the same obligation cell (both trimmed). `first` and `last` are the byte offsets of the
    /// first and last line's starts, `firstLine` the first line's number.
    struct Run: Equatable, Sendable {
        var cell: Cell
        var first: Int
        var firstLine: Int
        var last: Int
    }

    /// What the first step found, the plans not yet known.
    enum Lines: Equatable, Sendable {
        /// The file can hold any plan's rows whatever the plans are (not a regular file, UTF-16, a header
        /// line over `longestHeader`, unreadable).
        case anyPlan
        /// No rows (an empty file, no `obligation` column).
        case noRows
        /// Not simple enough for the quick way (a quote, a bare CR, a cell not in ASCII, no `plan` column):
        /// `lines(of:)` then reads the file as records.
        case notSimple
        /// The runs of lines in file order. A file of more than `maxRuns` runs (plans interleaved row by
        /// row) keeps only its distinct cells: it will not be cut into sections anyway.
        case runs(headerEnd: Int, runs: [Run], moreCells: Set<Cell>)
    }

    /// A run's cell: a plan cell, or (the plan cell empty) an obligation cell.
    struct Cell: Hashable, Sendable {
        var text: String
        var byPlan: Bool
    }

    static let maxRuns = 1 << 16

    /// What the runs' cells name, once the plans are known: the file's plans and where their rows lie, or nil
    /// for "any plan".
    static func resolve(_ lines: Lines, directory: PlanDirectory) -> Result? {
        let headerEnd: Int, runs: [Run], moreCells: Set<Cell>
        switch lines {
        case .anyPlan, .notSimple: return nil
        case .noRows: return Result(plans: [])
        case .runs(let h, let r, let m): (headerEnd, runs, moreCells) = (h, r, m)
        }
        var known: [Cell: RowPlan] = [:]
        func plan(_ cell: Cell) -> RowPlan {
            if let p = known[cell] { return p }
            let p = rowPlan(planCell: cell.byPlan ? cell.text : "", obligationCell: cell.byPlan ? "" : cell.text, directory: directory)
            known[cell] = p
            return p
        }
        var spans: [Int: PlanSpan] = [:]
        for run in runs {
            switch plan(run.cell) {
            case .plan(let p):
                if spans[p] == nil {
                    spans[p] = PlanSpan(first: run.first, firstLine: run.firstLine, last: run.last)
                } else {
                    spans[p]!.last = run.last
                }
            case .none: break
            case .unsure: return nil
            }
        }
        guard moreCells.isEmpty else {
            var plans = Set(spans.keys)
            for cell in moreCells {
                switch plan(cell) {
                case .plan(let p): plans.insert(p)
                case .none: break
                case .unsure: return nil
                }
            }
            return Result(plans: plans)
        }
        return Result(plans: Set(spans.keys), layout: Layout(headerEnd: headerEnd, spans: spans))
    }

    /// The first step: the quick way (`quickLines`), else record by record (`recordLines`).
    static func lines(of path: String, chunkSize: Int = FileChunks.chunkSize, maxRuns: Int = ReportFileScan.maxRuns) -> Lines {
        let quick = quickLines(of: path, chunkSize: chunkSize, maxRuns: maxRuns)
        return quick == .notSimple ? recordLines(of: path, maxRuns: maxRuns) : quick
    }

    /// The quick way, read a chunk at a time: no quote anywhere, every CR ends a line (CRLF), the header on
    /// the first line and plan and obligation cells in ASCII (`.notSimple` otherwise). Then a line is a
    /// record, split on the delimiter; a line whose plan cell is the previous one's is passed over without
    /// looking further.
    static func quickLines(of path: String, chunkSize: Int, maxRuns: Int) -> Lines {
        // Only a regular file is read twice: a pipe's bytes would be gone when the loader reads it.
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .anyPlan }
        guard st.st_size > 0 else { return .noRows }
        // A small file gets a buffer of its size (and one byte to see its end), not a whole chunk.
        guard let chunks = FileChunks(path: path, chunkSize: min(chunkSize, Int(st.st_size) + 1)), chunks.fill() else { return .anyPlan }
        // The encoding is told from the first 4 KB (however small the chunks).
        while chunks.count < 4096 && !chunks.atEnd {
            guard chunks.fill() else { return .anyPlan }
        }
        var base = chunks.bytes, n = chunks.count
        if LegacyEncoding.detectUTF16(Array(UnsafeBufferPointer(start: base, count: min(n, 4096)))) != nil { return .anyPlan }
        guard n > 0 else { return .noRows }
        guard base[0] != 0x0A, base[0] != 0x0D else { return .notSimple }
        // The header line: the reader of its own bytes decides BOM and delimiter as the loader's reader does.
        while memchr(base, 0x0A, n) == nil && !chunks.atEnd && n <= longestHeader {
            guard chunks.fill() else { return .anyPlan }
            base = chunks.bytes
            n = chunks.count
        }
        let headerEnd = memchr(base, 0x0A, n).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? n
        if headerEnd > longestHeader { return .anyPlan }
        guard isSimple(UnsafeBufferPointer(start: base, count: headerEnd)) else { return .notSimple }
        guard let (names, delimiter) = header(UnsafeBufferPointer(start: base, count: headerEnd)) else { return .anyPlan }
        guard let obligationColumn = names.firstIndex(of: Column.obligation.name) else { return .noRows }
        guard let planColumn = names.firstIndex(of: Column.plan.name) else { return .notSimple }

        /// The cell `column` of the line `start..<end` (CR excluded), empty when the line is shorter.
        func cell(_ column: Int, _ start: Int, _ end: Int) -> Range<Int> {
            var s = start, k = 0
            while k < column {
                guard let p = memchr(base + s, Int32(delimiter), end - s) else { return end..<end }
                s = base.distance(to: p.assumingMemoryBound(to: UInt8.self)) + 1
                k += 1
            }
            let e = memchr(base + s, Int32(delimiter), end - s).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
            return s..<e
        }
        func text(_ r: Range<Int>) -> String? {
            let b = UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            return DataRecord.trimmed(String(decoding: b, as: UTF8.self))
        }
        var runs = RunCollector(maxRuns: maxRuns)
        // The previous line's plan cell, when it was not empty: a line with the same bytes goes on its run.
        var last: [UInt8] = []
        // The header is line 1: rows start on line 2.
        var i = headerEnd, line = 2
        while true {
            // Whole lines only: what follows the chunk's last line break waits for the next chunk.
            let complete: Int
            if chunks.atEnd {
                complete = n
            } else {
                var k = n
                while k > i && base[k - 1] != 0x0A { k -= 1 }
                complete = k
            }
            guard isSimple(UnsafeBufferPointer(start: base + i, count: complete - i)) else { return .notSimple }
            while i < complete {
                let next = memchr(base + i, 0x0A, complete - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? complete
                let end = next > i && base[next - 1] == 0x0D ? next - 1 : next
                defer { i = next + 1; line += 1 }
                guard end > i else { continue }  // an empty line
                let planCell = cell(planColumn, i, end)
                if !last.isEmpty, last.count == planCell.count, memcmp(last, base + planCell.lowerBound, planCell.count) == 0 {
                    runs.goOn(at: chunks.offset + i)
                    continue
                }
                guard let planText = text(planCell) else { return .notSimple }
                // Only a plan cell is remembered: rows routed by their obligation are each looked at.
                last = planText.isEmpty ? [] : Array(UnsafeBufferPointer(start: base + planCell.lowerBound, count: planCell.count))
                if planText.isEmpty {
                    guard let obligationText = text(cell(obligationColumn, i, end)) else { return .notSimple }
                    // A row naming neither plan nor obligation goes to no plan (a blank row, or an error).
                    if obligationText.isEmpty { continue }
                    runs.add(Cell(text: obligationText, byPlan: false), at: chunks.offset + i, line: line)
                } else {
                    runs.add(Cell(text: planText, byPlan: true), at: chunks.offset + i, line: line)
                }
            }
            if chunks.atEnd { break }
            // The rest of the chunk moves to the front and more is read after it.
            guard chunks.fill(keepingFrom: min(i, n)) else { return .anyPlan }
            base = chunks.bytes
            n = chunks.count
            i = 0
        }
        return runs.lines(headerEnd: headerEnd)
    }

    /// A header line's column names (trimmed, lower case) and its delimiter, read as the loader's reader reads
    /// them (BOM, `;` or `,`); nil when it is not simple (a quote, a bare CR) or not a record.
    static func header(_ line: UnsafeBufferPointer<UInt8>) -> (names: [String], delimiter: UInt8)? {
        guard isSimple(line) else { return nil }
        let reader = CSVReader(bytes: Array(line), chunkSize: line.count + 16)
        guard let header = try? reader.next() else { return nil }
        return (header.fields.map { DataRecord.trimmed($0).lowercased() }, reader.delimiter)
    }

    /// The other way, a record at a time through the CSV reader (quoted cells, line breaks inside them, a bare
    /// CR, Vietnamese cells): each record's run noted at the reader's position before it (its first byte, or a
    /// blank line before it, and that line's number), where a section can start. Any plan when the file
    /// cannot be read to its end.
    static func recordLines(of path: String, maxRuns: Int) -> Lines {
        guard let reader = try? CSVReader(path: path) else { return .anyPlan }
        let header: CSVRecord
        do {
            guard let h = try reader.next() else { return .noRows }
            header = h
        } catch {
            return .anyPlan
        }
        let headerEnd = reader.position.offset
        let names = header.fields.map { DataRecord.trimmed($0).lowercased() }
        // Without an obligation column the file is one error and no rows.
        guard let obligationColumn = names.firstIndex(of: Column.obligation.name) else { return .noRows }
        let planColumn = names.firstIndex(of: Column.plan.name)
        var runs = RunCollector(maxRuns: maxRuns)
        var cells = CellFinder(plan: planColumn, obligation: obligationColumn, delimiter: reader.delimiter)
        func add(plan: String, obligation: String, at position: (offset: Int, line: Int)) {
            if !plan.isEmpty {
                runs.add(Cell(text: plan, byPlan: true), at: position.offset, line: position.line)
            } else if !obligation.isEmpty {
                runs.add(Cell(text: obligation, byPlan: false), at: position.offset, line: position.line)
            }
        }
        while true {
            let position = reader.position
            if let line = reader.nextSimpleLine() {
                cells.find(in: line.bytes)
                add(plan: DataRecord.trimmed(String(decoding: cells.plan, as: UTF8.self)),
                    obligation: DataRecord.trimmed(String(decoding: cells.obligation, as: UTF8.self)), at: position)
                continue
            }
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch {
                return .anyPlan
            }
            guard let record else { break }
            func cell(_ i: Int?) -> String {
                guard let i, i < record.fields.count else { return "" }
                return DataRecord.trimmed(record.fields[i])
            }
            add(plan: cell(planColumn), obligation: cell(obligationColumn), at: position)
        }
        return runs.lines(headerEnd: headerEnd)
    }

    /// The runs of a file's lines as they are read: a line of the same cell as the last run's goes on it.
    struct RunCollector {
        let maxRuns: Int
        private var runs: [Run] = []
        private var moreCells: Set<Cell> = []
        /// Where the last run's last line so far starts (written into the run when another starts, and at the end).
        private var runLast = 0

        init(maxRuns: Int) { self.maxRuns = maxRuns }

        private mutating func endRun() { if !runs.isEmpty && moreCells.isEmpty { runs[runs.count - 1].last = runLast } }

        /// A line of the last run's cell, known to be so without looking at it again.
        mutating func goOn(at offset: Int) { runLast = offset }

        /// A line of the given cell: the run goes on or a new one starts (past `maxRuns`, only the cell is kept).
        mutating func add(_ c: Cell, at offset: Int, line: Int) {
            if moreCells.isEmpty, runs.last?.cell == c {
                runLast = offset
            } else if runs.count < maxRuns {
                endRun()
                runs.append(Run(cell: c, first: offset, firstLine: line, last: offset))
                runLast = offset
            } else {
                endRun()
                moreCells.insert(c)
            }
        }

        mutating func lines(headerEnd: Int) -> Lines {
            endRun()
            return .runs(headerEnd: headerEnd, runs: runs, moreCells: moreCells)
        }
    }
}
