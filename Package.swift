// swift-tools-version:6.0
import PackageDescription

/// `Scripts/test` builds the debug configuration with the engine and the embedding library optimised
/// (`NOTICE_ASSISTANT_OPTIMIZED_TESTS=1`): `explore` walks every distinct path of the dialog and the property
/// tests thousands of turns, ~6× faster optimised, which keeps the whole suite inside CI's time. Assertions still hold
/// (`precondition`), and `@testable` still works (SwiftPM passes `-enable-testing` in debug). Set by nothing else, so a
/// package that depends on this one, or a plain `swift build`, never sees an unsafe flag.
let optimizedForTests: [SwiftSetting] = Context.environment["NOTICE_ASSISTANT_OPTIMIZED_TESTS"] == "1"
    ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "notice-assistant",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NoticeAssistant", targets: ["NoticeAssistant"]),
        .executable(name: "notice-assistant", targets: ["notice-assistant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // One lock-free, build-once reference: the compiled dialog's tables that only lines and advice need are built
        // at first use, not before the first prompt (docs/performance.md, Start-up).
        .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
        // Property-based tests (Tests/NoticeAssistantTests/PropertyTests.swift); small, no dependencies of its own.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The pure core: model, normalisation, extraction, conditions, the engine. Foundation value types only.
        .target(name: "DialogCore", dependencies: [.product(name: "Atomics", package: "swift-atomics")],
                swiftSettings: optimizedForTests),
        // Reads a dialog folder (YAML) into the model, with positions; validates it.
        .target(name: "DialogFiles", dependencies: ["DialogCore", .product(name: "Yams", package: "Yams")]),
        // Session records as JSON Lines, redaction, durable appends, rendering for people.
        .target(name: "Transcript", dependencies: ["DialogCore", .product(name: "Atomics", package: "swift-atomics")]),
        // libedit, through a header of non-variadic wrappers.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        // The embedding API and the JSON-lines protocol.
        .target(name: "NoticeAssistant", dependencies: ["DialogCore", "DialogFiles", "Transcript"], swiftSettings: optimizedForTests),
        .executableTarget(
            name: "notice-assistant",
            dependencies: [
                "NoticeAssistant", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The complete example of docs/embedding.md; the tests build and run it.
        .executableTarget(name: "EmbeddingExample", dependencies: ["NoticeAssistant"], path: "Examples/EmbeddingExample"),
        // The in-process benchmark harness and the cold-start floor (Scripts/bench, docs/performance.md).
        .executableTarget(name: "notice-bench", dependencies: ["NoticeAssistant"]),
        .executableTarget(name: "hello-floor"),
        // The whole-process floor: the workload's reading, one write(2) per record and printing, with no understanding.
        .executableTarget(name: "io-floor"),
        .testTarget(name: "DialogCoreTests", dependencies: ["DialogCore"]),
        .testTarget(name: "DialogFilesTests", dependencies: ["DialogFiles"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TranscriptTests", dependencies: ["Transcript"]),
        .testTarget(
            name: "NoticeAssistantTests",
            dependencies: ["NoticeAssistant", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    ]
)
