import LedeLanguage
import LedeShell
import Testing

/// `.help` covers every topic it lists, and every topic's closing example runs.
@Suite struct HelpTests {
    static let topics: [String] = Keywords.stages + Keywords.sources + ObjectType.allCases.map(\.rawValue)
        + Function.allCases.map(\.rawValue) + Aggregate.allCases.map(\.rawValue) + DotCommand.allCases.map { "." + $0.rawValue }
        + ["functions", "operators", "stages", "sources", "formats", "commands", "==", "contains", "matches", "+"]

    @Test(arguments: topics)
    func topicEndsWithAnExampleThatRuns(_ topic: String) throws {
        let t = TestSession()
        #expect(t.run(".help \(topic)"))
        let text = t.output.text
        #expect(!text.hasPrefix("no help on"), "no help on \(topic)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let example = try #require(lines.lastIndex(where: { $0 == "example:" }).map { String(lines[$0 + 1]).trimmingCharacters(in: .whitespaces) })
        // Commands that write or leave are shown, not run.
        if [".output people.csv", ".once people.json", ".quit", ".read examples/01-articles.lede", ".load seeds"].contains(example) { return }
        let runner = TestSession()
        #expect(runner.run(example), "the example of .help \(topic) fails: \(example)\n\(runner.errors.text)")
    }

    @Test func unknownTopicsSuggestTheNearest() {
        let t = TestSession()
        t.run(".help wehre")
        #expect(t.output.text == "no help on 'wehre' (did you mean 'where'?); try .help for the topics\n")
    }

    @Test func schemaListsEveryTypeAndField() {
        let t = TestSession()
        t.run(".schema")
        for type in ObjectType.allCases {
            #expect(t.output.text.contains("\(type.rawValue): \(Schema.summary(of: type))"))
            for field in Schema.fields(of: type) { #expect(t.output.text.contains("  \(field.name) ")) }
        }
    }
}
