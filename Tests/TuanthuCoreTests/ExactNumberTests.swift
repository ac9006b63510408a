import Testing
@testable import TuanthuCore

private func q(_ n: Int, _ d: Int = 1) -> ExactNumber {
    ExactNumber(numerator: BigInt(n), denominator: BigInt(d))
}

private func parsed(_ text: String, _ locale: NumberLocale = .plain) -> ExactNumber? {
    try? ExactNumber.parse(Substring(text), locale: locale).get()
}

private func parseError(_ text: String, _ locale: NumberLocale) -> NumberParseError? {
    switch ExactNumber.parse(Substring(text), locale: locale) {
    case .success: return nil
    case .failure(let error): return error
    }
}

@Suite struct ExactNumberArithmeticTests {
    @Test func thresholdRatiosAreExact() throws {
        let spent = ExactNumber(30_000_000_000)
        let budget = ExactNumber(1_000_000_000_000)
        let ratio = try #require(spent.divided(by: budget))
        #expect(ratio == q(3, 100))
        #expect(ratio >= .percent(3))
        #expect(!(ratio > .percent(3)))
        #expect(!(ratio < .percent(3)))
        #expect(ratio.percentDescription == "3%")
    }

    @Test func growthIsExact() throws {
        let growth = try #require(q(21).divided(by: q(20))) - .one
        #expect(growth == .percent(5))
        #expect(growth == q(1, 20))
        #expect(growth.description == "0.05")
    }

    @Test func decimalFractionsAddExactly() throws {
        let a = try #require(parsed("0.1")), b = try #require(parsed("0.2")), c = try #require(parsed("0.3"))
        #expect(a + b == c)
        #expect((a + b).hashValue == c.hashValue)
        #expect(c - b - a == .zero)
    }

    @Test func bigProductsCompare() throws {
        let e18 = ExactNumber(1_000_000_000_000_000_000)
        let e36 = e18 * e18
        #expect(e36 > e18)
        #expect(e36.description == "1" + String(repeating: "0", count: 36))
        #expect(e36 + .one > e36)
        #expect(-e36 < -e18)
        let tiny = try #require(ExactNumber.one.divided(by: e36))
        #expect(tiny > .zero)
        let small = try #require(ExactNumber.one.divided(by: e18))
        #expect(tiny < small)
        #expect(tiny * e36 == .one)
        #expect(e36.integerValue == nil)
    }

    @Test func normalisesByGcd() {
        #expect(q(2, 4) == q(1, 2))
        #expect(q(2, 4).hashValue == q(1, 2).hashValue)
        #expect(q(-2, -4) == q(1, 2))
        #expect(q(2, -4) == q(-1, 2))
        #expect(q(2, -4).denominator == BigInt(2))
        #expect(q(2, -4).numerator == BigInt(-1))
        #expect(q(0, -7) == .zero)
        #expect(q(0, -7).denominator == BigInt(1))
        #expect(q(6, 3).isInteger)
        #expect(q(6, 3).integerValue == 2)
        #expect(Set([q(1, 2), q(2, 4), q(3, 6), q(-1, -2)]).count == 1)
    }

    @Test func divisionByZeroIsNil() {
        #expect(ExactNumber.one.divided(by: .zero) == nil)
        #expect(ExactNumber.zero.divided(by: .zero) == nil)
        #expect(q(-5, 3).divided(by: q(0, 9)) == nil)
        #expect(ExactNumber.zero.divided(by: q(7)) == .zero)
        #expect(q(3, 4).divided(by: q(-3, 8)) == q(-2))
    }

    @Test func arithmeticBasics() {
        #expect(q(1, 2) + q(1, 3) == q(5, 6))
        #expect(q(1, 2) - q(1, 3) == q(1, 6))
        #expect(q(2, 3) * q(9, 4) == q(3, 2))
        #expect(-q(1, 2) == q(-1, 2))
        #expect(q(-1, 2).isNegative && !q(1, 2).isNegative && !ExactNumber.zero.isNegative)
        #expect(ExactNumber.zero.isZero && !q(1, 1000).isZero)
        #expect(ExactNumber.hundred == q(100))
        var x = q(1, 4)
        x += q(1, 4)
        x *= q(4)
        x -= q(1)
        #expect(x == .one)
        #expect(ExactNumber(Int.max) + .one > ExactNumber(Int.max))
        #expect((ExactNumber(Int.max) + .one).integerValue == nil)
        #expect(ExactNumber(Int.min).integerValue == Int.min)
        #expect(q(5, 2).integerValue == nil)
    }

    @Test func percentConversions() {
        #expect(ExactNumber.percent(q(25)) == q(1, 4))
        #expect(q(1, 4).asPercent == q(25))
        #expect(ExactNumber.percent(q(37, 2)) == q(37, 200))
        #expect(ExactNumber.percent(q(37, 2)).asPercent == q(37, 2))
    }

    @Test func orderingOfMixedValues() {
        let values = [q(1, 3), q(-1, 2), q(0), q(1, 2), q(2, 3), q(-7), q(33, 100), q(1_000_000_000_000, 3)]
        let sorted = values.sorted()
        #expect(sorted == [q(-7), q(-1, 2), q(0), q(33, 100), q(1, 3), q(1, 2), q(2, 3), q(1_000_000_000_000, 3)])
        #expect(q(1, 3) < q(334, 1000))
        #expect(q(1, 3) > q(333, 1000))
    }
}

@Suite struct ExactNumberParsingTests {
    static let plainValid: [(String, ExactNumber)] = [
        ("18.5", q(37, 2)),
        ("1250000000", q(1_250_000_000)),
        ("-3", q(-3)),
        ("+4", q(4)),
        ("0.7", q(7, 10)),
        ("-0.25", q(-1, 4)),
        ("007", q(7)),
        ("-0", q(0)),
        ("0.000", q(0)),
        ("1.250", q(5, 4)),
        ("  42  ", q(42)),
        ("\t7\t", q(7)),
        ("1000000000000000000", q(1_000_000_000_000_000_000)),
        ("9223372036854775807", q(Int.max)),
        ("-9223372036854775808", q(Int.min)),
        ("0.000000000001", q(1, 1_000_000_000_000)),
    ]

    @Test(arguments: plainValid)
    func plainValues(_ text: String, _ expected: ExactNumber) {
        #expect(parsed(text) == expected, "\(text)")
    }

    static let vietnameseValid: [(String, ExactNumber)] = [
        ("1.250.000.000", q(1_250_000_000)),
        ("12.500", q(12_500)),
        ("1.250,5", q(2501, 2)),
        ("6,5", q(13, 2)),
        ("1250000000", q(1_250_000_000)),
        ("-1.000", q(-1000)),
        ("+1.000", q(1000)),
        ("999.999,999", q(999_999_999, 1000)),
        ("  3,25 ", q(13, 4)),
        ("0,5", q(1, 2)),
        ("100", q(100)),
        ("-0,03", q(-3, 100)),
        ("1000,5", q(2001, 2)),
    ]

    @Test(arguments: vietnameseValid)
    func vietnameseValues(_ text: String, _ expected: ExactNumber) {
        #expect(parsed(text, .vietnamese) == expected, "\(text)")
    }

    @Test(arguments: ["0", "17", "-42", "1250000000", "+9"])
    func numbersWithoutSeparatorsReadTheSameInBothLocales(_ text: String) {
        #expect(parsed(text, .plain) != nil)
        #expect(parsed(text, .plain) == parsed(text, .vietnamese))
    }

    @Test func wideValues() throws {
        let text = "123456789012345678901234567890.123456789"
        let value = try #require(parsed(text))
        #expect(value.description == "123456789012345678901234567890.123456789")
        let grouped = try #require(parsed("123.456.789.012.345.678.901.234.567.890,123456789", .vietnamese))
        #expect(grouped == value)
        let sixty = String(repeating: "9", count: 60)
        #expect(try #require(parsed(sixty)).description == sixty)
        let sixtyFraction = "0." + String(repeating: "0", count: 58) + "1"
        #expect(try #require(parsed(sixtyFraction)) == ExactNumber(numerator: 1, denominator: BigInt.powerOfTen(59)))
    }

    static let errors: [(String, NumberLocale, NumberParseError.Reason, Int)] = [
        // empty
        ("", .plain, .empty, 0),
        ("   ", .plain, .empty, 0),
        ("-", .plain, .empty, 0),
        ("  +", .plain, .empty, 2),
        ("", .vietnamese, .empty, 0),
        ("-", .vietnamese, .empty, 0),
        // unexpected characters
        ("1,5", .plain, .unexpectedCharacter, 1),
        ("1 000", .plain, .unexpectedCharacter, 1),
        ("1 000", .vietnamese, .unexpectedCharacter, 1),
        ("12a", .plain, .unexpectedCharacter, 2),
        ("abc", .plain, .unexpectedCharacter, 0),
        ("--5", .plain, .unexpectedCharacter, 1),
        ("- 5", .plain, .unexpectedCharacter, 1),
        ("1_000", .plain, .unexpectedCharacter, 1),
        ("5%", .plain, .unexpectedCharacter, 1),
        ("1e5", .plain, .unexpectedCharacter, 1),
        ("  12 3", .plain, .unexpectedCharacter, 4),
        ("1.5 x", .plain, .unexpectedCharacter, 3),
        ("1,5x", .vietnamese, .unexpectedCharacter, 3),
        ("1.000đ", .vietnamese, .unexpectedCharacter, 5),
        ("1\u{00A0}000", .plain, .unexpectedCharacter, 1),
        // misplaced separators, plain
        (".5", .plain, .misplacedSeparator, 0),
        ("5.", .plain, .misplacedSeparator, 1),
        ("-.5", .plain, .misplacedSeparator, 1),
        ("5. ", .plain, .misplacedSeparator, 1),
        ("5.x", .plain, .misplacedSeparator, 1),
        ("1.2.3", .plain, .misplacedSeparator, 3),
        ("1.250.000", .plain, .misplacedSeparator, 5),
        // misplaced separators, vietnamese
        ("18.5", .vietnamese, .misplacedSeparator, 2),
        ("  18.5", .vietnamese, .misplacedSeparator, 4),
        ("1.25", .vietnamese, .misplacedSeparator, 1),
        ("1.2345", .vietnamese, .misplacedSeparator, 1),
        ("1234.567", .vietnamese, .misplacedSeparator, 4),
        ("1.250.00", .vietnamese, .misplacedSeparator, 5),
        ("1.25.000", .vietnamese, .misplacedSeparator, 1),
        ("1.250.00,5", .vietnamese, .misplacedSeparator, 5),
        ("1.,5", .vietnamese, .misplacedSeparator, 1),
        (".500", .vietnamese, .misplacedSeparator, 0),
        (",5", .vietnamese, .misplacedSeparator, 0),
        ("5,", .vietnamese, .misplacedSeparator, 1),
        ("5.", .vietnamese, .misplacedSeparator, 1),
        ("5. ", .vietnamese, .misplacedSeparator, 1),
        ("0.500", .vietnamese, .misplacedSeparator, 1),
        ("1,5,0", .vietnamese, .misplacedSeparator, 3),
        ("1,500.000", .vietnamese, .misplacedSeparator, 5),
        // too many digits
        (String(repeating: "1", count: 61), .plain, .tooManyDigits, 60),
        ("-" + String(repeating: "0", count: 61), .plain, .tooManyDigits, 61),
        ("1." + String(repeating: "0", count: 60), .plain, .tooManyDigits, 61),
        ("1" + String(repeating: ".000", count: 20), .vietnamese, .tooManyDigits, 80),
    ]

    @Test(arguments: errors)
    func rejects(_ text: String, _ locale: NumberLocale, _ reason: NumberParseError.Reason, _ offset: Int) {
        let error = parseError(text, locale)
        #expect(error?.reason == reason, "\(text)")
        #expect(error?.offset == offset, "\(text)")
        #expect(error == NumberParseError(offset: offset, reason: reason))
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test func messagesExplainTheFix() throws {
        let grouping = try #require(parseError("18.5", .vietnamese))
        #expect(grouping.message.contains("three digits"))
        #expect(grouping.message.contains("18,5"))
        #expect(try #require(parseError("1,5", .plain)).message.contains("‘.’ as the decimal point"))
        #expect(try #require(parseError("12a", .plain)).message.contains("‘a’"))
        #expect(try #require(parseError(".5", .plain)).message.contains("0.5"))
        #expect(try #require(parseError("0.500", .vietnamese)).message.contains("0,5"))
        #expect(try #require(parseError("", .plain)).message.contains("nothing"))
        #expect(try #require(parseError(String(repeating: "9", count: 70), .plain)).message.contains("60"))
        #expect(NumberParseError(offset: 0, reason: .misplacedSeparator).message.isEmpty == false)
    }

    @Test func millionDigitInputIsRejectedWithoutParsing() {
        let hostile = String(repeating: "7", count: 1_000_000)
        let error = parseError(hostile, .plain)
        #expect(error == NumberParseError(offset: 60, reason: .tooManyDigits))
        let bytes = [UInt8](repeating: UInt8(ascii: "3"), count: 1_000_000)
        switch ExactNumber.parse(utf8: bytes, locale: .vietnamese) {
        case .success: Issue.record("a million digits must be rejected")
        case .failure(let error): #expect(error.reason == .tooManyDigits && error.offset == 60)
        }
    }

    @Test func byteVariantsAgree() throws {
        let line: [UInt8] = Array("x;1.250,5;y".utf8)
        let field = line[2..<9]
        #expect(try ExactNumber.parse(utf8: field, locale: .vietnamese).get() == q(2501, 2))
        // Offsets are relative to the start of the given collection.
        let bad = line[2..<10]
        #expect(ExactNumber.parse(utf8: bad, locale: .vietnamese) == .failure(NumberParseError(offset: 7, reason: .unexpectedCharacter)))
        // A collection without contiguous storage takes the generic path.
        let lazy = "18.5".utf8.lazy.map { $0 }
        #expect(try ExactNumber.parse(utf8: lazy, locale: .plain).get() == q(37, 2))
        let lazyBad = "18.5".utf8.lazy.map { $0 }
        #expect(ExactNumber.parse(utf8: lazyBad, locale: .vietnamese) == .failure(NumberParseError(offset: 2, reason: .misplacedSeparator)))
        #expect(ExactNumber.parse("1250000000"[...]) == .success(q(1_250_000_000)))
    }
}

@Suite struct ExactNumberFormattingTests {
    static let descriptions: [(ExactNumber, String)] = [
        (q(37, 2), "18.5"),
        (q(1_250_000_000), "1250000000"),
        (q(3, 100), "0.03"),
        (q(0), "0"),
        (q(-3), "-3"),
        (q(-37, 2), "-18.5"),
        (q(1, 8), "0.125"),
        (q(1, 3), "0.333333333333"),
        (q(2, 3), "0.666666666667"),
        (q(-2, 3), "-0.666666666667"),
        (q(1, 1_000_000_000_000), "0.000000000001"),
        (q(1, 10_000_000_000_000), "0"),
        (q(5, 10_000_000_000_000), "0.000000000001"),
        (q(-5, 10_000_000_000_000), "-0.000000000001"),
        (q(-4, 10_000_000_000_000), "0"),
        (q(123_456_789, 1000), "123456.789"),
    ]

    @Test(arguments: descriptions)
    func description(_ value: ExactNumber, _ expected: String) {
        #expect(value.description == expected)
    }

    static let formatted: [(ExactNumber, Int, String)] = [
        (q(1, 3), 2, "0.33"),
        (q(2, 3), 2, "0.67"),
        (q(5, 1000), 2, "0.01"),
        (q(-5, 1000), 2, "-0.01"),
        (q(-4, 1000), 2, "0"),
        (q(1, 2), 0, "1"),
        (q(5, 2), 0, "3"),
        (q(-5, 2), 0, "-3"),
        (q(1999, 1000), 2, "2"),
        (q(25, 2), 2, "12.5"),
        (q(7), 2, "7"),
        (q(1, 3), -1, "0"),
        (q(1, 7), 20, "0.14285714285714285714"),
    ]

    @Test(arguments: formatted)
    func formattedWithLimit(_ value: ExactNumber, _ digits: Int, _ expected: String) {
        #expect(value.formatted(maxFractionDigits: digits) == expected)
    }

    static let percents: [(ExactNumber, String)] = [
        (q(1, 4), "25%"),
        (q(185, 1000), "18.5%"),
        (q(1, 3), "33.33%"),
        (q(2, 3), "66.67%"),
        (q(0), "0%"),
        (q(-1, 20), "-5%"),
        (q(3, 2), "150%"),
    ]

    @Test(arguments: percents)
    func percentDescription(_ value: ExactNumber, _ expected: String) {
        #expect(value.percentDescription == expected)
    }

    /// The word-sized shortcut rounds exactly as the big-integer path does, at the edges of 64 bits too.
    @Test func wordSizedFormattingAgreesWithBigIntegers() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return seed
        }
        var values: [ExactNumber] = [q(Int(Int64.max)), q(Int(Int64.min) + 1), q(Int(Int64.max), 3), q(-1, Int(Int64.max)),
                                     q(Int(Int64.max) / 10, 7), q(5, 10), q(-5, 10), q(1_844_674_407_370_955_161, 2)]
        for _ in 0..<3000 {
            let bits = Int(next() % 63) + 1
            let n = Int64(truncatingIfNeeded: next() >> UInt64(64 - bits)) * (next() % 2 == 0 ? 1 : -1)
            let d = Int64(truncatingIfNeeded: max(1, next() >> UInt64(64 - Int(next() % 63) - 1)))
            values.append(ExactNumber(numerator: BigInt(n), denominator: BigInt(d)))
        }
        var compared = 0
        for v in values {
            for exponent in [0, 2, 4, 12, 14, 19] {
                guard let small = v.smallScaledQuotient(exponent) else { continue }
                compared += 1
                if BigInt(small) != v.bigScaledQuotient(exponent) {
                    Issue.record("\(v.numerator)/\(v.denominator) × 10^\(exponent): \(small) vs \(v.bigScaledQuotient(exponent))")
                }
            }
        }
        #expect(compared > 10_000, "the shortcut was taken for most values")
    }

    @Test func bigValuesFormatWithoutExponent() throws {
        let huge = ExactNumber(BigInt.powerOfTen(30)) + q(1, 2)
        #expect(huge.description == "1000000000000000000000000000000.5")
        #expect((-huge).formatted(maxFractionDigits: 0) == "-1000000000000000000000000000001")
    }

    @Test(arguments: ["18.5", "-0.03", "1250000000", "0.000000000001", "123456789012345678901234567890.5"])
    func descriptionRoundTripsThroughParse(_ text: String) throws {
        let value = try #require(parsed(text))
        #expect(value.description == text)
        #expect(parsed(value.description) == value)
    }
}
