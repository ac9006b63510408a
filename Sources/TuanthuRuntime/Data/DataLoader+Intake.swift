import TuanthuCore
import TuanthuSemantics

extension DataLoader {
    /// Validates one record and adds it to its table, or reports every problem with it. Extension rows wait
    /// until every file is read, since whether they match an owed period can depend on events in any file.
    mutating func intake(_ r: DataRecord, table: Table) {
        if table == .extensions, !admittingExtensions {
            pendingExtensions.append(r)
            return
        }
        if table.filledIn.allSatisfy({ (r.value($0) ?? "").isEmpty }) {
            data.blankRows += 1
            return
        }
        var ok = true
        for c in table.required where (r.value(c) ?? "").isEmpty {
            let pos = r.position(c)
            error(r.file, pos.line, pos.column, .emptyRequired(column: c.name))
            ok = false
        }
        guard ok else { return }
        let nameColumn: Column
        switch table {
        case .observations: nameColumn = .indicator
        case .events: nameColumn = .event
        default: nameColumn = .obligation
        }
        let name = r.value(nameColumn) ?? ""
        currentSubject = name.isEmpty ? nil : (name, r.value(.agency).flatMap { $0.isEmpty ? nil : $0 }, r.value(.period).flatMap { $0.isEmpty ? nil : $0 })
        defer { currentSubject = nil }
        let plan: Int
        switch directory.route(name: name, table: table, planColumn: r.value(.plan)) {
        case .plan(let p): plan = p
        case .error(let m, let s):
            let col: Column = m.code == .E312 ? .plan : nameColumn
            let pos = r.position(col)
            error(r.file, pos.line, pos.column, m, suggestion: s)
            return
        }
        switch table {
        case .observations: observation(r, plan: plan, indicator: name)
        case .reports: report(r, plan: plan, obligation: name)
        case .tasks: task(r, plan: plan, obligation: name)
        case .events: event(r, plan: plan, event: name)
        case .extensions: extensionRow(r, plan: plan, obligation: name)
        }
    }

    mutating func agency(_ r: DataRecord, plan: Int) -> String? {
        let text = r.value(.agency) ?? ""
        if let id = directory.agency(text, plan: plan) { return id }
        let pos = r.position(.agency)
        error(r.file, pos.line, pos.column, .unknownAgencyInData(DataRecord.echo(text)), suggestion: directory.agencySuggestion(text, plan: plan))
        return nil
    }

    mutating func period(_ r: DataRecord, column: Column = .period) -> Period? {
        let text = r.value(column) ?? ""
        if let p = Period.parse(utf8: text.utf8) { return p }
        if let d = CivilDate.parseDayMonthYear(utf8: text.utf8) { return .day(d) }
        let pos = r.position(column)
        error(r.file, pos.line, pos.column, .badPeriod(DataRecord.echo(text)))
        return nil
    }

    mutating func date(_ r: DataRecord, column: Column) -> CivilDate? {
        let text = r.value(column) ?? ""
        if let d = CivilDate.parse(utf8: text.utf8) ?? CivilDate.parseDayMonthYear(utf8: text.utf8) { return d }
        let pos = r.position(column)
        error(r.file, pos.line, pos.column, .badDate(DataRecord.echo(text)))
        return nil
    }

    /// Checks the obligation's requirement fits the table (reports for `report`, tasks for `deliver`).
    mutating func obligation(_ r: DataRecord, plan: Int, id: String, table: Table) -> Bool {
        guard let kind = directory.requirementKinds[plan][id] else { return false }
        let fits: Bool
        switch (kind, table) {
        case (.report, .reports), (.deliver, .tasks), (.report, .extensions), (.deliver, .extensions): fits = true
        default: fits = false
        }
        if !fits {
            let pos = r.position(.obligation)
            error(r.file, pos.line, pos.column, .wrongTableForObligation(obligation: id, table: table.rawValue + ".csv", kind: kind))
            return false
        }
        return true
    }

    private mutating func observation(_ r: DataRecord, plan: Int, indicator: String) {
        guard let ind = directory.plans[plan].indicators[indicator] else { return }
        var agencyID: String?
        let agencyText = r.value(.agency) ?? ""
        var ok = true
        if ind.perAgency {
            if agencyText.isEmpty {
                let pos = r.position(.agency)
                error(r.file, pos.line, pos.column, .agencyColumnMisuse(indicator: indicator, perAgency: true)); ok = false
            } else {
                agencyID = agency(r, plan: plan); if agencyID == nil { ok = false }
            }
        } else if !agencyText.isEmpty {
            let pos = r.position(.agency)
            error(r.file, pos.line, pos.column, .agencyColumnMisuse(indicator: indicator, perAgency: false)); ok = false
        }
        let p = period(r)
        let v = value(r, unit: ind.unit)
        guard ok, let p, let v else { return }
        let key = "\(plan)|\(indicator)|\(agencyID ?? "")|\(p)"
        if let first = observationKeys[key] {
            let earlier = data.observations[first]
            if earlier.value != v {
                let pos = r.position(.value)
                error(r.file, pos.line, pos.column, .conflictingDuplicate(what: .value(r.value(.value) ?? ""), first: earlier.text, firstLine: earlier.source.line))
                return
            }
            data.repeatedRows.insert(data.rowCount)
        } else {
            observationKeys[key] = data.observations.count
        }
        data.observations.append(ObservationRow(id: data.nextID(), source: RowSource(file: r.file, line: r.line), plan: plan,
                                                indicator: indicator, agency: agencyID, period: p, value: v, text: r.value(.value) ?? ""))
    }

    /// A value in the indicator's unit: `18.5` or `18.5%` for a percent, whole numbers for counts and ranks, yes/no.
    private mutating func value(_ r: DataRecord, unit: Unit) -> ExactNumber? {
        let text = r.value(.value) ?? ""
        let pos = r.position(.value)
        func bad(_ reason: Phrase) -> ExactNumber? {
            error(r.file, pos.line, pos.column, .badValue(value: DataRecord.echo(text), unit: unit.name, reason: reason))
            return nil
        }
        if unit == .yesno {
            switch text.lowercased() {
            case "yes", "có", "true", "1": return .one
            case "no", "không", "false", "0": return .zero
            default: return bad(Phrase(vi: "ghi có hoặc không (yes/no)", en: "write yes or no (có/không)"))
            }
        }
        var digits = Substring(text)
        let hasPercent = digits.hasSuffix("%")
        if hasPercent {
            guard unit == .percent else { return bad(Phrase(vi: "dấu % chỉ dùng cho chỉ tiêu tỷ lệ phần trăm", en: "a % sign is only for percent indicators")) }
            digits = digits.dropLast()
        }
        switch ExactNumber.parse(utf8: digits.utf8, locale: options.numberLocale) {
        case .failure(let e):
            return bad(e.phrase)
        case .success(let n):
            switch unit {
            case .percent: return ExactNumber.percent(n)
            case .count, .rank:
                guard n.isInteger else { return bad(Phrase(vi: "\(unit == .rank ? "thứ hạng" : "số lượng") phải là số nguyên", en: "a \(unit.rawValue) is a whole number")) }
                if unit == .rank, n < .one { return bad(Phrase(vi: "thứ hạng bắt đầu từ 1", en: "ranks start at 1")) }
                return n
            default: return n
            }
        }
    }

    private mutating func report(_ r: DataRecord, plan: Int, obligation id: String) {
        let o = obligation(r, plan: plan, id: id, table: .reports)
        let a = agency(r, plan: plan)
        let p = period(r)
        let text = r.value(.submitted) ?? ""
        let submitted = LocalDateTime.parse(utf8: text.utf8)
        if submitted == nil {
            let pos = r.position(.submitted)
            error(r.file, pos.line, pos.column, .badDate(DataRecord.echo(text)))
        }
        guard o, let a, let p, let submitted else { return }
        data.reports.append(ReportRow(id: data.nextID(), source: RowSource(file: r.file, line: r.line), plan: plan, obligation: id,
                                      agency: a, period: p, submitted: submitted, replaces: nonEmpty(r.value(.replaces))))
    }

    private mutating func task(_ r: DataRecord, plan: Int, obligation id: String) {
        let o = obligation(r, plan: plan, id: id, table: .tasks)
        let a = agency(r, plan: plan)
        let statusText = TaskStatus.spelling(r.value(.status) ?? "")
        let status = TaskStatus(rawValue: statusText)
        if status == nil {
            let pos = r.position(.status)
            error(r.file, pos.line, pos.column, .badStatus(DataRecord.echo(r.value(.status) ?? "")), suggestion: Suggestion.closest(to: statusText, among: ["done", "in_progress", "not_started"]))
        }
        var p: Period?
        var ok = true
        if let t = r.value(.period), !t.isEmpty { p = period(r); if p == nil { ok = false } }
        var d: CivilDate?
        if let t = r.value(.date), !t.isEmpty { d = date(r, column: .date); if d == nil { ok = false } }
        guard ok, o, let a, let status else { return }
        data.tasks.append(TaskRow(id: data.nextID(), source: RowSource(file: r.file, line: r.line), plan: plan, obligation: id,
                                  agency: a, period: p, status: status, date: d, document: nonEmpty(r.value(.document))))
    }

    private mutating func event(_ r: DataRecord, plan: Int, event id: String) {
        guard let d = date(r, column: .date) else { return }
        let key = "\(plan)|\(id)"
        if let first = eventKeys[key] {
            let earlier = data.events[first]
            if earlier.date != d {
                let pos = r.position(.date)
                error(r.file, pos.line, pos.column, .conflictingDuplicate(what: .date(d.description), first: earlier.date.description, firstLine: earlier.source.line))
                return
            }
            data.repeatedRows.insert(data.rowCount)
        } else {
            eventKeys[key] = data.events.count
        }
        data.events.append(EventRow(id: data.nextID(), source: RowSource(file: r.file, line: r.line), plan: plan, event: id,
                                    date: d, document: nonEmpty(r.value(.document))))
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
