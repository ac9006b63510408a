import Foundation
import Testing
@testable import TuanthuRuntime

/// The data loader reads plain lines through `CSVReader.nextSimpleLine` and everything else through
/// `next()`: mixing the two must give exactly the records and errors `next()` alone gives, whatever the
/// buffer size (the fuzz target FuzzCSV checks the same on arbitrary bytes).
@Suite("CSV fast lane")
struct CSVFastLaneTests {
    struct Outcome: Equatable {
        var records: [CSVRecord] = []
        var errors: [CSVError] = []
        var laneLines = 0
    }

    /// Reads everything; with `lane`, plain lines after the header through the fast lane (with `utf8`, lines
    /// with valid UTF-8 text beyond ASCII too, as the data loader reads report files).
    static func read(_ reader: CSVReader, lane: Bool, utf8: Bool = false) -> Outcome {
        var out = Outcome()
        var cuts = CSVReader.LineCuts(limit: 4)
        while true {
            if lane, !out.records.isEmpty || !out.errors.isEmpty,
               let simple = utf8 ? reader.nextSimpleLine(cutting: reader.delimiter, into: &cuts, utf8: true) : reader.nextSimpleLine() {
                out.records.append(simple.record(delimiter: reader.delimiter))
                out.laneLines += 1
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

    static func plain(_ reader: CSVReader) -> Outcome { read(reader, lane: false) }
    static func withLane(_ reader: CSVReader, utf8: Bool = false) -> Outcome { read(reader, lane: true, utf8: utf8) }

    static let inputs: [String] = [
        "a,b,c\n1,2,3\n4,5,6\n",
        "a,b,c\r\n1,2,3\r\n4,5,6",                        // CRLF, no final line break
        "\u{FEFF}a;b\n1;2\n\n\n3;4\n",                    // BOM, semicolons, empty lines
        "a,b\n1,\"x,y\"\n2,\"he said \"\"hi\"\"\"\n3,z\n", // quoted fields between plain lines
        "a,b\nSở,Tài chính\n1,2\n",                       // non-ASCII lines take the record path
        "a,b\n1,2\r3,4\n5,6\n",                           // a bare CR ends a record
        "a,b\n1,2\"x\n3,4\n",                             // a quote inside an unquoted field
        "a,b\n" + String(repeating: "x", count: 3000) + ",y\n1,2\n",  // longer than small buffers
        "a,b\n,\n,,\n1\n",                                // empty cells, short and long rows
        "a,b\n\"unterminated,1\n2,3\n",
        "a,b\n1,2\n\u{00FF}\n",
        "a,b,c\nP1,Báo cáo số 1,x\nệ,\u{1EC7}x,y\n",              // text beyond ASCII: NFC, columns in characters
        "a,b,c\ne\u{0302}\u{0323},Sở,2\n\u{1F600},b,c\n",            // decomposed text made NFC; a 4-byte scalar
        "a,b\nx\u{00E9}\u{00FF}y,2\n1,\u{00E9}\n",
    ]

    @Test(arguments: inputs.indices)
    func laneAndRecordsAgree(input: Int) {
        let bytes = Array(Self.inputs[input].utf8)
        let expected = Self.plain(CSVReader(bytes: bytes))
        for chunk in [1 << 20, 1, 2, 3, 7, 64, 4096] {
            for utf8 in [false, true] {
                let lane = Self.withLane(CSVReader(bytes: bytes, chunkSize: chunk), utf8: utf8)
                #expect(lane.records == expected.records, "chunk \(chunk), utf8 \(utf8)")
                #expect(lane.errors == expected.errors, "chunk \(chunk), utf8 \(utf8)")
            }
        }
        // Text beyond ASCII takes the lane only when asked.
        if input == 11 {
            #expect(Self.withLane(CSVReader(bytes: bytes)).laneLines == 0)
            #expect(Self.withLane(CSVReader(bytes: bytes), utf8: true).laneLines == 2)
        }
        // With the default buffer, plain lines after the header do take the lane.
        if input == 0 { #expect(Self.withLane(CSVReader(bytes: bytes)).laneLines == 2) }
    }

    /// Random mixes of plain, quoted, non-ASCII, empty and CR lines.
    @Test func randomInputsAgree() {
        var rng = HostileRandom(seed: 0x6C616E65)
        let pieces = ["a", "b1", ",", "\n", "\r\n", "\r", "\"", "\"\"", "ệ", "e\u{0323}\u{0302}", "\u{1F600}", " ", ";", "2025-W05", "\n\n"]
        for _ in 0..<300 {
            var text = "obligation,agency,period\n"
            for _ in 0..<Int.random(in: 0..<60, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let bytes = Array(text.utf8)
            let expected = Self.plain(CSVReader(bytes: bytes))
            for chunk in [1 << 20, 3, 16] {
                for utf8 in [false, true] {
                    let lane = Self.withLane(CSVReader(bytes: bytes, chunkSize: chunk), utf8: utf8)
                    #expect(lane.records == expected.records && lane.errors == expected.errors, "input \(text.debugDescription), chunk \(chunk), utf8 \(utf8)")
                }
            }
        }
    }
}
