/// A small hash table from cells as read (bytes) to a number, looked up without building a `String`.
///
/// The loader's fast lane remembers here where an obligation routes and which agency a code resolves to:
/// a national run looks up the same few hundred cells millions of times. It is only a memo: it forgets
/// everything once it holds `capacity` keys, so hostile input with millions of distinct cells costs
/// lookups that miss, never memory.
struct ByteKeyMemo {
    static let capacity = 4096

    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = []
    private var values: [UInt64] = []
    /// Open addressing: an index into `keyStarts`/`values`, or -1. Twice `capacity` slots, a power of two.
    private var slots = [Int32](repeating: -1, count: 2 * ByteKeyMemo.capacity)

    mutating func removeAll() {
        guard !values.isEmpty else { return }
        keyBytes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = -1 }
    }

    /// FNV-1a: plenty for a few thousand short keys chosen by the file's author.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var s = Self.hash(key) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { return s }
            let start = keyStarts[k], end = k + 1 < keyStarts.count ? keyStarts[k + 1] : keyBytes.count
            if end - start == key.count, keyBytes.withUnsafeBufferPointer({ stored in
                key.count == 0 || memcmpEqual(stored.baseAddress! + start, key.baseAddress!, key.count)
            }) {
                return s
            }
            s = (s + 1) & mask
        }
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let k = Int(slots[slot(of: key)])
        return k < 0 ? nil : values[k]
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: UInt64) {
        if values.count >= Self.capacity { removeAll() }
        let s = slot(of: key)
        if slots[s] >= 0 {
            values[Int(slots[s])] = value
            return
        }
        slots[s] = Int32(values.count)
        keyStarts.append(keyBytes.count)
        keyBytes.append(contentsOf: key)
        values.append(value)
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
