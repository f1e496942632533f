import Foundation
import LedeLanguage
import LedeStore

/// Tab completion: given a line and a cursor, what the word at the cursor could become.
///
/// Knows the cursor's context: sources at the start of a statement, stage names after `|`,
/// fields of the current row type after `where`, `select`, `sort`, `by` or a `.`, bound
/// names, dot commands and their arguments (file paths after `.load`, `.read`, `.output`),
/// and entity names inside `entity "`. A pure function of its inputs.
public struct Completer {
    let corpus: Corpus
    let globals: [String: GlobalType]

    public init(corpus: Corpus, globals: [String: GlobalType]) {
        self.corpus = corpus
        self.globals = globals
    }

    public struct Completion: Equatable, Sendable {
        /// Characters before the cursor that a candidate replaces.
        public var replacing: Int
        public var candidates: [String]
        /// Appended after a unique candidate: a space, or a closing quote.
        public var suffix: String
    }

    public init(session: Session) {
        self.init(corpus: session.corpus, globals: session.globals.mapValues(\.globalType))
    }

    public func complete(_ line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(cursor))
        // Complete the statement being typed on the last line of a multi-line entry.
        let statement = before.components(separatedBy: "\n").last ?? before
        let trimmed = statement.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(".") { return command(String(trimmed)) }
        if let entityPrefix = openEntityName(before) {
            let names = corpus.directory.completions(of: entityPrefix)
            return Completion(replacing: entityPrefix.count, candidates: names, suffix: "\"")
        }
        let word = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        let head = String(before.dropLast(word.count))
        let candidates = contextCandidates(head)
        return Completion(replacing: word.count, candidates: filter(candidates, word), suffix: " ")
    }

    private func filter(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
    }

    /// The characters typed after `entity "`, when the cursor is inside that string.
    private func openEntityName(_ text: String) -> String? {
        guard let quote = text.lastIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
        let quotes = text.filter { $0 == "\"" || $0 == "'" }.count
        guard quotes % 2 == 1 else { return nil }
        let beforeQuote = text[..<quote].trimmingCharacters(in: .whitespaces)
        guard beforeQuote.hasSuffix("entity") else { return nil }
        let keywordStart = beforeQuote.index(beforeQuote.endIndex, offsetBy: -6)
        if keywordStart > beforeQuote.startIndex {
            let previous = beforeQuote[beforeQuote.index(before: keywordStart)]
            if previous.isLetter || previous.isNumber || previous == "_" || previous == "." { return nil }
        }
        return String(text[text.index(after: quote)...])
    }

    // MARK: Context

    private func contextCandidates(_ head: String) -> [String] {
        let tokens = significantTokens(head)
        guard let last = tokens.last else { return sourceWords + ["let"] }
        switch last.kind {
        case .pipe:
            return Keywords.stages
        case .dot:
            return fields(afterDotIn: head, tokens: tokens)
        case .assign:
            return sourceWords
        case .identifier(let word):
            if word == "let" { return [] }
            if ["where", "select", "sort", "by", "and", "or", "not", "expand", "distinct", "summarize"].contains(word) {
                return rowWords(head)
            }
            if ["take", "skip"].contains(word) { return Array(globals.keys) }
            if word == "in" && isSearch(tokens) { return SearchField.allCases.map(\.description) }
            if BinaryOperator.words[word] != nil { return rowWords(head) }
            // After a complete expression: operators, `as`, sort directions.
            return ["and", "or", "as", "asc", "desc", "by", "contains", "startswith", "endswith", "matches", "in"]
        default:
            return rowWords(head)
        }
    }

    private func isSearch(_ tokens: [Token]) -> Bool {
        tokens.count >= 3 && tokens[tokens.count - 3].identifier == "search"
    }

    private var sourceWords: [String] {
        Keywords.sources + Array(globals.keys)
    }

    private func significantTokens(_ text: String) -> [Token] {
        var lexer = Lexer(SourceFile(name: "<completion>", text: text))
        return lexer.tokenize().filter { $0.kind != .newline && $0.kind != .endOfInput }
    }

    /// Names that make sense inside a stage: the row's fields, bound names, functions.
    private func rowWords(_ head: String) -> [String] {
        var words = ["it", "true", "false", "null"] + Array(globals.keys) + Function.allCases.map(\.rawValue)
        if let shape = shape(before: head) {
            words += shape.bindings.map(\.name)
            words += fieldNames(of: shape.subject)
            if head.range(of: "summarize", options: .backwards) != nil { words += Aggregate.allCases.map(\.rawValue) }
        }
        return words
    }

    private func fieldNames(of type: ValueType) -> [String] {
        switch type {
        case .object(let object): Schema.fields(of: object).map(\.name)
        case .record(let record): record.fields.map(\.name)
        case .list(.object(let object)): Schema.fields(of: object).map(\.name)
        default: []
        }
    }

    /// The shape of the rows entering the stage being typed: the pipeline up to its last `|`.
    private func shape(before head: String) -> RowShape? {
        let statement = head.components(separatedBy: "\n").suffix(8).joined(separator: "\n")
        guard let lastPipe = statement.lastIndex(of: "|") else {
            return nil
        }
        var text = String(statement[..<lastPipe])
        if let equal = text.range(of: "="), text.trimmingCharacters(in: .whitespaces).hasPrefix("let ") {
            text = String(text[equal.upperBound...])
        }
        let file = SourceFile(name: "<completion>", text: text)
        let parsed = Parser.parseStatement(file, range: 0..<text.utf8.count)
        guard let statement = parsed.statement, case .query(let pipeline) = statement.kind else { return nil }
        return try? Checker(corpus: corpus, globals: globals).check(pipeline).shape
    }

    /// Fields of whatever stands before the final `.`: a chain of names from the row.
    private func fields(afterDotIn head: String, tokens: [Token]) -> [String] {
        var chain: [String] = []
        var index = tokens.count - 1
        while index >= 1, tokens[index].kind == .dot, let name = tokens[index - 1].identifier {
            chain.insert(name, at: 0)
            index -= 2
        }
        guard let first = chain.first else { return [] }
        var type: ValueType?
        if let global = globals[first] {
            type = global.expressionType
        } else if let shape = shape(before: head) {
            if let binding = shape.bindings.last(where: { $0.name == first }) {
                type = binding.type
            } else if first == "it" {
                type = shape.subject
            } else if case .object(let object) = shape.subject {
                type = Schema.field(first, of: object)?.type
            } else if case .record(let record) = shape.subject, let column = record.index(of: first) {
                type = record.fields[column].type
            }
        }
        for name in chain.dropFirst() {
            guard let current = type else { break }
            switch current {
            case .object(let object), .list(.object(let object)): type = Schema.field(name, of: object)?.type
            default: type = nil
            }
        }
        return type.map(fieldNames) ?? []
    }

    // MARK: Commands

    private func command(_ text: String) -> Completion {
        let parts = text.dropFirst().split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            let prefix = String(parts.first ?? "")
            return Completion(replacing: prefix.count, candidates: filter(DotCommand.allCases.map(\.rawValue), prefix), suffix: " ")
        }
        let argument = String(parts[1])
        switch DotCommand(named: String(parts[0])) {
        case .format?:
            return Completion(replacing: argument.count, candidates: filter(OutputFormat.allCases.map(\.rawValue), argument), suffix: "")
        case .timer?, .keepGoing?:
            return Completion(replacing: argument.count, candidates: filter(["on", "off"], argument), suffix: "")
        case .schema?:
            return Completion(replacing: argument.count, candidates: filter(ObjectType.allCases.map(\.rawValue), argument), suffix: "")
        case .help?:
            let topics = Keywords.stages + Keywords.sources + ObjectType.allCases.map(\.rawValue) + Function.allCases.map(\.rawValue)
                + ["functions", "operators", "formats", "examples", "commands"]
            return Completion(replacing: argument.count, candidates: filter(topics, argument), suffix: "")
        case .show?:
            return Completion(replacing: argument.count, candidates: filter(["article ", "all"], argument), suffix: "")
        case .load?, .read?, .output?, .once?:
            let path = argument.hasPrefix("+") ? String(argument.dropFirst()) : argument
            return paths(path)
        default:
            return Completion(replacing: 0, candidates: [], suffix: "")
        }
    }

    /// File and folder names that start with what was typed; folders end with `/`.
    private func paths(_ typed: String) -> Completion {
        let expanded = (typed as NSString).expandingTildeInPath
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let prefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let names = listing.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.map { name -> String in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
            return exists && isFolder.boolValue ? name + "/" : name
        }
        return Completion(replacing: prefix.count, candidates: names.sorted(), suffix: names.count == 1 && !(names.first?.hasSuffix("/") ?? false) ? " " : "")
    }
}
