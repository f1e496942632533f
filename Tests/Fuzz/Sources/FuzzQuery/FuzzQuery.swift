import FuzzDriver
import FuzzSupport
import LedeLanguage
import LedeShell
import LedeStore

/// The seed corpus, loaded once with the real extractor.
private let seeds: Corpus = (try? Session.loadCorpus([Repository.seeds])) ?? Corpus()

/// The input as a script: tokens and trees dumped, diagnostics rendered, the REPL's
/// statement splitter and completion asked about it, then every statement run over seeds/.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "<fuzz>", text: text)

    var lexer = Lexer(file)
    for token in lexer.tokenize() { _ = TokenDump.line(token, in: file) }
    for parsed in Parser.parseScript(file) {
        if let statement = parsed.statement { _ = ASTDump.text(of: statement) }
        for diagnostic in parsed.diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: file, style: .terminal) }
    }
    _ = Parser.parseExpression(file)
    _ = StatementSplitter.split(file)
    _ = StatementSplitter.openness(of: text)

    // Completion at the end, at the start, and at a cursor the input's length picks.
    let completer = Completer(corpus: seeds, globals: [:])
    let characters = text.count
    for cursor in Set([characters, 0, size % (characters + 1), characters / 2]) {
        _ = completer.complete(text, cursor: cursor)
    }

    FuzzSession.run(text, over: seeds, interactive: size % 2 == 0)
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver.
@_cdecl("FuzzQuery_main")
public func fuzzQueryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    lede_fuzz_main(argc, argv)
}
