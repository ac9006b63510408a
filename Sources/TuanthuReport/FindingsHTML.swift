import TuanthuCore
import TuanthuRuntime

/// The standalone HTML inspection report (inline CSS, no network).
public enum FindingsHTML {
    public static func render(_ e: Evaluation, language: Language) -> String {
        var out = "<!doctype html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>tuanthu</title></head><body>\n"
        out += "<p>as of \(e.asOf)</p><ul>\n"
        for f in e.findings {
            out += "<li>\(escape(f.obligation)) \(escape(f.agency)) \(escape(f.period?.description ?? "-")) \(f.status.rawValue)</li>\n"
        }
        return out + "</ul></body></html>\n"
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
