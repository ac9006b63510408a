import Foundation
import TuanthuCore
import TuanthuSyntax

/// The result of checking a set of plan files.
public struct CheckResult: Sendable {
    public var plans: [CheckedPlan]
    /// Files that hold only a roster (agencies and groups).
    public var rosters: [String]
    /// Files with a `plan` block, whether or not they checked clean (for the summary line).
    public var planFiles: [String] = []
    public var diagnostics: [Diagnostic]
    public var sources: SourceMap
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The checker: a fixed, ordered list of stages over all files of a run (load, resolve `use`,
/// declare names, resolve parties, check obligations, check tests, lint), each appending to one
/// diagnostic list.
public struct Checker: Sendable {
    var loader = SourceLoader()
    var diagnostics: [Diagnostic] = []
    /// Keys of the diagnostics reported, so each is reported once.
    var reported: Set<String> = []
    /// A plan with this many obligations has them checked on two threads (a test sets it out of reach
    /// to compare with one thread).
    var obligationsForTwoThreads = 4000

    public init() {}

    /// Checks the plan files at the given paths (files or directories).
    public static func check(paths: [String]) -> CheckResult {
        var checker = Checker()
        let (files, _) = PlanFinder.expand(paths)
        return checker.run(files: files)
    }

    /// Checks already-listed files.
    public mutating func run(files: [String]) -> CheckResult {
        var plans: [CheckedPlan] = []
        var rosters: [String] = []
        var planFiles: [String] = []
        for path in files {
            switch loader.load(path) {
            case .failure(let why):
                let detail: Phrase
                switch why {
                case .unreadable: detail = Phrase(vi: "không đọc được \(path)", en: "cannot read \(path)")
                case .tooLarge(let n): detail = Phrase(vi: "\(path) dài \(n) byte, vượt giới hạn \(SourceLoader.maxFileBytes) byte", en: "\(path) is \(n) bytes; the limit is \(SourceLoader.maxFileBytes)")
                }
                report(Diagnostic(.unreadableFile(detail: detail), at: .none))
            case .success(let file):
                if let plan = checkFile(file) { plans.append(plan) } else if isRoster(file.ast) { rosters.append(path) }
                if file.ast.declarations.contains(where: { if case .plan = $0 { return true }; return false }) { planFiles.append(path) }
            }
        }
        for d in loader.diagnostics { report(d) }
        let ordered = diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.span.file != y.span.file { return x.span.file < y.span.file }
            if x.span.start != y.span.start { return x.span.start < y.span.start }
            return a.offset < b.offset
        }.map(\.element)
        var result = CheckResult(plans: plans, rosters: rosters, diagnostics: ordered, sources: loader.sources)
        result.planFiles = planFiles
        return result
    }

    /// Records a diagnostic once (rosters are seen from several plans).
    mutating func report(_ d: Diagnostic) {
        let key = "\(d.code.rawValue)|\(d.span.file)|\(d.span.start)|\(d.span.end)|\(Catalogue.text(d.message))"
        if reported.insert(key).inserted { diagnostics.append(d) }
    }

    func isRoster(_ ast: PlanFile) -> Bool {
        ast.declarations.allSatisfy {
            switch $0 { case .use, .agency, .group: return true; default: return false }
        }
    }

    /// Checks one file: a plan yields a `CheckedPlan`; a roster is checked for its own errors.
    mutating func checkFile(_ file: LoadedFile) -> CheckedPlan? {
        var chain: [String] = [PlanFinder.standard(file.source.path)]
        let rosterFiles = resolveUses(of: file, chain: &chain)
        let planDecls = file.ast.declarations.compactMap { d -> PlanDecl? in if case .plan(let p) = d { return p }; return nil }
        if planDecls.count > 1 {
            for extra in planDecls.dropFirst() { report(Diagnostic(.morePlanBlocks, at: extra.span)) }
        }
        var scope = Scope()
        for roster in rosterFiles { declare(roster.ast, into: &scope, fromRoster: true) }
        declare(file.ast, into: &scope, fromRoster: false)
        resolveAgencies(&scope)
        resolveGroups(&scope)
        guard let planDecl = planDecls.first else {
            if !isRoster(file.ast), let first = file.ast.declarations.first(where: {
                switch $0 { case .use, .agency, .group: return false; default: return true }
            }) {
                report(Diagnostic(.missingPlanBlock, at: first.span))
            }
            return nil
        }
        return checkPlan(planDecl, file: file, scope: &scope)
    }

    /// Follows `use` declarations depth-first; reports missing files, cycles and non-roster files.
    mutating func resolveUses(of file: LoadedFile, chain: inout [String]) -> [LoadedFile] {
        var result: [LoadedFile] = []
        let dir = (file.source.path as NSString).deletingLastPathComponent
        for case .use(let u) in file.ast.declarations {
            let path = u.path.value.hasPrefix("/") ? u.path.value : (dir.isEmpty ? u.path.value : dir + "/" + u.path.value)
            let key = PlanFinder.standard(path)
            if chain.contains(key) {
                report(Diagnostic(.useCycle(path: u.path.value), at: u.path.span))
                continue
            }
            guard case .success(let roster) = loader.load(path) else {
                report(Diagnostic(.useFileMissing(path: u.path.value), at: u.path.span))
                continue
            }
            if !isRoster(roster.ast) {
                let found = roster.ast.declarations.first { d in
                    switch d { case .use, .agency, .group: return false; default: return true }
                }
                report(Diagnostic(.useNotRoster(path: u.path.value, found: found.map(describe) ?? .otherDeclarations), at: u.path.span))
                continue
            }
            chain.append(key)
            result.append(contentsOf: resolveUses(of: roster, chain: &chain))
            chain.removeLast()
            if !result.contains(where: { $0.source.id == roster.source.id }) { result.append(roster) }
        }
        return result
    }

    func describe(_ d: Declaration) -> RosterContent {
        switch d {
        case .plan: return .planBlock
        case .indicator(let i): return .named(.indicator, i.name.text)
        case .event(let e): return .named(.event, e.name.text)
        case .obligation(let o): return .named(.obligation, o.name.text)
        case .test(let t): return .named(.test, t.name.value)
        default: return .otherDeclarations
        }
    }
}
