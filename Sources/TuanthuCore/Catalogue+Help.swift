/// The `--help` pages of the command line.
public enum HelpTopic: String, Sendable, Hashable, CaseIterable {
    case overview, check, eval, fmt, test, explain, template
}

extension Catalogue {
    /// A `--help` page in the reader's language; option names and formats stay as typed.
    public static func usage(_ topic: HelpTopic, _ lang: Language) -> String {
        lang == .vi ? Vietnamese.usage(topic) : English.usage(topic)
    }
}

extension English {
    static func usage(_ topic: HelpTopic) -> String {
        switch topic {
        case .overview:
            return """
            tuanthu — check provincial plans and evaluate compliance with them

            USAGE:
              tuanthu check  [PATH...] [--format text|json|sarif|github] [--strict]
              tuanthu eval   [PATH...] --data DIR [--as-of DATE] [--format text|json|csv|html] [-o FILE]
                             [--keep-going] [--number-locale vi] [--split-by agency]
              tuanthu fmt    [PATH...] [--check]
              tuanthu test   [PATH...]
              tuanthu explain OBLIGATION [PATH...] --data DIR [--as-of DATE] [--agency A] [--period P] [--format text|json]
              tuanthu template [PATH...] --out DIR [--agency A] [--from DATE] [--until DATE]

            PATH is a .plan file or a folder searched for *.plan; none means rules/.
            Messages and reports are in Vietnamese; --lang en (or TUANTHU_LANG=en) gives English.
            Run ‘tuanthu COMMAND --help’ for details. Exit codes: 0 ok, 1 problems found, 2 usage or input error.
            """
        case .check:
            return """
            tuanthu check [PATH...] [--format text|json|sarif|github] [--strict]

            Compiles plan files and reports every problem with its file:line:column.
              --format FORMAT  text (default, on stderr), json, sarif (SARIF 2.1.0) or github (Actions annotations)
              --strict         treat warnings as failures (exit 1)
              --lang vi|en     language of the messages (default vi)
            Exit: 0 clean, 1 errors (or warnings with --strict), 2 unreadable input or bad usage.
            """
        case .eval:
            return """
            tuanthu eval [PATH...] --data DIR [--as-of DATE] [--format text|json|csv|html] [-o FILE]
                         [--keep-going] [--number-locale vi] [--split-by agency]

            Evaluates the plans against the submitted data in DIR and reports one finding per
            obligation, owing agency and period.
              --data DIR           folder with observations.csv, reports.csv, tasks.csv, events.csv,
                                   extensions.csv (or data.json)
              --as-of DATE         the day the inspection sees the world at its end (default: today in Vietnam, UTC+7)
              --format FORMAT      text (default on a terminal), json (default otherwise), csv or html
              -o FILE              write the report to FILE atomically instead of standard output
              --split-by agency    one report per agency in the folder given by -o
              --keep-going         write the report even when data rows are malformed (listed under dataErrors)
              --number-locale vi   read 1.250.000.000 and 6,5 as Vietnamese spreadsheets write them
              --lang vi|en         language of the text and HTML reports (JSON and CSV keep English codes)
            Exit: 0 no failing finding, 1 a violated, late or overdue finding, 2 usage, compile or data errors.
            """
        case .fmt:
            return """
            tuanthu fmt [PATH...] [--check]

            Rewrites plan files in the one canonical layout (indentation, aligned columns, one blank line
            between obligations, normalised spacing and literals), keeping every comment. A file that does
            not parse is left untouched. Files are written atomically.
              --check   change nothing; list the files that would change and exit 1 if there are any
            """
        case .test:
            return """
            tuanthu test [PATH...]

            Runs the `test` blocks written inside plan files, each on its own inline rows (never the data
            folder). A failing expectation prints the test, the expectation, what was found and where.
            The last line is always `N passed, M failed`. Exit 1 on any failure.
            """
        case .explain:
            return """
            tuanthu explain OBLIGATION [PATH...] --data DIR [--as-of DATE] [--agency A] [--period P] [--format text|json]

            Explains each matching finding step by step: who owes it and why (groups, mergers), how the
            deadline was computed, which data rows were considered or set aside (file:line), the values
            and the exact arithmetic, and the status. --format json keeps the English wording.
            """
        case .template:
            return """
            tuanthu template [PATH...] --out DIR [--agency A] [--from DATE] [--until DATE]

            Writes the blank sheets each agency fills in: one folder per agency, one CSV per table with a
            row for every period, report and task it owes in the window (obligation, period, due date, the
            plan's wording), and a HUONG-DAN.md explaining them.
              --agency A        only this agency (or each member of this group)
              --from, --until   the window (a date, month or year; default: the plan's start to the end of this year)
            """
        }
    }
}

extension Vietnamese {
    static func usage(_ topic: HelpTopic) -> String {
        switch topic {
        case .overview:
            return """
            tuanthu — kiểm tra văn bản kế hoạch của tỉnh và đánh giá tình hình thực hiện

            CÁCH DÙNG:
              tuanthu check  [ĐƯỜNG_DẪN...] [--format text|json|sarif|github] [--strict]
              tuanthu eval   [ĐƯỜNG_DẪN...] --data THƯ_MỤC [--as-of NGÀY] [--format text|json|csv|html] [-o TỆP]
                             [--keep-going] [--number-locale vi] [--split-by agency]
              tuanthu fmt    [ĐƯỜNG_DẪN...] [--check]
              tuanthu test   [ĐƯỜNG_DẪN...]
              tuanthu explain NHIỆM_VỤ [ĐƯỜNG_DẪN...] --data THƯ_MỤC [--as-of NGÀY] [--agency CQ] [--period KỲ] [--format text|json]
              tuanthu template [ĐƯỜNG_DẪN...] --out THƯ_MỤC [--agency CQ] [--from NGÀY] [--until NGÀY]

            ĐƯỜNG_DẪN là một tệp .plan hoặc một thư mục (tìm mọi tệp *.plan); không ghi thì dùng rules/.
            Thông báo và báo cáo bằng tiếng Việt; --lang en (hoặc TUANTHU_LANG=en) để dùng tiếng Anh.
            Chạy ‘tuanthu LỆNH --help’ để xem chi tiết. Mã thoát: 0 không có vấn đề, 1 có vi phạm, 2 lỗi cách dùng hoặc dữ liệu đầu vào.
            """
        case .check:
            return """
            tuanthu check [ĐƯỜNG_DẪN...] [--format text|json|sarif|github] [--strict]

            Biên dịch các tệp kế hoạch và báo mọi lỗi kèm vị trí tệp:dòng:cột.
              --format ĐỊNH_DẠNG  text (mặc định, ghi ra stderr), json, sarif (SARIF 2.1.0) hoặc github (chú thích GitHub Actions)
              --strict            coi cảnh báo là lỗi (mã thoát 1)
              --lang vi|en        ngôn ngữ thông báo (mặc định vi)
            Mã thoát: 0 không có lỗi, 1 có lỗi (hoặc cảnh báo khi dùng --strict), 2 không đọc được tệp hoặc sai cách dùng.
            """
        case .eval:
            return """
            tuanthu eval [ĐƯỜNG_DẪN...] --data THƯ_MỤC [--as-of NGÀY] [--format text|json|csv|html] [-o TỆP]
                         [--keep-going] [--number-locale vi] [--split-by agency]

            Đối chiếu kế hoạch với số liệu các cơ quan gửi trong THƯ_MỤC và đưa ra một kết quả cho mỗi
            nhiệm vụ, mỗi cơ quan chịu trách nhiệm và mỗi kỳ.
              --data THƯ_MỤC       thư mục chứa observations.csv, reports.csv, tasks.csv, events.csv,
                                   extensions.csv (hoặc data.json)
              --as-of NGÀY         đánh giá theo tình hình đến hết ngày này (mặc định: hôm nay theo giờ Việt Nam, UTC+7)
              --format ĐỊNH_DẠNG   text (mặc định khi chạy trên màn hình), json (mặc định khi ghi ra tệp/ống), csv hoặc html
              -o TỆP               ghi báo cáo vào TỆP (ghi trọn vẹn một lần) thay vì ra màn hình
              --split-by agency    mỗi cơ quan một báo cáo, ghi vào thư mục chỉ định bằng -o
              --keep-going         vẫn ghi báo cáo khi có dòng số liệu lỗi (liệt kê trong mục lỗi số liệu)
              --number-locale vi   đọc số theo cách ghi của bảng tính tiếng Việt: 1.250.000.000 và 6,5
              --lang vi|en         ngôn ngữ của báo cáo text và HTML (JSON và CSV giữ mã tiếng Anh)
            Mã thoát: 0 không có kết quả vi phạm, 1 có kết quả không đạt, nộp muộn hoặc quá hạn, 2 sai cách dùng, lỗi kế hoạch hoặc lỗi số liệu.
            """
        case .fmt:
            return """
            tuanthu fmt [ĐƯỜNG_DẪN...] [--check]

            Trình bày lại tệp kế hoạch theo một bố cục chuẩn duy nhất (thụt lề, căn cột, một dòng trống giữa
            các nhiệm vụ, khoảng cách và cách ghi giá trị thống nhất), giữ nguyên mọi chú thích. Tệp có lỗi
            cú pháp được giữ nguyên. Tệp được ghi trọn vẹn một lần.
              --check   không sửa gì; liệt kê các tệp sẽ thay đổi và trả mã thoát 1 nếu có
            """
        case .test:
            return """
            tuanthu test [ĐƯỜNG_DẪN...]

            Chạy các khối `test` viết trong tệp kế hoạch, mỗi khối trên các dòng số liệu ghi ngay trong
            khối (không dùng thư mục số liệu). Khi một kỳ vọng không đúng, in tên bài kiểm thử, kỳ vọng,
            kết quả thực tế và vị trí. Dòng cuối luôn là `N passed, M failed`. Mã thoát 1 nếu có bài không đạt.
            """
        case .explain:
            return """
            tuanthu explain NHIỆM_VỤ [ĐƯỜNG_DẪN...] --data THƯ_MỤC [--as-of NGÀY] [--agency CQ] [--period KỲ] [--format text|json]

            Giải thích từng bước mỗi kết quả khớp: cơ quan nào chịu trách nhiệm và vì sao (nhóm, sáp nhập),
            thời hạn được tính thế nào, những dòng số liệu nào được xem xét hoặc để riêng (tệp:dòng), các
            giá trị và phép tính chính xác, và kết quả. --format json giữ lời giải thích bằng tiếng Anh.
            """
        case .template:
            return """
            tuanthu template [ĐƯỜNG_DẪN...] --out THƯ_MỤC [--agency CQ] [--from NGÀY] [--until NGÀY]

            Tạo các biểu mẫu trống để cơ quan điền: mỗi cơ quan một thư mục, mỗi bảng một tệp CSV với một
            dòng cho mỗi kỳ, báo cáo và nhiệm vụ phải thực hiện trong khoảng thời gian (nhiệm vụ, kỳ, thời
            hạn, nội dung theo kế hoạch), kèm tệp HUONG-DAN.md hướng dẫn cách điền.
              --agency CQ       chỉ cơ quan này (hoặc từng thành viên của nhóm này)
              --from, --until   khoảng thời gian (ngày, tháng hoặc năm; mặc định: từ đầu kế hoạch đến hết năm nay)
            """
        }
    }
}
