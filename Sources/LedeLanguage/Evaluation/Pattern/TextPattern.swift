/// A compiled regular expression for `matches`.
///
/// Matches anywhere in the text (anchor with `^` and `$`), case-sensitively unless the
/// pattern starts with `(?i)`. The engine never backtracks, so no pattern can take more than
/// time proportional to the text's length (times the pattern's size): there are no
/// back-references or look-arounds, which would need backtracking.
public struct TextPattern: Sendable {
    public let source: String
    private let program: PatternProgram

    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
    }

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var parser = PatternParser(source)
        do {
            let node = try parser.parse()
            program = try PatternProgram(node, ignoresCase: parser.ignoresCase)
        } catch let failure as PatternParser.Failure {
            throw SyntaxError(message: "invalid regular expression '\(source)': \(failure.message)")
        } catch {
            throw SyntaxError(message: "invalid regular expression '\(source)': the pattern is too large")
        }
    }

    public func matches(_ text: String, shouldStop: () -> Bool = { false }) -> Bool {
        program.matches(text, shouldStop: shouldStop)
    }
}
