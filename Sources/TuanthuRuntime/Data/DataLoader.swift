import Foundation
import TuanthuCore
import TuanthuSemantics

/// Options for reading submitted data.
public struct DataOptions: Sendable {
    public var numberLocale: NumberLocale
    /// Threads for reading files; the data set is the same whatever the number.
    public var jobs: Int
    /// Called on the loading thread after each file with the number of rows read so far.
    public var progress: (@Sendable (Int) -> Void)?
    /// Whether to compute each file's SHA-256 for the report's `inputs` (the JSON report lists them; a
    /// CSV report has no place for them, and hashing is a tenth of a national run).
    public var hashInputs: Bool
    public init(numberLocale: NumberLocale = .plain, jobs: Int = 1, progress: (@Sendable (Int) -> Void)? = nil, hashInputs: Bool = true) {
        self.numberLocale = numberLocale
        self.jobs = jobs
        self.progress = progress
        self.hashInputs = hashInputs
    }
}

/// The columns the tables know (SPEC 6).
enum Column: Int, CaseIterable {
    case indicator, period, value, agency, source, plan, due, wording
    case obligation, submitted, document, replaces, status, date, event

    static let names = ["indicator", "period", "value", "agency", "source", "plan", "due", "wording",
                        "obligation", "submitted", "document", "replaces", "status", "date", "event"]
    var name: String { Column.names[rawValue] }
}

/// Where each known column sits in a record's `values` (-1: absent), shared by all rows of a file.
struct ColumnSlots {
    var slots: [Int]

    /// Cells in the header (0 for data.json, whose rows name their cells).
    var fieldCount = 0

    init(_ index: [String: Int], fieldCount: Int = 0) {
        slots = Column.names.map { index[$0] ?? -1 }
        self.fieldCount = fieldCount
    }

    @inline(__always)
    subscript(_ c: Column) -> Int { slots[c.rawValue] }
}

/// A record from a CSV file or from `data.json`, with the positions of its cells.
struct DataRecord {
    var file: Int
    var line: Int
    var recordColumn: Int
    /// Column name to position in `values` (one dictionary shared by all rows of a file).
    var index: [String: Int] { didSet { slots = ColumnSlots(index) } }
    var slots: ColumnSlots
    var values: [String]
    var lines: [Int]
    var columns: [Int]

    init(file: Int, line: Int, recordColumn: Int, index: [String: Int], slots: ColumnSlots? = nil, values: [String], lines: [Int], columns: [Int]) {
        self.file = file
        self.line = line
        self.recordColumn = recordColumn
        self.index = index
        self.slots = slots ?? ColumnSlots(index)
        self.values = values
        self.lines = lines
        self.columns = columns
    }

    func value(_ column: Column) -> String? {
        let i = slots[column]
        guard i >= 0 else { return nil }
        return i < values.count ? values[i] : ""
    }

    func position(_ column: Column) -> (line: Int, column: Int) {
        let i = slots[column]
        if i >= 0, i < values.count { return (lines[i], columns[i]) }
        return (line, columns.last ?? recordColumn)
    }

    /// A cell as quoted in a message: a hostile 10 MB value must not become a 10 MB message.
    static func echo(_ s: String) -> String {
        s.unicodeScalars.count <= 80 ? s : String(String.UnicodeScalarView(s.unicodeScalars.prefix(77))) + "…"
    }

    /// Removes ASCII spaces and tabs at both ends without going through Foundation.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        let space = { (b: UInt8) in b == 0x20 || b == 0x09 }
        if !space(first) && !space(last) { return s }
        guard let lo = u.firstIndex(where: { !space($0) }), let hi = u.lastIndex(where: { !space($0) }) else { return "" }
        return String(s[lo...hi])
    }
}

/// Reads a data directory: every table file (`reports.csv`, `reports-STC.csv`, `reports/*.csv`) and
/// `data.json`, validating each row against the plans and routing it to its plan.
public struct DataLoader {
    let directory: PlanDirectory
    let options: DataOptions
    var data = DataSet()
    /// The name the row being read is about (for flagging findings when the row turns out malformed).
    var currentSubject: (name: String, agency: String?, period: String?)?
    var observationKeys: [String: Int] = [:]
    var eventKeys: [String: Int] = [:]
    /// Extension rows read so far; they are checked once every file (and so every event) is in.
    var pendingExtensions: [DataRecord] = []
    var admittingExtensions = false
    /// Schedules laid out while admitting extensions (`owes`).
    var extensionSchedules: [ScheduleKey: [Assignment]] = [:]

    public init(plans: [CheckedPlan], options: DataOptions = DataOptions()) {
        self.directory = PlanDirectory(plans)
        self.options = options
    }

    init(directory: PlanDirectory, options: DataOptions) {
        self.directory = directory
        self.options = options
    }

    /// The table files of a directory, in a fixed order (tables in SPEC order, files sorted).
    public static func tableFiles(in dir: String) -> [(Table, String)] {
        let fm = FileManager.default
        var out: [(Table, String)] = []
        let entries = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        for table in Table.allCases {
            let name = table.rawValue
            for e in entries where e == "\(name).csv" || (e.hasPrefix("\(name)-") && e.hasSuffix(".csv")) {
                out.append((table, join(dir, e)))
            }
            var isDir: ObjCBool = false
            let sub = join(dir, name)
            if fm.fileExists(atPath: sub, isDirectory: &isDir), isDir.boolValue {
                for e in ((try? fm.contentsOfDirectory(atPath: sub)) ?? []).sorted() where e.hasSuffix(".csv") {
                    out.append((table, join(sub, e)))
                }
            }
        }
        return out
    }

    /// Every file a run reads from the data directory `dir`: its table files and `data.json`.
    public static func inputFiles(in dir: String) -> [String] {
        let json = join(dir, "data.json")
        return tableFiles(in: dir).map(\.1) + (FileManager.default.fileExists(atPath: json) ? [json] : [])
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// Loads all data from `dir`.
    public mutating func load(directory dir: String) -> DataSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            data.errors.append(DataError(file: dir, line: 0, column: 0, code: .E315, message: .unreadableFile(detail: Phrase(vi: "không có thư mục số liệu \(dir)", en: "the data folder \(dir) does not exist")), suggestion: nil))
            return data
        }
        let files = Self.tableFiles(in: dir)
        // Report rows are most of a national run: once the first report file is in, room for all of them is
        // reserved from the bytes still to read, so the row array is not doubled (and copied) a dozen times.
        let reportSizes = files.map { $0.0 == .reports ? Self.fileSize($0.1) : 0 }
        var reserved = false
        func reserveReports(upTo done: Int) {
            guard !reserved, !data.reports.isEmpty else { return }
            reserved = true
            let readBytes = reportSizes[..<done].reduce(0, +), leftBytes = reportSizes[done...].reduce(0, +)
            guard readBytes > 0, leftBytes > 0 else { return }
            let estimate = Double(leftBytes) * Double(data.reports.count) / Double(readBytes) * 1.05
            data.reports.reserveCapacity(data.reports.count + Int(min(estimate, 1e9)) + 1024)
        }
        var i = 0
        while i < files.count {
            // Report and task rows need nothing from other files (no cross-file duplicates, no events):
            // a run of such files is read on several threads and merged in file order.
            var j = i
            while j < files.count, files[j].0 == .reports || files[j].0 == .tasks { j += 1 }
            if j - i >= 2 && options.jobs > 1 {
                let run = Array(files[i..<j])
                let directory = self.directory, options = self.options
                var merged = i
                UnitRunner.run(count: run.count, jobs: options.jobs, work: { k in
                    var part = DataLoader(directory: directory, options: DataOptions(numberLocale: options.numberLocale, hashInputs: options.hashInputs))
                    part.loadCSV(run[k].1, table: run[k].0)
                    return part.data
                }, consume: {
                    merge($0)
                    merged += 1
                    reserveReports(upTo: merged)
                    options.progress?(data.rowCount + data.errors.count)
                })
                i = j
                continue
            }
            loadCSV(files[i].1, table: files[i].0)
            reserveReports(upTo: i + 1)
            options.progress?(data.rowCount + data.errors.count)
            i += 1
        }
        let json = Self.join(dir, "data.json")
        if FileManager.default.fileExists(atPath: json) { loadJSON(json) }
        admitExtensions()
        return data
    }

    /// Row numbers are kept in 32 bits (`ReportTable`); no machine holds that many rows in memory anyway.
    static let tooManyRows = Phrase(vi: "quá \(ReportTable.maxRowID) dòng số liệu trong một lần chạy; hãy chia số liệu theo tỉnh và chạy từng phần",
                                    en: "more than \(ReportTable.maxRowID) data rows in one run; split the data by province and run each part")

    /// Lines of a report file read before room for the rest is reserved.
    static let sampleLines = 256

    /// Reserves room for a report file's rows, estimated from its size and its first lines.
    mutating func reserveReportRows(fileSize: Int, bytesPerRow: Int) {
        guard bytesPerRow > 0, fileSize > 0 else { return }
        let estimate = min(fileSize / bytesPerRow + fileSize / bytesPerRow / 16 + 64, ReportTable.maxRowID)
        data.reports.reserveCapacity(data.reports.count + estimate)
    }

    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Appends a data set read separately (one file's rows), as if its file had been read here.
    mutating func merge(_ part: DataSet) {
        let file = data.files.count
        data.files += part.files
        data.hashes += part.hashes
        guard let idOffset = absorbRows(part, asFile: file) else {
            error(file, 0, 0, .unreadableFile(detail: Self.tooManyRows))
            return
        }
        data.reports.append(contentsOf: part.reports, idOffset: idOffset, fileOffset: file)
        data.errors += part.errors
        data.warnings += part.warnings
    }

    /// Adds the rows of a file read on its own (`part`, its only file numbered 0) as file `file`, numbered
    /// after every row so far — all but its report rows, which the caller places with the returned id offset —
    /// with its hash, blank and repeated rows. Nil, nothing added, when they would take the run past
    /// `ReportTable.maxRowID` rows (the caller reports `tooManyRows`). Errors and warnings are the caller's.
    mutating func absorbRows(_ part: DataSet, asFile file: Int) -> Int? {
        let idOffset = data.rowCount
        guard idOffset + part.rowCount <= ReportTable.maxRowID else { return nil }
        func move<Row>(_ rows: [Row], into all: inout [Row], _ id: WritableKeyPath<Row, Int>, _ source: WritableKeyPath<Row, RowSource>) {
            for var r in rows {
                r[keyPath: id] += idOffset
                r[keyPath: source].file = file
                all.append(r)
            }
        }
        move(part.observations, into: &data.observations, \.id, \.source)
        move(part.tasks, into: &data.tasks, \.id, \.source)
        move(part.events, into: &data.events, \.id, \.source)
        move(part.extensions, into: &data.extensions, \.id, \.source)
        if let hash = part.hashes.first, !hash.isEmpty { data.hashes[file] = hash }
        data.blankRows += part.blankRows
        data.repeatedRows.formUnion(part.repeatedRows.map { $0 + idOffset })
        data.rowCount += part.rowCount
        return idOffset
    }

    mutating func addFile(_ path: String, hashed: Bool? = nil) -> Int {
        data.files.append(path)
        data.hashes.append((hashed ?? options.hashInputs) ? Self.hash(path) : "")
        return data.files.count - 1
    }

    static func hash(_ path: String) -> String {
        guard let h = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? h.close() }
        var sha = SHA256()
        while let chunk = try? h.read(upToCount: 1 << 20), !chunk.isEmpty { sha.update(chunk) }
        return sha.finalize()
    }

    mutating func error(_ file: Int, _ line: Int, _ column: Int, _ message: Message, suggestion: String? = nil) {
        data.errors.append(DataError(file: data.files[file], line: line, column: column, code: message.code, message: message,
                                     suggestion: suggestion, subject: currentSubject?.name,
                                     subjectAgency: currentSubject?.agency, subjectPeriod: currentSubject?.period))
    }

    mutating func warning(_ file: Int, _ line: Int, _ column: Int, _ message: Message) {
        data.warnings.append(DataError(file: data.files[file], line: line, column: column, code: message.code, message: message, suggestion: nil))
    }

    /// Reads one table file. `file`: its number when the run's files are numbered beforehand (a streamed run).
    mutating func loadCSV(_ path: String, table: Table, file given: Int? = nil, piece: FilePiece? = nil) {
        // Of a file read in sections, the first tells what is wrong with the header (and hashes the file).
        let speaksForFile = piece?.isFirst ?? true
        let file = given ?? addFile(path, hashed: options.hashInputs && speaksForFile)
        if given != nil, options.hashInputs { data.hashes[file] = Self.hash(path) }
        var reader: CSVReader
        var converted = false
        if let piece {
            // The scan found the file plain UTF-8 or ASCII lines (not UTF-16) and where the section lies.
            do {
                reader = try CSVReader(path: path, headerEnd: piece.headerEnd)
            } catch {
                self.error(file, error.line, error.column, .unreadableFile(detail: error.phrase))
                return
            }
        } else if let utf16 = LegacyEncoding.detectUTF16(Self.prefix(of: path)) {
            // UTF-16 (a spreadsheet's "Unicode" export), with or without a byte order mark: convert it once.
            let raw = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            guard let utf8 = reencoded(file, path: path, encoding: utf16, raw: raw) else { return }
            reader = utf8
            converted = true
        } else {
            do {
                reader = try CSVReader(path: path)
            } catch {
                self.error(file, error.line, error.column, error.kind == .utf16 ? .invalidEncoding(detail: error.phrase) : .unreadableFile(detail: error.phrase))
                return
            }
        }
        // Rows read before a legacy encoding shows itself are taken back when the file is converted.
        let mark = IntakeMark(self)
        var header: [String]?
        var index: [String: Int] = [:]
        var slots = ColumnSlots([:])
        var lane = SimpleLane()
        // A report file read into a table of its own (the streamed run reads each on its own): once its
        // first lines show how long a row is, room for the whole file is reserved, so the row array is not
        // doubled (and copied) a dozen times. (A whole run reserves for every file after the first.)
        var sampledLines = data.reports.isEmpty ? 0 : Self.sampleLines, sampledBytes = 0
        while true {
            if data.rowCount >= ReportTable.maxRowID {
                error(file, 0, 0, .unreadableFile(detail: Self.tooManyRows))
                return
            }
            // Report rows on one plain ASCII line take the fast lane; whatever it cannot take in full is
            // read again as a record below, so rows are judged the same either way.
            if header != nil, table == .reports, let simple = reader.nextSimpleLine(cutting: reader.delimiter, into: &lane.cuts, utf8: true) {
                if sampledLines < Self.sampleLines {
                    sampledLines += 1
                    sampledBytes += simple.bytes.count + 1
                    if sampledLines == Self.sampleLines {
                        let size = piece.map { min($0.bytes.count, Self.fileSize(path) - $0.bytes.lowerBound) } ?? Self.fileSize(path)
                        reserveReportRows(fileSize: size, bytesPerRow: sampledBytes / sampledLines)
                    }
                }
                if !fastReport(simple, file: file, slots: slots, delimiter: reader.delimiter, lane: &lane) {
                    intake(lane.record(simple, file: file, index: index, slots: slots, delimiter: reader.delimiter), table: table)
                }
                continue
            }
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch {
                if error.kind == .invalidUTF8, !converted {
                    // A legacy Vietnamese encoding fails on every row: detect it once, then convert the
                    // file or advise. Mostly-UTF-8 text with a stray byte keeps its per-row errors.
                    converted = true
                    let raw = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
                    if let encoding = LegacyEncoding.detect(raw) {
                        // A section cannot be converted on its own: the file is to be read whole.
                        if piece != nil {
                            data.wholeFileNeeded = true
                            return
                        }
                        mark.rollback(&self)
                        header = nil
                        index = [:]
                        guard let again = reencoded(file, path: path, encoding: encoding, raw: raw, at: (error.line, error.column)) else { return }
                        reader = again
                        continue
                    }
                }
                let message: Message = error.kind == .utf16 || error.kind == .invalidUTF8 ? .invalidEncoding(detail: error.phrase) : .csvSyntax(detail: error.phrase)
                self.error(file, error.line, error.column, message)
                if error.kind == .utf16 || error.kind == .ioError { return }
                continue
            }
            guard let record else { break }
            guard header != nil else {
                let cleaned = record.fields.map { DataRecord.trimmed($0).lowercased() }
                header = cleaned
                for (i, name) in cleaned.enumerated() where index[name] == nil { index[name] = i }
                slots = ColumnSlots(index, fieldCount: cleaned.count)
                lane.cuts = CSVReader.LineCuts(limit: cleaned.count - 1)
                let known = Set((table.required + table.optional).map(\.name))
                var missing = false
                for r in table.required.map(\.name) where !cleaned.contains(r) {
                    if speaksForFile { self.error(file, record.line, 1, .missingColumn(column: r, table: .file((path as NSString).lastPathComponent))) }
                    missing = true
                }
                // Once per name, and at most 20: a header of 25 million columns is not 25 million warnings.
                var unknown: Set<String> = []
                for (i, c) in cleaned.enumerated() where speaksForFile && !known.contains(c) && !c.isEmpty && unknown.count < 20 && unknown.insert(c).inserted {
                    warning(file, record.line, record.columns[i], .unknownColumn(column: c, table: .file((path as NSString).lastPathComponent)))
                }
                if missing { return }
                if let piece { reader.resume(at: piece.bytes.lowerBound, line: piece.line, upTo: piece.bytes.upperBound) }
                continue
            }
            intake(DataRecord(file: file, line: record.line, recordColumn: 1, index: index, slots: slots,
                              values: Self.trimmedFields(record.fields), lines: record.fieldLines, columns: record.columns), table: table)
        }
    }

    /// The fields with ASCII blanks trimmed; the array is shared, not copied, when none has any.
    static func trimmedFields(_ fields: [String]) -> [String] {
        var values = fields
        for i in values.indices {
            let u = values[i].utf8
            if let f = u.first, let l = u.last, f != 0x20, f != 0x09, l != 0x20, l != 0x09 { continue }
            values[i] = DataRecord.trimmed(values[i])
        }
        return values
    }

    /// The first bytes of a file, for telling its encoding.
    static func prefix(of path: String) -> [UInt8] {
        guard let chunks = FileChunks(path: path, chunkSize: 4096), chunks.fill() else { return [] }
        return Array(UnsafeBufferPointer(start: chunks.bytes, count: chunks.count))
    }

    /// Reads the whole file again in the encoding it is in: converted with a warning (W012), or, for TCVN3
    /// (and UTF-16 that does not decode), one error for the file saying how to convert it.
    mutating func reencoded(_ file: Int, path: String, encoding: LegacyEncoding, raw: [UInt8], at position: (line: Int, column: Int) = (1, 1)) -> CSVReader? {
        guard let bytes = encoding.convert(raw) else {
            let detail = encoding == .tcvn3 ? encoding.advicePhrase(path: path) : Phrase(
                vi: "\(path) là UTF-16 nhưng bị hỏng (thiếu byte); hãy lưu lại dưới dạng ‘CSV UTF-8’",
                en: "\(path) is UTF-16 but broken (a byte is missing); save it again as ‘CSV UTF-8’")
            error(file, position.line, position.column, .invalidEncoding(detail: detail))
            return nil
        }
        warning(file, 1, 1, .convertedEncoding(detail: encoding.advicePhrase(path: path)))
        return CSVReader(bytes: bytes)
    }
}

/// How far the data set had grown before a file was read, so its rows can be taken back when the file
/// turns out to need reading again in another encoding.
struct IntakeMark {
    var observations, reports, tasks, events, extensions, pending, errors, warnings, rowCount, blankRows: Int

    init(_ loader: DataLoader) {
        let d = loader.data
        observations = d.observations.count; reports = d.reports.count; tasks = d.tasks.count
        events = d.events.count; extensions = d.extensions.count; pending = loader.pendingExtensions.count
        errors = d.errors.count; warnings = d.warnings.count; rowCount = d.rowCount; blankRows = d.blankRows
    }

    func rollback(_ loader: inout DataLoader) {
        loader.data.observations.removeLast(loader.data.observations.count - observations)
        loader.data.reports.removeLast(loader.data.reports.count - reports)
        loader.data.tasks.removeLast(loader.data.tasks.count - tasks)
        loader.data.events.removeLast(loader.data.events.count - events)
        loader.data.extensions.removeLast(loader.data.extensions.count - extensions)
        loader.pendingExtensions.removeLast(loader.pendingExtensions.count - pending)
        loader.data.errors.removeLast(loader.data.errors.count - errors)
        loader.data.warnings.removeLast(loader.data.warnings.count - warnings)
        loader.data.repeatedRows = loader.data.repeatedRows.filter { $0 < rowCount }
        loader.data.rowCount = rowCount
        loader.data.blankRows = blankRows
        loader.observationKeys = loader.observationKeys.filter { $0.value < observations }
        loader.eventKeys = loader.eventKeys.filter { $0.value < events }
    }
}
