import TuanthuCore
import TuanthuRuntime

/// `tuanthu explain --format json`: each finding (as in the findings report) with its reasoning steps, in English
/// whatever `--lang` says (like the findings JSON), so scripts read one wording.
public enum ExplanationJSON {
    public static func render(_ explanations: [Explanation]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.beginArray("explanations")
        for e in explanations {
            w.beginObject()
            FindingsJSON.finding(e.finding, &w, key: "finding")
            w.beginArray("steps")
            for s in e.steps {
                w.beginObject()
                w.string("topic", s.topic.rawValue)
                w.beginArray("lines")
                for l in s.lines(.en) { w.string(nil, l) }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
