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

    @Test func newInterfaceTextsInBothLanguages() {
        let texts: [UIText] = [.onRequest("report to SKHCN on request"), .required("--data DIR"),
                               .notADate(option: "--as-of", text: "x", periodsToo: false), .notADate(option: "--from", text: "x", periodsToo: true),
                               .notAPeriod(option: "--period", text: "x"), .optionTakes(option: "--split-by", values: "`agency`"),
                               .splitByNeedsOutput, .outputIsInput("data/reports.csv"), .wroteReports(count: 3, folder: "out"), .cannotWrite(path: "a", detail: "d"),
                               .cannotWriteIn(folder: "a", detail: "d"), .cannotRead("a"), .dataErrorsNoReport(2), .noPlanFiles("rules"),
                               .planErrors(2), .notUTF8Untouched("a.plan"), .doesNotParseUntouched("a.plan"), .formatterFailed("a.plan"),
                               .formatted("a.plan"), .nameTheObligation, .noFindingFor("bc"), .withThatAgencyAndPeriod,
                               .unknownAgency("X"), .nothingOwed(agency: nil), .nothingOwed(agency: "STC"),
                               .wroteSheets(sheets: 2, agencies: 1, folder: "out"), .unknownOptionSuggest("--stirct", "--strict")]
            + ExplainTopic.allCases.map { .topic($0) }
        for t in texts {
            let vi = Catalogue.ui(t, .vi), en = Catalogue.ui(t, .en)
            #expect(!vi.isEmpty && !en.isEmpty)
            #expect(vi != en, "\(t): the Vietnamese text is the English one")
            #expect(Self.looksVietnamese(vi), "\(t): not Vietnamese: \(vi)")
        }
    }

    static let readings = [Reading(indicator: "dvc", period: .year(2025), value: .number("79.5%")),
                           Reading(indicator: "tt", period: .quarter(year: 2025, quarter: 3), value: .yesNo(true))]

    /// Every kind of finding fact, note and expectation: both languages, English as JSON writes it.
    @Test func findingFactsInBothLanguages() throws {
        let d = try #require(CivilDate(year: 2025, month: 6, day: 12))
        let t = LocalDateTime(date: d, time: ClockTime(hour: 10, minute: 30))
        let reasons: [UnknownReason] = [.noValue(indicator: "dvc", period: .year(2025)), .noPreviousValue(indicator: "dvc", period: .year(2024)),
                                        .noValueForGrowth(indicator: "dvc", period: .year(2024)), .growthFromZero(indicator: "dvc", period: .year(2024)),
                                        .divisionByZero]
        var facts: [FindingFact] = [.submitted(t, by: nil), .submitted(LocalDateTime(date: d), by: "SKHCN"), .nothingSubmitted, .notYetSubmitted,
                                    .nothingReported, .readings(Self.readings), .latest(Self.readings), .noValueYet,
                                    .waiting(event: "huong_dan_tw", title: "Văn bản hướng dẫn"), .waiting(event: "e", title: nil)]
        facts += TaskState.allCases.map { .delivered($0, date: d, by: "STC", document: "QĐ 1") }
        facts += [.delivered(.done, date: nil, by: nil, document: nil)]
        facts += TaskState.allCases.map { .lastState($0, date: d) }
        facts += reasons.map { .cannotCompute($0) }
        for f in facts {
            let vi = Catalogue.fact(f, .vi), en = Catalogue.fact(f, .en)
            #expect(!vi.isEmpty && !en.isEmpty)
            #expect(vi != en, "\(f): the Vietnamese text is the English one")
            #expect(Self.looksVietnamese(vi), "\(f): not Vietnamese: \(vi)")
        }
        #expect(Catalogue.fact(.submitted(t, by: nil), .en) == "submitted 2025-06-12T10:30")
        #expect(Catalogue.fact(.submitted(t, by: nil), .vi) == "đã nộp ngày 12/6/2025 lúc 10:30")
        #expect(Catalogue.fact(.readings(Self.readings), .en) == "dvc 2025 = 79.5%; tt 2025-Q3 = yes")
        #expect(Catalogue.fact(.readings(Self.readings), .vi) == "dvc năm 2025 = 79,5%; tt quý III/2025 = có")
        // Vietnamese output writes numbers as Vietnamese documents do: `.` groups thousands, `,` marks decimals.
        let money = [Reading(indicator: "chi", period: .year(2025), value: .number("25000000000")),
                     Reading(indicator: "g", period: .year(2025), value: .number("-1234.5")),
                     Reading(indicator: "n", period: .year(2025), value: .number("999"))]
        #expect(Catalogue.fact(.readings(money), .vi) == "chi năm 2025 = 25.000.000.000; g năm 2025 = -1.234,5; n năm 2025 = 999")
        #expect(Catalogue.fact(.readings(money), .en) == "chi 2025 = 25000000000; g 2025 = -1234.5; n 2025 = 999")
        let notes: [FindingNote] = [.replaces(on: t, document: "BC 1"), .alsoSubmitted(on: t, line: 4), .noTimeGiven, .noDateGiven,
                                    .unreadableRow(file: "reports.csv", line: 7), .moreRows(count: 12)]
        for n in notes {
            #expect(Catalogue.note(n, .vi) != Catalogue.note(n, .en))
            #expect(Self.looksVietnamese(Catalogue.note(n, .vi)), "\(Catalogue.note(n, .vi))")
        }
        let x = Expectation(requirement: "deliver \"Đề án\" by 2025-09", windowFrom: d, until: d, extendedTo: d, extensionDocument: "CV 12")
        #expect(Catalogue.expectation(x, .en) == "deliver \"Đề án\" by 2025-09 (window from 2025-06-12) until 2025-06-12; extended to 2025-06-12 by CV 12")
        #expect(Catalogue.expectation(x, .vi).contains("được gia hạn đến ngày 12/6/2025 theo CV 12"))
    }

    @Test func periodNames() {
        #expect(Catalogue.period(.month(year: 2025, month: 6), .vi) == "tháng 6/2025")
        #expect(Catalogue.period(.quarter(year: 2025, quarter: 3), .vi) == "quý III/2025")
        #expect(Catalogue.period(.half(year: 2025, half: 2), .vi) == "6 tháng cuối năm 2025")
        #expect(Catalogue.period(.week(year: 2025, week: 49), .vi) == "tuần 49/2025")
        #expect(Catalogue.period(.quarter(year: 2025, quarter: 3), .en) == "Q3 2025")
        #expect(Catalogue.period(.month(year: 2025, month: 6), .en) == "2025-06")
    }

    /// Every HTML label exists in both languages, in Vietnamese words.
    @Test func htmlLabelsInBothLanguages() {
        var labels: [HTMLText] = [.documentTitle, .asOf, .plans, .supersededBy, .generatedBy, .summary, .summaryCaption, .status, .count,
                                  .share, .total, .rows, .rowCounts(evidence: 1, setAside: 2, superseded: 3, unused: 4, blank: 5),
                                  .problems, .problemsIntro, .noProblems, .byAgency, .byAgencyIntro, .agency, .obligation, .kind,
                                  .period, .due, .found, .daysLate, .days(1), .days(3), .expected, .actual, .cite, .dataRows, .notes,
                                  .support, .year, .otherPeriods, .untracked, .untrackedIntro, .reason, .dataErrors, .dataErrorsIntro,
                                  .dataErrorsBanner(2), .position, .code, .message, .filterAgency, .filterStatus, .allAgencies,
                                  .allStatuses, .sortBy, .sortOrder, .sortDaysLate, .sortAgency, .previous, .next, .page(1, of: 3),
                                  .shown(5, of: 9), .findingsCount(1), .findingsCount(4), .legend]
        labels += ["target", "task", "report"].map { .kindName($0) }
        labels += Catalogue.statusCodes.map { .statusHelp($0) }
        labels += (1...4).map { .quarterColumn($0) } + (1...2).map { .halfColumn($0) }
        for l in labels {
            let vi = Catalogue.html(l, .vi), en = Catalogue.html(l, .en)
            #expect(!vi.isEmpty && !en.isEmpty)
            #expect(vi != en, "\(l): the Vietnamese label is the English one")
        }
        for l in labels where ![HTMLText.position, .problems, .summary, .kind, .share, .next].contains(l) {
            if case .quarterColumn = l { continue }
            if case .halfColumn = l { continue }
            if case .page = l { continue }
            if case .shown = l { continue }
            if case .findingsCount = l { continue }
            if case .days = l { continue }
            #expect(Self.looksVietnamese(Catalogue.html(l, .vi)) || Catalogue.html(l, .vi).hasPrefix("Mã"), "\(l): \(Catalogue.html(l, .vi))")
        }
        for m in 1...12 { #expect(!Catalogue.html(.monthColumn(m), .vi).isEmpty && !Catalogue.html(.monthColumn(m), .en).isEmpty) }
    }

    @Test func helpPagesInBothLanguages() {
        for topic in HelpTopic.allCases {
            let vi = Catalogue.usage(topic, .vi), en = Catalogue.usage(topic, .en)
            #expect(vi != en)
            #expect(Self.looksVietnamese(vi), "\(topic)")
            // The same options in both: every `--option` the English page names, the Vietnamese one names too.
            let options = { (s: String) in Set(s.split(whereSeparator: { !$0.isLetter && $0 != "-" }).filter { $0.hasPrefix("--") }.map(String.init)) }
            #expect(options(vi) == options(en), "\(topic): options differ")
        }
    }

    /// Every kind of `explain` line: both languages, with a row verdict of every kind.
    @Test func explainLinesInBothLanguages() throws {
        let d = try #require(CivilDate(year: 2025, month: 4, day: 9))
        let ten = try #require(ClockTime(hour: 10, minute: 0))
        let t = LocalDateTime(date: d)
        let p = Period.month(year: 2025, month: 4)
        let verdicts: [RowVerdict] = [.earliest, .counts, .used, .setAside(asOf: d), .superseded, .anotherPeriod, .anotherAgency,
                                      .notDeciding, .coarserThan(p), .notUsedFor(p), .notUsedFor(nil)]
        var lines: [ExplainLine] = [
            .obligationIn(id: "bc", title: "Báo cáo", plan: "1/KH", location: "a.plan:3:1"), .requirement("report to SKHCN monthly", cite: "Mục I"),
            .owner("STC (Sở Tài chính)"), .ownerEach(group: "cac_so", members: ["STC", "SNV"]), .ownersJointly(["STC", "SNV"]),
            .mergedBefore(agency: "STTTT", into: "SKHCN", on: d, deadline: d), .mergedAfter(agency: "STTTT", into: "SKHCN", on: d, deadline: d),
            .dissolved(agency: "UBND_DH", on: d), .findingFor("STC"), .support(["SNV"]),
            .periodSchedule(p, schedule: "monthly before day 10"), .periodSchedule(nil, schedule: "x"), .dueOnLastDay,
            .dayInclusive(10), .dayStrict(10), .dayClamped(31),
            .weekdayTime(.thursday, ten, inclusive: true), .weekdayTime(.thursday, ten, inclusive: false),
            .weekday(.monday, inclusive: true), .weekday(.monday, inclusive: false),
            .owedWhen(from: d, issued: d, asOf: d, until: d), .owedWhen(from: nil, issued: d, asOf: d, until: nil),
            .targetPeriod(.year(2025)), .everyYearTarget, .deliverBy(p, due: d), .deliverEveryYear(.year(2025)), .deliverEveryYear(nil),
            .deliverOngoing(after: "e"), .deliverOngoing(after: nil), .deliverAfter("e"), .deliverWithin(days: 30, after: "e"), .deliverUndated,
            .window(d), .lastAllowedDay(Deadline(day: d)), .extended(Expectation(requirement: "deliver by 2025", extendedTo: d)),
            .worldAtEndOf(d), .noReportRow(eligible: ["STC"], period: p), .otherPeriodRows(count: 2, eligible: ["STC"]),
            .noTaskRows(eligible: ["STC"]), .noObservations(indicator: "dvc"),
            .comparison(left: "dvc", leftValue: "0.795", op: ">=", right: "0.8", rightValue: "0.8", holds: false),
            .cannotCompute(left: "dvc", op: ">=", right: "0.8", .noValue(indicator: "dvc", period: .year(2025))),
            .between(value: "x", x: "1", low: "0", high: "2", holds: true), .betweenCannotCompute(value: "x", low: "0", high: "2"),
            .mustBe(indicator: "tt", yes: true), .not, .and, .or, .read(Self.readings[0]), .note(.noTimeGiven),
        ]
        lines += verdicts.map { .reportRow(row: "reports.csv:3", agency: "STC", period: p, received: t, fate: $0) }
        lines += verdicts.map { .taskRow(row: "tasks.csv:3", agency: "STC", state: .done, date: d, period: nil, fate: $0) }
        lines += verdicts.map { .observationRow(row: "observations.csv:3", indicator: "dvc", agency: nil, period: .year(2025), value: "80", fate: $0) }
        lines += Catalogue.statusCodes.map { .status(code: $0, fact: .nothingSubmitted, daysLate: 1, due: Deadline(day: d), asOf: d) }
        for l in lines {
            let vi = Catalogue.explain(l, .vi), en = Catalogue.explain(l, .en)
            #expect(!vi.isEmpty && !en.isEmpty)
            #expect(vi != en, "\(l): the Vietnamese line is the English one")
            if case .and = l { continue }
            if case .or = l { continue }
            if case .not = l { continue }
            #expect(Self.looksVietnamese(vi) || vi.contains("`"), "\(l): not Vietnamese: \(vi)")
        }
        #expect(Catalogue.explain(.status(code: "late", fact: .submitted(t, by: nil), daysLate: 1, due: Deadline(day: d), asOf: d), .en)
                == "status: late — submitted 2025-04-09, 1 day(s) after the last allowed day 2025-04-09")
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

/// The progress line groups thousands the way each language writes them.
@Suite("Progress counts")
struct ProgressCountTests {
    @Test(arguments: [
        (UIText.progressRows(988_586), Language.vi, "đang đọc số liệu: đã đọc 988.586 dòng"),
        (UIText.progressFindings(1_018_308), Language.vi, "đang đánh giá: đã có 1.018.308 kết quả"),
        (UIText.progressRows(988_586), Language.en, "reading data: 988,586 rows so far"),
        (UIText.progressFindings(1), Language.en, "judging: 1 finding so far"),
        (UIText.progressRowsAndFindings(rows: 1_200_000, findings: 1), Language.en, "reading and judging: 1,200,000 rows read, 1 finding so far"),
        (UIText.progressRowsAndFindings(rows: 988_586, findings: 12_345), Language.vi, "đang đọc và đánh giá: đã đọc 988.586 dòng, đã có 12.345 kết quả"),
        (UIText.progressFindings(999), Language.vi, "đang đánh giá: đã có 999 kết quả"),
    ])
    func grouped(_ text: UIText, _ language: Language, _ expected: String) {
        #expect(Catalogue.ui(text, language) == expected)
    }
}
