/// An entity mention found in a sentence, before coreference settles its name.
///
/// A plain value holding no references, so the candidates of an article are sorted, filtered
/// and copied without reference counting; names become Strings only once they are settled.
struct Candidate {
    /// Token indices of the mention.
    var tokens: Range<Int>
    var kind: EntityKind
    /// Where the canonical name comes from; nil to take it from the text.
    var name: CandidateName?
    /// For places: the index in `Gazetteer.names` of the country they lie in.
    var country: Int32?
    /// A nationality adjective ("North Korean") standing for its place.
    var adjective = false
    /// Whether the evidence is strong (a gazetteer, a cue word, a title) or only a default.
    var strong: Bool
    var reason: Reason
    /// Tokens of the title written before the name inside its run ("US Treasury Secretary").
    var role: Range<Int>? = nil
    /// The byte range, when it differs from the tokens' (a trailing period of "Inc.").
    var byteEnd: Int? = nil
    /// Kept only if coreference finds the name it stands for: a capitalized common word
    /// ("Trump") that may be the surname of someone named in full elsewhere.
    var tentative = false

    init(
        _ tokens: Range<Int>, _ kind: EntityKind, name: CandidateName? = nil, country: Int32? = nil, strong: Bool, _ reason: Reason
    ) {
        self.tokens = tokens
        self.kind = kind
        self.name = name
        self.country = country
        self.strong = strong
        self.reason = reason
    }
}

/// Where a candidate's canonical name comes from.
enum CandidateName: Equatable {
    /// A name in the gazetteer, by its index in `Gazetteer.names`.
    case gazetteer(Int32)
    /// The words of a byte range of the text, each run of white space read as one space.
    case text(Range<Int>)
    /// The words of a byte range written in capitals, title-cased: "NEW YORK" is "New York".
    case titleCased(Range<Int>)

    func string(_ text: ArticleText) -> String {
        switch self {
        case .gazetteer(let index): text.gazetteer.name(index)
        case .text(let range): Coreference.normalizedSpaces(range, text)
        case .titleCased(let range): DatelineFinder.titleCased(UnsafeBufferPointer(rebasing: text.bytes[range]))
        }
    }
}

/// Why a span was tagged, for `ExtractionInput.explain`.
enum Reason: Sendable {
    case gazetteer
    case demonym
    case sportsTeam
    case organizationWord
    case organizationOf
    case placeWord
    case title
    case givenName
    case initials
    case namelike
    case surname
    case acronym
    case locative
    case unknownName
    case coreference
    case dateline
    case acronymDefinition

    var description: String {
        switch self {
        case .gazetteer: "in the gazetteer"
        case .demonym: "a nationality adjective in the gazetteer"
        case .sportsTeam: "a place name before a score or 'beat' in a sports story: a team"
        case .organizationWord: "ends in an organization word"
        case .organizationOf: "an organization word followed by 'of'"
        case .placeWord: "starts or ends with a place word"
        case .title: "follows a title or honorific"
        case .givenName: "starts with a given name"
        case .initials: "initials and a name"
        case .namelike: "capitalized words that are not common words"
        case .surname: "a surname"
        case .acronym: "an acronym"
        case .locative: "a capitalized word after 'in', 'at' or 'near'"
        case .unknownName: "a capitalized word that is not a common word"
        case .coreference: "the same name as an earlier mention"
        case .dateline: "the place of a wire dateline"
        case .acronymDefinition: "an acronym given in brackets after the name"
        }
    }
}
