import Foundation
import Testing

/// A CSV or JSON report written to a file is made by a streamed run: report files read a few plans at a
/// time, each plan judged once every file that can hold its rows is in. Its reports must be those of a
/// whole run (`TUANTHU_STREAM=0`: every row read first) byte for byte, with the same messages and exit
/// status, however the rows are spread over files. The layouts below re-spread the rows of the workload
/// fixture (three plans, 7,594 report rows).
@Suite("streamed run, CLI")
struct StreamedRunCLITests {
    static let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/workload", isDirectory: true)

    /// The fixture's report rows (without header), in file order.
    static func reportLines() throws -> [String] {
        try (1...3).flatMap { i -> [String] in
            let text = try String(contentsOf: fixture.appendingPathComponent("data/reports-0\(i).csv"), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map(String.init)
        }
    }

    static let header = "plan,obligation,agency,period,submitted,document"
    /// Written as the single byte 0xE9 (see `workspace`).
    static let latin1 = "\u{10FFFD}"

    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        /// Report files (relative to `data/`) from the fixture's rows.
        var files: @Sendable ([String]) -> [String: String]
        /// False when the streamed run is to give up and run whole (a file in a legacy encoding read in sections).
        var streams = true
        /// True when a sampled file holds a row of a plan its samples do not show: the run is made again.
        var guessMisses = false
        var testDescription: String { name }

        init(name: String, streams: Bool = true, guessMisses: Bool = false, files: @escaping @Sendable ([String]) -> [String: String]) {
            self.name = name
            self.streams = streams
            self.guessMisses = guessMisses
            self.files = files
        }
    }

    static func file(_ lines: [String]) -> String { ([header] + lines).map { $0 + "\n" }.joined() }
    static func plan(_ lines: [String], _ id: String) -> [String] { lines.filter { $0.hasPrefix(id + ",") } }

    static let layouts: [Layout] = [
        Layout(name: "one file for every plan") { ["reports.csv": file($0)] },
        Layout(name: "the last plan's file first, two plans sharing a file, rows repeated across files") { lines in
            let p1 = plan(lines, "P01/KH-UBND"), p2 = plan(lines, "P02/KH-UBND"), p3 = plan(lines, "P03/KH-UBND")
            return ["reports-a.csv": file(p3),
                    "reports-b.csv": file(p1 + p2.prefix(p2.count / 2)),
                    "reports-c.csv": file(Array(p2.dropFirst(p2.count / 2)) + p1.prefix(40))]
        },
        Layout(name: "plans interleaved row by row in two files") { lines in
            ["reports-1.csv": file(lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
             "reports-2.csv": file(lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))]
        },
        Layout(name: "quoted cells and CRLF in one file, a folder of files") { lines in
            let p1 = plan(lines, "P01/KH-UBND").map { "\"" + $0.replacingOccurrences(of: ",", with: "\",\"") + "\"" }
            return ["reports/p1.csv": ([header] + p1).map { $0 + "\r\n" }.joined(),
                    "reports/p2.csv": file(plan(lines, "P02/KH-UBND")),
                    "reports/p3.csv": file(plan(lines, "P03/KH-UBND"))]
        },
        Layout(name: "a row naming an unknown plan (no report)") { lines in
            ["reports-1.csv": file(plan(lines, "P01/KH-UBND")),
             "reports-2.csv": file(plan(lines, "P02/KH-UBND") + ["P09/KH-UBND,bc_tuan_cds,S01,2025-W02,2025-01-08,1/BC"]),
             "reports-3.csv": file(plan(lines, "P03/KH-UBND"))]
        },
        Layout(name: "a malformed date in the last file (no report)") { lines in
            ["reports-1.csv": file(plan(lines, "P01/KH-UBND")),
             "reports-2.csv": file(plan(lines, "P02/KH-UBND")),
             "reports-3.csv": file(plan(lines, "P03/KH-UBND") + ["P03/KH-UBND,bc_tuan_cds,S01,2025-W02,08/01/2025x,1/BC"])]
        },
        // One national file: errors, blank lines, a BOM, CRLF line ends, a byte that is not UTF-8.
        Layout(name: "one file: bad rows and blank lines all through it (no report)") { lines in
            var rows: [String] = []
            for (k, line) in lines.enumerated() {
                rows.append(line)
                if k % 997 == 500 { rows.append("P02/KH-UBND,bc_tuan_cds,S99,2025-W02,2025-01-08,1/BC") }
                if k % 1409 == 700 { rows.append("") }
                if k % 2203 == 1000 { rows.append("P01/KH-UBND,bc_tuan_cds,S01,2025-W02,2025-13-40,1/BC") }
            }
            return ["reports.csv": file(rows)]
        },
        Layout(name: "one file with a BOM, CRLF line ends and no line break at its end") { lines in
            ["reports.csv": "\u{FEFF}" + ([header] + lines).joined(separator: "\r\n")]
        },
        Layout(name: "one file, a Latin-1 byte near its end") { lines in
            ["reports.csv": file(Array(lines.dropLast(3)) + ["P01/KH-UBND,bc_tuan_cds,S01,2025-W02,2025-01-08,Bi\(latin1)n b\(latin1)n"] + lines.suffix(3))]
        },
        // One national file read in sections: plans out of order, one plan's rows on both sides of another's.
        Layout(name: "one file: plans out of order, the first plan's rows around the second's") { lines in
            let p1 = plan(lines, "P01/KH-UBND"), p2 = plan(lines, "P02/KH-UBND"), p3 = plan(lines, "P03/KH-UBND")
            // Between them a blank line and a row of no plan.
            return ["reports.csv": file(p3 + ["", ",,,,,"] + p1.prefix(100) + p2 + p1.dropFirst(100))]
        },
        // Read as records (quotes, a line break inside a cell, Vietnamese text), cut into sections all the same.
        Layout(name: "one file: quoted cells, a line break inside one, Vietnamese documents") { lines in
            let rows = lines.enumerated().map { k, line -> String in
                switch k % 500 {
                case 7: return line.prefix(upTo: line.lastIndex(of: ",")!) + ",\"số 12, ngày 3/2\""
                case 8: return String(line.prefix { $0 != "," }) + "," + line.split(separator: ",", omittingEmptySubsequences: false).dropFirst()
                    .enumerated().map { $0.offset == 4 ? "\"Công văn\nsố \($0.element)\"" : String($0.element) }.joined(separator: ",")
                case 9: return line + " Sở Tài chính"
                default: return line
                }
            }
            return ["reports.csv": file(rows)]
        },
        Layout(name: "one file of several plans without a required column (no report)") { lines in
            ["reports.csv": (["plan,obligation,agency,period,document"] + lines.map { $0.split(separator: ",").enumerated().filter { $0.offset != 4 }.map(\.element).joined(separator: ",") })
                .map { $0 + "\n" }.joined()]
        },
        // A plan's file is 157 KB: over `ReportFileScan.sampledFrom`, its lines are sampled.
        Layout(name: "a file per plan, the second holding one row of the first between its samples", guessMisses: true) { lines in
            var p1 = plan(lines, "P01/KH-UBND"), p2 = plan(lines, "P02/KH-UBND")
            let stray = p1.remove(at: p1.count / 2)
            p2.insert(stray, at: p2.count * 2 / 5)
            return ["reports-1.csv": file(p1), "reports-2.csv": file(p2), "reports-3.csv": file(plan(lines, "P03/KH-UBND"))]
        },
        Layout(name: "a file per plan, the first ending with a row of the third") { lines in
            ["reports-1.csv": file(plan(lines, "P01/KH-UBND") + plan(lines, "P03/KH-UBND").prefix(1)),
             "reports-2.csv": file(plan(lines, "P02/KH-UBND")), "reports-3.csv": file(Array(plan(lines, "P03/KH-UBND").dropFirst()))]
        },
        Layout(name: "one file of several plans in Windows-1258: read whole", streams: false) { lines in
            ["reports.csv": file(plan(lines, "P01/KH-UBND") + plan(lines, "P02/KH-UBND").map { $0 + " Bi\(latin1)n" } + plan(lines, "P03/KH-UBND"))]
        },
    ]

    /// Copies the fixture's plans and other tables, then writes the layout's report files.
    static func workspace(_ layout: Layout) throws -> URL {
        let dir = try CLI.scratch()
        let fm = FileManager.default
        try fm.copyItem(at: fixture.appendingPathComponent("rules"), to: dir.appendingPathComponent("rules"))
        try fm.createDirectory(at: dir.appendingPathComponent("data/reports"), withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: fixture.appendingPathComponent("data").path) where !name.hasPrefix("reports") {
            try fm.copyItem(at: fixture.appendingPathComponent("data/" + name), to: dir.appendingPathComponent("data/" + name))
        }
        for (name, text) in layout.files(try reportLines()) {
            // `latin1` stands for the byte 0xE9 (é in Latin-1), which is not UTF-8.
            let marker = Array(latin1.utf8)
            var bytes: [UInt8] = []
            let utf8 = Array(text.utf8)
            var i = 0
            while i < utf8.count {
                if utf8[i] == marker[0], utf8[i...].starts(with: marker) {
                    bytes.append(0xE9)
                    i += marker.count
                } else {
                    bytes.append(utf8[i])
                    i += 1
                }
            }
            try Data(bytes).write(to: dir.appendingPathComponent("data/" + name))
        }
        return dir
    }

    @Test(arguments: layouts)
    func streamedReportsAreTheWholeRunsReports(_ layout: Layout) throws {
        let dir = try Self.workspace(layout)
        for format in ["csv", "json"] {
            func run(stream: Bool, jobs: Int) throws -> (status: Int32, stderr: String, report: Data?) {
                let out = "out-\(stream)-\(jobs).\(format)"
                let r = try CLI.run(["eval", "rules", "--data", "data", "--as-of", "2030-06-30", "--format", format, "-o", out], in: dir,
                                    environment: ["TUANTHU_STREAM": stream ? "1" : "0", "TUANTHU_JOBS": String(jobs), "TUANTHU_TIMING": "1"])
                // The phases timed say which way the run went: streamed ("load, evaluate and write") or whole
                // ("load", then "evaluate and write"); a streamed run falls back to a whole one only if its scan
                // missed a plan, which must not happen.
                let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                let phases = lines.filter { $0.hasPrefix("timing: ") }.map { $0.dropFirst(8).prefix { !$0.isNumber }.trimmingCharacters(in: .whitespaces) }
                // A wrong guess of the sampled first pass throws the streamed run away and makes it again.
                let thrownAway = phases.contains { $0.hasPrefix("streamed run thrown away") }
                #expect(thrownAway == (stream && layout.guessMisses), "\(format), jobs \(jobs): \(phases)")
                if stream && !layout.streams {
                    #expect(phases.contains("load"), "\(format), jobs \(jobs): \(phases)")
                } else {
                    #expect(phases.contains(stream ? "load, evaluate and write" : "load") && !(stream && phases.contains("load")),
                            "\(format), jobs \(jobs): \(phases)")
                }
                let messages = lines.filter { !$0.hasPrefix("timing: ") }.joined(separator: "\n")
                return (r.status, messages, try? Data(contentsOf: dir.appendingPathComponent(out)))
            }
            let whole = try run(stream: false, jobs: 2)
            #expect(whole.status == 1 || whole.status == 2, "\(format): \(whole.stderr)")
            #expect((whole.report != nil) == (whole.status == 1), "\(format): a report exactly when there are no data errors")
            for jobs in [1, 2] {
                let streamed = try run(stream: true, jobs: jobs)
                #expect(streamed.status == whole.status, "\(format), jobs \(jobs)")
                #expect(streamed.stderr == whole.stderr, "\(format), jobs \(jobs)")
                #expect(streamed.report == whole.report, "\(format), jobs \(jobs): reports differ in \(dir.path)")
            }
            // Standard output (a pipe here) is streamed too, through a temporary file: the same bytes as a
            // whole run's (no BOM), or nothing at all with data errors.
            func toStandardOutput(stream: Bool) throws -> CLI.Result {
                var r = try CLI.run(["eval", "rules", "--data", "data", "--as-of", "2030-06-30", "--format", format], in: dir,
                                    environment: ["TUANTHU_STREAM": stream ? "1" : "0"])
                r.stderr = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("timing: ") }.joined(separator: "\n")
                return r
            }
            let wholeOut = try toStandardOutput(stream: false), streamedOut = try toStandardOutput(stream: true)
            #expect(streamedOut.status == wholeOut.status && streamedOut.stderr == wholeOut.stderr, "\(format), standard output")
            #expect(streamedOut.stdout == wholeOut.stdout, "\(format), standard output: reports differ in \(dir.path)")
            #expect(wholeOut.stdout.isEmpty == (wholeOut.status == 2), "\(format), standard output")
        }
        try? FileManager.default.removeItem(at: dir)
    }

    /// One CSV report per agency (`--split-by agency`) comes from a streamed run too: the same files, bytes,
    /// messages and exit status as a whole run's, and none with data errors.
    @Test(arguments: layouts)
    func streamedHandoutsAreTheWholeRunsHandouts(_ layout: Layout) throws {
        let dir = try Self.workspace(layout)
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(stream: Bool) throws -> (status: Int32, stderr: String, files: [String: Data]) {
            let out = "handouts-\(stream)"
            let r = try CLI.run(["eval", "rules", "--data", "data", "--as-of", "2030-06-30", "--format", "csv", "--split-by", "agency", "-o", out],
                                in: dir, environment: ["TUANTHU_STREAM": stream ? "1" : "0"])
            let folder = dir.appendingPathComponent(out)
            var files: [String: Data] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            return (r.status, r.stderr.replacingOccurrences(of: out, with: "OUT"), files)
        }
        let whole = try run(stream: false), streamed = try run(stream: true)
        #expect(streamed.status == whole.status && streamed.stderr == whole.stderr, "\(streamed.stderr)")
        #expect(streamed.files == whole.files, "\(dir.path)")
        #expect(whole.files.isEmpty == (whole.status == 2))
    }

    /// Standard output redirected to a file (`>> report.csv`): the report is streamed into it, and with data
    /// errors the file is cut back to what it held before the run, as if nothing had been written.
    @Test(arguments: ["csv", "json"])
    func aReportToARedirectedFileIsWholeOrAbsent(format: String) throws {
        for layout in [Self.layouts[0], Self.layouts[5]] {
            let dir = try Self.workspace(layout)
            defer { try? FileManager.default.removeItem(at: dir) }
            let redirected = dir.appendingPathComponent("out.\(format)")
            try Data("earlier lines\n".utf8).write(to: redirected)
            let r = try CLI.run(["eval", "rules", "--data", "data", "--as-of", "2030-06-30", "--format", format], in: dir, stdoutFile: redirected)
            let piped = try CLI.run(["eval", "rules", "--data", "data", "--as-of", "2030-06-30", "--format", format], in: dir)
            #expect(r.status == piped.status, "\(layout.name)")
            #expect(try Data(contentsOf: redirected) == Data("earlier lines\n".utf8) + piped.stdout, "\(layout.name)")
        }
    }
}
