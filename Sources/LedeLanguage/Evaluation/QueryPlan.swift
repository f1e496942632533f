import LedeStore

/// What `.explain` prints: each step of a checked pipeline, the rows it yields, and how it
/// finds them.
public struct QueryPlan: CustomStringConvertible {
    let pipeline: CheckedPipeline
    let corpus: Corpus

    public init(_ pipeline: CheckedPipeline, corpus: Corpus) {
        self.pipeline = pipeline
        self.corpus = corpus
    }

    public var description: String {
        var lines = ["source: " + describe(pipeline.source)]
        var stages = pipeline.stages[...]
        if let range = Planner.publishedRange(pipeline) {
            let count = Planner.articles(in: range, of: corpus).count
            lines[0] = "source: articles: binary search of the sorted publication dates for \(range.description) (\(count) of \(corpus.articles.count) articles)"
            if range.isWholeCondition {
                lines.append("stage:  where: answered by the date column")
                stages = stages.dropFirst()
            }
        } else if case .search = pipeline.source, case .count? = stages.first {
            lines[0] += "; counted without ranking"
        }
        // Whether the rows reaching a stage are known in number before they are made, as
        // `RowStream.knownCount` is: a source's rows, rows a stage holds, take and skip of them.
        // (A date range that is not the whole condition leaves its `where` in `stages`.)
        var known = if case .member = pipeline.source { false } else { true }
        for (position, stage) in stages.enumerated() {
            let next = stages.dropFirst(position + 1).first
            if case .count = stage, known {
                lines.append("stage:  count: the number of rows is known, so none is made")
            } else if case .sort = stage, case .take? = next {
                lines.append("stage:  sort: keep only the rows take lets through, each row compared with the last kept")
            } else {
                lines.append("stage:  " + describe(stage))
            }
            switch stage {
            case .take, .skip: break
            case .sort, .count, .countBy, .summarize, .navigate, .cooccur: known = true
            case .filter, .select, .distinct, .expand: known = false
            }
        }
        lines.append("rows:   \(pipeline.shape.subject)\(pipeline.cardinality == .one ? " (at most one)" : "")")
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ source: CheckedSource) -> String {
        switch source {
        case .collection(let collection):
            return "\(collection.rawValue): scan all \(corpus.rowCount(of: collection)) rows in corpus order"
        case .article: return "article: one row by id"
        case .entity(.resolved(let id)): return "entity: \(corpus[id].name) (\(corpus[id].kind)), resolved while checking"
        case .entity(.dynamic): return "entity: resolved by name when run"
        case .search(.parsed(let query), let field):
            return "search: word index (\(field.map { "\($0) postings" } ?? "title and text postings")) for \(query), BM25 ranking"
        case .search(.dynamic, _): return "search: word index, query read when run"
        case .global(let name): return "\(name): the rows bound by let"
        case .member(let inner, _): return describe(inner) + ", then a field of each row, lists flattened"
        }
    }

    private func describe(_ stage: CheckedStage) -> String {
        switch stage {
        case .filter: "where: test each row, streaming"
        case .select(_, let record): "select: \(record.fields.count) column\(record.fields.count == 1 ? "" : "s"), streaming"
        case .sort: "sort: hold every row, then order"
        case .take: "take: stop early once enough rows passed"
        case .skip: "skip: drop the first rows, streaming"
        case .count: "count: count the rows"
        case .countBy(let keys, _):
            if let field = Grouping.categoryField(keys) {
                "count by: count into the \(field) column's \(describe(values: corpus.categories(field).values.count)), most frequent first"
            } else if keys.count == 1, let (row, _) = Grouping.fieldOfAnotherRow(keys[0]) {
                "count by: count each \(row.type) by its position, then read the field once for each, most frequent first"
            } else if keys.count == 1 {
                "count by: hash the keys (rows of the corpus counted by position), most frequent first"
            } else {
                "count by: hash the keys, most frequent first"
            }
        case .summarize: "summarize: hash the groups, then aggregate"
        case .distinct(let columns): "distinct: \(columns == nil ? "" : "select the columns, then ")keep the rows not seen before (rows of the corpus as bits, other keys hashed), streaming"
        case .expand(_, let binds): binds ? "expand as: one row per element, bound beside the row" : "expand: one row per element"
        case .navigate(let from, let to): "\(to.rawValue): follow \(from.rawValue) rows to their \(to.rawValue), each once"
        case .cooccur: "cooccur: count the entities of the input entities' articles"
        }
    }

    private func describe(values: Int) -> String {
        values == 1 ? "1 value" : "\(values) values"
    }
}
