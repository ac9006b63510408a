/// A comparison operator in a condition.
public enum CompareOp: String, Sendable, Hashable {
    case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "=", ne = "!="

    /// Applies the comparison to an ordering of the two sides.
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        case .eq: return a == b
        case .ne: return a != b
        }
    }
}
