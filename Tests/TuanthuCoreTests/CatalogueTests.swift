import Testing
import TuanthuCore

/// The catalogue: every message, note and interface text exists in both languages, and the Vietnamese one
/// is Vietnamese (diacritics), not an English sentence left behind.
@Suite("Message catalogue")
struct CatalogueTests {
    /// One message per case of `Message`, with every variant of its typed arguments.
    static let samples: [Message] = {
        var m: [Message] = [
            .invalidEncoding(detail: Phrase(vi: "có byte sai", en: "bad byte")), .unexpectedCharacter(";"), .unterminatedString,
            .invalidEscape("\\d"), .nestingTooDeep(limit: 200),
            .duplicateField(field: "owner"), .fieldNotAllowed(field: "until", context: .untilOnOneOff),
            .unknownParty("So Tai chinh"), .useFileMissing(path: "a.plan"), .useCycle(path: "a.plan"),
            .missingPlanBlock, .missingPlanField(field: "issuer"), .requirementCount(obligation: "nv1", count: 0),
            .requirementCount(obligation: "nv1", count: 2), .missingOwner(obligation: "nv1"), .groupCycle(group: "g"),
            .selfSupersede(plan: "484/KH-UBND"), .morePlanBlocks, .rankArithmetic, .emptyRange(low: "15%", high: "10%"),
            .percentAbove100(value: "120%", indicator: "kinh_te_so"), .notACondition(found: "kinh_te_so"),
            .functionNeedsIndicator(function: "growth"), .invalidDate("2025-02-30"), .invalidPeriod("2025-13"),
            .dayOutOfRange(32), .monthOutOfRange(13), .invalidTime("25:00"), .unknownWeekday("thurday"),
            .rangeOrder(start: "2027", end: "2026"), .csvSyntax(detail: Phrase(vi: "ô chưa đóng ngoặc", en: "unclosed quote")),
            .badPeriod("2025-6"), .badDate("2025-06-31"), .unknownObligationInData("bc_thnag"), .unknownIndicatorInData("x"),
            .unknownEventInData("e"), .unknownAgencyInData("So Tai chinh"), .ambiguousPlan(name: "bc", candidates: ["1", "2"]),
            .unknownPlanInData("485/KH-UBND"), .badStatus("xong"), .emptyRequired(column: "agency"),
            .unreadableFile(detail: Phrase(vi: "không đọc được", en: "cannot read")), .jsonSyntax(detail: Phrase(vi: "sai cú pháp", en: "bad")),
            .agencyColumnMisuse(indicator: "i", perAgency: true), .agencyColumnMisuse(indicator: "i", perAgency: false),
            .missingCite(obligation: "nv1"), .mergedParty(agency: "STTTT", successor: "SKHCN", date: "2025-03-01"),
            .dissolvedParty(agency: "UBND_DH", date: "2025-07-01"), .lateDayOfMonth(day: 31),
            .weakerLaterTarget(indicator: "kinh_te_so", earlier: ">= 30% by 2030"), .citeMismatch(number: "25", line: 120),
            .sourceUnreadable(path: "a.txt"), .citeLineOutOfRange(line: 9999, lines: 600), .tooManyDiagnostics(shown: 200, total: 250),
            .convertedEncoding(detail: Phrase(vi: "đã chuyển mã", en: "converted")),
            .doubleEquals,
            .observedValueUnit(indicator: "i", unit: .percent),
            .badValue(value: "18.5", unit: .count, reason: Phrase(vi: "số nguyên", en: "whole")),
            .conflictingDuplicate(what: .value("18.5"), first: "19", firstLine: 2),
            .conflictingDuplicate(what: .date("2025-03-01"), first: "2025-03-02", firstLine: 2),
        ]
        m += LiteralProblem.allCases.map { .malformedLiteral(text: "10am", problem: $0) }
        let found: [Found] = [.endOfFile, .endOfLine, .string, .condition, .keyword("owner"), .token("x")]
        m += found.map { .expected(what: .agencyIdentifier, found: $0) }
        m += [.expected(what: .oneOf(["owner", "cite"]), found: .token("x")), .expected(what: .code("{"), found: .endOfLine)]
        m += KeywordContext.allCases.map { .unknownKeyword(found: "acheive", context: $0) }
        m += [Limit.stringBytes(1_048_576), .numberDigits(60), .days(36600)].map { .tooLarge($0) }
        m += NameKind.allCases.map { .unknownName(kind: $0, name: "x") }
        m += NameKind.allCases.map { .duplicateName(kind: $0, name: "x") }
        m += NameKind.allCases.map { .unused(kind: $0, name: "x") }
        m += NameKind.allCases.map { .wrongKindOfName(name: "x", expected: $0, actual: .group) }
        let rosters: [RosterContent] = [.planBlock, .named(.indicator, "x"), .otherDeclarations]
        m += rosters.map { .useNotRoster(path: "a.plan", found: $0) }
        m += MergeProblem.allCases.map { .badMerge(agency: "STTTT", problem: $0) }
        m += RequirementKind.allCases.map { .testRowMismatch(name: "nv1", problem: .obligationIs($0)) }
        m += [.testRowMismatch(name: "i", problem: .perAgencyNeedsAgency), .testRowMismatch(name: "i", problem: .provinceWideHasAgency(agency: "STC"))]
        for op in Operation.allCases { m += UnitName.allCases.map { .unitMismatch(left: $0, right: .money, op: op) } }
        m += YesNoProblem.allCases.map { .yesnoMisuse($0) }
        m += UnitName.allCases.map { .notInteger(unit: $0, value: "3.5") }
        m += UnitName.allCases.map { .ofNeedsPercent(found: $0) }
        m += [ScheduleProblem.dayInWeekly(written: "weekly before day 3"), .weekdayNotWeekly(written: "monthly before monday", frequency: "monthly"),
              .monthPickNotAllowed(written: "monthly before day 10 of last month"), .monthNumberNotYearly(written: "quarterly … of month 2", month: 2)]
            .map { .scheduleForm($0) }
        m += PeriodContext.allCases.map { .periodKindNotAllowed(period: "2025-02", context: $0) }
        let tables: [DataTable] = [.file("reports.csv"), .jsonRow("reports"), .json("reports")]
        m += tables.map { .missingColumn(column: "submitted", table: $0) }
        m += tables.map { .unknownColumn(column: "ghi_chu", table: $0) }
        m += RequirementKind.allCases.map { .wrongTableForObligation(obligation: "nv1", table: "reports.csv", kind: $0) }
        return m
    }()

    /// Vietnamese letters that English never uses: a Vietnamese sentence has at least one.
    static func looksVietnamese(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value >= 0xC0 && !"‘’“”—…".unicodeScalars.contains($0) }
    }

    @Test func everyCodeHasASample() {
        let covered = Set(Self.samples.map(\.code))
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a catalogue sample: \(missing.map(\.rawValue))")
    }

    @Test(arguments: Self.samples)
    func bothLanguagesHaveTheMessage(_ m: Message) {
        let vi = Catalogue.text(m, .vi), en = Catalogue.text(m, .en)
        #expect(!vi.isEmpty && !en.isEmpty)
        #expect(vi != en, "\(m.code.rawValue): the Vietnamese text is the English one")
        #expect(Self.looksVietnamese(vi), "\(m.code.rawValue): not Vietnamese: \(vi)")
        // A help line in one language and not the other is a missing key.
        #expect((Catalogue.help(m, .vi) == nil) == (Catalogue.help(m, .en) == nil), "\(m.code.rawValue): help in one language only")
        if let h = Catalogue.help(m, .vi) { #expect(Self.looksVietnamese(h), "\(m.code.rawValue): help not Vietnamese: \(h)") }
        #expect(!vi.contains("\u{FFFD}") && !en.contains("\u{FFFD}"))
    }

    @Test func notesInBothLanguages() {
        let notes: [NoteMessage] = [.firstDefined(name: "STC"), .help(.writeAComparison), .help(.planIssuedIsBuiltIn),
                                    .candidates(["a", "b"]), .usedFrom(path: "co-quan.plan"),
                                    .mergedInto(agency: "STTTT", successor: "SKHCN", date: "2025-03-01")]
        for n in notes {
            #expect(Catalogue.text(n, .vi) != Catalogue.text(n, .en))
            #expect(Self.looksVietnamese(Catalogue.text(n, .vi)), "\(Catalogue.text(n, .vi))")
        }
    }

    @Test func interfaceTextsInBothLanguages() {
        var texts: [UIText] = [.noteLabel, .helpLabel, .didYouMean("STC"), .complianceAsOf("20/3/2025"), .plansLine("484/KH-UBND"),
                               .supersededBy("485"), .summaryLabel, .rowsLine(evidence: 1, setAside: 2, asOf: "x", superseded: 3, unused: 4, blank: 5),
                               .dataErrorsSummary(2), .byAgency, .problems(3), .due("x"), .daysLate(1), .daysLate(2), .expectedLabel,
                               .dataLabel, .allFindings(3), .notCheckable(1), .dataErrors(1),
                               .checkedSummary(files: 1, plans: 1, rosters: 0, errors: 2, warnings: 1), .unknownCommand("chek"),
                               .didYouMeanCommand("check"), .runHelp("check"), .noSuchPath("x"), .unknownFormat("x", ["text", "json"]),
                               .unknownLanguage("fr"), .needsValue("--data"), .unknownOption("--x"),
                               .testFail(plan: "p", test: "t", location: "a:1:1", asOf: "x"), .testNoMatch, .testFound(finding: "f", status: "đạt")]
        texts += [Severity.error, .warning, .note].map { .severity($0) }
        texts += ReportColumn.allCases.map { .column($0) }
        for t in texts {
            let vi = Catalogue.ui(t, .vi), en = Catalogue.ui(t, .en)
            #expect(!vi.isEmpty && !en.isEmpty)
            #expect(vi != en, "\(t): the Vietnamese text is the English one")
        }
    }

    @Test func statusNamesAreTheInspectorsWords() {
        let vi = Catalogue.statusCodes.map { Catalogue.status($0, .vi) }
        #expect(vi == ["đạt", "không đạt", "nộp muộn", "quá hạn", "chưa có số liệu", "chưa đến hạn", "chờ văn bản hướng dẫn/sự kiện"])
        #expect(Catalogue.statusCodes.map { Catalogue.status($0, .en) } == Catalogue.statusCodes)
    }

    @Test func vietnameseDatesAreDayMonthYear() throws {
        let d = try #require(CivilDate(year: 2025, month: 3, day: 20))
        #expect(Catalogue.date(d, .vi) == "20/3/2025")
        #expect(Catalogue.date(d, .en) == "2025-03-20")
        #expect(Catalogue.date("2025-03-01", .vi) == "1/3/2025")
        #expect(Catalogue.text(.mergedParty(agency: "STTTT", successor: "SKHCN", date: "2025-03-01"), .vi).contains("1/3/2025"))
    }

    @Test func languageChoice() {
        #expect(Language.choose(option: nil, environment: nil) == .vi)
        #expect(Language.choose(option: nil, environment: "en") == .en)
        #expect(Language.choose(option: "vi", environment: "en") == .vi)
        #expect(Language.choose(option: "EN", environment: nil) == .en)
        #expect(Language.choose(option: "fr", environment: nil) == nil)
    }
}
