import Foundation
import FuzzSupport
import TuanthuCore
import TuanthuSemantics
import TuanthuRuntime

// The JSON reader on arbitrary bytes, then the same bytes as a data folder's `data.json` loaded for
// a fixed plan (the path `tuanthu eval` takes): never a crash, and every failure is a data error
// with a position.
let scratch = Scratch("json")
let plans: [CheckedPlan] = {
    let path = scratch.write(Array(FixedPlan.text.utf8), to: "plan/plan.plan")
    var checker = Checker()
    let result = checker.run(files: [path])
    if result.hasErrors { fuzzFailure("the fixed plan does not check") }
    return result.plans
}()

@main
enum Main {
    static func main() { runFuzzer(fuzzJSON) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let node = try JSONReader.parse(bytes)
        _ = node
    } catch {
        if error.line < 1 || error.column < 1 { fuzzFailure("JSON error without a position: \(error)") }
    }
    scratch.clear("data")
    scratch.write(bytes, to: "data/data.json")
    var loader = DataLoader(plans: plans)
    let set = loader.load(directory: scratch.path + "/data")
    for e in set.errors where e.line < 1 && e.file.hasSuffix("data.json") && !e.message.isUnreadable {
        fuzzFailure("data error without a line: \(e)")
    }
    return 0
}

extension Message {
    var isUnreadable: Bool { if case .unreadableFile = self { return true }; return false }
}
