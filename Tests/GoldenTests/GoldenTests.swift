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

    /// The language reference and the README show only examples that run as shown.
    @Test(arguments: ["Grammar.md", "README.md"])
    func documentation(_ name: String) throws {
        let path = GoldenRunner.repository + "/" + name
        let examples = try MarkdownExamples(path: path)
        #expect(!examples.examples.isEmpty, "\(name) has no lede examples")
        let corpus = try GoldenRunner.seedsCorpus()
        for failure in try examples.check(corpus: corpus, name: name) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    private func check(_ path: String) throws {
        let outcome = try GoldenRunner.check(path)
        for failure in outcome.failures {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
