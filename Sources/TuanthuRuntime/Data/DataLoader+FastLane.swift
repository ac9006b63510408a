import Foundation
import TuanthuCore

// The fast lane for report rows: a plain ASCII line of a report file, split on the delimiter and taken in
// without building a record or a `String` per cell. Anything it cannot take in full is read again as a
// record (`intake`), so rows are judged and errors worded the same either way.
extension DataLoader {
    /// A report row from a simple line, when every cell is clean and valid; false (nothing recorded) otherwise.
    mutating func fastReport(_ line: CSVReader.SimpleLine, file: Int, slots: ColumnSlots, delimiter: UInt8, lane: inout SimpleLane) -> Bool {
        guard lane.adopt(line.bytes, expected: slots.fieldCount) else { return false }
        let b = line.bytes
        func cell(_ c: Column) -> UnsafeBufferPointer<UInt8>? { lane.cell(slots[c], of: b) }
        func text(_ c: Column) -> String? { cell(c).map { String(decoding: $0, as: UTF8.self) } }
        guard let obligationBytes = cell(.obligation), !obligationBytes.isEmpty,
              let agencyBytes = cell(.agency), !agencyBytes.isEmpty,
              let periodBytes = cell(.period), !periodBytes.isEmpty,
              let submittedBytes = cell(.submitted), !submittedBytes.isEmpty else { return false }
        // Text beyond ASCII (a Vietnamese document title) is taken in the cells the lane does not read; in a
        // cell it reads, the record path makes it NFC before looking it up.
        if lane.cuts.nonASCII {
            for c in [Column.plan, .obligation, .agency, .period, .submitted, .replaces] {
                if let bytes = cell(c), bytes.contains(where: { $0 >= 0x80 }) { return false }
            }
        }
        // Rows of a file mostly name one plan and a few obligations and agencies: where each obligation
        // routes and which agency each code names are remembered by the bytes of the cell.
        let planBytes = cell(.plan)
        if !lane.samePlanCell(planBytes) {
            lane.memoPlanCell = planBytes.map { Array($0) }
            lane.routes.removeAll()
            lane.recent.removeAll()
        }
        let plan: Int, obligationNumber: UInt32
        let route: UInt64
        // Rows of a file come with a few obligations in turn: the last ones' routes are kept by their bytes (a
        // name of up to 16, packed in two words; a longer one is looked up in the memo each time).
        let key = ShortKeyCache.Key(obligationBytes)
        if let last = lane.recent.value(for: key) {
            route = last
        } else if let known = lane.routes.value(for: obligationBytes) {
            route = known
            lane.recent.remember(key, route)
        } else {
            let obligation = String(decoding: obligationBytes, as: UTF8.self)
            guard case .plan(let p) = directory.route(name: obligation, table: .reports, planColumn: text(.plan)),
                  directory.requirementKinds[p][obligation] == .report else { return false }
            route = UInt64(p) << 32 | UInt64(data.reports.intern(obligation))
            lane.routes.insert(obligationBytes, value: route)
            lane.recent.remember(key, route)
        }
        plan = Int(route >> 32)
        obligationNumber = UInt32(truncatingIfNeeded: route)
        if plan != lane.agencyPlan {
            lane.agencyPlan = plan
            lane.agencies.removeAll()
            lane.recentAgencies.removeAll()
        }
        let agencyNumber: UInt32
        let agencyKey = ShortKeyCache.Key(agencyBytes)
        if let known = lane.recentAgencies.value(for: agencyKey) {
            agencyNumber = UInt32(truncatingIfNeeded: known)
        } else if let known = lane.agencies.value(for: agencyBytes) {
            agencyNumber = UInt32(truncatingIfNeeded: known)
            lane.recentAgencies.remember(agencyKey, known)
        } else {
            guard let agency = directory.agency(String(decoding: agencyBytes, as: UTF8.self), plan: plan) else { return false }
            agencyNumber = data.reports.intern(agency)
            lane.agencies.insert(agencyBytes, value: UInt64(agencyNumber))
            lane.recentAgencies.remember(agencyKey, UInt64(agencyNumber))
        }
        // The period packed straight from its bytes when it is a year, half, quarter, month or week (most are).
        let packed: PackedPeriod?, period: Period?
        if let quick = PackedPeriod.parse(periodBytes) {
            (packed, period) = (quick, nil)
        } else {
            guard let p = Period.parse(utf8: periodBytes) ?? CivilDate.parseDayMonthYear(utf8: periodBytes).map(Period.day) else { return false }
            (packed, period) = (PackedPeriod(p), p)
        }
        guard let submitted = LocalDateTime.parse(utf8: submittedBytes) else { return false }
        data.reports.append(id: data.nextID(), source: RowSource(file: file, line: line.line), plan: plan, obligation: obligationNumber,
                            agency: agencyNumber, period: period ?? packed?.period ?? .year(0), packed: packed, submitted: submitted,
                            replaces: nonEmpty(text(.replaces)))
        return true
    }
}

/// Where the cells of a simple line are (reused from line to line), and what the fast lane remembers.
struct SimpleLane {
    var starts: [Int] = []
    var ends: [Int] = []
    /// Where the reader found the delimiters of the line (room for one fewer than the header's cells).
    var cuts = CSVReader.LineCuts(limit: 0)
    /// The `plan` cell (nil: no such column) the obligation routes below were found for.
    var memoPlanCell: [UInt8]?
    /// Report obligations already routed to a report duty of a plan: plan << 32 | the name's number.
    var routes = ByteKeyMemo()
    /// The routes of the last few obligation cells (for the plan cell `memoPlanCell`).
    var recent = ShortKeyCache(slots: 8)

    /// Agencies as written to their number in the report table, for the plan `agencyPlan` (the last ones
    /// met in `recentAgencies`, before the memo).
    var agencyPlan = -1
    var agencies = ByteKeyMemo()
    var recentAgencies = ShortKeyCache(slots: 64)

    /// Cell `i` (-1: no such column) of the line `adopt` last took in: it checked that there are as many
    /// cells as the header has, each within the line.
    @inline(__always)
    func cell(_ i: Int, of b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard i >= 0 else { return nil }
        precondition(i < starts.count)
        return starts.withUnsafeBufferPointer { s in
            ends.withUnsafeBufferPointer { e in UnsafeBufferPointer(start: b.baseAddress.map { $0 + s[i] }, count: e[i] - s[i]) }
        }
    }

    /// Whether a cell holds these bytes.
    @inline(__always)
    static func same(_ cell: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        guard cell.count == bytes.count else { return false }
        guard let c = cell.baseAddress else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, c, cell.count) == 0 }
    }

    func samePlanCell(_ cell: UnsafeBufferPointer<UInt8>?) -> Bool {
        switch (cell, memoPlanCell) {
        case (nil, nil): return true
        case let (cell?, memo?): return Self.same(cell, memo)
        default: return false
        }
    }

    /// Takes in the cells of a line the reader cut (`cuts`); false when the line has another number of cells
    /// than the header, or a cell with blanks around it (the record path trims those and reports what
    /// needs reporting).
    mutating func adopt(_ b: UnsafeBufferPointer<UInt8>, expected: Int) -> Bool {
        guard expected > 0, cuts.count == expected - 1 else { return false }
        if starts.count != expected {
            starts = Array(repeating: 0, count: expected)
            ends = Array(repeating: 0, count: expected)
        }
        return starts.withUnsafeMutableBufferPointer { starts in
            ends.withUnsafeMutableBufferPointer { ends in
                cuts.offsets.withUnsafeBufferPointer { offsets in
                    var start = 0
                    for k in 0..<(expected - 1) {
                        starts[k] = start
                        ends[k] = offsets[k]
                        start = offsets[k] + 1
                    }
                    starts[expected - 1] = start
                    ends[expected - 1] = b.count
                }
                guard cuts.blank else { return true }
                for k in 0..<expected where ends[k] > starts[k] {
                    let first = b[starts[k]], last = b[ends[k] - 1]
                    if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return false }
                }
                return true
            }
        }
    }

    /// The line as the record reader would have returned it, as a data record.
    func record(_ line: CSVReader.SimpleLine, file: Int, index: [String: Int], slots: ColumnSlots, delimiter: UInt8) -> DataRecord {
        let r = line.record(delimiter: delimiter)
        return DataRecord(file: file, line: r.line, recordColumn: 1, index: index, slots: slots,
                          values: DataLoader.trimmedFields(r.fields), lines: r.fieldLines, columns: r.columns)
    }
}
