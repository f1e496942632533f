/// The grammar words the extractor reads cues from: months, weekdays, speech verbs,
/// connectors and the like. These are English itself, not gazetteer data, so they live in code;
/// `Gazetteer` merges them into its word table so one lookup per token finds everything.
enum Vocabulary {
    static let months: [(String, UInt8)] = [
        ("January", 1), ("Jan", 1), ("February", 2), ("Feb", 2), ("March", 3), ("Mar", 3), ("April", 4), ("Apr", 4),
        ("May", 5), ("June", 6), ("Jun", 6), ("July", 7), ("Jul", 7), ("August", 8), ("Aug", 8), ("September", 9),
        ("Sep", 9), ("Sept", 9), ("October", 10), ("Oct", 10), ("November", 11), ("Nov", 11), ("December", 12),
        ("Dec", 12),
    ]

    static let weekdays: [(String, UInt8)] = [
        ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5), ("Saturday", 6),
        ("Sunday", 7),
    ]

    static let words: [(WordInfo, [String])] = [
        (
            .speechVerb,
            [
                "said", "says", "say", "told", "tells", "added", "adds", "stated", "declared", "announced",
                "warned", "warns", "insisted", "explained", "noted", "wrote", "writes", "asked", "argued",
                "claimed", "claims", "stressed", "urged", "replied", "responded", "commented", "continued",
                "predicted", "admitted", "acknowledged", "suggested", "concluded", "confirmed", "denied",
            ]
        ),
        (.nameConnector, ["of", "for", "de", "du", "des", "da", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y"]),
        (.particle, ["de", "du", "des", "da", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y"]),
        (.locative, ["in", "at", "near", "from", "to", "outside", "inside", "across", "into", "towards", "toward", "via"]),
        (.future, ["will", "next", "scheduled", "upcoming", "shall", "'ll", "tomorrow"]),
        (.article, ["the", "a", "an"]),
        (.roleAdverb, ["now", "formerly", "also", "currently", "then", "once", "later", "previously", "still", "and"]),
        (.pronoun, ["he", "she", "they", "it", "we"]),
        (.versus, ["beat", "beats", "v", "vs", "versus", "drew", "against", "defeated", "edged", "routed", "thrashed", "lost", "downed", "crushed", "overcame", "play", "host", "hosts", "meet", "meets"]),
        (.conjunction, ["and", "&"]),
        (.according, ["according"]),
        (.dateWord, ["the", "this", "last", "next", "past", "yesterday", "today", "tomorrow", "first", "second", "third", "fourth"]),
    ]
}
