// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder (`main` for /work/main), so take that name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()
let kit = Target.Dependency.product(name: "TuanthuKit", package: root)

// libFuzzer targets for tuanthu, kept out of the main package so `swift build` and `swift test`
// never see them. Build and run one with `scripts/fuzz.sh TARGET SECONDS` (Linux only: it needs
// `-sanitize=fuzzer,address`).
let package = Package(
    name: "tuanthu-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [kit]),
        .executableTarget(name: "FuzzCheck", dependencies: ["FuzzSupport", kit]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", kit]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", kit]),
        .executableTarget(name: "FuzzEval", dependencies: ["FuzzSupport", kit]),
    ],
    swiftLanguageModes: [.v6]
)
