import TuanthuCore

extension Evaluator {
    /// Group numbers by `ReportKey`, for the unit's index of report rows: an open-addressing table with a
    /// multiplicative hash of the key's packed words, where a `Dictionary` would run a seeded SipHash for
    /// each of a national run's million rows. Keys are compared in full, so a hash collision (periods that
    /// do not pack can share words) only costs a probe.
    struct ReportKeyTable {
        /// Group number + 1 by slot; 0 is an empty slot.
        private var slots: [Int32]
        private var keys: [ReportKey] = []
        private var mask: Int

        init(expected: Int = 0) {
            var capacity = 16
            while capacity < expected * 2 { capacity <<= 1 }
            slots = [Int32](repeating: 0, count: capacity)
            mask = capacity - 1
        }

        var count: Int { keys.count }

        static func hash(_ key: ReportKey) -> Int {
            let p = PackedPeriod.parts(key.period)
            var h = UInt64(truncatingIfNeeded: key.plan) << 32 ^ UInt64(key.obligation)
            h = (h ^ UInt64(p.grain) << 56 ^ UInt64(truncatingIfNeeded: p.year) << 16
                 ^ UInt64(truncatingIfNeeded: p.a) << 8 ^ UInt64(truncatingIfNeeded: p.b)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h ^ h >> 29)
        }

        /// The group of `key`, if it has one.
        func group(_ key: ReportKey) -> Int32? {
            var i = Self.hash(key) & mask
            while true {
                let s = slots[i]
                if s == 0 { return nil }
                if keys[Int(s) - 1] == key { return s - 1 }
                i = (i + 1) & mask
            }
        }

        /// The group of `key`, numbering it next when new; `isNew` tells which.
        mutating func group(adding key: ReportKey) -> (group: Int32, isNew: Bool) {
            var i = Self.hash(key) & mask
            while true {
                let s = slots[i]
                if s == 0 { break }
                if keys[Int(s) - 1] == key { return (s - 1, false) }
                i = (i + 1) & mask
            }
            let g = Int32(keys.count)
            keys.append(key)
            slots[i] = g + 1
            if keys.count * 2 > slots.count { grow() }
            return (g, true)
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for (g, key) in keys.enumerated() {
                var i = Self.hash(key) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = Int32(g + 1)
            }
        }
    }
}
