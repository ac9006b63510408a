import Testing
import TuanthuCore
@testable import TuanthuRuntime

/// The unit's table of report groups numbers keys in the order first seen and finds each again, through
/// growth and through keys whose packed words collide (periods that do not pack).
@Test func reportKeyTableNumbersKeysInOrderSeen() {
    typealias Key = Evaluator.ReportKey
    var keys: [Key] = []
    for plan in 0..<3 {
        for obligation: UInt32 in 0..<4 {
            for month in 1...12 { keys.append(Key(plan: plan, obligation: obligation, period: .month(year: 2025, month: month))) }
            for week in 1...53 { keys.append(Key(plan: plan, obligation: obligation, period: .week(year: 2026, week: week))) }
            keys.append(Key(plan: plan, obligation: obligation, period: .year(2030)))
            keys.append(Key(plan: plan, obligation: obligation, period: .day(CivilDate(year: 2025, month: 2, day: 28)!)))
        }
    }
    // Out-of-range numbers: month 300 and month 44 of another year hash alike by design of the packing.
    keys.append(Key(plan: 0, obligation: 0, period: .month(year: 2025, month: 300)))
    keys.append(Key(plan: 0, obligation: 0, period: .month(year: 2025, month: 300 + 256)))
    keys.append(Key(plan: 0, obligation: 0, period: .year(40_000)))
    keys.append(Key(plan: 0, obligation: 0, period: .day(CivilDate(dayNumber: -1_000_000))))

    var table = Evaluator.ReportKeyTable()
    for (n, key) in keys.enumerated() {
        #expect(table.group(key) == nil)
        let added = table.group(adding: key)
        #expect(added.group == Int32(n) && added.isNew)
    }
    #expect(table.count == keys.count)
    for (n, key) in keys.enumerated() {
        #expect(table.group(key) == Int32(n))
        let again = table.group(adding: key)
        #expect(again.group == Int32(n) && !again.isNew)
    }
    #expect(table.group(Key(plan: 3, obligation: 0, period: .year(2030))) == nil)
    #expect(table.count == keys.count)
}
