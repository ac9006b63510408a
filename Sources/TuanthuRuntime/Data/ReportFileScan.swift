import Foundation
import TuanthuCore

/// Which plans the rows of a report file can belong to, found by a quick pass over its `plan` (and, where
/// that cell is empty, `obligation`) cells before the file is read for real. A streamed run
/// (`Evaluator.evaluateStreaming`) judges a plan as soon as every file that can hold its rows is read.
///
/// The answer may name more plans than the rows turn out to have, never fewer: whatever the pass cannot
/// be sure of — a file in UTF-16 or another legacy encoding, a CSV syntax error, a plan cell that names
/// no plan, an obligation that no single plan declares — makes it answer "any plan" (nil), and the run
/// then holds that file's rows with everyone else's until the end, as a whole run does.
enum ReportFileScan {
    /// A header line longer than this is not read by the scan (the file is "any plan"): a real header is a few
    /// hundred bytes, and a hostile one of 25 million columns would be decoded twice.
    static let longestHeader = 1 << 20

    static func plans(of path: String, directory: PlanDirectory) -> Set<Int>? {
        // Only a regular file is read twice: a pipe's bytes would be gone when the loader reads it.
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard st.st_size > 0 else { return [] }
        // The file is mapped once; the common case reads nothing else (a folder of thousands of small files
        // pays one open each).
        guard let file = MappedFile(path: path) else { return nil }
        defer { file.close() }
        let bytes = UnsafeBufferPointer(start: UnsafePointer(file.bytes), count: file.count)
        if LegacyEncoding.detectUTF16(Array(bytes.prefix(4096))) != nil { return nil }
        if file.count > longestHeader, memchr(file.bytes, 0x0A, longestHeader) == nil { return nil }
        if let headerEnd = simpleHeaderEnd(file) {
            // No quote anywhere and the header on the first line: the header is read by a reader of its own
            // bytes (BOM and delimiter decided as the loader's reader decides them), the rows from the mapping.
            let reader = CSVReader(bytes: Array(bytes[..<headerEnd]), chunkSize: headerEnd + 16)
            guard let header = try? reader.next() else { return nil }
            let names = header.fields.map { DataRecord.trimmed($0).lowercased() }
            guard let obligationColumn = names.firstIndex(of: Column.obligation.name) else { return [] }
            if let planColumn = names.firstIndex(of: Column.plan.name),
               let plans = quickPlans(of: file, from: headerEnd, planColumn: planColumn, obligationColumn: obligationColumn,
                                      delimiter: reader.delimiter, directory: directory) {
                return plans
            }
        }
        guard let reader = try? CSVReader(path: path) else { return nil }
        let header: CSVRecord
        do {
            guard let h = try reader.next() else { return [] }
            header = h
        } catch {
            return nil
        }
        let names = header.fields.map { DataRecord.trimmed($0).lowercased() }
        // Without an obligation column the file is one error and no rows.
        guard let obligationColumn = names.firstIndex(of: Column.obligation.name) else { return [] }
        let planColumn = names.firstIndex(of: Column.plan.name)
        var plans: Set<Int> = []
        var lastPlanCell: [UInt8] = []
        var lastObligationCell: [UInt8] = []
        var cells = CellFinder(plan: planColumn, obligation: obligationColumn, delimiter: reader.delimiter)

        while true {
            if let line = reader.nextSimpleLine() {
                cells.find(in: line.bytes)
                let planCell = cells.plan, obligationCell = cells.obligation
                // Rows of a file mostly repeat their plan cell: only a new one is looked up.
                if !planCell.isEmpty {
                    if planCell.elementsEqual(lastPlanCell) { continue }
                } else if lastPlanCell.isEmpty && obligationCell.elementsEqual(lastObligationCell) {
                    continue
                }
                switch rowPlan(planCell: DataRecord.trimmed(String(decoding: planCell, as: UTF8.self)),
                               obligationCell: DataRecord.trimmed(String(decoding: obligationCell, as: UTF8.self)), directory: directory) {
                case .plan(let p): plans.insert(p)
                case .none: break
                case .unsure: return nil
                }
                lastPlanCell = Array(planCell)
                lastObligationCell = Array(obligationCell)
                continue
            }
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch {
                return nil
            }
            guard let record else { break }
            func cell(_ i: Int?) -> String {
                guard let i, i < record.fields.count else { return "" }
                return DataRecord.trimmed(record.fields[i])
            }
            switch rowPlan(planCell: cell(planColumn), obligationCell: cell(obligationColumn), directory: directory) {
            case .plan(let p): plans.insert(p)
            case .none: break
            case .unsure: return nil
            }
            lastPlanCell = []
            lastObligationCell = []
        }
        return plans
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

    /// Where the rows begin (just past the header line's LF) when the file has no quote anywhere, every CR
    /// ends a line (CRLF), and the first line is not empty: then a line is a record. Nil otherwise.
    static func simpleHeaderEnd(_ file: MappedFile) -> Int? {
        let base = file.bytes, n = file.count
        guard n > 0, base[0] != 0x0A, base[0] != 0x0D, memchr(base, 0x22, n) == nil else { return nil }
        // Every CR must end a line (CRLF): a bare CR is a line break to the reader.
        var at = 0
        while at < n, let cr = memchr(base + at, 0x0D, n - at) {
            let i = base.distance(to: cr.assumingMemoryBound(to: UInt8.self))
            guard i + 1 < n, base[i + 1] == 0x0A else { return nil }
            at = i + 1
        }
        guard let lf = memchr(base, 0x0A, n) else { return n }
        return base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// The common case, straight from the mapped bytes (see `simpleHeaderEnd`), ASCII plan and obligation
    /// cells: a line whose plan cell is the previous one's is passed over without looking further. Nil when
    /// a cell is not that simple (the caller reads the file as records).
    static func quickPlans(of file: MappedFile, from start: Int, planColumn: Int, obligationColumn: Int, delimiter: UInt8,
                           directory: PlanDirectory) -> Set<Int>? {
        let base = file.bytes, n = file.count
        func lineEnd(from i: Int) -> Int {
            guard let p = memchr(base + i, 0x0A, n - i) else { return n }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
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
        var plans: Set<Int> = []
        var last: Range<Int>? = nil
        var i = start
        while i < n {
            let next = lineEnd(from: i)
            let end = next > i && base[next - 1] == 0x0D ? next - 1 : next
            defer { i = next + 1 }
            guard end > i else { continue }  // an empty line
            let planCell = cell(planColumn, i, end)
            // The same plan cell as the line before (and not empty): the same plan.
            if let last, last.count == planCell.count, !planCell.isEmpty,
               memcmp(base + last.lowerBound, base + planCell.lowerBound, planCell.count) == 0 {
                continue
            }
            guard let planText = text(planCell) else { return nil }
            // Only a plan cell is remembered: rows routed by their obligation are each looked at.
            last = planText.isEmpty ? nil : planCell
            let obligationText = planText.isEmpty ? text(cell(obligationColumn, i, end)) : ""
            guard let obligationText else { return nil }
            switch rowPlan(planCell: planText, obligationCell: obligationText, directory: directory) {
            case .plan(let p): plans.insert(p)
            case .none: break
            case .unsure: return nil
            }
        }
        return plans
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

/// A file mapped read-only into memory, for one quick pass over its bytes.
struct MappedFile {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        bytes = p.assumingMemoryBound(to: UInt8.self)
        count = size
    }

    func close() { munmap(bytes, count) }
}
