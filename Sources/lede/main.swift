import ArgumentParser
import Foundation
import LedeLanguage
import LedeShell
import LedeStore

/// Stops the running query on Ctrl-C. Defined here, in main.swift, so it is initialised before
/// the signal handler can run.
let interruption = CancellationFlag()

/// Exit statuses: 0 success, 1 a statement failed, 2 bad command-line usage, 3 the corpus
/// could not be loaded.
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let noCorpus: Int32 = 3
}

do {
    var command = try Lede.parseAsRoot()
    guard let lede = command as? Lede else {
        try command.run()
        exit(0)
    }
    lede.execute()
} catch {
    let code = Lede.exitCode(for: error)
    if code == .success {
        print(Lede.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((Lede.fullMessage(for: error) + "\n").utf8))
    exit(ExitStatus.usage)
}
