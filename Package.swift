// swift-tools-version: 6.1
//
// Lede: a shell and script runner for exploring a corpus of news articles.
//
// Dependencies point one way: lede → LedeShell → LedeLanguage → LedeStore.
// Only `lede` (the executable) talks to the terminal, and only its LineEditor imports CEditLine.

import PackageDescription

let package = Package(
    name: "Lede",
    products: [
        .executable(name: "lede", targets: ["lede"]),
        // The libraries, for packages that build on them: the fuzz targets in Tests/Fuzz.
        .library(name: "LedeStore", targets: ["LedeStore"]),
        .library(name: "LedeLanguage", targets: ["LedeLanguage"]),
        .library(name: "LedeShell", targets: ["LedeShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // MARK: Libraries

        // The corpus: model, loaders, extraction, indexes. Knows nothing of the language.
        .target(
            name: "LedeStore",
            exclude: ["Resources/make-gazetteers.py"],
            resources: [.copy("Resources/Gazetteers")]
        ),

        // The query language: source files and diagnostics, syntax, schema and checker, evaluation.
        // Never prints.
        .target(
            name: "LedeLanguage",
            dependencies: ["LedeStore"]
        ),

        // The session behind the REPL and the script runner: statements, dot commands, output
        // formats, completion. Testable without a terminal.
        .target(
            name: "LedeShell",
            dependencies: ["LedeLanguage", "LedeStore"]
        ),

        // MARK: System library

        // libedit's native API, with shims for its C variadics.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),

        // MARK: Executables

        // The command line: arguments, terminal detection, the line editor.
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeShell",
                "LedeLanguage",
                "LedeStore",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmark

        // Lede against sqlite3 + FTS5, jq and ripgrep on the news sets (`make bench`, issue 4).
        .executableTarget(name: "LedeBenchmark", dependencies: ["LedeShell", "LedeLanguage", "LedeStore"]),

        // MARK: Tests

        .testTarget(name: "LedeStoreTests", dependencies: ["LedeStore"]),
        .testTarget(name: "LedeLanguageTests", dependencies: ["LedeLanguage", "LedeStore"]),
        .testTarget(name: "LedeShellTests", dependencies: ["LedeShell", "LedeLanguage", "LedeStore"]),
        .testTarget(name: "LedeBenchmarkTests", dependencies: ["LedeBenchmark"]),
        // Runs every script in examples/ and Tests/GoldenTests/Cases/ against its expectations.
        .testTarget(
            name: "GoldenTests",
            dependencies: ["LedeShell", "LedeLanguage", "LedeStore"],
            exclude: ["Cases"]
        ),
        // Runs the built `lede` binary: arguments, stdin, exit codes, and the REPL through a pty.
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
    ],
    swiftLanguageModes: [.v6]
)
