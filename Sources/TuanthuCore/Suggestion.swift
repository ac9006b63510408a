import Foundation

/// "Did you mean …?" — finds the closest known name, ignoring case and Vietnamese diacritics.
public enum Suggestion {
    /// Folds case and diacritics: "Sở Tài chính" and "so tai chinh" fold alike; đ/Đ fold to d.
    public static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        out.unicodeScalars.reserveCapacity(folded.unicodeScalars.count)
        for u in folded.unicodeScalars {
            switch u {
            case "đ", "Đ": out.unicodeScalars.append("d")
            // `So_Tai_chinh` typed as an identifier should still find "Sở Tài chính".
            case "_": out.unicodeScalars.append(" ")
            default: out.unicodeScalars.append(u)
            }
        }
        return out.lowercased()
    }

    /// The best candidate within a small edit distance of `name`, or nil.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(fold(name).unicodeScalars)
        guard !target.isEmpty else { return nil }
        var best: (String, Int)?
        for c in candidates {
            let folded = Array(fold(c).unicodeScalars)
            let limit = max(1, min(target.count, folded.count) / 3)
            if abs(folded.count - target.count) > limit { continue }
            let d = distance(target, folded, limit: limit)
            guard d <= limit else { continue }
            if let b = best, d > b.1 || (d == b.1 && c >= b.0) { continue }
            best = (c, d)
        }
        return best?.0
    }

    /// Optimal string alignment distance (edits plus adjacent transpositions), cut off above `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a == b { return 0 }
        let n = a.count, m = b.count
        var prev2 = [Int](repeating: 0, count: m + 1)
        var prev = Array(0...m)
        var cur = [Int](repeating: 0, count: m + 1)
        for i in 1...max(n, 1) where n > 0 {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...max(m, 1) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return n == 0 ? m : (m == 0 ? n : prev[m])
    }
}
