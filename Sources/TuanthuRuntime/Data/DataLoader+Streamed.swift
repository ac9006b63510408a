import TuanthuCore

/// Where a section lies in its file: its lines' bytes and the first one's number; the file's header line
/// ends at `headerEnd`. Its first section (`isFirst`) reports what is wrong with the header.
struct FilePiece: Equatable, Sendable {
    var bytes: Range<Int>
    var line: Int
    var headerEnd: Int
    var isFirst: Bool
}

/// The errors and warnings of one data file, kept apart while a streamed run reads files out of order and
/// put back in file order at the end (`DataLoader.streamedErrors`), as a whole run prints them.
struct FileNotes {
    var errors: [DataError] = []
    var warnings: [DataError] = []
}

// A streamed run (`Evaluator.evaluateStreaming`) reads every table but `reports` first, then the report
// files a few plans at a time. Files keep the numbers a whole run gives them (`load(directory:)`): the
// order of the run's inputs and of its unused rows does not change. Row ids differ (report rows come after
// the others), which nothing shows: ids are compared only within a table.
extension DataLoader {
    /// Numbers every file as `load(directory:)` does and reads all but the report files, then `data.json`,
    /// then admits extensions. Returns the notes of each CSV file read, by file number; `data.errors` and
    /// `data.warnings` keep those of `data.json` and of admitting extensions.
    mutating func loadAllButReports(_ files: [(Table, String)], json: String?) -> [Int: FileNotes] {
        data.files = files.map(\.1)
        data.hashes = [String](repeating: "", count: files.count)
        var notes: [Int: FileNotes] = [:]
        var errorsSoFar = 0
        // Task files need nothing from other files: read on several threads, merged in file order (as `load`).
        let taskFiles = files.indices.filter { files[$0].0 == .tasks }
        var taskParts: [Int: DataSet] = [:]
        if taskFiles.count >= 2 && options.jobs > 1 {
            let directory = self.directory, partOptions = DataOptions(numberLocale: options.numberLocale, hashInputs: options.hashInputs)
            UnitRunner.run(count: taskFiles.count, jobs: options.jobs, work: { i in
                var part = DataLoader(directory: directory, options: partOptions)
                part.loadCSV(files[taskFiles[i]].1, table: .tasks)
                return part.data
            }, consume: { taskParts[taskFiles[taskParts.count]] = $0 })
        }
        for (k, (table, path)) in files.enumerated() where table != .reports {
            if let part = taskParts.removeValue(forKey: k) {
                notes[k] = mergeTasks(part, file: k)
                errorsSoFar += notes[k]?.errors.count ?? 0
            } else {
                loadCSV(path, table: table, file: k)
                notes[k] = FileNotes(errors: data.errors, warnings: data.warnings)
                errorsSoFar += data.errors.count
                data.errors = []
                data.warnings = []
            }
            options.progress?(data.rowCount + errorsSoFar)
        }
        if let json { loadJSON(json) }
        admitExtensions()
        return notes
    }

    /// Adds a task file read on another thread (`part`, its only file numbered 0) as file `file`, its rows
    /// numbered after every row so far. Returns the file's notes.
    mutating func mergeTasks(_ part: DataSet, file: Int) -> FileNotes {
        var notes = FileNotes(errors: part.errors, warnings: part.warnings)
        if absorbRows(part, asFile: file) == nil { notes.errors = [rowLimitError(file)] }
        return notes
    }

    /// Adds a report file read on another thread (`part`, its only file numbered 0) to `table` as file
    /// `file`, its rows numbered after every row so far. Returns the file's notes.
    mutating func mergeReports(_ part: inout DataSet, file: Int, into table: inout ReportTable, fates: FateTable) -> FileNotes {
        var notes = FileNotes(errors: part.errors, warnings: part.warnings)
        guard let idOffset = absorbRows(part, asFile: file) else {
            notes.errors = [rowLimitError(file)]
            return notes
        }
        // A block's first file becomes its table as it is (most blocks are one file).
        if table.isEmpty && table.nameCount == 0 {
            var rows = ReportTable()
            swap(&rows, &part.reports)
            if rows.renumber(asFile: file, idOffset: idOffset) {
                table = rows
            } else {
                table.append(contentsOf: rows, idOffset: idOffset, fileOffset: file)
            }
        } else {
            table.append(contentsOf: part.reports, idOffset: idOffset, fileOffset: file)
        }
        // The run's evaluator was made before these rows came: their fates are set here.
        fates.ensure(count: data.rowCount)
        for id in part.repeatedRows { fates[id + idOffset] = .superseded }
        return notes
    }

    /// The error of a file whose rows would take the run past `ReportTable.maxRowID` rows.
    mutating func rowLimitError(_ file: Int) -> DataError {
        error(file, 0, 0, .unreadableFile(detail: Self.tooManyRows))
        return data.errors.removeLast()
    }

    /// Every error and warning in the order a whole run gives them: file by file, then `data.json`'s and
    /// those of admitting extensions.
    static func streamedErrors(_ notes: [Int: FileNotes], fileCount: Int, rest: DataSet) -> (errors: [DataError], warnings: [DataError]) {
        var errors: [DataError] = [], warnings: [DataError] = []
        for k in 0..<fileCount {
            guard let n = notes[k] else { continue }
            errors += n.errors
            warnings += n.warnings
        }
        return (errors + rest.errors, warnings + rest.warnings)
    }
}
