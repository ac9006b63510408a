import Testing
import TuanthuCore

/// Report writers put numbers out as bytes without making strings: the digits must be `String(n)`'s.
@Test(arguments: [0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 1_000_000, -2_147_483_648, Int.max, Int.min, 20_251_231,
                  999_999_999_999_999_999, 1_000_000_000_000_000_000, -1_000_000_000_000_000_000, Int.max - 1, Int.min + 1])
func appendDecimalWritesWhatStringWrites(_ n: Int) {
    var out: [UInt8] = [0x78]  // appends after what is there
    n.appendDecimal(to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "x" + String(n))
}
