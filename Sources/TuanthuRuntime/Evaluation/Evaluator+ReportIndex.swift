import TuanthuCore
import TuanthuSemantics

// The report rows each unit of work reads: by plan (a whole run), by plan and duty (a streamed run judging
// a unit duty by duty), then, per unit or piece, by (plan, obligation, period).
extension Evaluator {
    /// Lists the rows of each plan (`indexReports`) by report duty, in file order within a duty, for a unit
    /// judged duty by duty.
    mutating func indexReportsByDuty() {
        indexReports()
        let reports = data.reports
        var sorted = [UInt32](repeating: 0, count: planRows.count)
        dutyRows = [:]
        for p in plans.indices where planStarts[p] < planStarts[p + 1] {
            let slice = planStarts[p]..<planStarts[p + 1]
            var counts = [Int](repeating: 0, count: reports.nameCount + 1)
            for k in slice { counts[Int(reports.obligationNumber(at: Int(planRows[k]))) + 1] += 1 }
            for n in 0..<reports.nameCount { counts[n + 1] += counts[n] }
            for n in 0..<reports.nameCount where counts[n + 1] > counts[n] {
                dutyRows[DutyKey(plan: p, obligation: UInt32(n))] = (slice.lowerBound + counts[n])..<(slice.lowerBound + counts[n + 1])
            }
            for k in slice {
                let n = Int(reports.obligationNumber(at: Int(planRows[k])))
                sorted[slice.lowerBound + counts[n]] = planRows[k]
                counts[n] += 1
            }
        }
        planRows = sorted
    }

    /// Sets aside the report rows dated after as-of (as if not yet received) and lists the others by plan.
    mutating func indexReports() {
        let reports = data.reports
        planStarts = [Int](repeating: 0, count: plans.count + 1)
        for i in reports.indices {
            if reports.submitted(at: i).date > asOf { fates[reports.id(at: i)] = .setAside } else { planStarts[reports.plan(at: i) + 1] += 1 }
        }
        for p in plans.indices { planStarts[p + 1] += planStarts[p] }
        var next = planStarts
        planRows = [UInt32](repeating: 0, count: planStarts[plans.count])
        for i in reports.indices where reports.submitted(at: i).date <= asOf {
            let p = reports.plan(at: i)
            planRows[next[p]] = UInt32(i)
            next[p] += 1
        }
    }

    /// A plan's obligation (numbered as in `data.reports`) and period.
    struct ReportKey: Equatable {
        var plan: Int
        var obligation: UInt32
        var period: Period
    }

    /// Positions in `data.reports` of the rows about one obligation and period of a plan, in file order.
    func reportRows(plan: Int, obligation: String, period: Period) -> ArraySlice<UInt32>? {
        guard let number = data.reports.number(of: obligation) else { return nil }
        return reportsByPeriod.rows(ReportKey(plan: plan, obligation: number, period: period))
    }

    /// Report rows grouped by (plan, obligation, period): one flat array of positions, grouped, in file order
    /// within each group (a dictionary of arrays would allocate one small array per group: a million).
    struct ReportIndex {
        var groups = ReportKeyTable()
        /// Group `g` is `positions[starts[g]..<starts[g + 1]]`.
        var starts: [Int32] = [0]
        var positions: [UInt32] = []

        init() {}

        /// The rows at `rows` (positions in `reports`) grouped by their (plan, obligation, period).
        init(_ rows: ArraySlice<UInt32>, reports: ReportTable) {
            var groupOf = [Int32](repeating: 0, count: rows.count)
            var counts: [Int32] = []
            // Rows of a file often come in runs about one duty and period: a row whose key is the last row's
            // (compared as the table keeps it, without making a `Period`) joins the last row's group.
            var lastBits: (UInt64, UInt64)?, lastGroup: Int32 = 0
            groupOf.withUnsafeMutableBufferPointer { groupOf in
                for (k, position) in rows.enumerated() {
                    let i = Int(position)
                    let bits = reports.keyBits(at: i)
                    if bits == nil || bits! != lastBits ?? (.max, .max) {
                        let key = ReportKey(plan: reports.plan(at: i), obligation: reports.obligationNumber(at: i), period: reports.period(at: i))
                        let (g, isNew) = groups.group(adding: key)
                        if isNew { counts.append(0) }
                        lastBits = bits
                        lastGroup = g
                    }
                    groupOf[k] = lastGroup
                    counts.withUnsafeMutableBufferPointer { $0[Int(lastGroup)] += 1 }
                }
            }
            starts = [Int32](repeating: 0, count: counts.count + 1)
            for g in counts.indices { starts[g + 1] = starts[g] + counts[g] }
            var next = Array(starts.dropLast())
            positions = [UInt32](repeating: 0, count: rows.count)
            positions.withUnsafeMutableBufferPointer { positions in
                next.withUnsafeMutableBufferPointer { next in
                    groupOf.withUnsafeBufferPointer { groupOf in
                        for (k, position) in rows.enumerated() {
                            let g = Int(groupOf[k])
                            positions[Int(next[g])] = position
                            next[g] += 1
                        }
                    }
                }
            }
        }

        func rows(_ key: ReportKey) -> ArraySlice<UInt32>? {
            guard let g = groups.group(key) else { return nil }
            return positions[Int(starts[Int(g)])..<Int(starts[Int(g) + 1])]
        }
    }

    /// A duty of a unit: its plan's index and the obligation's index in that plan.
    struct DutyRef: Hashable, Sendable {
        var plan: Int
        var obligation: Int
    }

    /// A plan and a report duty's number in `data.reports`.
    struct DutyKey: Hashable {
        var plan: Int
        var obligation: UInt32
    }
}
