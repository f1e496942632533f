import LedeStore

extension Checker {
    func checkStage(_ stage: Stage, shape: inout RowShape, cardinality: inout Cardinality) throws(Diagnostic) -> CheckedStage {
        let scope = Scope(shape: shape)
        switch stage.kind {
        case .filter(let condition):
            let typed = try check(condition, in: scope)
            guard typed.type.fits(.bool) else {
                throw Diagnostic(
                    "'where' needs a condition that is true or false, got \(typed.type)", at: condition.range,
                    help: typed.type == .string ? "compare it: where \(conditionExample(condition)) contains \"…\"" : nil)
            }
            if cardinality == .one { cardinality = .many }
            return .filter(typed)

        case .select(let columns):
            let (typed, record) = try checkColumns(columns, in: scope)
            shape = RowShape(subject: .record(record))
            return .select(typed, record)

        case .sort(let keys):
            var typed: [(key: Typed, descending: Bool)] = []
            for key in keys {
                let checked = try check(key.expression, in: scope)
                if case .list = checked.type {
                    throw Diagnostic("cannot sort by a list (\(checked.type))", at: key.expression.range, help: "sort by len(…) or by one element")
                }
                typed.append((checked, key.descending))
            }
            return .sort(typed)

        case .take(let count), .skip(let count):
            let typed = try check(count, in: Scope(shape: shape, rowIsVisible: false))
            guard typed.type == .int || typed.type == .any else {
                throw Diagnostic("'\(stage.keyword.name)' needs a whole number, got \(typed.type)", at: count.range, help: "\(stage.keyword.name) 5")
            }
            if case .take = stage.kind { return .take(typed) }
            return .skip(typed)

        case .count(let by):
            cardinality = by.isEmpty ? .one : .many
            if by.isEmpty {
                shape = RowShape(subject: .record(RecordType([.init(name: "count", type: .int)])))
                return .count
            }
            let (typed, record) = try checkColumns(by, in: scope, extra: [.init(name: "count", type: .int)])
            shape = RowShape(subject: .record(record))
            return .countBy(typed, record)

        case .summarize(let aggregateColumns, let groupColumns):
            let (groups, groupRecord) = try checkColumns(groupColumns, in: scope)
            var aggregates: [AggregateCall] = []
            var fields = groupRecord.fields
            for column in aggregateColumns {
                let call = try checkAggregate(column.expression, in: scope)
                if fields.contains(where: { $0.name == column.name }) {
                    throw duplicateColumn(column)
                }
                fields.append(.init(name: column.name, type: aggregateType(call)))
                aggregates.append(call)
            }
            cardinality = groups.isEmpty ? .one : .many
            let record = RecordType(fields)
            shape = RowShape(subject: .record(record))
            return .summarize(groups: groups, aggregates: aggregates, record)

        case .distinct(let columns):
            if columns.isEmpty { return .distinct(nil) }
            let (typed, record) = try checkColumns(columns, in: scope)
            shape = RowShape(subject: .record(record))
            return .distinct((typed, record))

        case .expand(let column):
            let list = column.expression
            let name = column.alias
            let typed = try check(list, in: scope)
            guard let element = typed.type.element else {
                throw Diagnostic(
                    "'expand' needs a list, got \(typed.type)", at: list.range,
                    help: "lists include captions, paragraphs, mentions, aliases and roles")
            }
            cardinality = .many
            if let name {
                if shape.bindings.contains(where: { $0.name == name.name }) {
                    throw Diagnostic("'\(name.name)' is already bound in this pipeline", at: name.range, help: "choose another name")
                }
                shape.bindings.append(.init(name: name.name, type: element))
                return .expand(typed, binds: true)
            }
            shape = RowShape(subject: element, subjectName: column.name, bindings: shape.bindings)
            return .expand(typed, binds: false)

        case .navigate(let collection):
            guard case .object(let from) = shape.subject else {
                throw Diagnostic(
                    "'| \(collection.rawValue)' needs rows that are objects, but these rows are \(shape.subject)", at: stage.range,
                    help: "navigate before 'select'")
            }
            guard Navigation.canNavigate(from: from, to: collection) else {
                let targets = Collection.allCases.filter { Navigation.canNavigate(from: from, to: $0) }.map(\.rawValue)
                throw Diagnostic(
                    "cannot go from \(from.rawValue) rows to \(collection.rawValue)", at: stage.range,
                    help: "\(from.rawValue) rows lead to: \(targets.joined(separator: ", "))")
            }
            shape = RowShape(subject: .object(ObjectType(collection)))
            cardinality = .many
            return .navigate(from: from, to: collection)

        case .cooccur:
            guard shape.subject == .object(.entity) else {
                throw Diagnostic(
                    "'cooccur' needs entity rows, got \(shape.subject) rows", at: stage.range,
                    help: shape.subject == .object(.article) || shape.subject == .object(.hit) ? "try: … | entities | cooccur" : "start from entities or entity \"…\"")
            }
            shape = RowShape(subject: .object(.cooccurrence))
            cardinality = .many
            return .cooccur
        }
    }

    /// The column list of `select`, `count by`, `summarize … by` and `distinct`, as a record.
    private func checkColumns(
        _ columns: [Column], in scope: Scope, extra: [RecordType.Field] = []
    ) throws(Diagnostic) -> ([Typed], RecordType) {
        var typed: [Typed] = []
        var fields: [RecordType.Field] = []
        for column in columns {
            let checked = try check(column.expression, in: scope)
            if fields.contains(where: { $0.name == column.name }) { throw duplicateColumn(column) }
            typed.append(checked)
            fields.append(.init(name: column.name, type: checked.type))
        }
        for field in extra where fields.contains(where: { $0.name == field.name }) {
            throw Diagnostic("a column is already named '\(field.name)'", at: columns.last?.expression.range ?? .at(0), help: "rename it with 'as'")
        }
        return (typed, RecordType(fields + extra))
    }

    private func duplicateColumn(_ column: Column) -> Diagnostic {
        Diagnostic(
            "two columns are named '\(column.name)'", at: column.alias?.range ?? column.expression.range,
            help: "rename one with 'as'")
    }

    /// `count()`, `sum(words)`: an aggregate call at the top of a summarize column.
    private func checkAggregate(_ expression: Expression, in scope: Scope) throws(Diagnostic) -> AggregateCall {
        guard case .call(let name, let arguments) = expression.kind, let aggregate = Aggregate(rawValue: name.name) else {
            throw Diagnostic(
                "summarize needs aggregates such as count() or sum(words)", at: expression.range,
                help: "put grouping expressions after 'by': summarize count() by kind")
        }
        if aggregate == .count && arguments.isEmpty {
            return AggregateCall(aggregate: .count, argument: nil, range: expression.range)
        }
        guard arguments.count == 1 else {
            throw Diagnostic("\(aggregate.rawValue) takes 1 argument, got \(arguments.count)", at: expression.range, help: aggregate.signature)
        }
        let argument = try check(arguments[0], in: scope)
        switch aggregate {
        case .sum, .avg:
            guard argument.type.isNumeric || argument.type == .any || argument.type == .null else {
                throw Diagnostic("\(aggregate.rawValue) needs numbers, got \(argument.type)", at: arguments[0].range)
            }
        case .min, .max:
            if case .list = argument.type {
                throw Diagnostic("\(aggregate.rawValue) cannot compare lists", at: arguments[0].range)
            }
        case .count, .countDistinct, .list:
            break
        }
        return AggregateCall(aggregate: aggregate, argument: argument, range: expression.range)
    }

    private func aggregateType(_ call: AggregateCall) -> ValueType {
        let argument = call.argument?.type ?? .null
        switch call.aggregate {
        case .count, .countDistinct: return .int
        case .sum: return argument == .int ? .int : (argument == .any ? .any : .float)
        case .avg: return .float
        case .min, .max: return argument
        case .list: return .list(argument)
        }
    }

    private func conditionExample(_ condition: Expression) -> String {
        if case .name(let name) = condition.kind { return name.name }
        return "text"
    }
}

/// Which collections each row type leads to with `| collection`.
public enum Navigation {
    public static func canNavigate(from type: ObjectType, to collection: Collection) -> Bool {
        if type.collection == collection { return true }
        switch type {
        case .article, .hit: return true
        case .paragraph: return [.articles, .mentions, .entities, .quotes, .dates].contains(collection)
        case .entity: return [.articles, .mentions, .quotes, .paragraphs].contains(collection)
        case .mention: return [.articles, .entities, .paragraphs].contains(collection)
        case .quote: return [.articles, .paragraphs, .entities].contains(collection)
        case .link: return collection == .articles
        case .dateReference: return [.articles, .paragraphs].contains(collection)
        case .cooccurrence: return collection == .entities
        }
    }
}
