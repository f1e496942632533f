import Foundation

/// Runs a program on a pseudo-terminal, as a person at a terminal would: it is the program's
/// controlling terminal, so Ctrl-C sends SIGINT and libedit edits lines.
final class PseudoTerminal {
    private let master: Int32
    private var pid: pid_t = 0
    /// Everything the program has written so far.
    private(set) var screen = ""

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ executable: String, arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
        // posix_openpt and friends are not visible from Swift; these are the Linux ioctls they use.
        let unlock: UInt = 0x4004_5431  // TIOCSPTLCK
        let number: UInt = 0x8004_5430  // TIOCGPTN
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlocked: Int32 = 0
        var index: UInt32 = 0
        guard master >= 0, ioctl(master, unlock, &unlocked) == 0, ioctl(master, number, &index) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(index)"
        var size = winsize(ws_row: 30, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // util-linux's setsid starts a new session and makes the terminal on its standard input
        // the session's controlling terminal, so Ctrl-C raises SIGINT as it does for a person.
        let launcher = "/usr/bin/setsid"
        guard FileManager.default.isExecutableFile(atPath: launcher) else {
            throw Failure(description: "\(launcher) (util-linux) is needed to give the program a controlling terminal")
        }
        // The test runner's threads may block or ignore SIGINT; the program must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([launcher, "--ctty", executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let status = posix_spawn(&pid, launcher, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))") }
    }

    deinit {
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text`, then pauses a moment as a person would, so that libedit has the terminal
    /// before the next keys arrive.
    func type(_ text: String) {
        defer { Thread.sleep(forTimeInterval: 0.15) }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            _ = write(master, base, bytes.count)
        }
    }

    /// Reads until `text` appears after `from` characters of the screen, or the time runs out.
    @discardableResult
    func waitFor(_ text: String, after from: String.Index? = nil, seconds: Double = 10) throws -> String.Index {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let start = from ?? screen.startIndex
            if let found = screen.range(of: text, range: start..<screen.endIndex) { return found.upperBound }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw Failure(description: "timed out waiting for \(text.debugDescription); the screen says:\n\(screen)")
            }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(remaining, 0.2) * 1000)) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { throw Failure(description: "the program closed the terminal; the screen says:\n\(screen)") }
            screen += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    /// Waits for the program to exit and returns its status.
    func exitStatus(seconds: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                return (status >> 8) & 0xFF
            }
            // Keep draining the terminal so the program never blocks on output.
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count > 0 { screen += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
        }
        throw Failure(description: "the program did not exit; the screen says:\n\(screen)")
    }
}
