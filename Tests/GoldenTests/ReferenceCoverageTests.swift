import Foundation
import LedeLanguage
import LedeShell
import Testing

/// Grammar.md names every source, stage, operator, function, aggregate and dot command the
/// language has, so the reference cannot fall behind the parser.
@Suite struct ReferenceCoverageTests {
    static let grammar = (try? String(contentsOfFile: GoldenRunner.repository + "/Grammar.md", encoding: .utf8)) ?? ""

    @Test(arguments: Keywords.sources + Keywords.stages)
    func everySourceAndStage(_ word: String) {
        #expect(Self.grammar.contains("\"\(word)\""), "Grammar.md has no production naming \"\(word)\"")
    }

    @Test(arguments: Function.allCases.map(\.rawValue) + Aggregate.allCases.map(\.rawValue))
    func everyFunction(_ name: String) {
        #expect(Self.grammar.contains("`\(name)("), "Grammar.md does not document \(name)(…)")
    }

    @Test(arguments: BinaryOperator.allCases.map(\.rawValue))
    func everyOperator(_ spelling: String) {
        #expect(Self.grammar.contains("\"\(spelling)\""), "Grammar.md's productions do not include '\(spelling)'")
    }

    @Test(arguments: DotCommand.allCases.map(\.rawValue))
    func everyDotCommand(_ name: String) {
        #expect(Self.grammar.contains("`.\(name)"), "Grammar.md does not document .\(name)")
    }
}
