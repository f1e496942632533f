import LedeLanguage
import LedeShell
import LedeStore

/// Runs text against a corpus the way a script does, with every statement run (`--keep-going`),
/// no file written and none read outside the corpus (`--safe`), and each statement stopped
/// after a fifth of a second, so no input runs long.
public enum FuzzSession {
    public static let timeout = 0.2

    /// Runs `text` in a fresh session over `corpus` and returns what it printed, so the
    /// renderers run too. An interactive session fits tables to 60 columns and caps rows.
    @discardableResult
    public static func run(
        _ text: String, over corpus: Corpus, format: OutputFormat = .table, interactive: Bool = false
    ) -> (output: String, errors: String) {
        let output = StringOutput()
        let errors = StringOutput()
        var settings = Settings()
        settings.timeout = timeout
        settings.safe = true
        settings.keepGoing = true
        settings.format = format
        settings.interactive = interactive
        settings.width = 60
        let session = Session(corpus: corpus, settings: settings, output: output, errors: errors)
        session.run(SourceFile(name: "<fuzz>", text: text))
        session.finish()
        return (output.text, errors.text)
    }
}
