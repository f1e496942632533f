import LedeShell
import LedeStore

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "seeds"
do {
    let corpus = try CorpusLoader.load(root)
    for issue in corpus.issues { print(issue) }
    print(CorpusSummary(corpus).text)
} catch {
    print("lede: \(error)")
}
