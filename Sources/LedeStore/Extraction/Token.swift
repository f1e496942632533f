/// One word, number or punctuation mark of an article, as a UTF-8 range of its text.
struct Token: Sendable {
    var start: Int32
    var end: Int32
    /// `WordHash.word` of the token's bytes (words, numbers and possessives; 0 for punctuation).
    var hash: UInt64
    var shape: TokenShape
    /// What the gazetteers and the grammar word lists know of the word.
    var info: WordInfo
    /// A month's or weekday's number, for the words that name one.
    var value: UInt8
    /// The index of the sentence the token is in.
    var sentence: Int32

    var range: Range<Int> { Int(start)..<Int(end) }

    /// A placeholder, overwritten before it is read.
    static let none = Token(start: 0, end: 0, hash: 0, shape: [], info: [], value: 0, sentence: 0)
    var length: Int { Int(end - start) }

    /// Whether the token has any of `shape`'s flags.
    func `is`(_ shape: TokenShape) -> Bool { !self.shape.isDisjoint(with: shape) }
    func has(_ info: WordInfo) -> Bool { !self.info.isDisjoint(with: info) }
}

/// How a token is written.
struct TokenShape: OptionSet, Sendable {
    let rawValue: UInt16

    static let word = TokenShape(rawValue: 1 << 0)
    static let number = TokenShape(rawValue: 1 << 1)
    static let punctuation = TokenShape(rawValue: 1 << 2)
    /// Its first letter is a capital.
    static let capitalized = TokenShape(rawValue: 1 << 3)
    /// Two or more letters, all capitals ("NATO", "U.S.").
    static let allCaps = TokenShape(rawValue: 1 << 4)
    /// Its first letter is lowercase.
    static let lowercase = TokenShape(rawValue: 1 << 5)
    /// A capital and a period: "J.".
    static let initial = TokenShape(rawValue: 1 << 6)
    /// Letters with periods: "U.S.", "U.N.".
    static let dotted = TokenShape(rawValue: 1 << 7)
    /// `'s` or `’s` after a name.
    static let possessive = TokenShape(rawValue: 1 << 8)
    /// `“`, `‘` or `"`.
    static let openingQuote = TokenShape(rawValue: 1 << 9)
    /// `”`, `’` or `"`.
    static let closingQuote = TokenShape(rawValue: 1 << 10)
    /// `-`, `–` or `—` standing alone.
    static let dash = TokenShape(rawValue: 1 << 11)
    /// Follows its predecessor with no space between them.
    static let attached = TokenShape(rawValue: 1 << 12)
    /// `'` or `’` standing alone (after a plural: "Workers’").
    static let apostrophe = TokenShape(rawValue: 1 << 13)
    /// Ends in a hyphen and a lowercase part: "New York-based", "Moscow-backed".
    static let lowercaseSuffix = TokenShape(rawValue: 1 << 14)
    /// ASCII letters and digits alone, as most words are: lowercased, an index term as it is.
    static let plain = TokenShape(rawValue: 1 << 15)

    static let quoteMark: TokenShape = [.openingQuote, .closingQuote]
}

/// What is known about a word, from the gazetteers and the grammar word lists.
struct WordInfo: OptionSet, Sendable {
    let rawValue: UInt32

    // Gazetteer data.
    static let givenName = WordInfo(rawValue: 1 << 0)
    static let surname = WordInfo(rawValue: 1 << 1)
    /// A common English word when written in lowercase.
    static let commonWord = WordInfo(rawValue: 1 << 2)
    /// A title that precedes a name: "President", "coach".
    static let title = WordInfo(rawValue: 1 << 3)
    static let honorific = WordInfo(rawValue: 1 << 4)
    /// A role word that heads an apposition: "director", "secretary".
    static let role = WordInfo(rawValue: 1 << 5)
    static let organizationEnd = WordInfo(rawValue: 1 << 6)
    static let organizationStart = WordInfo(rawValue: 1 << 7)
    static let placeEnd = WordInfo(rawValue: 1 << 8)
    static let placeStart = WordInfo(rawValue: 1 << 9)
    /// Capitalized, yet never a name by itself: "The", "Monday", "However".
    static let notName = WordInfo(rawValue: 1 << 10)
    /// An abbreviation whose period belongs to a name: "Inc.", "Jr.".
    static let takesPeriod = WordInfo(rawValue: 1 << 11)
    /// The first word of some gazetteer phrase.
    static let phraseStart = WordInfo(rawValue: 1 << 12)

    // Grammar words, defined in `Vocabulary`.
    static let month = WordInfo(rawValue: 1 << 13)
    static let weekday = WordInfo(rawValue: 1 << 14)
    static let speechVerb = WordInfo(rawValue: 1 << 15)
    /// "of", "de", "van", "bin": joins the words of a name.
    static let nameConnector = WordInfo(rawValue: 1 << 16)
    /// "in", "at", "near": before a place.
    static let locative = WordInfo(rawValue: 1 << 17)
    /// "will", "next", "plans": the sentence speaks of the future.
    static let future = WordInfo(rawValue: 1 << 18)
    /// "the", "a", "an".
    static let article = WordInfo(rawValue: 1 << 19)
    /// "now", "formerly", "also": may open an apposition before its role word.
    static let roleAdverb = WordInfo(rawValue: 1 << 20)
    /// "he", "she", "they", "it": a speaker resolved to the last one named.
    static let pronoun = WordInfo(rawValue: 1 << 21)
    /// "beat", "v", "drew": between two sports teams.
    static let versus = WordInfo(rawValue: 1 << 22)
    /// "and", "&".
    static let conjunction = WordInfo(rawValue: 1 << 23)
    /// "according" (to).
    static let according = WordInfo(rawValue: 1 << 24)
    /// Opens a sports club's name: "Real", "Dynamo".
    static let organizationPrefix = WordInfo(rawValue: 1 << 25)
    /// A religion, ethnic group or movement ("Moslem", "Hutu"): capitalized, yet no entity.
    static let group = WordInfo(rawValue: 1 << 26)
    /// A particle inside a person's name: "de", "van", "bin".
    static let particle = WordInfo(rawValue: 1 << 27)
    /// May open a date phrase: "the", "this", "last", "today".
    static let dateWord = WordInfo(rawValue: 1 << 28)
}
