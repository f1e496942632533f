import LedeLanguage
import LedeStore

/// `.show article N`: the article as a reader sees it, with every entity mention marked by
/// kind (in colour on a terminal, as `[name](kind)` elsewhere).
struct ArticleView {
    let corpus: Corpus
    let color: Bool

    func render(_ id: ArticleID) -> String {
        let article = corpus[id]
        var out = "#\(id.index + 1)  \(article.title ?? article.key)\n"
        var meta: [String] = []
        if let published = article.published { meta.append(published.description) }
        if let updated = article.updated { meta.append("updated \(updated.description)") }
        if let source = article.source { meta.append(source + (article.section.map { "/" + $0 } ?? "")) }
        if let dateline = article.dateline { meta.append("dateline \(dateline)") }
        meta.append("\(article.words) words")
        out += meta.joined(separator: " · ") + "\n"
        for caption in article.captions { out += "• \(caption)\n" }
        out += "\n"

        // Marks sorted by position; overlapping mentions keep the first.
        var marks: [(range: Range<Int>, kind: EntityKind)] = []
        for index in article.mentions {
            let mention = corpus.mentions[Int(index)]
            let range = Int(mention.textRange.lowerBound)..<Int(mention.textRange.upperBound)
            if let last = marks.last, last.range.overlaps(range) { continue }
            marks.append((range, corpus[mention.entity].kind))
        }
        let bytes = Array(article.text.utf8)
        var position = 0
        for mark in marks {
            out += String(decoding: bytes[position..<mark.range.lowerBound], as: UTF8.self)
            let words = String(decoding: bytes[mark.range], as: UTF8.self)
            out += color ? paint(words, mark.kind) : "[\(words)](\(mark.kind))"
            position = mark.range.upperBound
        }
        out += String(decoding: bytes[position...], as: UTF8.self) + "\n"

        let links = article.links.ids(LinkID.self).map { corpus[$0] }
        if !links.isEmpty {
            out += "\n"
            for link in links {
                let target = link.target.map { " → article \($0.index + 1)" } ?? ""
                out += "\(link.label): \(link.title)\(target)\n"
            }
        }
        if !article.notes.isEmpty {
            out += "\nnotes:\n" + article.notes.map { "  \($0)\n" }.joined()
        }
        if color {
            out += "\n" + EntityKind.allCases.map { paint($0.description, $0) }.joined(separator: "  ") + "\n"
        }
        return out
    }

    private func paint(_ text: String, _ kind: EntityKind) -> String {
        let code = switch kind {
        case .person: Colors.person
        case .organization: Colors.organization
        case .place: Colors.place
        }
        return code + text + Colors.reset
    }
}
