import Testing
import TuanthuRuntime
@testable import TuanthuReport

/// The compact CSV writer files its period cells by `statusIndex`, which must be a status's place in
/// `Status.allCases` (it builds each cell from `Status.allCases[index]`).
@Test func statusIndexIsThePlaceInAllCases() {
    for (place, status) in Status.allCases.enumerated() {
        #expect(FindingsCSV.statusIndex(status) == place, "\(status)")
    }
}
