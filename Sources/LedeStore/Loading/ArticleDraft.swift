/// An article as a reader parsed it from a file, before it gets identifiers and an index.
struct ArticleDraft: Sendable {
    var key: String
    var file: String
    var line: Int
    var title: String?
    var published: ZonedDateTime?
    var updated: ZonedDateTime?
    var source: String?
    var section: String?
    var captions: [String] = []
    var body: ArticleBody
    var notes: [String] = []
    /// The JSON Lines members Lede has no field for, as a JSON object's text.
    var extra: String?
}

/// The body of an article: its paragraphs and the related-article links printed among them.
struct ArticleBody: Sendable, Equatable {
    struct Link: Sendable, Equatable {
        var label: String
        var title: String
    }

    var paragraphs: [String]
    var links: [Link] = []
    /// What was removed or doubted while reading the body.
    var notes: [String] = []
}
