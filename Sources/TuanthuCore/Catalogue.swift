/// The language of messages and reports.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// The message catalogue: every user-facing sentence, per language, keyed by message.
public enum Catalogue {
    /// The sentence for a diagnostic message.
    public static func text(_ m: Message, _ lang: Language = .en) -> String {
        // Vietnamese texts arrive with the localisation work; until then both languages read English.
        english(m)
    }

    /// "How to fix it": a short help line for a message, when there is one.
    public static func help(_ m: Message, _ lang: Language = .en) -> String? {
        englishHelp(m)
    }

    public static func text(_ n: NoteMessage, _ lang: Language = .en) -> String {
        switch n {
        case .firstDefined(let name): return "‘\(name)’ is first defined here"
        case .help(let s): return s
        case .candidates(let c): return "candidates: " + c.joined(separator: ", ")
        case .usedFrom(let p): return "brought in by `use \"\(p)\"`"
        case .mergedInto(let a, let s, let d): return "\(a) was merged into \(s) on \(d)"
        }
    }

    static func english(_ m: Message) -> String {
        switch m {
        case .invalidEncoding(let d): return "this file is not valid UTF-8 text: \(d)"
        case .unexpectedCharacter(let c): return "unexpected character ‘\(c)’"
        case .unterminatedString: return "this string has no closing quote"
        case .invalidEscape(let e): return "unknown escape ‘\(e)’ in a string"
        case .malformedLiteral(let t, let r): return "‘\(t)’ is not a valid literal: \(r)"
        case .expected(let w, let f): return "expected \(w), found \(f)"
        case .unknownKeyword(let f, let c): return "unknown word ‘\(f)’ \(c)"
        case .nestingTooDeep(let l): return "expression nested more than \(l) levels deep"
        case .tooLarge(let w, let l): return "\(w) exceeds the limit of \(l)"
        case .duplicateField(let f): return "‘\(f)’ is given twice"
        case .fieldNotAllowed(let f, let c): return "‘\(f)’ is not allowed \(c)"
        case .unknownName(let k, let n): return "unknown \(k) ‘\(n)’"
        case .unknownParty(let n): return "unknown agency or group ‘\(n)’"
        case .duplicateName(let k, let n): return "\(k) ‘\(n)’ is defined twice"
        case .useFileMissing(let p): return "cannot read the roster file ‘\(p)’"
        case .useCycle(let p): return "‘\(p)’ is brought in by `use` in a cycle"
        case .useNotRoster(let p, let f): return "‘\(p)’ is not a roster: it has \(f)"
        case .missingPlanBlock: return "this file has declarations that need a `plan` block, but none is present"
        case .missingPlanField(let f): return "the plan block has no `\(f)`"
        case .requirementCount(let o, let c):
            return c == 0 ? "obligation ‘\(o)’ has no requirement"
                          : "obligation ‘\(o)’ has \(c) requirements; it must have exactly one"
        case .missingOwner(let o): return "obligation ‘\(o)’ has no `owner`"
        case .groupCycle(let g): return "group ‘\(g)’ contains itself"
        case .selfSupersede(let p): return "plan ‘\(p)’ cannot supersede itself"
        case .badMerge(let a, let r): return "agency ‘\(a)’: \(r)"
        case .morePlanBlocks: return "a file may have only one `plan` block"
        case .wrongKindOfName(let n, let e, let a): return "‘\(n)’ is \(a), but \(e) is expected here"
        case .testRowMismatch(let n, let r): return "‘\(n)’ \(r)"
        case .unitMismatch(let l, let r, let op): return "cannot \(op) \(l) and \(r)"
        case .rankArithmetic: return "a rank can only be compared, not used in arithmetic"
        case .yesnoMisuse(let d): return "a yes/no indicator \(d)"
        case .notInteger(let u, let v): return "a \(u) must be a whole number, but this is \(v)"
        case .emptyRange(let lo, let hi): return "the range between \(lo) and \(hi) is empty"
        case .percentAbove100(let v, let i): return "target \(v) is above 100%, but ‘\(i)’ is a percent"
        case .ofNeedsPercent(let f): return "`of` needs a percent on its left, found \(f)"
        case .notACondition(let f): return "expected a condition (a comparison), found \(f)"
        case .functionNeedsIndicator(let f): return "`\(f)(…)` takes an indicator name"
        case .invalidDate(let t): return "‘\(t)’ is not a real date"
        case .invalidPeriod(let t): return "‘\(t)’ is not a valid period"
        case .dayOutOfRange(let d): return "day \(d) is out of range; days run from 1 to 31"
        case .monthOutOfRange(let m): return "month \(m) is out of range; months run from 1 to 12"
        case .invalidTime(let t): return "‘\(t)’ is not a valid time of day"
        case .unknownWeekday(let w): return "unknown weekday ‘\(w)’"
        case .rangeOrder(let s, let e): return "the start \(s) is after the end \(e)"
        case .scheduleForm(let d): return "schedule \(d)"
        case .periodKindNotAllowed(let p, let c): return "‘\(p)’ cannot be used \(c)"
        case .csvSyntax(let d): return d
        case .missingColumn(let c, let t): return "\(t) has no ‘\(c)’ column"
        case .badPeriod(let p): return "‘\(p)’ is not a period"
        case .badDate(let d): return "‘\(d)’ is not a date"
        case .badValue(let v, let u, let r): return "‘\(v)’ is not a valid \(u) value: \(r)"
        case .unknownObligationInData(let o): return "unknown obligation ‘\(o)’"
        case .unknownIndicatorInData(let i): return "unknown indicator ‘\(i)’"
        case .unknownEventInData(let e): return "unknown event ‘\(e)’"
        case .unknownAgencyInData(let a): return "unknown agency ‘\(a)’"
        case .conflictingDuplicate(let w, let f, let l): return "\(w) conflicts with line \(l), which says \(f)"
        case .ambiguousPlan(let n, let c): return "‘\(n)’ is declared by several plans (\(c.joined(separator: ", "))); add a `plan` column"
        case .unknownPlanInData(let p): return "no plan ‘\(p)’ is part of this run"
        case .badStatus(let s): return "‘\(s)’ is not a task status"
        case .emptyRequired(let c): return "the ‘\(c)’ column is empty"
        case .unreadableFile(let d): return d
        case .jsonSyntax(let d): return d
        case .agencyColumnMisuse(let i, let per):
            return per ? "‘\(i)’ is reported per agency, but this row names no agency"
                       : "‘\(i)’ is one province-wide value, but this row names an agency"
        case .wrongTableForObligation(let o, let t, let k): return "obligation ‘\(o)’ is a \(k), so its rows do not belong in \(t)"
        case .missingCite(let o): return "obligation ‘\(o)’ has no `cite`"
        case .mergedParty(let a, let s, let d): return "‘\(a)’ was merged into ‘\(s)’ on \(d), before this plan was issued"
        case .dissolvedParty(let a, let d): return "‘\(a)’ was dissolved on \(d), before this plan was issued"
        case .unused(let k, let n): return "\(k) ‘\(n)’ is never used"
        case .lateDayOfMonth(let d): return "day \(d) does not exist in every month; shorter months use their last day"
        case .weakerLaterTarget(let i, let e): return "this target on ‘\(i)’ is weaker than the earlier one (\(e))"
        case .citeMismatch(let n, let l): return "the number \(n) does not appear at line \(l) of the source or the lines after it"
        case .sourceUnreadable(let p): return "the plan's source ‘\(p)’ cannot be read, so cite lines are not verified"
        case .citeLineOutOfRange(let l, let n): return "cite line \(l) is past the end of the source (\(n) lines)"
        case .unknownColumn(let c, let t): return "column ‘\(c)’ is not used in \(t) and is ignored"
        case .tooManyDiagnostics(let s, let t): return "\(t - s) more diagnostics not shown (\(t) in all)"
        case .convertedEncoding(let d): return d
        }
    }

    static func englishHelp(_ m: Message) -> String? {
        switch m {
        case .invalidEncoding: return "save the file as UTF-8 (in a spreadsheet: ‘CSV UTF-8’; or run iconv -f UTF-16 -t UTF-8)"
        case .unterminatedString: return "add a closing \" on the same line"
        case .invalidEscape: return "inside a string only \\\" \\\\ and \\n are escapes; write \\\\ for a backslash"
        case .malformedLiteral: return "dates are 2025-12-31, months 2025-12, quarters 2025-Q3, halves 2025-H1, weeks 2025-W23"
        case .unknownKeyword: return "check the spelling; keywords are English words (see docs/language.md)"
        case .nestingTooDeep: return "split the expression into simpler conditions"
        case .duplicateField: return "keep one of them"
        case .useNotRoster: return "move indicators, events and obligations into the plan file"
        case .unknownName, .unknownParty: return "declare it, or correct the spelling"
        case .duplicateName: return "rename one of them, or delete the copy"
        case .useFileMissing: return "the path is relative to the file that has the `use`"
        case .useCycle: return "a roster must not `use` a file that uses it back"
        case .missingPlanBlock: return "add plan \"NUMBER\" { title \"…\" issuer \"…\" issued 2025-01-01 }"
        case .missingPlanField(let f): return "add `\(f)` to the plan block"
        case .requirementCount: return "give one of: achieve, deliver, report, untracked \"reason\"; split the obligation if the plan has several duties"
        case .missingOwner: return "add `owner AGENCY` (the plan's ‘chủ trì’ column)"
        case .groupCycle: return "remove the group from its own members"
        case .badMerge: return "`merged into` must name another declared agency, without cycles"
        case .unitMismatch: return "compare like with like: a percent with a percent or a ratio (money / money), money with money"
        case .rankArithmetic: return "compare the rank directly, e.g. xh_dti <= 45"
        case .yesnoMisuse: return "write `= yes` or `= no`"
        case .notInteger: return "counts and ranks are whole numbers"
        case .emptyRange: return "write the smaller bound first"
        case .percentAbove100: return "check the transcription; a percent indicator cannot exceed 100%"
        case .ofNeedsPercent: return "write e.g. chi_khcn >= 3% of chi_ngan_sach"
        case .invalidDate: return "check the day exists in that month (2024-02-29 exists, 2025-02-29 does not)"
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
}
