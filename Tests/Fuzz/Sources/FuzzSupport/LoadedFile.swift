import LedeLanguage
import LedeShell
import LedeStore

/// Loads one file of fuzz input as a corpus with the shell's loader (the real extractor),
/// then reads everything back through queries, so every field the loader filled is formatted.
public enum LoadedFile {
    /// Touches each collection and each field the loader or the extractor sets.
    public static let queries = """
        .corpus
        articles | select id, key, file, title, published, updated, timezone, source, section, dateline, captions, words, notes, extra
        articles | select text, related, entities, mentions, quotes, dates
        paragraphs | select article.id, index, text, sentences, mentions
        entities | sort count desc, name | select id, name, kind, aliases, roles, country, articles, count
        mentions | select entity.name, article.id, sentence, start, end, text, form
        quotes | select text, speaker, attribution, article.id, paragraph.index
        links | select label, title, article.id, origin
        dates | select text, date, end, precision, article.id, sentence
        search "the" | select article.id, score, snippet
        entities | cooccur | take 5
        """

    public static func load(_ bytes: UnsafeRawBufferPointer, as name: String, in folder: ScratchFolder) {
        _ = folder.replace(with: name, bytes: bytes)
        guard let corpus = try? Session.loadCorpus([folder.path]) else { return }
        FuzzSession.run(queries, over: corpus)
        FuzzSession.run(queries, over: corpus, format: .json)
    }
}
