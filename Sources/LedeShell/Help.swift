import LedeLanguage
import LedeStore

/// `.help` and `.schema`, drawn from the same schema and reference data the checker uses, so
/// help and behaviour cannot disagree. Every topic ends with an example that runs.
struct Help {
    let corpus: Corpus

    /// The overview, or one topic: a stage, source, operator, type, function, aggregate, dot
    /// command, or `functions`, `operators`, `formats`, `examples`.
    func text(for topic: String?) -> String {
        guard let topic else { return overview }
        let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let type = ObjectType.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() && name.first?.isUppercase == true }) {
            return schema(type) + "\nexample:\n  \(typeExample(type))\n"
        }
        var sections: [String] = []
        if topic.hasPrefix("."), let command = DotCommand(named: name) { return commandText(command) }
        if let source = Reference.sources.first(where: { $0.name == name }) {
            sections.append(entryText(source, kind: "source"))
        }
        if let stage = Reference.stages.first(where: { $0.name == name }) {
            sections.append(entryText(stage, kind: "stage"))
        }
        if !sections.isEmpty { return sections.joined(separator: "\n") }
        if let op = Reference.operators.first(where: { $0.name == name || $0.syntax.split(separator: " ").contains(Substring(name)) }) {
            return entryText(op, kind: "operator")
        }
        if let function = Function(rawValue: name) {
            return "\(function.signature)\n  \(function.summary)\n\nexample:\n  \(function.example)\n"
        }
        if let aggregate = Aggregate(rawValue: name) {
            return "\(aggregate.signature)  (in summarize)\n  \(aggregate.summary)\n\nexample:\n  mentions | summarize \(aggregate == .count ? "count()" : "\(aggregate.rawValue)(start)") by form\n"
        }
        if let command = DotCommand(named: name) { return commandText(command) }
        switch name.lowercased() {
        case "functions": return functionsText
        case "operators": return operatorsText
        case "stages": return listText("stages", Reference.stages)
        case "sources": return listText("sources", Reference.sources)
        case "formats": return formatsText
        case "types", "schema": return schema(nil) ?? ""
        case "examples": return examplesText
        case "commands": return commandsText
        default: break
        }
        let topics = Reference.stages.map(\.name) + Reference.sources.map(\.name) + ObjectType.allCases.map(\.rawValue)
            + Function.allCases.map(\.rawValue) + DotCommand.allCases.map(\.rawValue)
            + ["functions", "operators", "stages", "sources", "formats", "types", "examples", "commands"]
        let suggestion = Suggestions.closest(to: name, among: topics).map { " (did you mean '\($0)'?)" } ?? ""
        return "no help on '\(topic)'\(suggestion); try .help for the topics\n"
    }

    private var overview: String {
        var out = """
            Lede: ask questions of a corpus of news articles.

            A statement is a pipeline: a source, then stages joined by |.
              articles | where published >= 2018-12-01 | select title

            sources   \(Reference.sources.map(\.name).joined(separator: ", "))
            stages    \(Reference.stages.map(\.name).filter { $0 != "articles" }.joined(separator: ", ")),
                      and | articles, | entities, … to go to related rows
            types     \(ObjectType.allCases.map(\.rawValue).joined(separator: ", "))
            let       let name = pipeline, then use name as a source or a value

            commands

            """
        for command in DotCommand.allCases {
            out += "  " + pad(command.usage, 44) + command.summary + "\n"
        }
        out += """

            .help TOPIC explains a stage, source, type, function or command:
              .help where   .help search   .help Entity   .help functions   .help examples

            """
        return out
    }

    private func entryText(_ entry: Reference.Entry, kind: String) -> String {
        "\(entry.syntax)   (\(kind))\n  \(entry.summary)\n\nexample:\n  \(entry.example)\n"
    }

    private func listText(_ title: String, _ entries: [Reference.Entry]) -> String {
        var out = "\(title)\n"
        for entry in entries { out += "  " + pad(entry.syntax, 44) + entry.summary + "\n" }
        return out + "\nexample:\n  \(entries[0].example)\n"
    }

    private func commandText(_ command: DotCommand) -> String {
        "\(command.usage)\n  \(command.summary)\n\nexample:\n  \(command.example)\n"
    }

    private var commandsText: String {
        var out = "commands\n"
        for command in DotCommand.allCases { out += "  " + pad(command.usage, 44) + command.summary + "\n" }
        return out + "\nexample:\n  .format csv\n"
    }

    private var functionsText: String {
        var out = "functions\n"
        for function in Function.allCases { out += "  " + pad(function.signature, 44) + function.summary + "\n" }
        out += "\naggregates (in summarize)\n"
        for aggregate in Aggregate.allCases { out += "  " + pad(aggregate.signature, 44) + aggregate.summary + "\n" }
        return out + "\nexample:\n  articles | select title, len(paragraphs) as n, year(published) as y\n"
    }

    private var operatorsText: String {
        var out = "operators, loosest first: or, and, not, comparisons, + -, * / %\n"
        for op in Reference.operators { out += "  " + pad(op.syntax, 28) + op.summary + "\n" }
        return out + "\nexample:\n  \(Reference.operators[4].example)\n"
    }

    private var formatsText: String {
        var out = "formats (.format or --format)\n"
        for format in OutputFormat.allCases { out += "  " + pad(format.rawValue, 10) + format.summary + "\n" }
        return out + "\nexample:\n  .format json\n"
    }

    private var examplesText: String {
        let examples = [
            "articles | count",
            "articles | select id, title, published, source",
            "articles | where published >= 2018-12-01 and text contains \"sanction\" | count",
            "entities | sort count desc | take 10",
            "entity \"Mnuchin\" | select name, kind, aliases, roles",
            "entity \"Trump\" | articles | select title",
            "mentions | where entity.kind == \"place\" | count by entity.name",
            "quotes | select speaker.name, text",
            "search \"human rights\" | select article.id, score, snippet",
            "entity \"North Korea\" | cooccur | take 5",
            "dates | sort date | select date, precision, text",
        ]
        return "examples (examples/ in the repository walks through them in order)\n"
            + examples.map { "  " + $0 + "\n" }.joined()
    }

    /// Every type, or one, with its fields.
    func schema(_ name: String?) -> String? {
        guard let name else {
            return ObjectType.allCases.map(schema).joined(separator: "\n")
        }
        guard let type = ObjectType.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        return schema(type)
    }

    private func schema(_ type: ObjectType) -> String {
        let fields = Schema.fields(of: type)
        let nameWidth = fields.map(\.name.count).max() ?? 0
        let typeWidth = fields.map { $0.type.description.count }.max() ?? 0
        var out = "\(type.rawValue): \(Schema.summary(of: type))\n"
        for field in fields {
            out += "  " + pad(field.name, nameWidth + 2) + pad(field.type.description, typeWidth + 2) + field.summary + "\n"
        }
        return out
    }

    private func typeExample(_ type: ObjectType) -> String {
        switch type {
        case .article: "articles | select id, title, words"
        case .paragraph: "paragraphs | select article.id, index, text | take 3"
        case .entity: "entities | select name, kind, count | take 5"
        case .mention: "mentions | select entity.name, text, form | take 5"
        case .quote: "quotes | select speaker.name, text"
        case .link: "links | select label, title"
        case .dateReference: "dates | select text, date, precision"
        case .hit: "search \"sanctions\" | select article.id, score, snippet"
        case .cooccurrence: "entity \"Trump\" | cooccur | take 5"
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
