/// A small hash table from cells as read (bytes) to a number, looked up without building a `String`.
///
/// The loader's fast lane remembers here where an obligation routes and which agency a code resolves to:
/// a national run looks up the same few hundred cells millions of times. It is only a memo: it forgets
/// everything once it holds `capacity` keys, so hostile input with millions of distinct cells costs
/// lookups that miss, never memory.
///
/// Keys of up to 16 bytes (codes and obligation names mostly are) are kept packed in two words with their
/// length, so a lookup compares two numbers; longer keys are compared byte by byte.
struct ByteKeyMemo {
    static let capacity = 4096

    /// One key: its first 16 bytes packed (little-endian, zero-filled), its length, where its bytes start
    /// in `keyBytes` (only longer keys are stored there) and its value.
    private struct Entry {
        var low: UInt64
        var high: UInt64
        var count: Int
        var start: Int
        var value: UInt64
    }

    private var entries: [Entry] = []
    private var keyBytes: [UInt8] = []
    /// Open addressing: an index into `entries`, or -1. A power of two, at least twice the entries: it starts
    /// small and doubles up to twice `capacity` (the loader makes two memos per file it reads, and a folder may
    /// hold thousands of small files).
    private var slots = [Int32](repeating: -1, count: ByteKeyMemo.initialSlots)
    static let initialSlots = 64

    mutating func removeAll() {
        guard !entries.isEmpty else { return }
        entries.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = -1 }
    }

    /// The first 16 bytes of `key` as two little-endian words, zero-filled: read a word (or half-word) at a
    /// time, overlapping loads covering the bytes between.
    @inline(__always)
    static func pack(_ key: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64) {
        guard let p = key.baseAddress else { return (0, 0) }
        let n = key.count
        @inline(__always) func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
        }
        @inline(__always) func half(_ at: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt32.self)))
        }
        switch n {
        case 0: return (0, 0)
        case 1...3:
            return (UInt64(p[0]) | UInt64(p[n / 2]) << (8 * UInt64(n / 2)) | UInt64(p[n - 1]) << (8 * UInt64(n - 1)), 0)
        case 4...7: return (half(0) | half(n - 4) << (8 * UInt64(n - 4)), 0)
        case 8: return (word(0), 0)
        case 9...16: return (word(0), word(n - 8) >> (8 * UInt64(16 - n)))
        default: return (word(0), word(8))
        }
    }

    /// The packed words and length mixed (and, for longer keys, the rest of the bytes by FNV-1a): plenty
    /// for a few thousand short keys chosen by the file's author.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, _ low: UInt64, _ high: UInt64) -> Int {
        hash(count: key.count, low, high, rest: key.count > 16 ? UnsafeBufferPointer(rebasing: key[16...]) : UnsafeBufferPointer(start: nil, count: 0))
    }

    /// `rest`: the key's bytes after its first 16.
    @inline(__always)
    private static func hash(count: Int, _ low: UInt64, _ high: UInt64, rest: UnsafeBufferPointer<UInt8>) -> Int {
        var h = (low ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 31) ^ high) &* 0x94D0_49BB_1331_11EB
        for b in rest { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Twice the slots, every entry placed again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        keyBytes.withUnsafeBufferPointer { bytes in
            for (k, e) in entries.enumerated() {
                let rest = e.count > 16 ? UnsafeBufferPointer(rebasing: bytes[e.start..<(e.start + e.count - 16)]) : UnsafeBufferPointer(start: nil, count: 0)
                var s = Self.hash(count: e.count, e.low, e.high, rest: rest) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(k)
            }
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UnsafeBufferPointer<UInt8>, _ low: UInt64, _ high: UInt64) -> Int {
        let mask = slots.count - 1
        var s = Self.hash(key, low, high) & mask
        return entries.withUnsafeBufferPointer { entries in
            while true {
                let k = Int(slots[s])
                if k < 0 { return s }
                let e = entries[k]
                if e.low == low, e.high == high, e.count == key.count,
                   key.count <= 16 || keyBytes.withUnsafeBufferPointer({ stored in
                       memcmpEqual(stored.baseAddress! + e.start, key.baseAddress! + 16, key.count - 16)
                   }) {
                    return s
                }
                s = (s + 1) & mask
            }
        }
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let (low, high) = Self.pack(key)
        let k = Int(slots[slot(of: key, low, high)])
        return k < 0 ? nil : entries[k].value
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: UInt64) {
        if entries.count >= Self.capacity { removeAll() }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let (low, high) = Self.pack(key)
        let s = slot(of: key, low, high)
        if slots[s] >= 0 {
            entries[Int(slots[s])].value = value
            return
        }
        slots[s] = Int32(entries.count)
        entries.append(Entry(low: low, high: high, count: key.count, start: keyBytes.count, value: value))
        if key.count > 16 { keyBytes.append(contentsOf: key[16...]) }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}

/// A few cells of up to 16 bytes and a number each, one cell a slot (the slot its bytes pick: a cell
/// found there replaces the one before). In front of a `ByteKeyMemo`: a lookup is two multiplies and a
/// comparison of two words, where the memo's probes its table. Longer cells are never kept.
struct ShortKeyCache {
    /// A cell's bytes packed as `ByteKeyMemo` packs them, with its length (-1: too long to keep).
    struct Key {
        var low: UInt64
        var high: UInt64
        var count: Int

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            (low, high) = ByteKeyMemo.pack(bytes)
            count = bytes.count <= 16 ? bytes.count : -1
        }
    }

    private struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = -2
        var value: UInt64 = 0
    }

    private var entries: [Entry]
    private let shift: UInt64

    /// `slots`: a power of two.
    init(slots: Int) {
        precondition(slots > 1 && slots & (slots - 1) == 0)
        entries = Array(repeating: Entry(), count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: Key) -> Int {
        Int(truncatingIfNeeded: ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xBF58_476D_1CE4_E5B9) &+ UInt64(bitPattern: Int64(key.count))) >> shift)
    }

    @inline(__always)
    func value(for key: Key) -> UInt64? {
        guard key.count >= 0 else { return nil }
        return entries.withUnsafeBufferPointer { entries in
            let e = entries[slot(key)]
            return e.count == key.count && e.low == key.low && e.high == key.high ? e.value : nil
        }
    }

    @inline(__always)
    mutating func remember(_ key: Key, _ value: UInt64) {
        guard key.count >= 0 else { return }
        entries[slot(key)] = Entry(low: key.low, high: key.high, count: key.count, value: value)
    }

    mutating func removeAll() {
        for i in entries.indices { entries[i].count = -2 }
    }
}
