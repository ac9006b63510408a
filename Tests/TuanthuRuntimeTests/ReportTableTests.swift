import Testing
import TuanthuCore
@testable import TuanthuRuntime

/// The compact store of report rows gives back exactly the rows put in, whatever packs and whatever
/// does not (odd periods, long names, `replaces`, lines beyond 32 bits), through removal and merging.
@Suite("Report rows stored compactly")
struct ReportTableTests {
    static func row(_ id: Int, file: Int = 0, line: Int, agency: String = "STC", obligation: String = "bc_thang",
                    period: Period = .month(year: 2025, month: 3), submitted: String = "2025-04-08T09:30",
                    replaces: String? = nil) -> ReportRow {
        ReportRow(id: id, source: RowSource(file: file, line: line), plan: 0, obligation: obligation, agency: agency,
                  period: period, submitted: LocalDateTime.parse(utf8: submitted.utf8)!, replaces: replaces)
    }

    static let unusual: [ReportRow] = [
        row(0, line: 2),
        row(1, line: 3, agency: "Sở Khoa học và Công nghệ tỉnh Bình Phước"),
        row(2, line: 4, period: .week(year: 2026, week: 53), submitted: "2026-12-31", replaces: "Báo cáo 11/BC-STC"),
        row(3, line: 5, obligation: String(repeating: "đ", count: 300), period: .day(CivilDate(year: 2025, month: 2, day: 28)!)),
        row(4, line: 6, period: .quarter(year: 9999, quarter: 4)),
        row(5, line: 7, period: .half(year: 2030, half: 2)),
        row(6, line: 8, period: .year(1)),
        // Periods built with out-of-range numbers, and a day outside the calendar's years, do not pack.
        row(7, line: 9, period: .month(year: 2025, month: 300)),
        row(8, line: 10, period: .year(40_000)),
        row(9, line: 11, period: .day(CivilDate(dayNumber: -1_000_000))),
        row(10, file: 3, line: 1 << 33, period: .week(year: -5, week: 1)),
        row(11, file: (1 << 23) - 1, line: (1 << 40) - 1, submitted: "2025-04-08T23:59:59"),
    ]

    @Test func rowsComeBackAsTheyWentIn() {
        var table = ReportTable()
        for r in Self.unusual { table.append(r) }
        #expect(Array(table) == Self.unusual)
        #expect(table.indices.map { table.period(at: $0) } == Self.unusual.map(\.period))
        #expect(table.indices.map { table.agency(at: $0) } == Self.unusual.map(\.agency))
        #expect(table.indices.map { table.source(at: $0) } == Self.unusual.map(\.source))
    }

    @Test func aRowTakesFortyBytes() {
        #expect(MemoryLayout<ReportTable.Packed>.stride == 40)
    }

    @Test func removingTheLastRowsDropsTheirExtras() {
        var table = ReportTable()
        for r in Self.unusual { table.append(r) }
        table.removeLast(8)
        #expect(Array(table) == Array(Self.unusual.prefix(4)))
        table.append(Self.unusual[5])
        #expect(Array(table) == Array(Self.unusual.prefix(4)) + [Self.unusual[5]])
    }

    @Test func mergingShiftsIdsAndFilesAndKeepsNames() {
        var first = ReportTable(), second = ReportTable()
        first.append(Self.row(0, line: 2, agency: "STC"))
        second.append(Self.row(0, line: 2, agency: "SNV", replaces: "1/BC"))
        second.append(Self.row(1, line: 3, agency: "STC", period: .month(year: 2025, month: 13)))
        first.append(contentsOf: second, idOffset: 1, fileOffset: 2)
        #expect(Array(first) == [
            Self.row(0, line: 2, agency: "STC"),
            Self.row(1, file: 2, line: 2, agency: "SNV", replaces: "1/BC"),
            Self.row(2, file: 2, line: 3, agency: "STC", period: .month(year: 2025, month: 13)),
        ])
        #expect(first.agencyNumber(at: 0) == first.agencyNumber(at: 2))
        #expect(first.number(of: "SNV") == first.agencyNumber(at: 1))
    }

    /// Ids are not stored when a file's rows are numbered one after another; rows numbered otherwise (plan
    /// tests number reports, readings and tasks together; a file met again later) keep theirs.
    @Test func idsComeBackWhetherOrNotTheyFollowTheirPositions() {
        let rows = [
            Self.row(0, file: 0, line: 2), Self.row(2, file: 0, line: 3), Self.row(5, file: 0, line: 4),
            Self.row(6, file: 1, line: 2), Self.row(7, file: 1, line: 3, replaces: "1/BC"),
            Self.row(9, file: 0, line: 9), Self.row(10, file: 70_000, line: 2),
        ]
        var table = ReportTable()
        for r in rows { table.append(r) }
        #expect(Array(table) == rows)
        #expect(table.indices.map { table.id(at: $0) } == rows.map(\.id))

        var merged = ReportTable()
        merged.append(Self.row(0, file: 0, line: 2))
        merged.append(contentsOf: table, idOffset: 1, fileOffset: 1)
        let shifted = [Self.row(0, file: 0, line: 2)] + rows.map {
            var r = $0
            r.id += 1
            r.source.file += 1
            return r
        }
        #expect(Array(merged) == shifted)
        #expect(merged.indices.map { merged.id(at: $0) } == shifted.map(\.id))
    }

    /// A streamed run renumbers a file's table in place as its block's table: the same rows and ids as
    /// appending it to an empty table, including ids that do not follow their positions.
    @Test(arguments: [0, 5, 65_535])
    func renumberingInPlaceIsAppendingToAnEmptyTable(file: Int) {
        var part = ReportTable()
        for r in [Self.row(0, line: 2), Self.row(1, line: 3, replaces: "1/BC"), Self.row(4, line: 5),
                  Self.row(5, line: 6, period: .month(year: 2025, month: 13))] { part.append(r) }
        var appended = ReportTable()
        appended.append(contentsOf: part, idOffset: 1_000, fileOffset: file)
        var renumbered = part
        let done = renumbered.renumber(asFile: file, idOffset: 1_000)
        #expect(done)
        #expect(Array(renumbered) == Array(appended))
        #expect(renumbered.indices.map { renumbered.id(at: $0) } == appended.indices.map { appended.id(at: $0) })
        #expect(renumbered.indices.map { renumbered.id(at: $0) } == [1_000, 1_001, 1_004, 1_005])
    }

    @Test func renumberingRefusesTablesOfSeveralFilesOrFilesBeyondTheShifts() {
        var two = ReportTable()
        two.append(Self.row(0, file: 0, line: 2))
        two.append(Self.row(1, file: 1, line: 2))
        let twoDone = two.renumber(asFile: 3, idOffset: 1)
        #expect(!twoDone)
        #expect(Array(two).map(\.source.file) == [0, 1])
        var one = ReportTable()
        one.append(Self.row(0, line: 2))
        let oneDone = one.renumber(asFile: ReportTable.shiftedFiles, idOffset: 1)
        #expect(!oneDone)
    }

    @Test func earlierOrdersBySubmissionThenFileThenLine() {
        var table = ReportTable()
        table.append(Self.row(0, file: 1, line: 5, submitted: "2025-04-08"))
        table.append(Self.row(1, file: 0, line: 9, submitted: "2025-04-08"))
        table.append(Self.row(2, file: 0, line: 2, submitted: "2025-04-08T08:00"))
        #expect(table.isEarlier(1, than: 0))
        #expect(!table.isEarlier(0, than: 1))
        #expect(table.isEarlier(1, than: 2))  // a plain date counts as the start of its day
        #expect(!table.isEarlier(0, than: 0))
    }
}

/// The fast lane's memo of cells: finds what was put in, forgets everything when full, never confuses keys.
/// The fast lane packs a period straight from its bytes: exactly what `Period.parse` and packing give, or
/// nothing (then the general parser decides).
@Suite("Periods packed from their bytes")
struct PackedPeriodParseTests {
    static let texts: [String] = [
        "2025", "0001", "0000", "9999", "2025-H1", "2025-H2", "2025-H0", "2025-H3", "2025-Q1", "2025-Q4", "2025-Q0", "2025-Q5",
        "2025-q1", "2025-h1", "2025-01", "2025-12", "2025-00", "2025-13", "2025-1a", "2025-W01", "2025-W52", "2026-W53", "2025-W53",
        "2020-W53", "2025-W00", "2025-W54", "2025-w05", "2025-X05", "2025-03-01", "1/3/2025", "202", "20251", "2025-1", "2025/01",
        "2025-Q", "2025-W5", "٢٠٢٥", "20 5", "2025-0 ", " 2025", "2025-W0a", "-025",
    ]

    static func expected(_ text: String) -> PackedPeriod? { Period.parse(utf8: text.utf8).flatMap(PackedPeriod.init) }

    @Test(arguments: texts)
    func packsWhatTheParserAndPackingGive(_ text: String) {
        let bytes = Array(text.utf8)
        let quick = bytes.withUnsafeBufferPointer { PackedPeriod.parse($0) }
        if let quick {
            #expect(quick == Self.expected(text))
        } else if let p = Period.parse(utf8: text.utf8) {
            // Only days are left to the general parser.
            if case .day = p {} else { Issue.record("\(text) parses as \(p) but is not packed from its bytes") }
        }
    }

    /// Every four- to eight-byte string of digits, hyphens and the period letters.
    @Test func randomTextsAgree() {
        var rng = HostileRandom(seed: 0x7065726F)
        let alphabet = Array("0123456789-HQWX2".utf8)
        for _ in 0..<20_000 {
            let bytes = (0..<[4, 7, 8].randomElement(using: &rng)!).map { _ in alphabet.randomElement(using: &rng)! }
            let text = String(decoding: bytes, as: UTF8.self)
            let quick = bytes.withUnsafeBufferPointer { PackedPeriod.parse($0) }
            let general = Period.parse(utf8: bytes)
            if case .day? = general { continue }
            #expect(quick == general.flatMap(PackedPeriod.init), "\(text)")
        }
    }
}

@Suite("Memo of cells by their bytes")
struct ByteKeyMemoTests {
    static func lookup(_ memo: ByteKeyMemo, _ key: String) -> UInt64? {
        Array(key.utf8).withUnsafeBufferPointer { memo.value(for: $0) }
    }

    static func insert(_ memo: inout ByteKeyMemo, _ key: String, _ value: UInt64) {
        Array(key.utf8).withUnsafeBufferPointer { memo.insert($0, value: value) }
    }

    @Test func findsWhatWasPutIn() {
        var memo = ByteKeyMemo()
        let keys = ["STC", "S01", "S10", "bc_thang", "Sở Tài chính", "a", "ab", "ba"]
        for (i, k) in keys.enumerated() { Self.insert(&memo, k, UInt64(i)) }
        for (i, k) in keys.enumerated() { #expect(Self.lookup(memo, k) == UInt64(i)) }
        #expect(Self.lookup(memo, "S1") == nil)
        #expect(Self.lookup(memo, "STC ") == nil)
        Self.insert(&memo, "STC", 99)
        #expect(Self.lookup(memo, "STC") == 99)
    }

    /// Keys are packed sixteen bytes to two words: keys alike in those bytes, or differing only in length
    /// or in a zero byte, are still told apart.
    @Test func tellsApartKeysAlikeInTheirPackedBytes() {
        var memo = ByteKeyMemo()
        let sixteen = "bc_thang_cds_khc"
        let keys = ["", "\u{0}", "a", "a\u{0}", sixteen, sixteen + "n", sixteen + "m", sixteen + "nn",
                    sixteen + "n" + sixteen, sixteen + "n" + sixteen + "x", "Sở Khoa học và Công nghệ tỉnh Bình Phước",
                    "Sở Khoa học và Công nghệ tỉnh Bình Dương"]
        for (i, k) in keys.enumerated() { Self.insert(&memo, k, UInt64(i)) }
        for (i, k) in keys.enumerated() { #expect(Self.lookup(memo, k) == UInt64(i), "\(k)") }
        #expect(Self.lookup(memo, sixteen + "o") == nil)
        #expect(Self.lookup(memo, "\u{0}\u{0}") == nil)
        #expect(Self.lookup(memo, "Sở Khoa học và Công nghệ tỉnh Bình Định") == nil)
    }

    /// The table starts small and doubles as keys come: keys longer than the packed sixteen bytes (their
    /// rest kept apart) are found again after every doubling.
    @Test func findsLongKeysAfterGrowing() {
        var memo = ByteKeyMemo()
        let keys = (0..<1000).map { "bao_cao_dinh_ky_thang_\($0)" } + (0..<100).map { "k\($0)" }
        for (i, k) in keys.enumerated() {
            Self.insert(&memo, k, UInt64(i))
            // Every key so far, after each doubling.
            if (i + 1).nonzeroBitCount == 1 { for (j, earlier) in keys.prefix(i + 1).enumerated() { #expect(Self.lookup(memo, earlier) == UInt64(j)) } }
        }
        for (i, k) in keys.enumerated() { #expect(Self.lookup(memo, k) == UInt64(i), "\(k)") }
        #expect(Self.lookup(memo, "bao_cao_dinh_ky_thang_1000") == nil)
    }

    @Test func forgetsEverythingWhenFull() {
        var memo = ByteKeyMemo()
        for i in 0..<ByteKeyMemo.capacity { Self.insert(&memo, "k\(i)", UInt64(i)) }
        #expect(Self.lookup(memo, "k0") == 0)
        #expect(Self.lookup(memo, "k\(ByteKeyMemo.capacity - 1)") == UInt64(ByteKeyMemo.capacity - 1))
        Self.insert(&memo, "one more", 7)
        #expect(Self.lookup(memo, "one more") == 7)
        #expect(Self.lookup(memo, "k0") == nil)
    }
}

/// The fast lane's split (the reader cuts lines eight bytes at a time) against a plain byte-by-byte split,
/// on lines built to put delimiters, their neighbours in the byte table and blanks at every position of a
/// word.
/// The cache in front of the memo: a cell comes back with its number or not at all, never with another
/// cell's, whatever cells share its slot.
@Suite("Cache of short cells")
struct ShortKeyCacheTests {
    static func key(_ text: String) -> ShortKeyCache.Key { Array(text.utf8).withUnsafeBufferPointer { ShortKeyCache.Key($0) } }

    @Test func givesBackOnlyWhatIsStillInItsSlot() {
        var cache = ShortKeyCache(slots: 8)
        // More cells than slots, alike in their packed bytes, lengths and zero bytes.
        let sixteen = "bc_thang_cds_khc"
        let cells = ["", "\u{0}", "a", "a\u{0}", "S01", "S10", "S1", "STC", sixteen, "Sở", "P01/KH-UBND"] + (0..<40).map { "S\($0)" }
        var kept: [String: UInt64] = [:]
        for (i, c) in cells.enumerated() {
            cache.remember(Self.key(c), UInt64(i))
            kept[c] = UInt64(i)
            for (other, value) in kept {
                // Found with its own number, or (its slot taken since) not at all.
                if let found = cache.value(for: Self.key(other)) {
                    #expect(found == value, "\(other.debugDescription) came back as another cell's number")
                } else {
                    kept[other] = nil
                }
            }
            #expect(cache.value(for: Self.key(c)) == UInt64(i), "\(c.debugDescription) just remembered")
        }
        // Cells over sixteen bytes are never kept; forgetting empties every slot.
        cache.remember(Self.key(sixteen + "n"), 1)
        #expect(cache.value(for: Self.key(sixteen + "n")) == nil)
        cache.removeAll()
        #expect(cells.allSatisfy { cache.value(for: Self.key($0)) == nil })
    }
}

@Suite("Fast lane splits like the byte-by-byte split")
struct SimpleLaneSplitTests {
    static func naive(_ bytes: [UInt8], _ delimiter: UInt8, _ expected: Int) -> [Range<Int>]? {
        var cells: [Range<Int>] = [], start = 0
        for (i, b) in bytes.enumerated() where b == delimiter { cells.append(start..<i); start = i + 1 }
        cells.append(start..<bytes.count)
        guard cells.count == expected else { return nil }
        for c in cells where !c.isEmpty {
            let first = bytes[c.lowerBound], last = bytes[c.upperBound - 1]
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return nil }
        }
        return cells
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
    func agreesOnGeneratedLines(delimiter: UInt8) {
        // Neighbours of the delimiter's value (a carry between bytes would confuse them with it).
        // (A line break or quote ends a simple line: those neighbours become another control byte.)
        let alphabet: [UInt8] = [delimiter, delimiter &+ 1, delimiter &- 1, delimiter ^ 1, 0x2D, 0x41, 0x30, 0x20, 0x7F, 0x00, 0x01]
            .map { [0x0A, 0x0D, 0x22].contains($0) ? 0x0B : $0 }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var lane = SimpleLane()
        for _ in 0..<4000 {
            let length = 1 + next() % 70
            let line = (0..<length).map { _ in alphabet[next() % alphabet.count] }
            let expected = max(1 + line.filter { $0 == delimiter }.count + (next() % 3 == 0 ? next() % 3 - 1 : 0), 1)
            // Read as a file's line (after one before it, so that the line starts anywhere in the buffer).
            let reader = CSVReader(bytes: Array(repeating: 0x41, count: 1 + next() % 9) + [0x0A] + line + [0x0A])
            lane.cuts = CSVReader.LineCuts(limit: expected - 1)
            _ = reader.nextSimpleLine()
            guard let simple = reader.nextSimpleLine(cutting: delimiter, into: &lane.cuts) else {
                Issue.record("line \(line) not read as a simple line")
                continue
            }
            let ok = lane.adopt(simple.bytes, expected: expected)
            let want = Self.naive(line, delimiter, expected)
            #expect(ok == (want != nil), "line \(line)")
            if ok, let want {
                #expect(zip(lane.starts, lane.ends).map { $0..<$1 } == want, "line \(line)")
            }
        }
    }
}
