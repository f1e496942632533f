import CEditLine
import Foundation
import LedeShell
import LedeLanguage

/// The one place that talks to libedit: line editing with history, Ctrl-R search, tab
/// completion, and Ctrl-C told apart from Ctrl-D (see the project's libedit notes).
final class LineEditor: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String
    private let completer: () -> Completer
    /// Set by the SIGINT handler; tells Ctrl-C from Ctrl-D when `el_gets` returns nothing.
    private let interruption: CancellationFlag
    /// The earlier lines of the statement being typed.
    private var pending = ""
    /// The prompt libedit redraws from; it must outlive each `el_gets` call.
    nonisolated(unsafe) private static var promptText: UnsafeMutablePointer<CChar>? = strdup(Repl.prompt)

    init?(historyPath: String, historySize: Int32 = 1000, interruption: CancellationFlag, completer: @escaping () -> Completer) {
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let history = history_init() else { return nil }
        _ = lede_h_setsize(history, historySize)
        _ = lede_h_setunique(history, 1)
        _ = lede_h_load(history, historyPath)
        guard let editLine = el_init("lede", lede_stdin(), lede_stdout(), lede_stderr()) else {
            history_end(history)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.completer = completer
        self.interruption = interruption

        _ = lede_el_prompt(editLine) { _ in LineEditor.promptText }
        _ = lede_el_editor(editLine, "emacs")
        _ = lede_el_signal(editLine, 1)
        _ = lede_el_hist(editLine, history)
        _ = lede_el_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = lede_el_addfn(editLine, "lede-complete", "complete the word at the cursor") { editLine, _ in
            guard let editLine, let data = lede_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        // The user's ~/.editrc first, then our bindings, which a `bind -v` there would reset.
        _ = el_source(editLine, nil)
        _ = lede_el_bind(editLine, "^I", "lede-complete")
        _ = lede_el_bind(editLine, "^R", "em-inc-search-prev")
        _ = lede_el_bind(editLine, "\\e[1;5C", "em-next-word")
        _ = lede_el_bind(editLine, "\\e[1;5D", "ed-prev-word")
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    func readLine(prompt: String, pending: String) -> LineEvent {
        self.pending = pending
        free(Self.promptText)
        Self.promptText = strdup(prompt)
        interruption.reset()
        errno = 0
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        let error = errno
        guard let line else {
            if interruption.isCancelled || error == EINTR {
                fputs("^C\n", lede_stdout())
                fflush(lede_stdout())
                return .interrupted
            }
            fputs("\n", lede_stdout())
            return .end
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    func addHistory(_ entry: String) {
        _ = lede_h_enter(history, entry)
        // Saved after every statement, so no way of leaving loses it. H_SAVE rewrites the file;
        // write a copy first and rename it, so a crash mid-write keeps the old history.
        let temporary = historyPath + ".lede-tmp-\(getpid())"
        if lede_h_save(history, temporary) >= 0 {
            if rename(temporary, historyPath) != 0 { unlink(temporary) }
        } else {
            unlink(temporary)
        }
    }

    /// Called by libedit on Tab.
    private func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer, let cursorPointer = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursorPointer - buffer), as: UTF8.self)
        let statement = pending.isEmpty ? before : pending + "\n" + before
        let result = completer().complete(statement, cursor: statement.count)
        let typed = String(before.suffix(result.replacing))
        switch result.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            let rest = String(result.candidates[0].dropFirst(typed.count)) + result.suffix
            if !rest.isEmpty { _ = el_insertstr(editLine, rest) }
            return UInt8(CC_REFRESH)
        default:
            let common = Self.commonPrefix(result.candidates)
            if common.count > typed.count {
                _ = el_insertstr(editLine, String(common.dropFirst(typed.count)))
                return UInt8(CC_REFRESH)
            }
            let width = (result.candidates.map(\.count).max() ?? 0) + 2
            let columns = max(1, Int(terminalWidth() ?? 80) / width)
            var listing = "\n"
            for (index, candidate) in result.candidates.prefix(200).enumerated() {
                listing += candidate.padding(toLength: width, withPad: " ", startingAt: 0)
                if (index + 1) % columns == 0 { listing += "\n" }
            }
            if !listing.hasSuffix("\n") { listing += "\n" }
            fputs(listing, lede_stdout())
            fflush(lede_stdout())
            return UInt8(CC_REDISPLAY)
        }
    }

    private static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first else { return "" }
        for string in strings.dropFirst() {
            while !string.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Columns of the terminal on standard output, if it is one.
func terminalWidth() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}
