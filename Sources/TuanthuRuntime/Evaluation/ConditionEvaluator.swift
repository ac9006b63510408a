import TuanthuCore
import TuanthuSemantics

/// Evaluates a checked condition exactly, on the observations that judge one period.
struct ConditionEvaluator {
    /// Finds the observation of an indicator for a period (exact, or the latest finer one inside it).
    let lookup: (_ indicator: String, _ period: Period, _ exact: Bool) -> ObservationRow?
    /// The plan's indicators (for their units).
    let indicators: [String: Indicator]
    let period: Period
    /// Rows read while evaluating, in reading order.
    var used: [ObservationRow] = []
    /// Human-readable values read ("kinh_te_so 2030 = 26%"), in English.
    var readings: [String] = []
    /// The same values, typed for the catalogue.
    var values: [Reading] = []

    enum Truth { case yes, no, unknown(UnknownReason) }

    mutating func evaluate(_ c: Condition) -> Truth {
        switch c {
        case .compare(let op, let a, let b):
            switch (value(a), value(b)) {
            case (.success(let x), .success(let y)): return op.holds(x, y) ? .yes : .no
            case (.failure(let r), _), (_, .failure(let r)): return .unknown(r.why)
            }
        case .between(let v, let lo, let hi):
            switch (value(v), value(lo), value(hi)) {
            case (.success(let x), .success(let l), .success(let h)): return (l <= x && x <= h) ? .yes : .no
            case (.failure(let r), _, _), (_, .failure(let r), _), (_, _, .failure(let r)): return .unknown(r.why)
            }
        case .isYes(let id, let want):
            guard let row = read(id, at: period) else { return .unknown(.noValue(indicator: id, period: period)) }
            return (row.value == .one) == want ? .yes : .no
        case .not(let inner):
            switch evaluate(inner) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let r): return .unknown(r)
            }
        case .and(let a, let b):
            let x = evaluate(a), y = evaluate(b)
            if case .no = x { return .no }
            if case .no = y { return .no }
            if case .unknown(let r) = x { return .unknown(r) }
            if case .unknown(let r) = y { return .unknown(r) }
            return .yes
        case .or(let a, let b):
            let x = evaluate(a), y = evaluate(b)
            if case .yes = x { return .yes }
            if case .yes = y { return .yes }
            if case .unknown(let r) = x { return .unknown(r) }
            if case .unknown(let r) = y { return .unknown(r) }
            return .no
        }
    }

    /// Why a value cannot be computed; `text` is the English wording.
    struct Reason: Error {
        var why: UnknownReason
        var text: String { Catalogue.reason(why, .en) }
    }

    /// Reads an indicator at a period and records the reading.
    mutating func read(_ id: String, at p: Period, exact: Bool = false) -> ObservationRow? {
        guard let row = lookup(id, p, exact) else { return nil }
        if !used.contains(where: { $0.id == row.id }) {
            used.append(row)
            let shown = shownValue(row.value, unit: indicators[id]?.unit)
            readings.append(id + " " + row.period.description + " = " + shown.text)
            values.append(Reading(indicator: id, period: row.period, value: shown.value))
        }
        return row
    }

    /// The period an indicator is judged at: that of the observation found for the target's period.
    func anchor(_ id: String) -> Period {
        lookup(id, period, false)?.period ?? period
    }

    mutating func value(_ v: Value) -> Result<ExactNumber, Reason> {
        switch v {
        case .constant(let n): return .success(n)
        case .indicator(let id):
            guard let row = read(id, at: period) else { return .failure(Reason(why: .noValue(indicator: id, period: period))) }
            return .success(row.value)
        case .previous(let id):
            let p = anchor(id).previous
            guard let row = read(id, at: p, exact: true) else { return .failure(Reason(why: .noPreviousValue(indicator: id, period: p))) }
            return .success(row.value)
        case .growth(let id):
            let now = anchor(id)
            guard let cur = read(id, at: now) else { return .failure(Reason(why: .noValue(indicator: id, period: period))) }
            guard let prev = read(id, at: now.previous, exact: true) else {
                return .failure(Reason(why: .noValueForGrowth(indicator: id, period: now.previous)))
            }
            guard let ratio = cur.value.divided(by: prev.value) else {
                return .failure(Reason(why: .growthFromZero(indicator: id, period: now.previous)))
            }
            return .success(ratio - .one)
        case .add(let a, let b): return value(a).flatMap { x in value(b).map { x + $0 } }
        case .subtract(let a, let b): return value(a).flatMap { x in value(b).map { x - $0 } }
        case .multiply(let a, let b): return value(a).flatMap { x in value(b).map { x * $0 } }
        case .negate(let a): return value(a).map { -$0 }
        case .divide(let a, let b):
            switch (value(a), value(b)) {
            case (.success(let x), .success(let y)):
                guard let q = x.divided(by: y) else { return .failure(Reason(why: .divisionByZero)) }
                return .success(q)
            case (.failure(let r), _), (_, .failure(let r)): return .failure(r)
            }
        }
    }
}

/// A value as people read it, formatted once: its text (`format`) and, for the catalogue, yes/no answers per
/// language or that same text.
func shownValue(_ n: ExactNumber, unit: Unit?) -> (text: String, value: ReadingValue) {
    let text = format(n, unit: unit)
    return (text, unit == .yesno ? .yesNo(n == .one) : .number(text))
}

/// Formats a value for people: percents as `18.5%`, other units as exact decimals.
func format(_ n: ExactNumber, unit: Unit?) -> String {
    switch unit {
    case .percent?: return n.percentDescription
    case .yesno?: return n == .one ? "yes" : "no"
    default: return n.formatted(maxFractionDigits: 4)
    }
}
