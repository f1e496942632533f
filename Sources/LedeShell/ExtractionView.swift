import LedeLanguage
import LedeStore

/// `.show extraction N`: every span the extractor tagged in an article, with the entity it
/// named, how, and the rule that found it. The extractor runs again on the article with
/// explanations on; the corpus itself keeps no explanations.
struct ExtractionView {
    let corpus: Corpus

    func render(_ id: ArticleID, extractor: any ArticleExtractor) -> String {
        let input = corpus.extractionInput(for: id, explain: true)
        let result = extractor.extract(input)
        let text = input.text
        let rows: [[Value]] = result.mentions.map { mention in
            let range = Int32(mention.range.lowerBound)..<Int32(mention.range.upperBound)
            return [
                .string(text.utf8Slice(range)), .string(mention.entity.name), .string(mention.entity.kind.description),
                .string(mention.form.description), mention.reason.map(Value.string) ?? .null,
            ]
        }
        let table = ResultTable(columns: ["text", "entity", "kind", "form", "why"], rows: rows)
        var out = "#\(id.index + 1)  \(corpus[id].title ?? corpus[id].key)\n"
        out += ResultRenderer(corpus: corpus).render(table, as: .table)
        if let dateline = result.dateline { out += "dateline: \(dateline)\n" }
        return out
    }
}
