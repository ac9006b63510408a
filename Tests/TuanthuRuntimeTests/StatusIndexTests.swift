import Testing
import TuanthuRuntime

/// Counts by status and the compact CSV writer's period cells are tables indexed by `Status.index`, read
/// back through `Status.allCases[index]`: the index must be the status's place there, and hashing by it
/// must keep statuses apart.
@Test func statusIndexIsThePlaceInAllCases() {
    for (place, status) in Status.allCases.enumerated() {
        #expect(status.index == place, "\(status)")
    }
    #expect(Set(Status.allCases).count == Status.allCases.count)
    #expect(Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, $0.rawValue) })[.noData] == "no_data")
}
