import Testing

/// Every example in examples/ and every case in Tests/GoldenTests/Cases/ prints what it
/// says it prints.
@Suite struct GoldenTests {
    static let examples = GoldenRunner.scripts(in: "examples")
    static let cases = GoldenRunner.scripts(in: "Tests/GoldenTests/Cases")

    @Test(arguments: examples)
    func example(_ path: String) throws {
        try check(path)
    }

    @Test(arguments: cases)
    func golden(_ path: String) throws {
        try check(path)
    }

    private func check(_ path: String) throws {
        let outcome = try GoldenRunner.check(path)
        for failure in outcome.failures {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
