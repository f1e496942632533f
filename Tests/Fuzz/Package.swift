// swift-tools-version: 6.1
//
// Fuzz targets for Lede, run with libFuzzer by `make fuzz` from the repository's root.
// Each executable defines `LLVMFuzzerTestOneInput`; build them with
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing`. To
// replay an input that failed: `.build-fuzz/build/release/FuzzQuery .build-fuzz/artifacts/FuzzQuery-crash-…`.
// Tests/Fuzz/Corpus/<target> holds the seed inputs: valid queries from examples/ and
// Grammar.md, the seed article, JSON Lines records, broken variants of each, and lists of
// byte changes to a snapshot.

import PackageDescription

let package = Package(
    name: "LedeFuzz",
    dependencies: [
        .package(name: "Lede", path: "../..")
    ],
    targets: [
        // What the targets share: the repository's seed corpus, a scratch folder, a session
        // that runs text with a short timeout and no file access outside the corpus.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "LedeShell", package: "Lede"),
                .product(name: "LedeLanguage", package: "Lede"),
                .product(name: "LedeStore", package: "Lede"),
            ]
        ),

        // libFuzzer's driver, started from each target's entry point.
        .target(name: "FuzzDriver"),

        // Text → lexer, parser, checker, evaluator over seeds/; the REPL's statement splitter
        // and tab completion at a cursor taken from the input.
        .executableTarget(name: "FuzzQuery", dependencies: ["FuzzSupport", "FuzzDriver"]),
        // Bytes → x.txt in a folder → the loader with the real extractor → queries.
        .executableTarget(name: "FuzzSeedFile", dependencies: ["FuzzSupport", "FuzzDriver"]),
        // Bytes → x.jsonl in a folder → the loader with the real extractor → queries.
        .executableTarget(name: "FuzzJSONLines", dependencies: ["FuzzSupport", "FuzzDriver"]),
        // Bytes → changes to a snapshot of seeds/, behind checksums made to match → the
        // snapshot reader → queries. Uses LedeStore's internals (-enable-testing).
        .executableTarget(
            name: "FuzzSnapshot",
            dependencies: [
                "FuzzSupport", "FuzzDriver",
                .product(name: "LedeShell", package: "Lede"),
                .product(name: "LedeStore", package: "Lede"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
