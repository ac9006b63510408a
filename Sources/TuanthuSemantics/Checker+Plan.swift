import TuanthuCore
import TuanthuSyntax

extension Checker {
    mutating func checkPlan(_ decl: PlanDecl, file: LoadedFile, scope: inout Scope) -> CheckedPlan? {
        var complete = true
        for (field, present) in [("title", decl.title != nil), ("issuer", decl.issuer != nil), ("issued", decl.issued != nil)] where !present {
            report(Diagnostic(.missingPlanField(field: field), at: decl.number.span))
            complete = false
        }
        var issued: CivilDate?
        if let i = decl.issued { issued = date(i, role: .issueDate) }
        for s in decl.supersedes where s.value == decl.number.value {
            report(Diagnostic(.selfSupersede(plan: s.value), at: s.span))
        }
        let obligations = checkObligations(scope: &scope, planIssued: issued, file: file)
        lintWeakerTargets(obligations)
        var tests: [PlanTest] = []
        for t in scope.testDecls { if let pt = checkTest(t, scope: &scope, obligations: obligations) { tests.append(pt) } }
        lintUnused(scope, fileID: file.source.id)
        lintCites(scope.obligationDecls, obligations, planFile: file, source: decl.source)
        guard complete, let issuedDay = issued else { return nil }
        return CheckedPlan(
            id: decl.number.value, title: decl.title?.value ?? "", issuer: decl.issuer?.value ?? "", issued: issuedDay,
            implements: decl.implements.map(\.value), supersedes: decl.supersedes.map(\.value),
            file: file.source.path, fileID: file.source.id,
            agencies: scope.agencies, groups: scope.groups, indicators: indicators(scope), events: events(scope),
            obligations: obligations, tests: tests, agencyByName: scope.agencyByName)
    }

    /// Checks every obligation of the plan, in order. A large plan is checked in two halves at once: the
    /// second half on a copy of the checker and scope that starts with no diagnostics and no used names;
    /// its diagnostics are then reported after the first half's (`report` drops repeats as it would have)
    /// and its used names added, so diagnostics, their order and the results are those of one pass.
    mutating func checkObligations(scope: inout Scope, planIssued: CivilDate?, file: LoadedFile) -> [Obligation] {
        let count = scope.obligationDecls.count
        guard count >= obligationsForTwoThreads else {
            return checkObligations(0..<count, scope: &scope, planIssued: planIssued, file: file)
        }
        let middle = count / 2
        var secondChecker = self
        secondChecker.diagnostics = []
        secondChecker.reported = []
        var secondScope = scope
        secondScope.used = []
        let (firstHalf, second) = inParallel({
            checkObligations(0..<middle, scope: &scope, planIssued: planIssued, file: file)
        }, { [secondChecker, secondScope] in
            var checker = secondChecker, scope = secondScope
            let obligations = checker.checkObligations(middle..<count, scope: &scope, planIssued: planIssued, file: file)
            return (obligations: obligations, diagnostics: checker.diagnostics, used: scope.used)
        })
        for d in second.diagnostics { report(d) }
        scope.used.formUnion(second.used)
        return firstHalf + second.obligations
    }

    private mutating func checkObligations(_ range: Range<Int>, scope: inout Scope, planIssued: CivilDate?, file: LoadedFile) -> [Obligation] {
        var obligations: [Obligation] = []
        obligations.reserveCapacity(range.count)
        for i in range {
            if let checked = checkObligation(scope.obligationDecls[i], scope: &scope, planIssued: planIssued, file: file) { obligations.append(checked) }
        }
        return obligations
    }

    func indicators(_ scope: Scope) -> [String: Indicator] {
        var out: [String: Indicator] = [:]
        for i in scope.indicatorDecls {
            out[i.name.text] = Indicator(id: i.name.text, title: i.title?.value, unit: Unit(rawValue: i.unit.rawValue) ?? .number,
                                         perAgency: i.perAgency, span: i.name.span)
        }
        return out
    }

    func events(_ scope: Scope) -> [String: Event] {
        var out: [String: Event] = [:]
        for e in scope.eventDecls { out[e.name.text] = Event(id: e.name.text, title: e.title?.value, span: e.name.span) }
        return out
    }

    mutating func checkObligation(_ o: ObligationDecl, scope: inout Scope, planIssued: CivilDate?, file: LoadedFile) -> Obligation? {
        var ok = true
        if o.requirements.count > 1 || (o.requirements.isEmpty && !o.recovered) {
            report(Diagnostic(.requirementCount(obligation: o.name.text, count: o.requirements.count),
                              at: o.requirements.count > 1 ? o.requirements[1].span : o.name.span))
            ok = false
        }
        if o.requirements.isEmpty { ok = false }
        if o.cites.isEmpty { report(Diagnostic(.missingCite(obligation: o.name.text), at: o.name.span)) }
        // Owner
        var owner: Owner?
        if let clause = o.owner {
            var agencies: [String] = []
            var groupID: String?
            for p in clause.parties {
                lintParty(p, scope: scope, planIssued: planIssued)
                switch resolveParty(p, scope: scope) {
                case .agency(let id): agencies.append(id); scope.used.insert(id)
                case .group(let g): groupID = g; agencies.append(contentsOf: scope.groups[g]?.agencies ?? []); scope.used.insert(g)
                case .unknown: ok = false
                }
            }
            // One party (an agency, or a group whose members are already distinct) needs no deduplication;
            // a plan has thousands of group-owned duties.
            if clause.parties.count > 1 {
                var seen = Set<String>(minimumCapacity: agencies.count)
                agencies = agencies.filter { seen.insert($0).inserted }
            }
            if clause.jointly {
                owner = .jointly(agencies)
            } else if clause.parties.count == 1, let g = groupID {
                owner = .each(group: g, agencies: agencies)
            } else if clause.parties.count == 1, let a = agencies.first {
                owner = .agency(a)
            } else {
                owner = .each(group: clause.parties.map(\.text).joined(separator: ","), agencies: agencies)
            }
        } else {
            report(Diagnostic(.missingOwner(obligation: o.name.text), at: o.name.span))
            ok = false
        }
        let support = namedParties(o.support, scope: &scope, planIssued: planIssued)
        if let u = o.until, let req = o.requirements.first, !isRecurring(req) {
            report(Diagnostic(.fieldNotAllowed(field: "until", context: .untilOnOneOff), at: u.span))
        }
        let from = o.from.flatMap { startDate($0) }
        let until = o.until.flatMap { endDate($0) }
        if let f = from, let u = until, f > u, let ft = o.from, let ut = o.until {
            report(Diagnostic(.rangeOrder(start: ft.text, end: ut.text), at: ft.span.to(ut.span)))
        }
        guard let written = o.requirements.first,
              let requirement = checkRequirement(written, scope: &scope, planIssued: planIssued, obligation: o) else { return nil }
        guard ok, let owner else { return nil }
        return Obligation(
            id: o.name.text, title: o.title?.value, owner: owner, support: support, requirement: requirement,
            requirementText: requirementText(written, file: file.source), from: from, until: until,
            cites: o.cites.map { CiteInfo(text: $0.text.value, line: $0.line?.value) }, location: written.span)
    }

    /// Reports, `every year` and `ongoing` owe a series of periods; everything else is owed once.
    func isRecurring(_ r: TuanthuSyntax.Requirement) -> Bool {
        switch r {
        case .report: return true
        case .achieve(let a): if case .everyYear = a.timing { return true }; return false
        case .deliver(let d):
            switch d.timing { case .everyYear, .ongoing: return true; default: return false }
        case .untracked: return false
        }
    }

    /// The requirement's source text on one line, spaces collapsed (the finding's `expected`).
    func requirementText(_ r: TuanthuSyntax.Requirement, file: SourceFile) -> String {
        // The usual requirement is written on one line with single spaces, starting with its keyword and
        // ending in a token: its text is the source bytes as they are.
        let lo = max(0, min(r.span.start, file.bytes.count)), hi = max(lo, min(r.span.end, file.bytes.count))
        if lo < hi, Self.isPlainOneLine(file.bytes, lo, hi) {
            return String(decoding: file.bytes[lo..<hi], as: UTF8.self)
        }
        // Runs of ASCII blanks become one space, ends trimmed; bytes, not Characters (one call per obligation).
        var out: [UInt8] = []
        var lastSpace = false
        for b in file.text(r.span).utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            } else {
                out.append(b)
                lastSpace = false
            }
        }
        while out.last == 0x20 { out.removeLast() }
        let start = out.firstIndex { $0 != 0x20 } ?? out.count
        let text = String(decoding: out[start...], as: UTF8.self)
        // Other Unicode blanks at either end (never written in practice) are trimmed as before.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// True when `bytes[lo..<hi]` needs no change by `requirementText`: no tab, CR or LF, no two spaces
    /// in a row, and neither end a blank (the ends are ASCII and not space, tab, LF, VT, FF or CR).
    static func isPlainOneLine(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        let first = bytes[lo], last = bytes[hi - 1]
        guard first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return false }
        var previousSpace = false
        for i in lo..<hi {
            let b = bytes[i]
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if b == 0x0A || b == 0x09 || b == 0x0D { return false }
                previousSpace = false
            }
        }
        return true
    }

    mutating func checkRequirement(_ r: TuanthuSyntax.Requirement, scope: inout Scope, planIssued: CivilDate?, obligation: ObligationDecl) -> CheckedRequirement? {
        switch r {
        case .untracked(let reason, _):
            return .untracked(reason: reason.value)
        case .achieve(let a):
            let condition = checkCondition(a.condition, scope: &scope)
            var timing: AchieveTiming?
            switch a.timing {
            case .by(let c): timing = period(c).map { .by($0) }
            case .everyYear(let f, let t):
                let fy = f.flatMap { year($0) }, ty = t.flatMap { year($0) }
                if let fy, let ty, fy > ty, let f, let t {
                    report(Diagnostic(.rangeOrder(start: f.text, end: t.text), at: f.span.to(t.span)))
                    timing = nil
                } else if (f != nil && fy == nil) || (t != nil && ty == nil) {
                    timing = nil
                } else {
                    timing = .everyYear(from: fy, to: ty)
                }
            }
            guard let (cond, indicators) = condition, let timing else { return nil }
            return .achieve(cond, timing, indicators: indicators)
        case .deliver(let d):
            var windowStart = d.from.flatMap { startDate($0) }
            if d.from != nil, obligation.from != nil, let f = d.from {
                report(Diagnostic(.duplicateField(field: "from"), at: f.span))
            }
            if windowStart == nil { windowStart = obligation.from.flatMap { startDate($0) } }
            var timing: DeliverTiming?
            switch d.timing {
            case .by(let c): timing = period(c).map { .by($0, due: $0.lastDay) }
            case .before(let c): timing = period(c).map { .by(Period.day($0.firstDay.adding(days: -1)), due: $0.firstDay.adding(days: -1)) }
            case .everyYear: timing = .everyYear
            case .undated: timing = .undated
            case .ongoing(let e):
                if let e { timing = event(e, scope: &scope) ? .ongoing(after: e.text) : nil } else { timing = .ongoing(after: nil) }
            case .after(let e): timing = event(e, scope: &scope) ? .after(e.text) : nil
            case .within(let days, let e):
                if days.value < 0 || days.value > 36_600 {
                    report(Diagnostic(.tooLarge(.days(36600)), at: days.span))
                    timing = nil
                } else {
                    timing = event(e, scope: &scope) ? .within(days: days.value, after: e.text) : nil
                }
            }
            if let ws = windowStart, case .by(_, let due)? = timing, ws > due, let f = d.from ?? obligation.from {
                report(Diagnostic(.rangeOrder(start: f.text, end: due.description), at: f.span))
            }
            guard let timing else { return nil }
            return .deliver(product: d.product?.value, timing, windowStart: windowStart)
        case .report(let rep):
            let recipients = namedParties(rep.recipients, scope: &scope, planIssued: planIssued)
            guard let s = rep.schedule else { return .report(recipients: recipients, schedule: nil) }
            guard let sched = schedule(s) else { return nil }
            return .report(recipients: recipients, schedule: sched)
        }
    }

    /// Support agencies and report recipients: resolved (agency or group id), linted, marked used.
    mutating func namedParties(_ parties: [PartyRef], scope: inout Scope, planIssued: CivilDate?) -> [String] {
        var ids: [String] = []
        for p in parties {
            lintParty(p, scope: scope, planIssued: planIssued)
            switch resolveParty(p, scope: scope) {
            case .agency(let id), .group(let id): ids.append(id); scope.used.insert(id)
            case .unknown: break
            }
        }
        return ids
    }

    /// Resolves an event name (`plan_issued` is built in).
    mutating func event(_ n: Name, scope: inout Scope) -> Bool {
        if n.text == "plan_issued" { return true }
        if scope.kind(of: n.text) == .event { scope.used.insert(n.text); return true }
        reportUnknown(n, kinds: [.event], kindName: .event, scope: scope)
        return false
    }

    /// Warns where a plan names an agency merged or dissolved before the plan was issued.
    mutating func lintParty(_ p: PartyRef, scope: Scope, planIssued: CivilDate?) {
        guard let issued = planIssued, scope.agenciesHaveHistory else { return }
        let id: String?
        switch p {
        case .name(let n): id = scope.agencies[n.text] != nil ? n.text : nil
        case .string(let s): id = scope.agencyByName[s.value]
        }
        guard let id, let agency = scope.agencies[id] else { return }
        if let on = agency.mergedOn, let into = agency.mergedInto, on <= issued {
            var successor = into
            var seen: Set<String> = [id]
            while let next = scope.agencies[successor]?.mergedInto, let d = scope.agencies[successor]?.mergedOn, d <= issued, seen.insert(successor).inserted {
                successor = next
            }
            report(Diagnostic(.mergedParty(agency: p.text, successor: successor, date: on.description), at: p.span, suggestion: successor))
        }
        if let on = agency.dissolvedOn, on <= issued {
            report(Diagnostic(.dissolvedParty(agency: p.text, date: on.description), at: p.span))
        }
    }
}
