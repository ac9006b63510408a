/// The English catalogue: the sentences tuanthu printed before the Vietnamese one existed, unchanged.
enum English {
    static func text(_ m: Message) -> String {
        switch m {
        case .invalidEncoding(let d): return "this file is not valid UTF-8 text: \(d.en)"
        case .unexpectedCharacter(let c): return "unexpected character ‘\(c)’"
        case .unterminatedString: return "this string has no closing quote"
        case .invalidEscape(let e): return "unknown escape ‘\(e)’ in a string"
        case .malformedLiteral(let t, let p): return "‘\(t)’ is not a valid literal: \(literal(p))"
        case .expected(let w, let f): return "expected \(w.en), found \(found(f))"
        case .unknownKeyword(let f, let c): return "unknown word ‘\(f)’ \(context(c))"
        case .nestingTooDeep(let l): return "expression nested more than \(l) levels deep"
        case .tooLarge(let l): return limit(l)
        case .duplicateField(let f): return "‘\(f)’ is given twice"
        case .fieldNotAllowed(let f, .untilOnOneOff):
            return "‘\(f)’ is not allowed on a one-off requirement; `until` bounds recurring ones (report, every year, ongoing)"
        case .unknownName(let k, let n): return "unknown \(kind(k)) ‘\(n)’"
        case .unknownParty(let n): return "unknown agency or group ‘\(n)’"
        case .duplicateName(let k, let n): return "\(kind(k)) ‘\(n)’ is defined twice"
        case .useFileMissing(let p): return "cannot read the roster file ‘\(p)’"
        case .useCycle(let p): return "‘\(p)’ is brought in by `use` in a cycle"
        case .useNotRoster(let p, let f): return "‘\(p)’ is not a roster: it has \(roster(f))"
        case .missingPlanBlock: return "this file has declarations that need a `plan` block, but none is present"
        case .missingPlanField(let f): return "the plan block has no `\(f)`"
        case .requirementCount(let o, let c):
            return c == 0 ? "obligation ‘\(o)’ has no requirement"
                          : "obligation ‘\(o)’ has \(c) requirements; it must have exactly one"
        case .missingOwner(let o): return "obligation ‘\(o)’ has no `owner`"
        case .groupCycle(let g): return "group ‘\(g)’ contains itself"
        case .selfSupersede(let p): return "plan ‘\(p)’ cannot supersede itself"
        case .badMerge(let a, let p):
            return "agency ‘\(a)’: " + (p == .intoItself ? "it cannot be merged into itself" : "its mergers form a cycle")
        case .morePlanBlocks: return "a file may have only one `plan` block"
        case .wrongKindOfName(let n, let e, let a): return "‘\(n)’ is \(article(a)), but \(article(e)) is expected here"
        case .testRowMismatch(let n, let p): return "‘\(n)’ \(testRow(p, name: n))"
        case .unitMismatch(let l, let r, let op): return "cannot \(op.rawValue) \(unit(l)) and \(unit(r))"
        case .observedValueUnit(let i, let u): return "cannot observe indicator ‘\(i)’ (\(u.rawValue)) and this value"
        case .rankArithmetic: return "a rank can only be compared, not used in arithmetic"
        case .yesnoMisuse(let p): return yesNo(p)
        case .notInteger(let u, let v): return "a \(u.rawValue) must be a whole number, but this is \(v)"
        case .emptyRange(let lo, let hi): return "the range between \(lo) and \(hi) is empty"
        case .percentAbove100(let v, let i): return "target \(v) is above 100%, but ‘\(i)’ is a percent"
        case .ofNeedsPercent(let f): return "`of` needs a percent on its left, found \(unit(f))"
        case .notACondition(let f): return "expected a condition (a comparison), found \(f)"
        case .functionNeedsIndicator(let f): return "`\(f)(…)` takes an indicator name"
        case .invalidDate(let t): return "‘\(t)’ is not a real date"
        case .invalidPeriod(let t): return "‘\(t)’ is not a valid period"
        case .dayOutOfRange(let d): return "day \(d) is out of range; days run from 1 to 31"
        case .monthOutOfRange(let m): return "month \(m) is out of range; months run from 1 to 12"
        case .invalidTime(let t): return "‘\(t)’ is not a valid time of day"
        case .unknownWeekday(let w): return "unknown weekday ‘\(w)’"
        case .rangeOrder(let s, let e): return "the start \(s) is after the end \(e)"
        case .scheduleForm(let p): return "schedule " + schedule(p)
        case .periodKindNotAllowed(let p, let c): return "‘\(p)’ cannot be used \(period(c))"
        case .csvSyntax(let d): return d.en
        case .missingColumn(let c, let t): return "\(table(t)) has no ‘\(c)’ column"
        case .badPeriod(let p): return "‘\(p)’ is not a period"
        case .badDate(let d): return "‘\(d)’ is not a date"
        case .badValue(let v, let u, let r): return "‘\(v)’ is not a valid \(u.rawValue) value: \(r.en)"
        case .unknownObligationInData(let o): return "unknown obligation ‘\(o)’"
        case .unknownIndicatorInData(let i): return "unknown indicator ‘\(i)’"
        case .unknownEventInData(let e): return "unknown event ‘\(e)’"
        case .unknownAgencyInData(let a): return "unknown agency ‘\(a)’"
        case .conflictingDuplicate(let w, let f, let l): return "\(duplicate(w)) conflicts with line \(l), which says \(f)"
        case .ambiguousPlan(let n, let c): return "‘\(n)’ is declared by several plans (\(c.joined(separator: ", "))); add a `plan` column"
        case .unknownPlanInData(let p): return "no plan ‘\(p)’ is part of this run"
        case .badStatus(let s): return "‘\(s)’ is not a task status"
        case .emptyRequired(let c): return "the ‘\(c)’ column is empty"
        case .unreadableFile(let d): return d.en
        case .jsonSyntax(let d): return d.en
        case .agencyColumnMisuse(let i, let per):
            return per ? "‘\(i)’ is reported per agency, but this row names no agency"
                       : "‘\(i)’ is one province-wide value, but this row names an agency"
        case .wrongTableForObligation(let o, let t, let k):
            return "obligation ‘\(o)’ is a \(requirement(k)), so its rows do not belong in \(t)"
        case .missingCite(let o): return "obligation ‘\(o)’ has no `cite`"
        case .mergedParty(let a, let s, let d): return "‘\(a)’ was merged into ‘\(s)’ on \(d), before this plan was issued"
        case .dissolvedParty(let a, let d): return "‘\(a)’ was dissolved on \(d), before this plan was issued"
        case .unused(let k, let n): return "\(kind(k)) ‘\(n)’ is never used"
        case .lateDayOfMonth(let d): return "day \(d) does not exist in every month; shorter months use their last day"
        case .weakerLaterTarget(let i, let e): return "this target on ‘\(i)’ is weaker than the earlier one (\(e))"
        case .citeMismatch(let n, let l): return "the number \(n) does not appear at line \(l) of the source or the lines after it"
        case .sourceUnreadable(let p): return "the plan's source ‘\(p)’ cannot be read, so cite lines are not verified"
        case .citeLineOutOfRange(let l, let n): return "cite line \(l) is past the end of the source (\(n) lines)"
        case .unknownColumn(let c, let t): return "column ‘\(c)’ is not used in \(table(t)) and is ignored"
        case .tooManyDiagnostics(let s, let t): return "\(t - s) more diagnostics not shown (\(t) in all)"
        case .convertedEncoding(let d): return d.en
        case .doubleEquals: return "equality is written `=`, not `==`"
        }
    }

    static func help(_ m: Message) -> String? {
        switch m {
        case .invalidEncoding: return "save the file as UTF-8 (in a spreadsheet: ‘CSV UTF-8’; or run iconv -f UTF-16 -t UTF-8)"
        case .unterminatedString: return "add a closing \" on the same line"
        case .invalidEscape: return "inside a string only \\\" \\\\ and \\n are escapes; write \\\\ for a backslash"
        case .malformedLiteral: return "dates are 2025-12-31, months 2025-12, quarters 2025-Q3, halves 2025-H1, weeks 2025-W23"
        case .unknownKeyword: return "check the spelling; keywords are English words (see docs/language.md)"
        case .nestingTooDeep: return "split the expression into simpler conditions"
        case .duplicateField: return "keep one of them"
        case .useNotRoster: return "move indicators, events and obligations into the plan file"
        case .unknownName, .unknownParty: return "correct the spelling; declare it only if it really is a new name"
        case .duplicateName: return "rename one of them, or delete the copy"
        case .useFileMissing: return "the path is relative to the file that has the `use`"
        case .useCycle: return "a roster must not `use` a file that uses it back"
        case .missingPlanBlock: return "add plan \"NUMBER\" { title \"…\" issuer \"…\" issued 2025-01-01 }"
        case .missingPlanField(let f): return "add `\(f)` to the plan block"
        case .requirementCount: return "give one of: achieve, deliver, report, untracked \"reason\"; split the obligation if the plan has several duties"
        case .missingOwner: return "add `owner AGENCY` (the plan's ‘chủ trì’ column)"
        case .groupCycle: return "remove the group from its own members"
        case .badMerge: return "`merged into` must name another declared agency, without cycles"
        case .unitMismatch, .observedValueUnit: return "compare like with like: a percent with a percent or a ratio (money / money), money with money"
        case .rankArithmetic: return "compare the rank directly, e.g. xh_dti <= 45"
        case .yesnoMisuse: return "write `= yes` or `= no`"
        case .notInteger: return "counts and ranks are whole numbers"
        case .emptyRange: return "write the smaller bound first"
        case .percentAbove100: return "check the transcription; a percent indicator cannot exceed 100%"
        case .ofNeedsPercent: return "write e.g. chi_khcn >= 3% of chi_ngan_sach"
        case .invalidDate(let t):
            if let (y, m, n) = Catalogue.monthLength(of: t) { return "\(Catalogue.monthNames[m - 1]) \(y) has \(n) days" }
            return "write a date as YYYY-MM-DD with a day that exists in that month"
        case .invalidPeriod: return "periods are 2025, 2025-H1 or H2, 2025-Q1 to Q4, 2025-01 to 2025-12, 2025-W01 to W52 (W53 in long years)"
        case .dayOutOfRange: return "use a day from 1 to 31; day 31 means the month's last day"
        case .invalidTime: return "write the time as HH:MM between 00:00 and 23:59"
        case .unknownWeekday: return "weekdays are monday … sunday"
        case .rangeOrder: return "swap the two dates"
        case .missingCite: return "add cite \"Phụ lục II, mục 3\" line N so findings trace back to the plan's text"
        case .mergedParty(_, let s, _): return "name ‘\(s)’ instead"
        case .dissolvedParty: return "name the agency that took over its duties"
        case .unused: return "delete it, or use it in an obligation"
        case .lateDayOfMonth: return "this is fine if intended; February uses its last day"
        case .citeMismatch: return "check the number against the plan's text, or correct the cite line"
        case .conflictingDuplicate: return "keep one of the two rows"
        case .ambiguousPlan: return "add a `plan` column with the plan's number"
        case .badStatus: return "use done, in_progress or not_started"
        case .badPeriod: return "periods are 2025, 2025-H1, 2025-Q3, 2025-06, 2025-W23 or a date"
        case .badDate: return "dates are 2025-03-20 or 20/3/2025"
        default: return nil
        }
    }

    static func note(_ n: NoteMessage) -> String {
        switch n {
        case .firstDefined(let name): return "‘\(name)’ is first defined here"
        case .help(let p): return p.en
        case .candidates(let c): return "candidates: " + c.joined(separator: ", ")
        case .usedFrom(let p): return "brought in by `use \"\(p)\"`"
        case .mergedInto(let a, let s, let d): return "\(a) was merged into \(s) on \(d)"
        }
    }

    // MARK: arguments

    static func found(_ f: Found) -> String {
        switch f {
        case .endOfFile: return "the end of the file"
        case .endOfLine: return "the end of the line"
        case .string: return "a string"
        case .condition: return "a condition"
        case .keyword(let k): return "`\(k)`"
        case .token(let t): return "‘\(t)’"
        }
    }

    static func literal(_ p: LiteralProblem) -> String {
        switch p {
        case .numberRunsIntoLetters: return "a number cannot run into letters"
        case .misplacedUnderscore: return "`_` must sit between digits"
        case .notANumber: return "not a number"
        }
    }

    static func limit(_ l: Limit) -> String {
        switch l {
        case .stringBytes(let n): return "this string exceeds the limit of \(n) bytes"
        case .numberDigits(let n): return "this number exceeds the limit of \(n) digits"
        case .days(let n): return "the number of days exceeds the limit of \(n)"
        }
    }

    static func context(_ c: KeywordContext) -> String {
        switch c {
        case .topLevel: return "at the top level of a plan file"
        case .planBlock: return "in a plan block"
        case .obligation: return "in an obligation"
        case .testBlock: return "in a test block"
        case .reportFrequency: return "as a report frequency"
        case .deliveryDeadline: return "as a delivery deadline"
        }
    }

    static func kind(_ k: NameKind) -> String {
        switch k {
        case .agencyOrGroup: return "agency or group"
        case .oneAgency: return "agency"
        default: return k.rawValue
        }
    }

    static func article(_ k: NameKind) -> String {
        switch k {
        case .agency: return "an agency"
        case .group: return "a group"
        case .indicator: return "an indicator"
        case .event: return "an event"
        case .obligation: return "an obligation"
        case .status: return "a status"
        case .test: return "a test"
        case .plan: return "a plan"
        case .agencyOrGroup: return "an agency or group"
        case .oneAgency: return "one agency"
        }
    }

    static func roster(_ r: RosterContent) -> String {
        switch r {
        case .planBlock: return "a `plan` block"
        case .named(let k, let n): return "\(kind(k)) ‘\(n)’"
        case .otherDeclarations: return "other declarations"
        }
    }

    static func testRow(_ p: TestRowProblem, name: String) -> String {
        switch p {
        case .obligationIs(.achieve): return "is a target on an indicator: give its indicator's value with `observed INDICATOR for PERIOD = VALUE`"
        case .obligationIs(.untracked): return "is untracked, so no row can be recorded for it"
        case .obligationIs(.report): return "is a periodic report: record it with `submitted \(name) by AGENCY for PERIOD on DATE`"
        case .obligationIs(.deliver): return "is a task with a product: record it with `done \(name) by AGENCY on DATE` (or `started`)"
        case .perAgencyNeedsAgency: return "is reported per agency; write `observed \(name) by AGENCY for PERIOD = VALUE`"
        case .provinceWideHasAgency(let a): return "is one province-wide value, so `by \(a)` does not apply; remove it"
        }
    }

    static func unit(_ u: UnitName) -> String {
        switch u {
        case .percent: return "a percent"
        case .money: return "money"
        case .count: return "a count"
        case .rank: return "a rank"
        case .yesno: return "a yes/no value"
        case .number: return "a number"
        case .yesNoLiteral: return "yes/no"
        }
    }

    static func yesNo(_ p: YesNoProblem) -> String {
        switch p {
        case .literalNeedsYesNoIndicator: return "the value yes/no can only be compared with a yes/no indicator"
        case .onlyEqualOrNotEqual: return "a yes/no indicator can only be compared with = or !="
        case .onlyYesOrNo: return "a yes/no indicator can only be compared with `= yes` or `= no`"
        case .noGrowth: return "a yes/no indicator has no growth"
        case .noArithmetic: return "a yes/no indicator cannot be used in arithmetic"
        }
    }

    static func schedule(_ p: ScheduleProblem) -> String {
        switch p {
        case .dayInWeekly(let w):
            return "‘\(w)’ gives a day of the month, but a `weekly` report needs a weekday, e.g. weekly before thursday 10:00"
        case .weekdayNotWeekly(let w, let f):
            return "‘\(w)’ names a weekday, which only a `weekly` report can use; write `day N` for a \(f) report"
        case .monthPickNotAllowed(let w):
            return "‘\(w)’ picks a month, which only quarterly, half-yearly and yearly reports can do"
        case .monthNumberNotYearly(let w, let n):
            return "‘\(w)’: `of month \(n)` applies to yearly reports; write `of last month` or `of first month`"
        }
    }

    static func period(_ c: PeriodContext) -> String {
        let role: String
        switch c {
        case .yearExpected: return "here; a year like 2030 is expected"
        case .issueDate: role = "the issue date"
        case .mergerDate: role = "a merger date"
        case .dissolutionDate: role = "a dissolution date"
        case .testAsOf: role = "the test's as-of date"
        case .submissionDate: role = "a submission date"
        case .taskDate: role = "a date"
        case .eventDate: role = "the event's date"
        }
        return "as \(role); write a full date like 2025-03-01"
    }

    static func table(_ t: DataTable) -> String {
        switch t {
        case .file(let f): return f
        case .jsonRow(let m): return "this \(m) row"
        case .json(let m): return "data.json \(m)"
        }
    }

    static func duplicate(_ d: DuplicateKind) -> String {
        switch d {
        case .value(let v): return "value \(v)"
        case .date(let d): return "date \(d)"
        }
    }

    static func requirement(_ k: RequirementKind) -> String {
        switch k {
        case .achieve: return "target (its values go in observations)"
        case .deliver: return "task"
        case .report: return "report"
        case .untracked: return "untracked"
        }
    }
}
