import TuanthuCore
import TuanthuSyntax

/// The names visible in one plan: its own declarations and those of the rosters it uses.
struct Scope {
    enum Kind: String {
        case agency, group, indicator, event, obligation
        var nameKind: NameKind { NameKind(rawValue: rawValue) ?? .obligation }
    }
    struct Entry {
        var kind: Kind
        var span: Span
        var fromRoster: Bool
        /// Position of the declaration in the array for its kind (`indicatorDecls` for an indicator, …).
        var index: Int
    }

    var entries: [String: Entry] = [:]
    var agencyDecls: [AgencyDecl] = []
    var groupDecls: [GroupDecl] = []
    var indicatorDecls: [IndicatorDecl] = []
    var eventDecls: [EventDecl] = []
    var obligationDecls = ObligationList()
    var testDecls: [TestDecl] = []

    var agencies: [String: Agency] = [:]
    var groups: [String: Group] = [:]
    var agencyByName: [String: String] = [:]
    /// Names referenced somewhere in the plan (for the unused-declaration lint).
    var used: Set<String> = []
    /// Some agency has a merger or dissolution date: only then can naming a party draw a warning.
    var agenciesHaveHistory = false

    func kind(of name: String) -> Kind? { entries[name]?.kind }

    /// The indicator declared under a name (one dictionary lookup, not a search of the declarations).
    func indicatorDecl(named name: String) -> IndicatorDecl? {
        guard let e = entries[name], e.kind == .indicator else { return nil }
        return indicatorDecls[e.index]
    }

    /// The obligation declared under a name.
    func obligationDecl(named name: String) -> ObligationDecl? {
        guard let e = entries[name], e.kind == .obligation else { return nil }
        return obligationDecls[e.index]
    }

    /// Every name a "did you mean" may offer for a kind.
    func candidates(_ kinds: Set<Kind>) -> [String] {
        entries.filter { kinds.contains($0.value.kind) }.map(\.key).sorted()
    }
}

/// The obligations of a plan, kept as the parsed declarations themselves (a pointer each: `Declaration`
/// is indirect) rather than as copies of each 256-byte `ObligationDecl`.
struct ObligationList: RandomAccessCollection {
    private var declarations: [Declaration] = []

    var startIndex: Int { 0 }
    var endIndex: Int { declarations.count }

    subscript(position: Int) -> ObligationDecl {
        guard case .obligation(let o) = declarations[position] else { preconditionFailure("only obligations are appended") }
        return o
    }

    /// Appends an `.obligation` declaration.
    mutating func append(_ declaration: Declaration) {
        precondition({ if case .obligation = declaration { return true }; return false }(), "not an obligation")
        declarations.append(declaration)
    }

    mutating func reserveCapacity(_ n: Int) { declarations.reserveCapacity(n) }
}

extension Checker {


    mutating func declare(_ ast: PlanFile, into scope: inout Scope, fromRoster: Bool) {
        // Room for every name up front: a plan of 25,000 obligations would otherwise regrow (rehash,
        // copy) the table and the obligation array a dozen times.
        scope.entries.reserveCapacity(scope.entries.count + ast.declarations.count)
        let obligationCount = ast.declarations.reduce(0) { n, d in if case .obligation = d { return n + 1 }; return n }
        scope.obligationDecls.reserveCapacity(scope.obligationDecls.count + obligationCount)
        for decl in ast.declarations {
            switch decl {
            case .agency(let a):
                if add(a.name, .agency, at: scope.agencyDecls.count, fromRoster, &scope) { scope.agencyDecls.append(a) }
            case .group(let g):
                if add(g.name, .group, at: scope.groupDecls.count, fromRoster, &scope) { scope.groupDecls.append(g) }
            case .indicator(let i):
                if add(i.name, .indicator, at: scope.indicatorDecls.count, fromRoster, &scope) { scope.indicatorDecls.append(i) }
            case .event(let e):
                if e.name.text == "plan_issued" {
                    report(Diagnostic(.duplicateName(kind: .event, name: "plan_issued"), at: e.name.span,
                                      notes: [DiagnosticNote(.help(.planIssuedIsBuiltIn))]))
                } else if add(e.name, .event, at: scope.eventDecls.count, fromRoster, &scope) { scope.eventDecls.append(e) }
            case .obligation(let o):
                if add(o.name, .obligation, at: scope.obligationDecls.count, fromRoster, &scope) { scope.obligationDecls.append(decl) }
            case .test(let t):
                scope.testDecls.append(t)
            case .use, .plan:
                break
            }
        }
    }

    /// Adds a name unless it is taken; `index` is where its declaration goes in the array for its kind.
    private mutating func add(_ name: Name, _ kind: Scope.Kind, at index: Int, _ fromRoster: Bool, _ scope: inout Scope) -> Bool {
        // One hash for the usual new name: insert, and put the first entry back if the name was taken.
        let entry = Scope.Entry(kind: kind, span: name.span, fromRoster: fromRoster, index: index)
        if let first = scope.entries.updateValue(entry, forKey: name.text) {
            scope.entries[name.text] = first
            report(Diagnostic(.duplicateName(kind: kind.nameKind, name: name.text), at: name.span,
                              notes: [DiagnosticNote(.firstDefined(name: name.text), at: first.span)]))
            return false
        }
        return true
    }

    /// Builds agencies with their merger and dissolution dates; checks merges point at real agencies without cycles.
    mutating func resolveAgencies(_ scope: inout Scope) {
        for a in scope.agencyDecls {
            var agency = Agency(id: a.name.text, name: a.title.value, aliases: a.aliases.map(\.value), span: a.name.span)
            if let on = a.mergedOn { agency.mergedOn = date(on, role: .mergerDate) }
            if let on = a.dissolvedOn { agency.dissolvedOn = date(on, role: .dissolutionDate) }
            if agency.mergedOn != nil || agency.dissolvedOn != nil { scope.agenciesHaveHistory = true }
            if let into = a.mergedInto {
                if into.text == a.name.text {
                    report(Diagnostic(.badMerge(agency: a.name.text, problem: .intoItself), at: into.span))
                } else if scope.kind(of: into.text) == .agency {
                    agency.mergedInto = into.text
                } else {
                    reportUnknown(into, kinds: [.agency], kindName: .agency, scope: scope)
                }
            }
            scope.agencies[agency.id] = agency
            for n in [agency.name] + agency.aliases where scope.agencyByName[n] == nil { scope.agencyByName[n] = agency.id }
        }
        // Merger chains must end.
        for a in scope.agencyDecls {
            var seen: Set<String> = [a.name.text]
            var cur = scope.agencies[a.name.text]?.mergedInto
            while let c = cur {
                if !seen.insert(c).inserted {
                    report(Diagnostic(.badMerge(agency: a.name.text, problem: .cycle), at: a.mergedInto?.span ?? a.name.span))
                    scope.agencies[a.name.text]?.mergedInto = nil
                    break
                }
                cur = scope.agencies[c]?.mergedInto
            }
        }
    }

    /// Expands groups (nested groups flattened, order kept, repeats removed); reports cycles and unknown members.
    mutating func resolveGroups(_ scope: inout Scope) {
        let decls = Dictionary(scope.groupDecls.map { ($0.name.text, $0) }, uniquingKeysWith: { a, _ in a })
        var done: [String: [String]] = [:]
        func expand(_ g: GroupDecl, _ stack: inout [String], _ checker: inout Checker) -> [String] {
            if let d = done[g.name.text] { return d }
            stack.append(g.name.text)
            var members: [String] = []
            for m in g.members {
                switch checker.resolveParty(m, scope: scope) {
                case .agency(let id): members.append(id)
                case .group(let gid):
                    if stack.contains(gid) {
                        checker.report(Diagnostic(.groupCycle(group: gid), at: m.span))
                    } else if let inner = decls[gid] {
                        members.append(contentsOf: expand(inner, &stack, &checker))
                    }
                case .unknown: break
                }
            }
            stack.removeLast()
            var seen: Set<String> = []
            let unique = members.filter { seen.insert($0).inserted }
            done[g.name.text] = unique
            return unique
        }
        for g in scope.groupDecls {
            var stack: [String] = []
            let members = expand(g, &stack, &self)
            scope.groups[g.name.text] = Group(id: g.name.text, title: g.title?.value, agencies: members, span: g.name.span)
        }
    }

    enum PartyResolution { case agency(String), group(String), unknown }

    /// Resolves a party by identifier, or a string by an agency's name or alias; reports unknown ones.
    mutating func resolveParty(_ p: PartyRef, scope: Scope) -> PartyResolution {
        switch p {
        case .name(let n):
            switch scope.kind(of: n.text) {
            case .agency: return .agency(n.text)
            case .group: return .group(n.text)
            case .some(let other):
                report(Diagnostic(.wrongKindOfName(name: n.text, expected: .agencyOrGroup, actual: other.nameKind), at: n.span))
                return .unknown
            case nil:
                // An identifier typed from an agency's name (`So_Tai_chinh`) is matched against names and
                // aliases too, and the suggestion is the identifier to write.
                var all = scope.candidates([.agency, .group])
                var idOf: [String: String] = [:]
                for a in scope.agencies.values { for name in [a.name] + a.aliases where idOf[name] == nil { idOf[name] = a.id } }
                all += idOf.keys.sorted()
                let best = Suggestion.closest(to: n.text, among: all)
                report(Diagnostic(.unknownParty(n.text), at: n.span, suggestion: best.map { idOf[$0] ?? $0 }))
                return .unknown
            }
        case .string(let s):
            if let id = scope.agencyByName[s.value] { return .agency(id) }
            if scope.agencies[s.value] != nil { return .agency(s.value) }
            let names = scope.agencies.values.flatMap { [$0.name] + $0.aliases }.sorted()
            var suggestion = Suggestion.closest(to: s.value, among: names)
            if suggestion == nil {
                let folded = Suggestion.fold(s.value)
                suggestion = names.first { Suggestion.fold($0) == folded }
            }
            report(Diagnostic(.unknownParty(s.value), at: s.span, suggestion: suggestion))
            return .unknown
        }
    }

    mutating func reportUnknown(_ n: Name, kinds: Set<Scope.Kind>, kindName: NameKind, scope: Scope) {
        if let actual = scope.kind(of: n.text) {
            report(Diagnostic(.wrongKindOfName(name: n.text, expected: kindName, actual: actual.nameKind), at: n.span))
            return
        }
        var candidates = scope.candidates(kinds)
        if kinds.contains(.event) { candidates.append("plan_issued") }
        report(Diagnostic(.unknownName(kind: kindName, name: n.text), at: n.span, suggestion: Suggestion.closest(to: n.text, among: candidates)))
    }
}
