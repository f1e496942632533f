/// A compiled regular expression for `matches`.
///
/// Matches anywhere in the text (use `^` and `$` to anchor), case-sensitively unless the
/// pattern starts with `(?i)`.
public struct TextPattern: @unchecked Sendable {
    public let source: String
    private let regex: Regex<AnyRegexOutput>

    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
    }

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        do {
            regex = try Regex(source)
        } catch {
            throw SyntaxError(message: "invalid regular expression '\(source)': \(error)")
        }
    }

    public func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
