/// The Vietnamese catalogue, in the words inspectors use: cơ quan chủ trì, nhiệm vụ, chỉ tiêu, thời hạn, kỳ báo cáo.
/// Keywords of the plan language stay as written (`owner`, `report`), in backquotes, because that is what
/// the reader types; dates computed by tuanthu are written 20/3/2025.
enum Vietnamese {
    static func text(_ m: Message) -> String {
        switch m {
        case .invalidEncoding(let d): return "tệp này không phải văn bản UTF-8 hợp lệ: \(d.vi)"
        case .unexpectedCharacter(let c): return "có ký tự không được dùng ở đây: ‘\(c)’"
        case .unterminatedString: return "chuỗi văn bản này thiếu dấu ngoặc kép đóng"
        case .invalidEscape(let e): return "trong chuỗi văn bản có tổ hợp ‘\(e)’ không hợp lệ"
        case .malformedLiteral(let t, let p): return "‘\(t)’ viết không đúng dạng: \(literal(p))"
        case .expected(let w, let f): return "ở đây cần \(w.vi), nhưng lại gặp \(found(f))"
        case .unknownKeyword(let f, let c): return "‘\(f)’ không phải từ khóa dùng được \(context(c))"
        case .nestingTooDeep(let l): return "biểu thức lồng nhau quá \(l) tầng ngoặc"
        case .tooLarge(let l): return limit(l)
        case .duplicateField(let f): return "mục ‘\(f)’ được ghi hai lần"
        case .fieldNotAllowed(let f, .untilOnOneOff):
            return "không dùng ‘\(f)’ cho yêu cầu chỉ thực hiện một lần; `until` chỉ dùng để giới hạn yêu cầu lặp lại (report, every year, ongoing)"
        case .unknownName(let k, let n): return "không có \(kind(k)) nào tên là ‘\(n)’"
        case .unknownParty(let n): return "không có cơ quan hoặc nhóm cơ quan nào tên là ‘\(n)’"
        case .duplicateName(let k, let n): return "\(kind(k)) ‘\(n)’ được khai báo hai lần"
        case .useFileMissing(let p): return "không đọc được tệp danh sách cơ quan ‘\(p)’"
        case .useCycle(let p): return "‘\(p)’ được đưa vào bằng `use` theo một vòng khép kín (các tệp `use` lẫn nhau)"
        case .useNotRoster(let p, let f): return "‘\(p)’ không phải tệp danh sách cơ quan: trong đó có \(roster(f))"
        case .missingPlanBlock: return "tệp này có các khai báo cần khối `plan` (thông tin văn bản kế hoạch), nhưng chưa có khối `plan` nào"
        case .missingPlanField(let f): return "khối `plan` thiếu mục `\(f)`"
        case .requirementCount(let o, let c):
            return c == 0 ? "nhiệm vụ ‘\(o)’ chưa có yêu cầu nào"
                          : "nhiệm vụ ‘\(o)’ có \(c) yêu cầu; mỗi nhiệm vụ phải có đúng một yêu cầu"
        case .missingOwner(let o): return "nhiệm vụ ‘\(o)’ chưa có cơ quan chủ trì (`owner`)"
        case .groupCycle(let g): return "nhóm ‘\(g)’ lại chứa chính nó"
        case .selfSupersede(let p): return "kế hoạch ‘\(p)’ không thể thay thế chính nó"
        case .badMerge(let a, let p):
            return "cơ quan ‘\(a)’: " + (p == .intoItself ? "không thể sáp nhập vào chính nó" : "các lần sáp nhập tạo thành vòng khép kín")
        case .morePlanBlocks: return "mỗi tệp chỉ được có một khối `plan`"
        case .wrongKindOfName(let n, let e, let a): return "‘\(n)’ là \(article(a)), nhưng ở đây cần \(article(e))"
        case .testRowMismatch(let n, let p): return "‘\(n)’ \(testRow(p, name: n))"
        case .unitMismatch(let l, let r, let op): return "không thể \(operation(op)) \(unit(l)) với \(unit(r))"
        case .observedValueUnit(let i, let u): return "giá trị này không đúng đơn vị của chỉ tiêu ‘\(i)’ (\(unit(u)))"
        case .rankArithmetic: return "thứ hạng chỉ dùng để so sánh, không dùng để cộng, trừ, nhân, chia"
        case .yesnoMisuse(let p): return yesNo(p)
        case .notInteger(let u, let v): return "\(unit(u)) phải là số nguyên, nhưng ở đây là \(v)"
        case .emptyRange(let lo, let hi): return "khoảng từ \(lo) đến \(hi) không chứa giá trị nào (cận dưới lớn hơn cận trên)"
        case .percentAbove100(let v, let i): return "mục tiêu \(v) vượt quá 100%, trong khi ‘\(i)’ là chỉ tiêu tỷ lệ phần trăm"
        case .ofNeedsPercent(let f): return "bên trái `of` phải là một tỷ lệ phần trăm, nhưng ở đây là \(unit(f))"
        case .notACondition(let f): return "ở đây cần một điều kiện (một phép so sánh), nhưng lại gặp \(f)"
        case .functionNeedsIndicator(let f): return "`\(f)(…)` chỉ nhận tên của một chỉ tiêu"
        case .invalidDate(let t): return "‘\(t)’ không phải là một ngày có thật"
        case .invalidPeriod(let t): return "‘\(t)’ không phải là một kỳ hợp lệ"
        case .dayOutOfRange(let d): return "ngày \(d) không hợp lệ; ngày trong tháng từ 1 đến 31"
        case .monthOutOfRange(let m): return "tháng \(m) không hợp lệ; tháng từ 1 đến 12"
        case .invalidTime(let t): return "‘\(t)’ không phải là giờ hợp lệ"
        case .unknownWeekday(let w): return "‘\(w)’ không phải tên một thứ trong tuần"
        case .rangeOrder(let s, let e): return "thời điểm bắt đầu \(s) lại sau thời điểm kết thúc \(e)"
        case .scheduleForm(let p): return "lịch báo cáo " + schedule(p)
        case .periodKindNotAllowed(let p, let c): return period(p, c)
        case .csvSyntax(let d): return d.vi
        case .missingColumn(let c, let t): return "\(table(t)) thiếu cột ‘\(c)’"
        case .badPeriod(let p): return "‘\(p)’ không phải là một kỳ báo cáo hợp lệ"
        case .badDate(let d): return "‘\(d)’ không phải là một ngày hợp lệ"
        case .badValue(let v, let u, let r): return "‘\(v)’ không phải giá trị hợp lệ cho chỉ tiêu tính bằng \(unit(u)): \(r.vi)"
        case .unknownObligationInData(let o): return "kế hoạch không có nhiệm vụ nào mã ‘\(o)’"
        case .unknownIndicatorInData(let i): return "kế hoạch không có chỉ tiêu nào mã ‘\(i)’"
        case .unknownEventInData(let e): return "kế hoạch không có sự kiện nào mã ‘\(e)’"
        case .unknownAgencyInData(let a): return "không có cơ quan nào tên hoặc mã ‘\(a)’"
        case .conflictingDuplicate(let w, let f, let l): return "\(duplicate(w)) mâu thuẫn với dòng \(l) (dòng đó ghi \(f))"
        case .ambiguousPlan(let n, let c):
            return "‘\(n)’ có trong nhiều kế hoạch (\(c.joined(separator: ", "))); cần thêm cột `plan` để chỉ rõ kế hoạch"
        case .unknownPlanInData(let p): return "kế hoạch ‘\(p)’ không nằm trong lần kiểm tra này"
        case .badStatus(let s): return "‘\(s)’ không phải là tình trạng nhiệm vụ hợp lệ"
        case .emptyRequired(let c): return "cột ‘\(c)’ đang để trống"
        case .unreadableFile(let d): return d.vi
        case .jsonSyntax(let d): return d.vi
        case .agencyColumnMisuse(let i, let per):
            return per ? "‘\(i)’ được báo cáo theo từng cơ quan, nhưng dòng này không ghi cơ quan"
                       : "‘\(i)’ là một số liệu chung của cả tỉnh, nhưng dòng này lại ghi cơ quan"
        case .wrongTableForObligation(let o, let t, let k):
            return "nhiệm vụ ‘\(o)’ là \(requirement(k)), nên các dòng của nó không ghi vào \(t)"
        case .missingCite(let o): return "nhiệm vụ ‘\(o)’ chưa ghi căn cứ trong văn bản (`cite`)"
        case .mergedParty(let a, let s, let d):
            return "‘\(a)’ đã được sáp nhập vào ‘\(s)’ từ ngày \(Catalogue.date(d, .vi)), trước khi kế hoạch này ban hành"
        case .dissolvedParty(let a, let d): return "‘\(a)’ đã giải thể từ ngày \(Catalogue.date(d, .vi)), trước khi kế hoạch này ban hành"
        case .unused(let k, let n): return "\(kind(k)) ‘\(n)’ được khai báo nhưng không dùng đến"
        case .lateDayOfMonth(let d): return "không phải tháng nào cũng có ngày \(d); tháng ngắn hơn sẽ lấy ngày cuối tháng"
        case .weakerLaterTarget(let i, let e): return "mục tiêu này của ‘\(i)’ thấp hơn mục tiêu có thời hạn sớm hơn (\(e))"
        case .citeMismatch(let n, let l): return "số \(n) không có ở dòng \(l) của văn bản gốc, cũng không có ở các dòng ngay sau"
        case .sourceUnreadable(let p): return "không đọc được văn bản gốc ‘\(p)’ của kế hoạch, nên chưa đối chiếu được các dòng trích dẫn"
        case .citeLineOutOfRange(let l, let n): return "dòng trích dẫn \(l) vượt quá cuối văn bản gốc (văn bản chỉ có \(n) dòng)"
        case .unknownColumn(let c, let t): return "cột ‘\(c)’ trong \(table(t)) không được dùng và sẽ bị bỏ qua"
        case .tooManyDiagnostics(let s, let t): return "còn \(t - s) thông báo nữa không hiển thị (tổng cộng \(t))"
        case .convertedEncoding(let d): return d.vi
        case .doubleEquals: return "phép so sánh bằng viết là `=`, không phải `==`"
        }
    }

    static func help(_ m: Message) -> String? {
        switch m {
        case .invalidEncoding: return "lưu lại tệp dưới dạng UTF-8 (trong Excel: chọn ‘CSV UTF-8’; hoặc chạy iconv -f UTF-16 -t UTF-8)"
        case .unterminatedString: return "thêm dấu \" đóng trên cùng dòng"
        case .invalidEscape: return "trong chuỗi chỉ dùng được \\\" \\\\ và \\n; muốn viết dấu \\ thì gõ \\\\"
        case .malformedLiteral: return "ngày viết 2025-12-31, tháng 2025-12, quý 2025-Q3, nửa năm 2025-H1, tuần 2025-W23"
        case .unknownKeyword: return "kiểm tra lại chính tả; từ khóa là các từ tiếng Anh (xem docs/language.vi.md)"
        case .nestingTooDeep: return "tách biểu thức thành các điều kiện đơn giản hơn"
        case .duplicateField: return "giữ lại một trong hai"
        case .useNotRoster: return "chuyển các chỉ tiêu, sự kiện và nhiệm vụ vào tệp kế hoạch"
        case .unknownName, .unknownParty: return "sửa lại chính tả; chỉ khai báo thêm nếu đúng là tên mới"
        case .duplicateName: return "đổi tên một trong hai, hoặc xóa bản trùng"
        case .useFileMissing: return "đường dẫn tính từ thư mục của tệp có dòng `use`"
        case .useCycle: return "tệp danh sách cơ quan không được `use` lại tệp đang `use` nó"
        case .missingPlanBlock: return "thêm plan \"SỐ_HIỆU\" { title \"…\" issuer \"…\" issued 2025-01-01 }"
        case .missingPlanField(let f): return "thêm `\(f)` vào khối `plan`"
        case .requirementCount:
            return "ghi một trong các yêu cầu: achieve, deliver, report, untracked \"lý do\"; nếu kế hoạch giao nhiều việc thì tách thành nhiều nhiệm vụ"
        case .missingOwner: return "thêm `owner CƠ_QUAN` (cột ‘chủ trì’ trong kế hoạch)"
        case .groupCycle: return "bỏ nhóm ra khỏi danh sách thành viên của chính nó"
        case .badMerge: return "`merged into` phải ghi một cơ quan khác đã khai báo, không tạo vòng khép kín"
        case .unitMismatch, .observedValueUnit:
            return "so sánh cùng loại: tỷ lệ phần trăm với tỷ lệ phần trăm hoặc một tỷ số (tiền / tiền), số tiền với số tiền"
        case .rankArithmetic: return "so sánh trực tiếp thứ hạng, ví dụ xh_dti <= 45"
        case .yesnoMisuse: return "viết `= yes` (có) hoặc `= no` (không)"
        case .notInteger: return "số lượng và thứ hạng là số nguyên"
        case .emptyRange: return "ghi cận nhỏ hơn trước"
        case .percentAbove100: return "kiểm tra lại việc chép số liệu; chỉ tiêu tỷ lệ phần trăm không thể vượt 100%"
        case .ofNeedsPercent: return "ví dụ: chi_khcn >= 3% of chi_ngan_sach"
        case .invalidDate(let t):
            if let (y, m, n) = Catalogue.monthLength(of: t) { return "tháng \(m)/\(y) chỉ có \(n) ngày" }
            return "viết ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2025-03-20), với ngày có thật trong tháng đó"
        case .invalidPeriod:
            return "kỳ viết dạng 2025 (năm), 2025-H1 hoặc H2 (nửa năm), 2025-Q1 đến Q4 (quý), 2025-01 đến 2025-12 (tháng), 2025-W01 đến W52 (tuần; W53 với năm có 53 tuần)"
        case .dayOutOfRange: return "ghi ngày từ 1 đến 31; ngày 31 nghĩa là ngày cuối tháng"
        case .invalidTime: return "ghi giờ dạng HH:MM, từ 00:00 đến 23:59"
        case .unknownWeekday: return "các thứ viết là monday (thứ Hai) … sunday (Chủ nhật)"
        case .rangeOrder: return "đổi chỗ hai mốc thời gian"
        case .missingCite: return "thêm cite \"Phụ lục II, mục 3\" line N để kết quả dẫn được về đúng chỗ trong văn bản"
        case .mergedParty(_, let s, _): return "ghi ‘\(s)’ thay thế"
        case .dissolvedParty: return "ghi cơ quan đã tiếp nhận nhiệm vụ của cơ quan này"
        case .unused: return "xóa đi, hoặc dùng trong một nhiệm vụ"
        case .lateDayOfMonth: return "không sao nếu đúng ý kế hoạch; tháng 2 sẽ lấy ngày cuối tháng"
        case .citeMismatch: return "đối chiếu con số với văn bản kế hoạch, hoặc sửa lại số dòng trích dẫn"
        case .conflictingDuplicate: return "chỉ giữ lại một trong hai dòng"
        case .ambiguousPlan: return "thêm cột `plan` ghi số hiệu kế hoạch"
        case .badStatus: return "dùng done (đã xong), in_progress (đang làm) hoặc not_started (chưa làm)"
        case .badPeriod: return "kỳ viết dạng 2025, 2025-H1, 2025-Q3, 2025-06, 2025-W23 hoặc một ngày"
        case .badDate: return "ngày viết 20/3/2025 hoặc 2025-03-20"
        default: return nil
        }
    }

    static func note(_ n: NoteMessage) -> String {
        switch n {
        case .firstDefined(let name): return "‘\(name)’ được khai báo lần đầu ở đây"
        case .help(let p): return p.vi
        case .candidates(let c): return "các tên có thể: " + c.joined(separator: ", ")
        case .usedFrom(let p): return "được đưa vào bởi `use \"\(p)\"`"
        case .mergedInto(let a, let s, let d): return "\(a) đã sáp nhập vào \(s) từ ngày \(Catalogue.date(d, .vi))"
        }
    }

    // MARK: arguments

    static func found(_ f: Found) -> String {
        switch f {
        case .endOfFile: return "cuối tệp"
        case .endOfLine: return "cuối dòng"
        case .string: return "một chuỗi trong ngoặc kép"
        case .condition: return "một điều kiện"
        case .keyword(let k): return "`\(k)`"
        case .token(let t): return "‘\(t)’"
        }
    }

    static func literal(_ p: LiteralProblem) -> String {
        switch p {
        case .numberRunsIntoLetters: return "số bị viết liền với chữ"
        case .misplacedUnderscore: return "dấu `_` chỉ được đặt giữa hai chữ số"
        case .notANumber: return "không đọc được thành số"
        }
    }

    static func limit(_ l: Limit) -> String {
        switch l {
        case .stringBytes(let n): return "chuỗi văn bản này dài quá giới hạn \(n) byte"
        case .numberDigits(let n): return "số này dài quá giới hạn \(n) chữ số"
        case .days(let n): return "số ngày vượt quá giới hạn \(n)"
        }
    }

    static func context(_ c: KeywordContext) -> String {
        switch c {
        case .topLevel: return "ở đầu một khai báo trong tệp kế hoạch"
        case .planBlock: return "trong khối `plan`"
        case .obligation: return "trong một nhiệm vụ"
        case .testBlock: return "trong khối `test`"
        case .reportFrequency: return "làm tần suất báo cáo"
        case .deliveryDeadline: return "làm thời hạn hoàn thành"
        }
    }

    static func kind(_ k: NameKind) -> String {
        switch k {
        case .agency, .oneAgency: return "cơ quan"
        case .group: return "nhóm cơ quan"
        case .indicator: return "chỉ tiêu"
        case .event: return "sự kiện"
        case .obligation: return "nhiệm vụ"
        case .status: return "trạng thái"
        case .test: return "bài kiểm thử"
        case .plan: return "kế hoạch"
        case .agencyOrGroup: return "cơ quan hoặc nhóm cơ quan"
        }
    }

    static func article(_ k: NameKind) -> String {
        k == .oneAgency ? "đúng một cơ quan" : "một " + kind(k)
    }

    static func roster(_ r: RosterContent) -> String {
        switch r {
        case .planBlock: return "khối `plan`"
        case .named(let k, let n): return "\(kind(k)) ‘\(n)’"
        case .otherDeclarations: return "các khai báo khác"
        }
    }

    static func testRow(_ p: TestRowProblem, name: String) -> String {
        switch p {
        case .obligationIs(.achieve):
            return "là mục tiêu về một chỉ tiêu: hãy ghi giá trị chỉ tiêu bằng `observed CHỈ_TIÊU for KỲ = GIÁ_TRỊ`"
        case .obligationIs(.untracked): return "là nhiệm vụ không theo dõi bằng số liệu, nên không ghi được dòng nào cho nó"
        case .obligationIs(.report):
            return "là báo cáo định kỳ: hãy ghi bằng `submitted \(name) by CƠ_QUAN for KỲ on NGÀY`"
        case .obligationIs(.deliver):
            return "là nhiệm vụ có sản phẩm: hãy ghi bằng `done \(name) by CƠ_QUAN on NGÀY` (hoặc `started`)"
        case .perAgencyNeedsAgency: return "được báo cáo theo từng cơ quan; hãy viết `observed \(name) by CƠ_QUAN for KỲ = GIÁ_TRỊ`"
        case .provinceWideHasAgency(let a): return "là một số liệu chung của cả tỉnh, nên không ghi `by \(a)`; hãy bỏ phần này"
        }
    }

    static func unit(_ u: UnitName) -> String {
        switch u {
        case .percent: return "tỷ lệ phần trăm"
        case .money: return "số tiền"
        case .count: return "số lượng"
        case .rank: return "thứ hạng"
        case .yesno: return "giá trị có/không"
        case .number: return "số"
        case .yesNoLiteral: return "yes/no (có/không)"
        }
    }

    static func operation(_ o: Operation) -> String {
        switch o {
        case .compare: return "so sánh"
        case .add: return "cộng"
        case .subtract: return "trừ"
        case .multiply: return "nhân"
        case .divide: return "chia"
        }
    }

    static func yesNo(_ p: YesNoProblem) -> String {
        switch p {
        case .literalNeedsYesNoIndicator: return "giá trị yes/no (có/không) chỉ so sánh được với chỉ tiêu dạng có/không"
        case .onlyEqualOrNotEqual: return "chỉ tiêu dạng có/không chỉ so sánh được bằng = hoặc !="
        case .onlyYesOrNo: return "chỉ tiêu dạng có/không chỉ so sánh được với `= yes` hoặc `= no`"
        case .noGrowth: return "chỉ tiêu dạng có/không không có mức tăng trưởng"
        case .noArithmetic: return "chỉ tiêu dạng có/không không dùng để cộng, trừ, nhân, chia được"
        }
    }

    static func schedule(_ p: ScheduleProblem) -> String {
        switch p {
        case .dayInWeekly(let w):
            return "‘\(w)’ ghi một ngày trong tháng, nhưng báo cáo hằng tuần (`weekly`) cần ghi thứ trong tuần, ví dụ weekly before thursday 10:00"
        case .weekdayNotWeekly(let w, let f):
            return "‘\(w)’ ghi một thứ trong tuần, điều chỉ báo cáo hằng tuần (`weekly`) mới dùng được; với báo cáo `\(f)` hãy viết `day N`"
        case .monthPickNotAllowed(let w):
            return "‘\(w)’ chọn một tháng trong kỳ, điều chỉ báo cáo quý, 6 tháng và năm mới làm được"
        case .monthNumberNotYearly(let w, let n):
            return "‘\(w)’: `of month \(n)` chỉ dùng cho báo cáo năm; hãy viết `of last month` (tháng cuối kỳ) hoặc `of first month` (tháng đầu kỳ)"
        }
    }

    static func period(_ p: String, _ c: PeriodContext) -> String {
        let role: String
        switch c {
        case .yearExpected: return "không dùng được ‘\(p)’ ở đây; cần ghi một năm, ví dụ 2030"
        case .issueDate: role = "ngày ban hành"
        case .mergerDate: role = "ngày sáp nhập"
        case .dissolutionDate: role = "ngày giải thể"
        case .testAsOf: role = "ngày xét của bài kiểm thử"
        case .submissionDate: role = "ngày nộp"
        case .taskDate: role = "ngày"
        case .eventDate: role = "ngày của sự kiện"
        }
        return "không dùng được ‘\(p)’ làm \(role); hãy ghi đủ ngày, ví dụ 2025-03-01"
    }

    static func table(_ t: DataTable) -> String {
        switch t {
        case .file(let f): return "tệp \(f)"
        case .jsonRow(let m): return "dòng \(m) này"
        case .json(let m): return "data.json \(m)"
        }
    }

    static func duplicate(_ d: DuplicateKind) -> String {
        switch d {
        case .value(let v): return "giá trị \(v)"
        case .date(let d): return "ngày \(Catalogue.date(d, .vi))"
        }
    }

    static func requirement(_ k: RequirementKind) -> String {
        switch k {
        case .achieve: return "mục tiêu về chỉ tiêu (số liệu ghi vào observations)"
        case .deliver: return "nhiệm vụ có sản phẩm"
        case .report: return "báo cáo định kỳ"
        case .untracked: return "nhiệm vụ không theo dõi bằng số liệu"
        }
    }
}
