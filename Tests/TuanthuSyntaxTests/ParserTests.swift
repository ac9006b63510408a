import Testing
import TuanthuCore
import TuanthuSyntax

func parse(_ text: String) -> (file: PlanFile, diagnostics: [Diagnostic], source: SourceFile) {
    var map = SourceMap()
    let bytes: [UInt8]
    switch SourceFile.decode(Array(text.utf8)) {
    case .success(let b): bytes = b
    case .failure: bytes = Array(text.utf8)
    }
    let source = map.add(path: "test.plan", bytes: bytes)
    let r = Parser.parse(source)
    return (r.file, r.diagnostics, source)
}

/// Parses a snippet that must have no syntax errors.
func parseClean(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> PlanFile {
    let r = parse(text)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.code.rawValue) at \($0.span.start)" })", sourceLocation: sourceLocation)
    return r.file
}

func obligations(_ f: PlanFile) -> [ObligationDecl] {
    f.declarations.compactMap { if case .obligation(let o) = $0 { return o }; return nil }
}

/// The single requirement of an obligation wrapped around one requirement line.
func requirement(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Requirement? {
    let f = parseClean("obligation o {\n  owner A\n  \(line)\n}\n", sourceLocation: sourceLocation)
    let reqs = obligations(f).first?.requirements ?? []
    #expect(reqs.count == 1, sourceLocation: sourceLocation)
    return reqs.first
}

func condition(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expr? {
    guard case .achieve(let a)? = requirement("achieve \(text) by 2030", sourceLocation: sourceLocation) else { return nil }
    return a.condition
}

/// The expression with spans dropped, as a Lisp-like string: easy to compare.
func shape(_ e: Expr) -> String {
    switch e {
    case .number(let d, _): return d
    case .percent(let d, _): return d + "%"
    case .name(let n): return n.text
    case .yes: return "yes"
    case .no: return "no"
    case .negate(let a, _): return "(- \(shape(a)))"
    case .arithmetic(let op, let a, let b, _): return "(\(op.rawValue) \(shape(a)) \(shape(b)))"
    case .of(let a, let b, _): return "(of \(shape(a)) \(shape(b)))"
    case .call(let f, let a, _): return "(\(f.text) \(shape(a)))"
    case .compare(let op, let a, let b, _): return "(\(op) \(shape(a)) \(shape(b)))"
    case .between(let a, let lo, let hi, _): return "(between \(shape(a)) \(shape(lo)) \(shape(hi)))"
    case .and(let a, let b, _): return "(and \(shape(a)) \(shape(b)))"
    case .or(let a, let b, _): return "(or \(shape(a)) \(shape(b)))"
    case .not(let a, _): return "(not \(shape(a)))"
    case .paren(let a, _): return "[\(shape(a))]"
    case .invalid: return "<invalid>"
    }
}

@Suite("Parser: declarations")
struct DeclarationParserTests {
    @Test func planBlockWithEveryField() throws {
        let f = parseClean("""
        plan "484/KH-UBND" {
          title      "Triển khai thực hiện Nghị quyết 03/NQ-CP"
          issuer     "UBND tỉnh Kon Tum"
          issued     2025-02-14
          implements "03/NQ-CP", "57-NQ/TW"
          supersedes "1/KH-UBND"
          source     "seed.txt"
        }
        """)
        guard case .plan(let p)? = f.declarations.first else { Issue.record("no plan"); return }
        #expect(p.number.value == "484/KH-UBND")
        #expect(p.title?.value == "Triển khai thực hiện Nghị quyết 03/NQ-CP")
        #expect(p.issuer?.value == "UBND tỉnh Kon Tum")
        #expect(p.issued?.text == "2025-02-14")
        #expect(p.implements.map(\.value) == ["03/NQ-CP", "57-NQ/TW"])
        #expect(p.supersedes.map(\.value) == ["1/KH-UBND"])
        #expect(p.source?.value == "seed.txt")
    }

    @Test func agencies() {
        let f = parseClean("""
        agency SKHCN "Sở Khoa học và Công nghệ" alias "Sở KH&CN", "KHCN"
        agency STTTT "Sở Thông tin và Truyền thông" merged into SKHCN on 2025-03-01
        agency UBND_DH "UBND huyện Đắk Hà" dissolved on 2025-07-01
        """)
        let a = f.declarations.compactMap { if case .agency(let a) = $0 { return a }; return nil }
        #expect(a.map(\.name.text) == ["SKHCN", "STTTT", "UBND_DH"])
        #expect(a[0].aliases.map(\.value) == ["Sở KH&CN", "KHCN"])
        #expect(a[1].mergedInto?.text == "SKHCN" && a[1].mergedOn?.text == "2025-03-01")
        #expect(a[2].dissolvedOn?.text == "2025-07-01")
    }

    @Test func groupsMayHoldGroupsAndNames() {
        let f = parseClean("""
        group cac_so "Các sở" = [SKHCN, "Sở Tài chính"]
        group tat_ca = [cac_so, UBND_DH]
        group rong = []
        """)
        let g = f.declarations.compactMap { if case .group(let g) = $0 { return g }; return nil }
        #expect(g.count == 3)
        #expect(g[0].members.map(\.text) == ["SKHCN", "Sở Tài chính"])
        if case .string = g[0].members[1] {} else { Issue.record("a quoted member is a string party") }
        #expect(g[1].title == nil && g[1].members.map(\.text) == ["cac_so", "UBND_DH"])
        #expect(g[2].members.isEmpty)
    }

    @Test(arguments: UnitKind.allCases)
    func indicatorUnits(_ unit: UnitKind) {
        let f = parseClean("indicator x \"X\" : \(unit.rawValue)\nindicator y : \(unit.rawValue) per agency")
        let i = f.declarations.compactMap { if case .indicator(let i) = $0 { return i }; return nil }
        #expect(i.map(\.unit) == [unit, unit])
        #expect(i.map(\.perAgency) == [false, true])
        #expect(i[1].title == nil)
    }

    @Test func unknownUnitSuggestsOne() {
        let r = parse("indicator x : precent")
        #expect(r.diagnostics.map(\.code) == [.E006])
        #expect(r.diagnostics.first?.suggestion == "percent")
    }

    @Test func eventsAndUse() {
        let f = parseClean("use \"co-quan.plan\"\nevent huong_dan_tw \"Văn bản hướng dẫn\"\nevent khac")
        guard f.declarations.count == 3, case .use(let u) = f.declarations[0], case .event(let e) = f.declarations[1],
              case .event(let e2) = f.declarations[2] else { Issue.record("shape"); return }
        #expect(u.path.value == "co-quan.plan")
        #expect(e.name.text == "huong_dan_tw" && e.title?.value == "Văn bản hướng dẫn")
        #expect(e2.title == nil)
    }

    @Test func obligationWithEveryField() {
        let f = parseClean("""
        obligation nv13 "Xây dựng Đề án chuyển đổi số" {
          owner jointly SKHCN, STC
          support cac_so, "Sở Nội vụ"
          deliver "Đề án của UBND tỉnh" by 2026
          from 2025
          until 2027
          cite "Phụ lục II, mục 13" line 120
          cite "Mục III.2"
        }
        """)
        guard let o = obligations(f).first else { Issue.record("no obligation"); return }
        #expect(o.name.text == "nv13" && o.title?.value == "Xây dựng Đề án chuyển đổi số")
        #expect(o.owner?.jointly == true && o.owner?.parties.map(\.text) == ["SKHCN", "STC"])
        #expect(o.support.map(\.text) == ["cac_so", "Sở Nội vụ"])
        #expect(o.from?.text == "2025" && o.until?.text == "2027")
        #expect(o.cites.map(\.text.value) == ["Phụ lục II, mục 13", "Mục III.2"])
        #expect(o.cites.map { $0.line?.value } == [120, nil])
        #expect(!o.recovered)
    }

    @Test func ownerWithoutJointly() {
        let f = parseClean("obligation o {\n owner cac_so, \"Sở Tài chính\"\n untracked \"kịp thời\"\n}")
        #expect(obligations(f).first?.owner?.jointly == false)
        #expect(obligations(f).first?.owner?.parties.count == 2)
        guard case .untracked(let reason, _)? = obligations(f).first?.requirements.first else { Issue.record("untracked"); return }
        #expect(reason.value == "kịp thời")
    }

    @Test func testBlockWithEveryItem() {
        let f = parseClean("""
        test "báo cáo tháng 6 nộp trễ" {
          as of 2025-08-01
          submitted bc_thang by STC for 2025-06 on 2025-06-12
          submitted bc_tuan by "Sở Tài chính" for 2025-W23 on 2025-06-05 10:30
          observed kinh_te_so for 2025 = 18.5%
          observed dvc by STC for 2025-Q1 = 80
          observed am for 2025 = -3
          done nv10 by STTTT on 2025-11-30
          started nv11 by STTTT on 2025-03-01 for 2025
          happened huong_dan_tw on 2025-09-01
          expect bc_thang for STC in 2025-06 is late
          expect kinh_te_so_2030 is pending
          expect nv10 in 2025 is met
        }
        """)
        guard case .test(let t)? = f.declarations.first else { Issue.record("no test"); return }
        #expect(t.name.value == "báo cáo tháng 6 nộp trễ")
        #expect(t.asOf?.text == "2025-08-01")
        #expect(t.rows.count == 8)
        #expect(t.expectations.count == 3)
        guard case .submitted(let o, let a, let p, let on, let time, _) = t.rows[1] else { Issue.record("row 1"); return }
        #expect(o.text == "bc_tuan" && a.text == "Sở Tài chính" && p.text == "2025-W23" && on.text == "2025-06-05" && time?.text == "10:30")
        guard case .observed(_, let agency, _, let value, _) = t.rows[3] else { Issue.record("row 3"); return }
        #expect(agency?.text == "STC" && shape(value) == "80")
        guard case .observed(_, _, _, let negative, _) = t.rows[4] else { Issue.record("row 4"); return }
        #expect(shape(negative) == "(- 3)")
        guard case .task(_, _, let done, _, let period, _) = t.rows[6] else { Issue.record("row 6"); return }
        #expect(!done && period?.text == "2025")
        #expect(t.expectations[0].agency?.text == "STC" && t.expectations[0].period?.text == "2025-06" && t.expectations[0].status.text == "late")
        #expect(t.expectations[1].agency == nil && t.expectations[1].period == nil)
        #expect(t.expectations[2].agency == nil && t.expectations[2].period?.text == "2025")
    }
}

@Suite("Parser: requirements")
struct RequirementParserTests {
    @Test func achieveTimings() {
        guard case .achieve(let a)? = requirement("achieve x >= 25% by 2030"), case .by(let p) = a.timing else { Issue.record("by"); return }
        #expect(p.text == "2030")
        guard case .achieve(let m)? = requirement("achieve x >= 25% by 2025-12"), case .by(let month) = m.timing else { Issue.record("month"); return }
        #expect(month.text == "2025-12")
        guard case .achieve(let r)? = requirement("achieve x >= 25% every year from 2025 to 2030"),
              case .everyYear(let f, let t) = r.timing else { Issue.record("range"); return }
        #expect(f?.text == "2025" && t?.text == "2030")
        guard case .achieve(let e)? = requirement("achieve x >= 25% every year"), case .everyYear(nil, nil) = e.timing else { Issue.record("every"); return }
    }

    @Test func everyYearThenALoneFromIsTheObligationsField() {
        let f = parseClean("obligation o {\n owner A\n achieve x >= 1 every year\n from 2026\n}")
        guard let o = obligations(f).first, case .achieve(let a)? = o.requirements.first, case .everyYear(nil, nil) = a.timing else {
            Issue.record("shape"); return
        }
        #expect(o.from?.text == "2026")
    }

    @Test(arguments: [
        ("deliver \"Quyết định\" by 2025-12", "by 2025-12"),
        ("deliver \"Kế hoạch\" by 2025-Q3", "by 2025-Q3"),
        ("deliver \"Đề án\" by 2027", "by 2027"),
        ("deliver \"Quyết định\" every year", "every year"),
        ("deliver \"Báo cáo\" ongoing", "ongoing"),
        ("deliver \"Văn bản\" after huong_dan_tw", "after huong_dan_tw"),
        ("deliver \"Văn bản\" within 60 days after huong_dan_tw", "within 60 after huong_dan_tw"),
        ("deliver \"Kế hoạch\" within 5 days after plan_issued", "within 5 after plan_issued"),
        ("deliver \"Kế hoạch\" before 2025-03-20", "before 2025-03-20"),
        ("deliver \"Đề án\" from 2025 by 2026", "from 2025 by 2026"),
        ("deliver \"Báo cáo\" ongoing after huong_dan_tw", "ongoing after huong_dan_tw"),
        ("deliver \"Kế hoạch cụ thể\" undated", "undated"),
        ("deliver by 2025-12", "by 2025-12"),
    ])
    func deliverForms(line: String, expected: String) {
        guard case .deliver(let d)? = requirement(line) else { Issue.record("not a deliver"); return }
        var s = d.from.map { "from \($0.text) " } ?? ""
        switch d.timing {
        case .by(let c): s += "by \(c.text)"
        case .before(let c): s += "before \(c.text)"
        case .everyYear: s += "every year"
        case .ongoing(let e): s += e.map { "ongoing after \($0.text)" } ?? "ongoing"
        case .after(let e): s += "after \(e.text)"
        case .within(let n, let e): s += "within \(n.value) after \(e.text)"
        case .undated: s += "undated"
        }
        #expect(s == expected)
        #expect((d.product == nil) == line.hasPrefix("deliver by"))
    }

    @Test(arguments: [
        ("report to SKHCN weekly before thursday 10:00", "weekly strict weekday thursday 10:00"),
        ("report to SKHCN monthly before day 10", "monthly strict day 10"),
        ("report to SKHCN monthly before day 18", "monthly strict day 18"),
        ("report to SKHCN quarterly before day 10 of last month", "quarterly strict day 10 last"),
        ("report to SKHCN yearly before day 10 of month 11", "yearly strict day 10 month 11"),
        ("report to SKHCN yearly before day 5 of month 6", "yearly strict day 5 month 6"),
        ("report to SKHCN monthly by day 10", "monthly inclusive day 10"),
        ("report to SKHCN half-yearly before day 15 of last month", "half-yearly strict day 15 last"),
        ("report to SKHCN quarterly by day 5 of first month", "quarterly inclusive day 5 first"),
        ("report to SKHCN, UBND_TINH yearly", "yearly"),
        ("report to SKHCN on request", "on request"),
    ])
    func reportForms(line: String, expected: String) {
        guard case .report(let r)? = requirement(line) else { Issue.record("not a report"); return }
        #expect(r.recipients.first?.text == "SKHCN")
        guard let s = r.schedule else { #expect(expected == "on request"); return }
        var parts = [s.frequency.rawValue]
        if let inc = s.inclusive { parts.append(inc ? "inclusive" : "strict") }
        switch s.day {
        case .day(let d)?: parts.append("day \(d.value)")
        case .weekday(let w, let t)?: parts.append("weekday \(w.text)" + (t.map { " \($0.text)" } ?? ""))
        case nil: break
        }
        switch s.month {
        case .first?: parts.append("first")
        case .last?: parts.append("last")
        case .number(let n)?: parts.append("month \(n.value)")
        case nil: break
        }
        #expect(parts.joined(separator: " ") == expected)
        if line.contains("UBND_TINH") { #expect(r.recipients.map(\.text) == ["SKHCN", "UBND_TINH"]) }
    }
}

@Suite("Parser: conditions")
struct ConditionParserTests {
    @Test(arguments: [
        ("kinh_te_so >= 25%", "(ge kinh_te_so 25%)"),
        ("dn_cns >= 3", "(ge dn_cns 3)"),
        ("xh_dti <= 45", "(le xh_dti 45)"),
        ("tt_atttt = yes", "(eq tt_atttt yes)"),
        ("tt_atttt != no", "(ne tt_atttt no)"),
        ("a < 1", "(lt a 1)"),
        ("a > 1", "(gt a 1)"),
        ("dvc_truc_tuyen between 10% and 15%", "(between dvc_truc_tuyen 10% 15%)"),
        ("chi_khcn >= 3% of chi_ngan_sach", "(ge chi_khcn (of 3% chi_ngan_sach))"),
        ("chi_khcn >= kinh_phi_tw_giao", "(ge chi_khcn kinh_phi_tw_giao)"),
        ("chi_khcn >= previous(chi_khcn)", "(ge chi_khcn (previous chi_khcn))"),
        ("growth(don_sang_che) between 2% and 5%", "(between (growth don_sang_che) 2% 5%)"),
        ("hdi > 0.7 and kinh_te_so >= 20%", "(and (gt hdi 0.7) (ge kinh_te_so 20%))"),
        ("not (tt_atttt = no) or hdi >= 0.8", "(or (not [(eq tt_atttt no)]) (ge hdi 0.8))"),
        ("chi_rd_ngoai_ns / chi_rd > 60%", "(gt (/ chi_rd_ngoai_ns chi_rd) 60%)"),
        ("x between 1 and 2 and y > 3", "(and (between x 1 2) (gt y 3))"),
        ("a or b = 1 and c = 2", "(or a (and (eq b 1) (eq c 2)))"),
        ("a + b * c >= 1", "(ge (+ a (* b c)) 1)"),
        ("a - b - c >= 1", "(ge (- (- a b) c) 1)"),
        ("-a >= -1", "(ge (- a) (- 1))"),
        ("a >= 2025 - 12", "(ge a (- 2025 12))"),
        ("not not a = 1", "(not (not (eq a 1)))"),
        ("(a + b) * 2 >= 1_000", "(ge (* [(+ a b)] 2) 1000)"),
    ])
    func shapes(text: String, expected: String) {
        guard let e = condition(text) else { Issue.record("no condition"); return }
        #expect(shape(e) == expected)
    }

    @Test func doubleEqualsIsReportedWithAFix() {
        let r = parse("obligation o {\n owner A\n achieve a == 1 by 2030\n}")
        #expect(r.diagnostics.map(\.code) == [.W013])
        #expect(r.diagnostics.first?.severity == .warning)
        #expect(r.diagnostics.first?.suggestion == "=")
    }

    @Test func spansCoverTheWholeCondition() {
        let text = "obligation o {\n owner A\n achieve x between 1 and 2 and y > 3 by 2030\n}"
        let r = parse(text)
        guard case .achieve(let a)? = obligations(r.file).first?.requirements.first else { Issue.record("achieve"); return }
        #expect(r.source.text(a.condition.span) == "x between 1 and 2 and y > 3")
        #expect(r.source.text(a.span) == "achieve x between 1 and 2 and y > 3 by 2030")
    }
}

@Suite("Parser: recovery and limits")
struct RecoveryTests {
    @Test func threeIndependentErrorsGiveThreeDiagnostics() {
        let r = parse("""
        agency STC "Sở Tài chính"
        indicator x : precent
        obligation a {
          owner STC
          acheive x >= 1 by 2030
          cite "A"
        }
        obligation b {
          owner STC
          deliver "Văn bản" by 2025-12
          cite "B" line ten
        }
        event e "E"
        """)
        #expect(r.diagnostics.map(\.code) == [.E006, .E007, .E006])
        #expect(r.diagnostics.map { r.source.position(of: $0.span.start).line } == [2, 5, 11])
        // Everything after each error was still read.
        #expect(obligations(r.file).map(\.name.text) == ["a", "b"])
        #expect(r.file.declarations.contains { if case .event = $0 { return true }; return false })
    }

    @Test func missingTokenAtLineEndPointsAtTheLineEnd() {
        let r = parse("agency STC\nagency SNV \"Sở Nội vụ\"")
        #expect(r.diagnostics.map(\.code) == [.E006])
        #expect(r.source.position(of: r.diagnostics[0].span.start) == (1, 11))
        #expect(Catalogue.text(r.diagnostics[0].message).hasSuffix("found the end of the line"))
        #expect(r.file.declarations.count == 1)
    }

    @Test func unclosedBlockAtEndOfFile() {
        let r = parse("obligation o {\n owner A\n deliver by 2025")
        #expect(r.diagnostics.map(\.code) == [.E006])
        #expect(Catalogue.text(r.diagnostics[0].message).contains("the end of the file"))
    }

    @Test func topLevelTypoSuggestsAKeyword() {
        let r = parse("obligaton o {}")
        #expect(r.diagnostics.first?.code == .E007)
        #expect(r.diagnostics.first?.suggestion == "obligation")
    }

    static func deep(_ open: String, _ close: String) -> String {
        let n = 100_000
        return "obligation o {\n owner A\n achieve " + String(repeating: open, count: n) + "x >= 1" + String(repeating: close, count: n)
            + " by 2030\n cite \"A\"\n}\nevent after_it\n"
    }

    @Test(arguments: [("(", ")"), ("not ", ""), ("-", "")])
    func hundredThousandLevelsGiveE008AndNoCrash(open: String, close: String) {
        let r = parse(Self.deep(open, close))
        #expect(r.diagnostics.map(\.code).filter { $0 == .E008 }.count == 1)
        #expect(r.diagnostics.allSatisfy { $0.code == .E008 || $0.code == .E006 })
        #expect(r.file.declarations.contains { if case .event(let e) = $0 { return e.name.text == "after_it" }; return false })
    }

    @Test func twoHundredLevelsAreFine() {
        let text = "obligation o {\n owner A\n achieve " + String(repeating: "(", count: 199) + "x >= 1" + String(repeating: ")", count: 199) + " by 2030\n}"
        #expect(parse(text).diagnostics.isEmpty)
    }
}
