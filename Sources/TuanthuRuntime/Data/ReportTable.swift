import TuanthuCore

/// The report rows of a run (SPEC 6 `reports`), stored compactly: a national run holds millions of them.
///
/// It reads as a collection of `ReportRow`, but keeps each row in 40 bytes (a `ReportRow` takes over 100 bytes,
/// and more when its strings are long): obligation and agency names are stored once each and named by
/// number, the period and the submission time are packed, and what is rare (`replaces`, a period that does
/// not pack) sits in a side table. A row's id is not stored: the rows of a file are numbered one after
/// another, so it is the row's position plus its file's shift. A row keeps what its finding is judged from
/// and cites, nothing more: the `document` cell is read but not kept, as no finding shows a report's
/// document number.
/// The evaluator reads the packed fields directly (`plan(at:)`, `submitted(at:)`, ...) so its hot loops
/// neither build strings nor hash them.
public struct ReportTable: RandomAccessCollection, Sendable {
    struct Packed: Sendable {
        /// `RowSource` packed as file index in the top 24 bits and line in the low 40 of a 64-bit number,
        /// kept as two halves so that rows align on 4 bytes.
        var sourceHigh: UInt32
        var sourceLow: UInt32
        var plan: UInt32
        var obligation: UInt32
        var agency: UInt32
        /// Index into `extras`, or `noExtra`.
        var extra: UInt32
        var submitted: LocalDateTime
        var period: PackedPeriod

        var source: Int64 {
            get { Int64(sourceHigh) << 32 | Int64(sourceLow) }
            set {
                sourceHigh = UInt32(truncatingIfNeeded: newValue >> 32)
                sourceLow = UInt32(truncatingIfNeeded: newValue)
            }
        }

        /// The file index (the top 24 bits of the packed source).
        var file: Int { Int(sourceHigh >> 8) }
    }

    /// What a few rows carry beyond the packed fields.
    struct Extra: Sendable {
        /// The row's id, when it is not its position plus its file's shift.
        var id: Int? = nil
        var replaces: String? = nil
        /// Set when the period did not pack (the packed one is then meaningless).
        var period: Period? = nil
    }

    static let noExtra = UInt32.max
    /// Row ids are stored in 32 bits: the loader refuses data beyond this many rows (far beyond memory).
    public static let maxRowID = Int(UInt32.max) - 1
    static let lineBits: Int64 = 40

    var rows: [Packed] = []
    var extras: [Extra] = []
    /// By file index (below `shiftedFiles`): a row's id minus its position, set by the file's first row.
    /// A file's rows come one after another with consecutive ids, so a row's id is its position plus this;
    /// a row that breaks the rule (rows of several tables numbered together, as plan tests make) keeps its
    /// id in `extras`.
    var idShifts: [Int] = []
    static let noShift = Int.min
    static let shiftedFiles = 1 << 16
    /// Obligation and agency names, each once; a row names them by position here.
    var names: [String] = []
    var nameNumbers: [String: UInt32] = [:]

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    public subscript(i: Int) -> ReportRow {
        let r = rows[i]
        let extra = r.extra == Self.noExtra ? nil : extras[Int(r.extra)]
        return ReportRow(id: id(at: i), source: Self.source(r.source), plan: Int(r.plan), obligation: names[Int(r.obligation)],
                         agency: names[Int(r.agency)], period: extra?.period ?? r.period.period, submitted: r.submitted,
                         replaces: extra?.replaces)
    }

    // MARK: Reading fields without building the row

    @inline(__always) public func id(at i: Int) -> Int {
        let r = rows[i]
        if r.extra != Self.noExtra, let id = extras[Int(r.extra)].id { return id }
        return i + idShifts[r.file]
    }
    @inline(__always) public func plan(at i: Int) -> Int { Int(rows[i].plan) }
    @inline(__always) public func submitted(at i: Int) -> LocalDateTime { rows[i].submitted }
    @inline(__always) public func source(at i: Int) -> RowSource { Self.source(rows[i].source) }
    /// The number standing for the row's obligation name (see `number(of:)`).
    @inline(__always) func obligationNumber(at i: Int) -> UInt32 { rows[i].obligation }
    /// The number standing for the row's agency (see `number(of:)`).
    @inline(__always) func agencyNumber(at i: Int) -> UInt32 { rows[i].agency }
    public func agency(at i: Int) -> String { names[Int(rows[i].agency)] }
    public func replaces(at i: Int) -> String? {
        let r = rows[i]
        return r.extra == Self.noExtra ? nil : extras[Int(r.extra)].replaces
    }
    /// Row `i`'s plan, obligation and period as two numbers, equal for rows whose (plan, obligation, period)
    /// are equal; nil for a row whose period is kept apart (`extras`), which must be compared as a `Period`.
    @inline(__always) func keyBits(at i: Int) -> (UInt64, UInt64)? {
        let r = rows[i]
        guard r.extra == Self.noExtra else { return nil }
        let p = r.period
        return (UInt64(r.plan) << 32 | UInt64(r.obligation),
                UInt64(UInt16(bitPattern: p.year)) << 24 | UInt64(p.grain) << 16 | UInt64(p.a) << 8 | UInt64(p.b))
    }

    public func period(at i: Int) -> Period {
        let r = rows[i]
        if r.extra != Self.noExtra, let p = extras[Int(r.extra)].period { return p }
        return r.period.period
    }
    /// Orders rows as `judgeReport` takes submissions: earliest, then file and line.
    @inline(__always) func isEarlier(_ a: Int, than b: Int) -> Bool {
        let x = rows[a], y = rows[b]
        return x.submitted != y.submitted ? x.submitted < y.submitted : x.source < y.source
    }

    /// The number a name (obligation or agency) is stored under, if any row uses it.
    func number(of name: String) -> UInt32? { nameNumbers[name] }

    /// How many names are stored: numbers run from 0 to `nameCount - 1`.
    var nameCount: Int { names.count }

    // MARK: Adding rows

    public mutating func append(_ row: ReportRow) {
        append(id: row.id, source: row.source, plan: row.plan, obligation: intern(row.obligation), agency: intern(row.agency),
               period: row.period, submitted: row.submitted, replaces: row.replaces)
    }

    /// The number for a name, adding it when new.
    mutating func intern(_ name: String) -> UInt32 {
        if let n = nameNumbers[name] { return n }
        let n = UInt32(names.count)
        names.append(name)
        nameNumbers[name] = n
        return n
    }

    /// Whether the row of file `file` at `position` with this id can go without storing it (the file's shift
    /// is set by its first row).
    private mutating func idFollows(_ id: Int, file: Int, at position: Int) -> Bool {
        guard file < Self.shiftedFiles else { return false }
        if file >= idShifts.count { idShifts.append(contentsOf: repeatElement(Self.noShift, count: file + 1 - idShifts.count)) }
        if idShifts[file] == Self.noShift { idShifts[file] = id - position }
        return idShifts[file] == id - position
    }

    mutating func append(id: Int, source: RowSource, plan: Int, obligation: UInt32, agency: UInt32, period: Period,
                         submitted: LocalDateTime, replaces: String?) {
        append(id: id, source: source, plan: plan, obligation: obligation, agency: agency, period: period, packed: PackedPeriod(period),
               submitted: submitted, replaces: replaces)
    }

    /// `packed`: `PackedPeriod(period)`, made by the caller (`period` is then looked at only when it is nil).
    @inline(__always)
    mutating func append(id: Int, source: RowSource, plan: Int, obligation: UInt32, agency: UInt32, period: @autoclosure () -> Period,
                         packed packedPeriod: PackedPeriod?, submitted: LocalDateTime, replaces: String?) {
        let packedSource = Self.packSource(source)
        let explicitID = idFollows(id, file: Int(packedSource >> Self.lineBits), at: rows.count) ? nil : id
        var extra = Self.noExtra
        if replaces != nil || packedPeriod == nil || explicitID != nil {
            extra = UInt32(extras.count)
            extras.append(Extra(id: explicitID, replaces: replaces, period: packedPeriod == nil ? period() : nil))
        }
        rows.append(Packed(sourceHigh: UInt32(truncatingIfNeeded: packedSource >> 32), sourceLow: UInt32(truncatingIfNeeded: packedSource),
                           plan: UInt32(clamping: plan), obligation: obligation, agency: agency,
                           extra: extra, submitted: submitted, period: packedPeriod ?? PackedPeriod()))
    }

    public mutating func reserveCapacity(_ n: Int) { rows.reserveCapacity(n) }

    public mutating func removeLast(_ k: Int) {
        rows.removeLast(k)
        // Extras past the last kept row's are dropped too (names stay: unused names cost nothing).
        let keep = rows.last(where: { $0.extra != Self.noExtra }).map { Int($0.extra) + 1 } ?? 0
        extras.removeLast(extras.count - keep)
    }

    /// Renumbers, in place, a table that holds one file's rows as file 0 (a file read on its own thread): its
    /// rows become file `file`'s, their ids shifted by `idOffset` — what appending it to an empty table does,
    /// without a copy. False (nothing changed) when the table is not such a table.
    mutating func renumber(asFile file: Int, idOffset: Int) -> Bool {
        guard file < Self.shiftedFiles, idShifts.count <= 1, rows.allSatisfy({ $0.file == 0 }) else { return false }
        let high = UInt32(file) << 8
        rows.withUnsafeMutableBufferPointer { rows in
            for k in rows.indices { rows[k].sourceHigh += high }
        }
        for i in extras.indices { if let id = extras[i].id { extras[i].id = id + idOffset } }
        if let shift = idShifts.first {
            idShifts = [Int](repeating: Self.noShift, count: file) + [shift == Self.noShift ? shift : shift + idOffset]
        }
        return true
    }

    /// Appends another table's rows (a file read on another thread), its ids and file numbers shifted.
    mutating func append(contentsOf part: ReportTable, idOffset: Int, fileOffset: Int) {
        let renumber = part.names.map { intern($0) }
        let extraOffset = UInt32(extras.count)
        extras += part.extras
        let sourceOffset = Int64(fileOffset) << Self.lineBits
        // Room grows geometrically: a block of many files is appended file after file.
        if rows.capacity < rows.count + part.rows.count { rows.reserveCapacity(Swift.max(rows.count + part.rows.count, 2 * rows.capacity)) }
        for k in part.rows.indices {
            var r = part.rows[k]
            let id = part.id(at: k) + idOffset
            r.source += sourceOffset
            r.obligation = renumber[Int(r.obligation)]
            r.agency = renumber[Int(r.agency)]
            if r.extra != Self.noExtra { r.extra += extraOffset }
            if idFollows(id, file: r.file, at: rows.count) {
                if r.extra != Self.noExtra { extras[Int(r.extra)].id = nil }
            } else if r.extra != Self.noExtra {
                extras[Int(r.extra)].id = id
            } else {
                r.extra = UInt32(extras.count)
                extras.append(Extra(id: id))
            }
            rows.append(r)
        }
    }

    // File numbers above 2^23 or lines above 2^40 cannot occur: the file list and a file's bytes would not
    // fit in memory first. They are clamped, never wrapped.
    static func packSource(_ s: RowSource) -> Int64 {
        (Int64(Swift.min(Swift.max(s.file, 0), (1 << 23) - 1)) << lineBits) | Int64(Swift.min(Swift.max(s.line, 0), (1 << lineBits) - 1))
    }

    static func source(_ packed: Int64) -> RowSource {
        RowSource(file: Int(packed >> lineBits), line: Int(packed & ((1 << lineBits) - 1)))
    }
}

/// A period in 5 bytes: grain, year and up to two small numbers. Only periods that come back equal are packed.
struct PackedPeriod: Sendable, Hashable {
    var year: Int16 = 0
    var grain: UInt8 = 0
    var a: UInt8 = 0
    var b: UInt8 = 0

    init() {}

    /// A period as its grain (0 day … 5 year), year and up to two numbers (month and day, week, month,
    /// quarter or half), the fields `PackedPeriod` keeps.
    static func parts(_ p: Period) -> (grain: UInt8, year: Int, a: Int, b: Int) {
        switch p {
        case .day(let d): (0, d.year, d.month, d.day)
        case let .week(y, w): (1, y, w, 0)
        case let .month(y, m): (2, y, m, 0)
        case let .quarter(y, q): (3, y, q, 0)
        case let .half(y, h): (4, y, h, 0)
        case .year(let y): (5, y, 0, 0)
        }
    }

    init?(_ p: Period) {
        let parts = Self.parts(p)
        guard parts.year >= Int(Int16.min), parts.year <= Int(Int16.max),
              (0...255).contains(parts.a), (0...255).contains(parts.b) else { return nil }
        year = Int16(parts.year)
        grain = parts.grain
        a = UInt8(parts.a)
        b = UInt8(parts.b)
        // Every case comes back equal from numbers that fit, except a day outside the years the calendar
        // validates (arithmetic can make one): keep that unpacked.
        if case .day(let d) = p, !(1...9999).contains(d.year) { return nil }
    }

    /// `Period.parse(utf8:)` of a year, half, quarter, month or ISO week ("2025", "2025-H1", "2025-Q3",
    /// "2025-07", "2025-W05"), packed; nil for anything else (a day, or what `Period.parse` refuses), which
    /// the caller parses the general way. The fast lane's periods, read without making a `Period`.
    @inline(__always)
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> PackedPeriod? {
        guard let p = b.baseAddress, b.count == 4 || b.count == 7 || b.count == 8 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int { Int(p[i]) &- 0x30 }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3)
        guard UInt(bitPattern: d0) <= 9, UInt(bitPattern: d1) <= 9, UInt(bitPattern: d2) <= 9, UInt(bitPattern: d3) <= 9 else { return nil }
        let y = d0 &* 1000 &+ d1 &* 100 &+ d2 &* 10 &+ d3
        guard y >= 1 else { return nil }
        var packed = PackedPeriod()
        packed.year = Int16(y)
        if b.count == 4 {
            packed.grain = 5
            return packed
        }
        guard p[4] == 0x2D else { return nil }
        if b.count == 7 {
            let d5 = digit(5), d6 = digit(6)
            guard UInt(bitPattern: d6) <= 9 else { return nil }
            switch p[5] {
            case 0x48:  // H
                guard d6 == 1 || d6 == 2 else { return nil }
                (packed.grain, packed.a) = (4, UInt8(d6))
            case 0x51:  // Q
                guard d6 >= 1 && d6 <= 4 else { return nil }
                (packed.grain, packed.a) = (3, UInt8(d6))
            default:
                guard UInt(bitPattern: d5) <= 9 else { return nil }
                let m = d5 &* 10 &+ d6
                guard m >= 1 && m <= 12 else { return nil }
                (packed.grain, packed.a) = (2, UInt8(m))
            }
            return packed
        }
        let d6 = digit(6), d7 = digit(7)
        guard p[5] == 0x57, UInt(bitPattern: d6) <= 9, UInt(bitPattern: d7) <= 9 else { return nil }
        let w = d6 &* 10 &+ d7
        // Every year has 52 ISO weeks; only week 53 needs the calendar.
        guard w >= 1, w <= 52 || (w == 53 && Period.isoWeeksInYear(y) == 53) else { return nil }
        (packed.grain, packed.a) = (1, UInt8(w))
        return packed
    }

    var period: Period {
        let y = Int(year)
        switch grain {
        case 0: return CivilDate(year: y, month: Int(a), day: Int(b)).map(Period.day) ?? .year(y)
        case 1: return .week(year: y, week: Int(a))
        case 2: return .month(year: y, month: Int(a))
        case 3: return .quarter(year: y, quarter: Int(a))
        case 4: return .half(year: y, half: Int(a))
        default: return .year(y)
        }
    }
}
