import Foundation
import Testing
import TuanthuCore
@testable import TuanthuRuntime
import TuanthuSemantics

/// The pieces of a streamed run (`Evaluator.evaluateStreaming`): which plans a report file can hold, how
/// plans and files are cut into blocks, the order pieces run in. That its results equal a whole run's is
/// checked by every semantic test (`Harness.expectStreamedRunAgrees`) and, on national layouts of files,
/// by the CLI's StreamedRunCLITests.
@Suite("streamed run")
struct StreamedRunTests {
    // MARK: Blocks

    struct BlockCase: CustomTestStringConvertible {
        var name: String
        var units: Int
        var files: [Set<Int>?]
        /// Each block as "units:files", e.g. "0-1:0,2".
        var blocks: [String]
        var testDescription: String { name }
    }

    static let blockCases: [BlockCase] = [
        BlockCase(name: "a file per plan, in order", units: 3, files: [[0], [1], [2]], blocks: ["0:0", "1:1", "2:2"]),
        BlockCase(name: "a file per plan, out of order", units: 3, files: [[2], [0], [1]], blocks: ["0:1", "1:2", "2:0"]),
        BlockCase(name: "a file with two plans joins them", units: 3, files: [[0], [0, 1], [2]], blocks: ["0-1:0,1", "2:2"]),
        BlockCase(name: "plans 0 and 2 in one file take 1 along", units: 4, files: [[0, 2], [1], [3]], blocks: ["0-2:0,1", "3:2"]),
        BlockCase(name: "a file of any plan joins everything", units: 3, files: [[0], nil, [2]], blocks: ["0-2:0,1,2"]),
        BlockCase(name: "an empty file goes with the first block", units: 2, files: [[1], [], [0]], blocks: ["0:1,2", "1:0"]),
        BlockCase(name: "plans without files are blocks of their own", units: 3, files: [[1]], blocks: ["0:", "1:0", "2:"]),
        BlockCase(name: "no report files", units: 2, files: [], blocks: ["0:", "1:"]),
        BlockCase(name: "no units", units: 0, files: [[], []], blocks: [":0,1"]),
    ]

    @Test(arguments: blockCases)
    func blocks(_ c: BlockCase) {
        let blocks = Evaluator.blocks(unitCount: c.units, files: c.files.enumerated().map { (file: $0.offset, units: $0.element) })
        let described = blocks.map { b -> String in
            let units = b.units.isEmpty ? "" : b.units.count == 1 ? "\(b.units.lowerBound)" : "\(b.units.lowerBound)-\(b.units.upperBound - 1)"
            return units + ":" + b.files.map(String.init).joined(separator: ",")
        }
        #expect(described == c.blocks)
    }

    @Test func tasksReadTheNextBlockBeforeJudgingThisOne() {
        let blocks = [Evaluator.Block(units: 0..<1, files: [0]), Evaluator.Block(units: 1..<3, files: [1, 2]),
                      Evaluator.Block(units: 3..<4, files: [])]
        let (tasks, after) = Evaluator.streamTasks(blocks, pieceCounts: [1, 2, 1, 1])
        let described = tasks.map { t -> String in
            switch t {
            case .read(let b, let f, let last): return "r\(b).\(f)\(last ? "!" : "")"
            case .judge(let b, let u, let k, let last): return "j\(b).\(u).\(k)\(last ? "!" : "")"
            }
        }
        #expect(described == ["r0.0!", "r1.1", "r1.2!", "j0.0.0!", "j1.1.0", "j1.1.1", "j1.2.0!", "j2.3.0!"])
        // A unit's pieces wait for the last file of its block; a block without files waits for nothing.
        #expect(after == [-1, -1, -1, 0, 2, 2, 2, -1])
    }

    // MARK: Sections of one file

    struct SectionCase: CustomTestStringConvertible {
        var name: String
        /// Plan → (first line's start, its number, last line's start); a plan is its own unit unless `units` says.
        var spans: [Int: (Int, Int, Int)]
        var unitOfPlan: [Int] = [0, 1, 2, 3]
        /// Each section as "units:start-end@line" ("end" is "eof" for the file's end), or "whole:units".
        var sections: [String]
        var testDescription: String { name }
    }

    // The header ends at byte 10; lines are 10 bytes long unless a case says otherwise.
    static let sectionCases: [SectionCase] = [
        SectionCase(name: "one plan: the whole file", spans: [0: (10, 2, 90)], sections: ["whole:0"]),
        SectionCase(name: "plans one after another", spans: [0: (10, 2, 30), 1: (40, 5, 60), 2: (70, 8, 70)],
                    sections: ["0:10-40@2", "1:40-70@5", "2:70-eof@8"]),
        SectionCase(name: "out of plan order", spans: [2: (10, 2, 20), 0: (30, 4, 50)], sections: ["2:10-30@2", "0:30-eof@4"]),
        SectionCase(name: "a plan's rows on both sides of another's join them", spans: [0: (10, 2, 50), 1: (20, 3, 30), 2: (60, 7, 60)],
                    sections: ["0,1:10-60@2", "2:60-eof@7"]),
        SectionCase(name: "overlaps chain", spans: [0: (10, 2, 30), 1: (20, 3, 50), 2: (40, 5, 60)], sections: ["whole:0,1,2"]),
        SectionCase(name: "lines of no plan stay with the section before (the first begins with the rows)",
                    spans: [0: (30, 4, 40), 1: (70, 8, 80)], sections: ["0:10-70@2", "1:70-eof@8"]),
        SectionCase(name: "plans of one unit share a section", spans: [0: (10, 2, 10), 1: (20, 3, 20), 2: (30, 4, 30)],
                    unitOfPlan: [0, 0, 1], sections: ["0:10-30@2", "1:30-eof@4"]),
        SectionCase(name: "a unit's plans apart take the plans between along", spans: [0: (10, 2, 10), 1: (20, 3, 20), 2: (30, 4, 30)],
                    unitOfPlan: [0, 1, 0], sections: ["whole:0,1"]),
    ]

    @Test(arguments: sectionCases)
    func sections(_ c: SectionCase) {
        let spans = c.spans.mapValues { ReportFileScan.PlanSpan(first: $0.0, firstLine: $0.1, last: $0.2) }
        let scan = ReportFileScan.Result(plans: Set(c.spans.keys), layout: ReportFileScan.Layout(headerEnd: 10, spans: spans))
        let sections = Evaluator.sections(file: 7, scan: scan, unitOfPlan: c.unitOfPlan)
        #expect(sections.allSatisfy { $0.file == 7 })
        let described = sections.map { s -> String in
            let units = (s.units ?? []).sorted().map(String.init).joined(separator: ",")
            guard let piece = s.piece else { return "whole:" + units }
            let end = piece.bytes.upperBound == Int.max ? "eof" : String(piece.bytes.upperBound)
            return "\(units):\(piece.bytes.lowerBound)-\(end)@\(piece.line)"
        }
        #expect(described == c.sections)
        // Only the first section speaks for the file's header.
        #expect(sections.map { $0.piece?.isFirst ?? true } == sections.indices.map { $0 == 0 })
    }

    @Test func aFileOfAnyPlanOrReadAsRecordsIsOneSection() {
        #expect(Evaluator.sections(file: 3, scan: nil, unitOfPlan: [0, 1]) == [ReportSection(file: 3, units: nil)])
        #expect(Evaluator.sections(file: 3, scan: ReportFileScan.Result(plans: [0, 1]), unitOfPlan: [0, 1]) == [ReportSection(file: 3, units: [0, 1])])
    }

    // MARK: The runner

    /// Pieces start only after what they wait for is consumed, and are consumed in order, with any number
    /// of threads.
    @Test(arguments: [1, 2, 3])
    func runnerKeepsOrderAndDependencies(jobs: Int) {
        let count = 60
        // Piece i waits for a piece a few places before it (or nothing).
        let after = (0..<count).map { i in i % 3 == 0 ? -1 : max(-1, i - 1 - (i * 7) % 4) }
        let log = ConsumedLog()
        var order: [Int] = []
        UnitRunner.run(count: count, jobs: jobs, window: jobs + 1, after: after, work: { i in
            // What had been consumed when the piece started.
            (i, log.consumed)
        }, consume: { (result: (Int, Int)) in
            order.append(result.0)
            #expect(result.1 > after[result.0], "piece \(result.0) started before piece \(after[result.0]) was consumed")
            log.consumed = result.0 + 1
        })
        #expect(order == Array(0..<count))
    }

    /// Heavy pieces (file reads) taken but not consumed stay within the limit, the next piece to consume
    /// excepted; no deadlock when every piece is heavy.
    @Test(arguments: [(2, 1), (3, 2), (2, 2)])
    func heavyPiecesStayWithinTheirLimit(jobs: Int, limit: Int) {
        let count = 80
        let heavy = (0..<count).map { $0 % 5 != 4 }
        let log = HeavyLog()
        var order: [Int] = []
        UnitRunner.run(count: count, jobs: jobs, window: 16, after: [Int](repeating: -1, count: count), heavy: heavy, heavyLimit: limit,
                       work: { i in
                           if heavy[i] { log.start() }
                           return i
                       }, consume: { (i: Int) in
                           order.append(i)
                           if heavy[i] { log.end() }
                       })
        #expect(order == Array(0..<count))
        #expect(log.most <= limit + 1, "\(log.most) heavy pieces out at once")
    }

    final class HeavyLog: @unchecked Sendable {
        private let lock = NSLock()
        private var out = 0
        private(set) var most = 0
        func start() { lock.withLock { out += 1; most = max(most, out) } }
        func end() { lock.withLock { out -= 1 } }
    }

    final class ConsumedLog: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var consumed: Int {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    // MARK: Which plans a file holds

    static let planText = (1...3).map { i in
        """
        plan "P\(i)" {
          title "Kế hoạch \(i)"
          issuer "UBND tỉnh"
          issued 2025-02-14
        }
        agency STC "Sở Tài chính"
        obligation bc "Báo cáo" {
          owner STC
          report to STC monthly before day 10
          cite "Mục I"
        }
        obligation rieng_\(i) "Báo cáo riêng" {
          owner STC
          report to STC monthly before day 10
          cite "Mục II"
        }

        """
    }

    static func directory() throws -> PlanDirectory {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, text) in planText.enumerated() {
            let url = dir.appendingPathComponent("p\(i + 1).plan")
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        var checker = Checker()
        let checked = checker.run(files: paths)
        #expect(!checked.hasErrors)
        return PlanDirectory(checked.plans)
    }

    struct ScanCase: CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// Plan indices (0: P1), or nil for "any plan".
        var plans: Set<Int>?
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ plans: Set<Int>?) {
            self.name = name
            bytes = Array(text.utf8)
            self.plans = plans
        }

        init(_ name: String, bytes: [UInt8], _ plans: Set<Int>?) {
            self.name = name
            self.bytes = bytes
            self.plans = plans
        }
    }

    static let header = "plan,obligation,agency,period,submitted\n"

    static let scanCases: [ScanCase] = [
        ScanCase("one plan", header + "P1,bc,STC,2025-01,2025-02-03\nP1,bc,STC,2025-02,2025-03-03\n", [0]),
        ScanCase("two plans, interleaved", header + "P1,bc,STC,2025-01,2025-02-03\nP3,bc,STC,2025-01,2025-02-03\nP1,bc,STC,2025-02,2025-03-03\n", [0, 2]),
        ScanCase("blanks around the plan cell", header + " P2 ,bc,STC,2025-01,2025-02-03\n", [1]),
        ScanCase("CRLF line ends", "plan,obligation,agency,period,submitted\r\nP2,bc,STC,2025-01,2025-02-03\r\nP3,bc,STC,2025-01,2025-02-03\r\n", [1, 2]),
        ScanCase("semicolons", "plan;obligation;agency;period;submitted\nP3;bc;STC;2025-01;2025-02-03\n", [2]),
        ScanCase("plan column not first", "obligation,agency,period,submitted,plan\nbc,STC,2025-01,2025-02-03,P2\n", [1]),
        ScanCase("empty plan cell: the one plan declaring the obligation", header + ",rieng_3,STC,2025-01,2025-02-03\n", [2]),
        ScanCase("no plan column", "obligation,agency,period,submitted\nrieng_1,STC,2025-01,2025-02-03\nrieng_2,STC,2025-01,2025-02-03\n", [0, 1]),
        ScanCase("an obligation several plans declare: any", header + ",bc,STC,2025-01,2025-02-03\n", nil),
        ScanCase("an unknown plan: any", header + "P1,bc,STC,2025-01,2025-02-03\nP9,bc,STC,2025-01,2025-02-03\n", nil),
        ScanCase("quoted cells are read as records", header + "\"P2\",bc,STC,2025-01,2025-02-03\n\"P3\",\"bc\",STC,2025-01,\"2025-02-03\"\n", [1, 2]),
        ScanCase("a quoted line break", header + "P1,bc,STC,2025-01,\"2025-02-03\nP2\"\nP3,bc,STC,2025-01,2025-02-03\n", [0, 2]),
        ScanCase("a bare CR ends a record", header + "P1,bc,STC,2025-01,2025-02-03\rP2,bc,STC,2025-01,2025-02-03\n", [0, 1]),
        ScanCase("an unterminated quote: any", header + "P1,bc,STC,2025-01,\"2025-02-03\n", nil),
        ScanCase("blank lines and a blank row", header + "\nP1,bc,STC,2025-01,2025-02-03\n\n,,,,\n", [0]),
        ScanCase("header only", header, []),
        ScanCase("empty file", "", []),
        ScanCase("no obligation column: no rows", "plan,agency\nP1,STC\n", []),
        ScanCase("a Vietnamese plan cell that names no plan: any", header + "Kế hoạch,bc,STC,2025-01,2025-02-03\n", nil),
        ScanCase("BOM", "\u{FEFF}" + header + "P2,bc,STC,2025-01,2025-02-03\n", [1]),
        ScanCase("a header line over a megabyte: any", header.dropLast() + String(repeating: ",x", count: 600_000) + "\nP1,bc,STC,2025-01,2025-02-03\n", nil),
        ScanCase("UTF-16: any", bytes: [0xFF, 0xFE] + Array(header.utf8).flatMap { [$0, 0] }, nil),
        ScanCase("Windows-1258 bytes: any", bytes: Array(header.utf8) + Array("P1,bc,S".utf8) + [0xF4] + Array(",2025-01,2025-02-03\n".utf8) +
                 Array("P9".utf8) + [0xE0] + Array(",bc,STC,2025-01,2025-02-03\n".utf8), nil),
    ]

    @Test func aFileThatIsNotRegularIsAnyPlanUnread() throws {
        let directory = try Self.directory()
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString).csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        // Not opened: with no writer, opening the pipe would block.
        #expect(ReportFileScan.scan(of: fifo, directory: directory) == nil)
        #expect(ReportFileScan.scan(of: fifo + ".missing", directory: directory) == nil)
    }

    @Test(arguments: scanCases)
    func scan(_ c: ScanCase) throws {
        let directory = try Self.directory()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString).csv")
        try Data(c.bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = ReportFileScan.scan(of: url.path, directory: directory)
        #expect(whole?.plans == c.plans)
        // The file is read a chunk at a time: lines and cells cut by a chunk's end change nothing.
        for chunk in [1, 2, 3, 7, 16, 50] {
            #expect(ReportFileScan.scan(of: url.path, directory: directory, chunkSize: chunk) == whole, "chunks of \(chunk) bytes")
        }
    }

    struct LayoutCase: CustomTestStringConvertible {
        var name: String
        var text: String
        /// Each plan's rows as "plan:first/line/last" (byte offsets of line starts); nil: not read the quick way.
        var spans: [String]?
        var testDescription: String { name }
    }

    // The header is 40 bytes; each line of `row` 29 (30 with CRLF).
    static func row(_ plan: Int, _ month: Int) -> String { "P\(plan),bc,STC,2025-0\(month),2025-02-03\n" }

    static let layoutCases: [LayoutCase] = [
        LayoutCase(name: "plans one after another", text: header + row(1, 1) + row(1, 2) + row(3, 1) + row(2, 1) + row(2, 2),
                   spans: ["0:40/2/69", "1:127/5/156", "2:98/4/98"]),
        LayoutCase(name: "a plan again later: its span covers the other's", text: header + row(1, 1) + row(2, 1) + row(1, 2),
                   spans: ["0:40/2/98", "1:69/3/69"]),
        LayoutCase(name: "blank lines count as lines", text: header + "\n" + row(2, 1) + "\n\n" + row(3, 1),
                   spans: ["1:41/3/41", "2:72/6/72"]),
        LayoutCase(name: "a row routed by its obligation", text: header + ",rieng_3,STC,2025-01,2025-02-03\n" + row(1, 1),
                   spans: ["0:72/3/72", "2:40/2/40"]),
        LayoutCase(name: "CRLF", text: header.replacingOccurrences(of: "\n", with: "\r\n") + row(1, 1).replacingOccurrences(of: "\n", with: "\r\n")
                   + row(2, 1).replacingOccurrences(of: "\n", with: "\r\n"),
                   spans: ["0:41/2/41", "1:71/3/71"]),
        LayoutCase(name: "quotes: read as records, where each record starts", text: header + "\"P1\",bc,STC,2025-01,2025-02-03\n" + row(2, 1),
                   spans: ["0:40/2/40", "1:71/3/71"]),
        // Read as records, a record's run starts where the reader stands before it: at a blank line before it.
        LayoutCase(name: "a line break inside a quoted cell: the next record's line number counts it",
                   text: header + "P1,bc,STC,2025-01,\"2025-02-03\nx\"\n" + row(2, 1) + "\n" + row(3, 1),
                   spans: ["0:40/2/40", "1:73/4/73", "2:102/5/102"]),
    ]

    // MARK: The sampled first pass

    /// `count` rows of plan `plan` (29 bytes each), months cycling.
    static func rows(_ plan: Int, _ count: Int, crlf: Bool = false) -> String {
        (0..<count).map { k in crlf ? row(plan, k % 9 + 1).replacingOccurrences(of: "\n", with: "\r\n") : row(plan, k % 9 + 1) }.joined()
    }

    struct SampleCase: CustomTestStringConvertible, Sendable {
        enum Answer: Sendable {
            /// The pass over every line's answer (the file holds one plan, the guess is right).
            case asEveryLine
            /// No guess: every line is read.
            case none
            /// A guess of one plan (index) that the pass over every line would not give.
            case wrongGuess(Int)
        }
        var name: String
        var bytes: [UInt8]
        var answer: Answer
        var testDescription: String { name }
        init(_ name: String, _ text: String, _ answer: Answer) { (self.name, bytes, self.answer) = (name, Array(text.utf8), answer) }
        init(_ name: String, bytes: [UInt8], _ answer: Answer) { (self.name, self.bytes, self.answer) = (name, bytes, answer) }
    }

    /// 5,000 rows: 145 KB, over `ReportFileScan.sampledFrom`.
    static let big = 5000

    static let sampleCases: [SampleCase] = [
        SampleCase("one plan", header + rows(2, big), .asEveryLine),
        SampleCase("one plan, CRLF, a BOM, blank lines first and last, no line break at the end",
                   "\u{FEFF}" + header.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\n" + rows(3, big, crlf: true) + "\r\n\n" + "P3,bc,STC,2025-01,2025-02-03",
                   .asEveryLine),
        SampleCase("one plan, the plan column last", "obligation,agency,period,submitted,plan\n"
                   + String(repeating: "bc,STC,2025-01,2025-02-03,P1\n", count: big), .asEveryLine),
        SampleCase("too small to sample", header + rows(1, 100), .none),
        SampleCase("another plan's row last", header + rows(1, big) + row(2, 1), .none),
        SampleCase("another plan's row first", header + row(2, 1) + rows(1, big), .none),
        SampleCase("another plan in the middle third", header + rows(1, big / 3) + rows(2, big / 3) + rows(1, big / 3), .none),
        SampleCase("plans interleaved row by row", header + (0..<big).map { row($0 % 2 + 1, 1) }.joined(), .none),
        SampleCase("blanks around the first row's plan cell", header + " P1 ,bc,STC,2025-01,2025-02-03\n" + rows(1, big), .none),
        SampleCase("a quoted first row", header + "\"P1\",bc,STC,2025-01,2025-02-03\n" + rows(1, big), .none),
        SampleCase("quoted cells after the plan cell (a title with a comma)", "plan,obligation,agency,period,submitted,document\n"
                   + (0..<big).map { "P2,bc,STC,2025-01,2025-02-03," + ($0 % 3 == 0 ? "\"Báo cáo \($0), năm 2025\"" : "BC-\($0)") + "\n" }.joined(),
                   .asEveryLine),
        SampleCase("a quote before the plan cell", "document,plan,obligation,agency,period,submitted\n"
                   + (0..<big).map { ($0 == 0 ? "\"x,y\"" : "x") + ",P2,bc,STC,2025-01,2025-02-03\n" }.joined(), .none),
        SampleCase("no plan column", "obligation,agency,period,submitted\n" + String(repeating: "rieng_1,STC,2025-01,2025-02-03\n", count: big), .none),
        SampleCase("UTF-16", bytes: [0xFF, 0xFE] + Array((header + rows(1, big)).utf8).flatMap { [$0, 0] }, .none),
        // What sampling cannot see: a single row of another plan between the samples. The run checks the guess
        // against the rows it reads (`StreamedRunCLITests`: the run is made again).
        SampleCase("another plan's single row between the samples", header + rows(1, 2000) + row(2, 1) + rows(1, 3000), .wrongGuess(0)),
    ]

    @Test(arguments: sampleCases)
    func sampledFirstPass(_ c: SampleCase) throws {
        let directory = try Self.directory()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString).csv")
        try Data(c.bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let sampled = ReportFileScan.sampledLines(of: url.path)
        let everyLine = ReportFileScan.lines(of: url.path)
        switch c.answer {
        case .asEveryLine:
            #expect(sampled == everyLine)
            #expect(sampled != nil)
        case .none:
            #expect(sampled == nil)
        case .wrongGuess(let plan):
            #expect(sampled != nil && sampled != everyLine)
            #expect(sampled.flatMap { ReportFileScan.resolve($0, directory: directory) }?.plans == [plan])
        }
    }

    /// A prescan that samples finds what the pass over every line finds on files it does not sample, and
    /// reads every line of each file when it does not.
    @Test func aSamplingPrescanSamplesOnlyLargeFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-prescan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, c) in Self.sampleCases.enumerated() { try Data(c.bytes).write(to: dir.appendingPathComponent("reports/\(k).csv")) }
        let lines = ReportPrescan(dataDirectory: dir.path, background: false, sampling: true).results()
        let every = ReportPrescan(dataDirectory: dir.path, background: false, sampling: false).results()
        let files = ReportPrescan(dataDirectory: dir.path, background: false).files
        for (k, f) in ReportPrescan(dataDirectory: dir.path, background: false).reportFiles.enumerated() {
            let path = files[f].1
            #expect(every[k] == ReportFileScan.lines(of: path), "\(path)")
            #expect(lines[k] == (ReportFileScan.sampledLines(of: path) ?? ReportFileScan.lines(of: path)), "\(path)")
        }
    }

    /// A file of more runs than are kept (plans interleaved row by row) keeps its plans, not its layout.
    @Test func manyRunsKeepThePlansButNotWhereTheyLie() throws {
        let directory = try Self.directory()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString).csv")
        try Data((Self.header + Self.row(1, 1) + Self.row(2, 1) + Self.row(1, 2) + Self.row(2, 2) + Self.row(3, 1)).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let all = ReportFileScan.resolve(ReportFileScan.lines(of: url.path), directory: directory)
        let capped = ReportFileScan.resolve(ReportFileScan.lines(of: url.path, maxRuns: 2), directory: directory)
        guard let whole = all, let kept = capped else {
            Issue.record("a simple file's plans are known")
            return
        }
        #expect(whole.plans == [0, 1, 2] && whole.layout != nil)
        #expect(kept.plans == [0, 1, 2] && kept.layout == nil)
    }

    /// The first pass made before the plans are known (`ReportPrescan`) finds what the scan finds itself.
    @Test func thePrescanFindsWhatTheScanFinds() throws {
        let directory = try Self.directory()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-prescan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, c) in Self.scanCases.enumerated() { try Data(c.bytes).write(to: dir.appendingPathComponent("reports/\(k).csv")) }
        try Data((Self.header + Self.row(2, 1)).utf8).write(to: dir.appendingPathComponent("reports.csv"))
        // On a thread of its own, or (one job) on the thread that asks.
        for background in [true, false] {
            let prescan = ReportPrescan(dataDirectory: dir.path, background: background)
            let lines = prescan.results()
            #expect(lines.count == Self.scanCases.count + 1)
            for (k, f) in prescan.reportFiles.enumerated() {
                let path = prescan.files[f].1
                #expect(ReportFileScan.scan(of: path, directory: directory, lines: lines[k]) == ReportFileScan.scan(of: path, directory: directory), "\(path)")
            }
        }
    }

    @Test(arguments: layoutCases)
    func layout(_ c: LayoutCase) throws {
        let directory = try Self.directory()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuanthu-scan-\(UUID().uuidString).csv")
        try Data(c.text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        for chunk in [FileChunks.chunkSize, 1, 9, 33] {
            let scan = ReportFileScan.scan(of: url.path, directory: directory, chunkSize: chunk)
            let spans = scan?.layout.map { layout in
                layout.spans.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.first)/\($0.value.firstLine)/\($0.value.last)" }
            }
            #expect(spans == c.spans, "chunks of \(chunk) bytes")
            if let layout = scan?.layout {
                #expect(layout.headerEnd == Array(c.text.utf8).firstIndex(of: 0x0A)! + 1)
            }
        }
    }
}
