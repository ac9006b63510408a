import Foundation

// The first step of the quick pass, guessed from a few lines instead of read from all of them: a large
// report file whose first line, last line and lines spread evenly between all name the same plan is taken
// to hold that plan's rows only (how agencies and provinces export: a file per plan or per agency). The
// guess is checked as the file's rows are read (`Evaluator.evaluateStreaming`); a wrong one throws the run
// away, and it is made again from a pass over every line (`ReportPrescan.sampling`).
extension ReportFileScan {
    /// Files smaller than this are read whole by the first step: sampling saves little on them.
    static let sampledFrom = 128 << 10
    /// Lines looked at between the first and the last.
    static let samples = 32
    /// How much is read at each sample (a line longer than this makes the guess give up).
    static let sampleBytes = 1 << 10
    /// How much of the file's start is read for the header and the first line.
    static let headBytes = 64 << 10

    /// One run of a single plan cell over the whole file, when the sampled lines agree on it; nil when the
    /// file is small, not a regular file, or a sampled plan cell (or a cell before it) is not plain (then
    /// `lines(of:)` reads every line).
    static func sampledLines(of path: String) -> Lines? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= sampledFrom else { return nil }
        let size = Int(st.st_size)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let r = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got)) }
                if r < 0 && errno == EINTR { continue }
                guard r >= 0 else { return nil }
                if r == 0 { break }
                got += r
            }
            return Array(buffer[0..<got])
        }
        guard let head = bytes(at: 0, count: min(headBytes, size)),
              LegacyEncoding.detectUTF16(Array(head.prefix(4096))) == nil,
              let lf = head.firstIndex(of: 0x0A), head.first != 0x0D else { return nil }
        let headerEnd = lf + 1
        guard let (names, delimiter) = head.withUnsafeBufferPointer({ header(UnsafeBufferPointer(rebasing: $0[0..<headerEnd])) }),
              names.contains(Column.obligation.name), let planColumn = names.firstIndex(of: Column.plan.name) else { return nil }
        var finder = CellFinder(plan: planColumn, obligation: planColumn, delimiter: delimiter)
        /// The plan cell of the line `line` (without its line break): nil unless it and the cells before it are
        /// plain ASCII (no quote: cells after it may be quoted, a document title with a comma) and it is not
        /// empty.
        func planCell(_ line: ArraySlice<UInt8>) -> [UInt8]? {
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            return line.withUnsafeBufferPointer { b -> [UInt8]? in
                finder.find(in: b)
                guard let lineStart = b.baseAddress, let cellStart = finder.plan.baseAddress else { return nil }
                let end = lineStart.distance(to: cellStart) + finder.plan.count
                guard !b[0..<end].contains(where: { $0 == 0x22 || $0 == 0x0D || $0 >= 0x80 }),
                      let first = finder.plan.first, let last = finder.plan.last, first > 0x20, last > 0x20 else { return nil }
                return Array(finder.plan)
            }
        }
        // The first row (after any blank lines), from the head.
        var start = headerEnd, firstLine = 2
        while start < head.count, head[start] == 0x0A || (head[start] == 0x0D && start + 1 < head.count && head[start + 1] == 0x0A) {
            start += head[start] == 0x0A ? 1 : 2
            firstLine += 1
        }
        guard let firstEnd = head[start...].firstIndex(of: 0x0A), let plan = planCell(head[start..<firstEnd]) else { return nil }
        // The last row, from the file's last bytes: the line before the trailing line breaks.
        let tailStart = max(headerEnd, size - sampleBytes)
        guard let tail = bytes(at: tailStart, count: size - tailStart) else { return nil }
        var end = tail.count
        while end > 0, tail[end - 1] == 0x0A || tail[end - 1] == 0x0D { end -= 1 }
        guard end > 0, let lastBreak = tail[0..<end].lastIndex(of: 0x0A), tailStart + lastBreak + 1 >= start,
              planCell(tail[(lastBreak + 1)..<end]) == plan else { return nil }
        let last = tailStart + lastBreak + 1
        // Lines spread between: each the first whole line after its sample's offset.
        for k in 1...samples {
            let offset = start + (last - start) * k / (samples + 1)
            guard let sample = bytes(at: offset, count: min(sampleBytes, size - offset)),
                  let breakAt = sample.firstIndex(of: 0x0A) else { return nil }
            let lineStart = breakAt + 1
            guard let lineEnd = sample[lineStart...].firstIndex(of: 0x0A) else {
                // A line running past the sample: only the file's last line may (it is checked above).
                if offset + lineStart >= last { continue }
                return nil
            }
            if lineEnd == lineStart || (lineEnd == lineStart + 1 && sample[lineStart] == 0x0D) { continue }  // a blank line
            guard planCell(sample[lineStart..<lineEnd]) == plan else { return nil }
        }
        let cell = Cell(text: String(decoding: plan, as: UTF8.self), byPlan: true)
        return .runs(headerEnd: headerEnd, runs: [Run(cell: cell, first: start, firstLine: firstLine, last: last)], moreCells: [])
    }
}
