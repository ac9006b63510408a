// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage; dependencies only point down the pipeline:
// Core <- Syntax <- Semantics <- Runtime <- Report <- tuanthu (CLI).
let package = Package(
    name: "tuanthu",
    products: [
        .executable(name: "tuanthu", targets: ["tuanthu"]),
        .library(name: "TuanthuKit", targets: ["TuanthuCore", "TuanthuSyntax", "TuanthuSemantics", "TuanthuRuntime", "TuanthuReport"]),
    ],
    targets: [
        .target(name: "TuanthuCore"),
        .target(name: "TuanthuSyntax", dependencies: ["TuanthuCore"]),
        .target(name: "TuanthuSemantics", dependencies: ["TuanthuCore", "TuanthuSyntax"]),
        .target(name: "TuanthuRuntime", dependencies: ["TuanthuCore", "TuanthuSemantics"]),
        .target(name: "TuanthuReport", dependencies: ["TuanthuCore", "TuanthuRuntime"]),
        .executableTarget(name: "tuanthu", dependencies: ["TuanthuCore", "TuanthuSyntax", "TuanthuSemantics", "TuanthuRuntime", "TuanthuReport"]),
        .testTarget(name: "TuanthuCoreTests", dependencies: ["TuanthuCore"]),
        .testTarget(name: "TuanthuSyntaxTests", dependencies: ["TuanthuCore", "TuanthuSyntax"]),
        .testTarget(name: "TuanthuSemanticsTests", dependencies: ["TuanthuCore", "TuanthuSyntax", "TuanthuSemantics", "TuanthuReport"]),
        .testTarget(name: "TuanthuRuntimeTests", dependencies: ["TuanthuCore", "TuanthuSemantics", "TuanthuRuntime", "TuanthuReport"]),
        .testTarget(name: "CLITests", dependencies: ["tuanthu", "TuanthuCore"]),
        .testTarget(name: "TuanthuReportTests", dependencies: ["TuanthuCore", "TuanthuSemantics", "TuanthuRuntime", "TuanthuReport"]),
    ],
    swiftLanguageModes: [.v6]
)
