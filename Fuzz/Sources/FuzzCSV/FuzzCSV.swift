import Foundation
import FuzzSupport
@testable import TuanthuRuntime

// The CSV reader on arbitrary bytes. Differential: the same input read with the normal 1 MiB chunks
// and with 7-byte chunks must give the same records and errors (chunk boundaries must not matter),
// and reading must always end (at most one record or error per input byte, plus the header).
// A second pass with a 64-byte field limit exercises the too-long-field path.

struct Outcome: Equatable {
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
}

func read(_ reader: CSVReader, limit: Int) -> Outcome {
    var out = Outcome()
    var steps = 0
    while true {
        steps += 1
        if steps > limit { fuzzFailure("CSV reader did not end after \(limit) steps") }
        do {
            guard let r = try reader.next() else { break }
            if r.fields.count != r.columns.count || r.fields.count != r.fieldLines.count {
                fuzzFailure("record with \(r.fields.count) fields, \(r.columns.count) columns, \(r.fieldLines.count) lines")
            }
            out.records.append(r)
        } catch {
            if error.line < 1 && error.kind != .ioError { fuzzFailure("error without a line: \(error)") }
            out.errors.append(error)
        }
    }
    return out
}

/// Reads the way the data loader does: after the header, plain lines through the fast lane
/// (`nextSimpleLine`; with `utf8`, lines with valid UTF-8 beyond ASCII too, as report files are read), split
/// on the delimiter here, the rest through `next()`. Must equal `read`.
func readWithLane(_ reader: CSVReader, limit: Int, utf8: Bool = false) -> Outcome {
    var out = Outcome()
    var steps = 0
    var cuts = CSVReader.LineCuts(limit: 8)
    while true {
        steps += 1
        if steps > limit { fuzzFailure("CSV reader (fast lane) did not end after \(limit) steps") }
        if !out.records.isEmpty || !out.errors.isEmpty,
           let simple = utf8 ? reader.nextSimpleLine(cutting: reader.delimiter, into: &cuts, utf8: true) : reader.nextSimpleLine() {
            out.records.append(simple.record(delimiter: reader.delimiter))
            continue
        }
        do {
            guard let r = try reader.next() else { break }
            out.records.append(r)
        } catch {
            out.errors.append(error)
        }
    }
    return out
}

@main
enum Main {
    static func main() { runFuzzer(fuzzCSV) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limit = size + 8
    let whole = read(CSVReader(bytes: bytes), limit: limit)
    let chunked = read(CSVReader(bytes: bytes, chunkSize: 7), limit: limit)
    if whole != chunked {
        fuzzFailure("chunk size changes the result:\n\(whole)\nvs\n\(chunked)")
    }
    for chunk in [1 << 20, 7, 64] {
        for utf8 in [false, true] {
            let lane = readWithLane(CSVReader(bytes: bytes, chunkSize: chunk), limit: limit, utf8: utf8)
            if lane != whole {
                fuzzFailure("the fast lane (chunk \(chunk), utf8 \(utf8)) reads differently:\n\(whole)\nvs\n\(lane)")
            }
        }
    }
    let small = read(CSVReader(bytes: bytes, chunkSize: 5, fieldLimit: 64), limit: limit)
    if small.records.count + small.errors.count < 1 && size > 0 && whole.records.count > 0 {
        fuzzFailure("a small field limit lost every record")
    }
    return 0
}
