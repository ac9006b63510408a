import TuanthuCore
import TuanthuRuntime

// The rows of a compact report duty (`ReportOutcomes`), written straight into memory: a national run has
// a million of them, and a row is mostly cells its duty, agency or period share. Those are quoted once
// into one buffer of pieces; each row is then copied together from pieces, a submission instant and two
// numbers, with no `append` (and its checks) per cell. The bytes are the ones the findings these cells
// stand for would give (`append(_:to:)`); `CompactReportTests` and the eval fuzzer compare them.
extension FindingsCSV {
    /// Where a piece sits in the buffer of pieces.
    struct Piece {
        var start: Int
        var count: Int
    }

    /// The rows of `r`.
    static func compactBlock(_ r: ReportOutcomes) -> [UInt8] {
        let statusCount = Status.allCases.count
        // First pass: which period cells occur, which files the evidence is in, the longest instant.
        var periodUsed = [Bool](repeating: false, count: r.periods.count * statusCount)
        var files: [Int32: Int] = [:]
        var fileList: [String] = []
        var longestInstant = LocalDateTime.maxWrittenLength
        var k = 0
        var lastFile: Int32 = -1
        for _ in r.agencies.indices {
            for p in r.periods.indices {
                periodUsed[p * statusCount + r.cells[k].status.index] = true
                let file = r.cells[k].evidenceFile
                if file >= 0, file != lastFile {
                    lastFile = file
                    if files[file] == nil {
                        files[file] = fileList.count
                        fileList.append(r.files[Int(file)])
                    }
                }
                // An instant beyond year 9999 (only arithmetic makes one) is written from its description.
                if let s = r.cells[k].submitted, !(0...9999).contains(s.date.year) {
                    longestInstant = max(longestInstant, s.description.utf8.count)
                }
                k += 1
            }
        }
        // The pieces, quoted once.
        let template = TemplateCells(r.template)
        var pieces: [UInt8] = []
        func piece(_ build: (inout [UInt8]) -> Void) -> Piece {
            let start = pieces.count
            build(&pieces)
            return Piece(start: start, count: pieces.count - start)
        }
        let agencyHeads = r.agencies.map { a in piece { $0.append(contentsOf: template.head); field(a, &$0); $0.append(0x2C) } }
        var periodCells = [Piece](repeating: Piece(start: 0, count: 0), count: periodUsed.count)
        for (i, used) in periodUsed.enumerated() where used {
            let p = r.periods[i / statusCount], status = Status.allCases[i % statusCount]
            periodCells[i] = piece {
                field(p.period.description, &$0); $0.append(0x2C)
                $0.append(contentsOf: status.rawValue.utf8); $0.append(0x2C)
                field(p.due.description, &$0); $0.append(0x2C)
            }
        }
        // `expected,` with what was found after it: `submitted ` (the instant follows) or nothing (yet).
        let expectedSubmitted = piece { $0.append(contentsOf: template.expected); $0.append(contentsOf: "submitted ".utf8) }
        let expectedNothing = piece { $0.append(contentsOf: template.expected); field(ReportCell.nothingSubmitted, &$0); $0.append(0x2C) }
        let expectedNothingYet = piece { $0.append(contentsOf: template.expected); field(ReportCell.notYetSubmitted, &$0); $0.append(0x2C) }
        let tail = piece { $0.append(contentsOf: template.tail) }
        // `file,line,column,cite,` and `file:` before the evidence's line; a path that needs quoting opens the
        // quote the evidence cell closes after the line (as `evidenceCell` quotes `file:line` whole: a line
        // number has no quote to double).
        let quotedFiles = fileList.map { $0.utf8.contains(where: needsQuotes) }
        let tailFiles = fileList.indices.map { i in
            piece { out in
                out.append(contentsOf: template.tail)
                guard quotedFiles[i] else { out.append(contentsOf: fileList[i].utf8); out.append(0x3A); return }
                out.append(0x22)
                for b in fileList[i].utf8 {
                    if b == 0x22 { out.append(0x22) }
                    out.append(b)
                }
                out.append(0x3A)
            }
        }

        // Room for every row at its longest: shared pieces, two instants, two numbers, commas, CRLF.
        let longestPeriod = periodCells.map(\.count).max() ?? 0
        let rowExtra = longestPeriod + 2 * longestInstant + 2 * Int.maxDecimalLength + 7
            + max(expectedSubmitted.count, expectedNothing.count, expectedNothingYet.count)
            + max(tail.count, tailFiles.map(\.count).max() ?? 0)
        let room = agencyHeads.reduce(0) { $0 + ($1.count + rowExtra) * r.periods.count }

        return [UInt8](unsafeUninitializedCapacity: room) { buf, written in
            written = 0
            r.cells.withUnsafeBufferPointer { cells in
            pieces.withUnsafeBufferPointer { from in
                var at = 0
                // Every piece lies within `pieces`, and the row's room was checked before its first piece.
                @inline(__always) func put(_ p: Piece) {
                    (buf.baseAddress! + at).update(from: from.baseAddress! + p.start, count: p.count)
                    at += p.count
                }
                @inline(__always) func put(_ byte: UInt8) {
                    buf[at] = byte
                    at += 1
                }
                @inline(__always) func put(_ n: Int) { at += n.writeDecimal(into: buf, at: at) }
                var k = 0
                var lastFile: Int32 = -1
                var lastFileIndex = 0
                for head in agencyHeads {
                    for p in r.periods.indices {
                        let c = cells.baseAddress! + k
                        k += 1
                        // `room` counted every row at its longest; this keeps a miscount from writing past it.
                        precondition(at + head.count + rowExtra <= buf.count, "compact CSV rows longer than their room")
                        put(head)
                        put(periodCells[p * statusCount + c.pointee.status.index])
                        let instantStart = at
                        var instantCount = 0
                        if let s = c.pointee.submitted {
                            if let n = s.writeDescription(into: buf, at: at) {
                                instantCount = n
                            } else {
                                for b in s.description.utf8 { buf[at + instantCount] = b; instantCount += 1 }
                            }
                        }
                        at += instantCount
                        put(UInt8(0x2C))
                        if let n = c.pointee.daysLate { put(n) }
                        put(UInt8(0x2C))
                        if c.pointee.submitted != nil {
                            put(expectedSubmitted)
                            // The instant again, copied from where it was just written.
                            (buf.baseAddress! + at).update(from: buf.baseAddress! + instantStart, count: instantCount)
                            at += instantCount
                            put(UInt8(0x2C))
                        } else {
                            put(c.pointee.status == .overdue ? expectedNothing : expectedNothingYet)
                        }
                        if c.pointee.hasEvidence {
                            // Most rows of a duty come from one file: its index is looked up only when it changes.
                            if c.pointee.evidenceFile != lastFile {
                                lastFile = c.pointee.evidenceFile
                                lastFileIndex = files[lastFile] ?? 0
                            }
                            put(tailFiles[lastFileIndex])
                            put(c.pointee.evidenceLine)
                            if quotedFiles[lastFileIndex] { put(UInt8(0x22)) }
                        } else {
                            put(tail)
                        }
                        put(UInt8(0x0D)); put(UInt8(0x0A))
                    }
                }
                written = at
            }
            }
        }
    }
}
