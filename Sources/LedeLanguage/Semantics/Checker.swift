import LedeStore

/// Checks a statement against the schema and the names bound so far, and resolves it into a
/// `CheckedPipeline`: every name found, every expression typed, every entity name and search
/// query read. Every mistake a query can hold before it runs is reported here, with a range.
public struct Checker {
    let corpus: Corpus
    let globals: [String: GlobalType]

    public init(corpus: Corpus, globals: [String: GlobalType]) {
        self.corpus = corpus
        self.globals = globals
    }

    /// What expressions in a stage can see.
    struct Scope {
        var shape: RowShape
        /// False for `take`/`skip`, whose numbers cannot depend on the row.
        var rowIsVisible = true
    }

    public func check(_ pipeline: Pipeline) throws(Diagnostic) -> CheckedPipeline {
        var (source, shape, cardinality) = try checkSource(pipeline.source)
        var stages: [CheckedStage] = []
        var isScalar = false
        for stage in pipeline.stages {
            let checked = try checkStage(stage, shape: &shape, cardinality: &cardinality)
            stages.append(checked)
            switch checked {
            case .count: isScalar = true
            case .summarize(let groups, let aggregates, _): isScalar = groups.isEmpty && aggregates.count == 1
            case .select, .sort, .distinct: break
            default: isScalar = false
            }
        }
        return CheckedPipeline(source: source, stages: stages, shape: shape, cardinality: cardinality, isScalar: isScalar)
    }

    // MARK: Sources

    func checkSource(_ source: Source) throws(Diagnostic) -> (CheckedSource, RowShape, Cardinality) {
        switch source.kind {
        case .collection(let collection):
            return (.collection(collection), RowShape(subject: .object(ObjectType(collection))), .many)

        case .article(let number):
            let typed = try check(number, in: Scope(shape: RowShape(subject: .null), rowIsVisible: false))
            guard typed.type.fits(.int) && typed.type != .float else {
                throw Diagnostic("'article' needs an article number, got \(typed.type)", at: number.range, help: "articles are numbered from 1: article 1")
            }
            return (.article(typed), RowShape(subject: .object(.article)), .one)

        case .entity(let name):
            let typed = try check(name, in: Scope(shape: RowShape(subject: .null), rowIsVisible: false))
            guard typed.type.fits(.string) else {
                throw Diagnostic("'entity' needs a name in quotes, got \(typed.type)", at: name.range, help: "entity \"Mnuchin\"")
            }
            let target: EntityTarget
            if case .literal(.string(let text)) = name.kind {
                target = .resolved(try resolveEntity(text, at: name.range))
            } else {
                target = .dynamic(typed)
            }
            return (.entity(target), RowShape(subject: .object(.entity)), .one)

        case .search(let query, let fieldName):
            let typed = try check(query, in: Scope(shape: RowShape(subject: .null), rowIsVisible: false))
            guard typed.type.fits(.string) else {
                throw Diagnostic("'search' needs words in quotes, got \(typed.type)", at: query.range, help: "search \"human rights\"")
            }
            let target: SearchTarget
            if case .literal(.string(let text)) = query.kind {
                target = .parsed(try parseSearch(text, at: query.range))
            } else {
                target = .dynamic(typed)
            }
            let field = fieldName.flatMap { name in SearchField.allCases.first { $0.description == name.name } }
            return (.search(target, field: field), RowShape(subject: .object(.hit)), .many)

        case .name(let name):
            guard let global = globals[name.name] else {
                throw Diagnostic(
                    "unknown name '\(name.name)'", at: name.range,
                    help: Suggestions.help(for: name.name, among: Array(globals.keys) + Keywords.sources)
                        ?? (globals.isEmpty ? "bind a name first: let \(name.name) = entities | …" : nil))
            }
            return (.global(name.name), global.shape, global.cardinality)

        case .member(let inner, let fieldName):
            let (checked, shape, cardinality) = try checkSource(inner)
            let access = try member(Typed(kind: .subject, type: shape.subject, range: inner.range), fieldName)
            let elementType = access.type.element ?? access.type
            let isList = access.type.element != nil
            let name = shape.subjectName.map { "\($0).\(fieldName.name)" } ?? fieldName.name
            return (
                .member(checked, access), RowShape(subject: elementType, subjectName: name),
                isList || cardinality == .many ? .many : .one
            )
        }
    }

    private func resolveEntity(_ name: String, at range: SourceRange) throws(Diagnostic) -> EntityID {
        switch corpus.directory.resolve(name) {
        case .found(let id):
            return id
        case .ambiguous(let candidates):
            let listed = candidates.prefix(5).map { describe(corpus[$0]) }.joined(separator: ", ")
            throw Diagnostic(
                "'\(name)' could be \(candidates.count) entities: \(listed)\(candidates.count > 5 ? ", …" : "")", at: range,
                help: "write more of the name, for example entity \"\(corpus[candidates[0]].name)\"")
        case .notFound(let suggestions):
            let help: String?
            if suggestions.isEmpty {
                help = corpus.entities.isEmpty ? "the corpus has no entities" : "list them with: entities | where name contains \"\(name.prefix(4))\""
            } else {
                help = "did you mean " + suggestions.prefix(3).map { "'\(corpus[$0].name)'" }.joined(separator: " or ") + "?"
            }
            throw Diagnostic("no entity is named '\(name)'", at: range, help: help)
        }
    }

    private func describe(_ entity: Entity) -> String {
        "\(entity.name) (\(entity.kind))"
    }

    private func parseSearch(_ text: String, at range: SourceRange) throws(Diagnostic) -> SearchQuery {
        do {
            return try SearchQuery(parsing: text)
        } catch {
            // Point into the string when it has no escapes, so offsets map one to one.
            var errorRange = range
            let written = text.utf8.count + 2 == range.upperBound - range.lowerBound
            if written {
                let prefix = String(text.prefix(error.offset))
                let spanned = String(text.dropFirst(error.offset).prefix(max(1, error.length)))
                let start = range.lowerBound + 1 + prefix.utf8.count
                errorRange = SourceRange(start, start + spanned.utf8.count)
            }
            throw Diagnostic("invalid search: \(error.message)", at: errorRange)
        }
    }
}
