import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// How one child process ended, how long it took from spawn to reap, and its peak memory.
struct ChildResult {
    /// The exit code, or nil when a signal ended it.
    var exitCode: Int32?
    var signal: Int32?
    var seconds: Double
    /// User plus system CPU time, from `wait4`'s rusage: above `seconds` when it used more than one core.
    var cpuSeconds: Double
    /// Peak resident set size, from `wait4`'s rusage.
    var maxRSSBytes: Int
    var standardOutput: String
    var standardError: String

    var succeeded: Bool { exitCode == 0 }

    /// One line saying why it failed, for a report.
    var failureSummary: String {
        let how = exitCode.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
        let detail = standardError.split(separator: "\n").first.map { ": " + $0 } ?? ""
        return how + detail
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs programs with `posix_spawn` and reaps them with `wait4`, so the wall time and the
/// peak RSS belong to that one process. Output goes to files in a scratch folder, never to
/// pipes, so a chatty child cannot block.
struct ChildProcess {
    let scratchDirectory: String
    /// Added to the inherited environment.
    let extraEnvironment: [String: String]

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with stdin from `standardInput`
    /// (default /dev/null).
    func run(_ arguments: [String], standardInput: String = "/dev/null") throws(SpawnError) -> ChildResult {
        guard let program = arguments.first else { throw SpawnError(description: "no program to run") }
        guard let executable = Tools.resolve(program) else { throw SpawnError(description: "\(program): not found") }
        let outPath = scratchDirectory + "/child.stdout"
        let errPath = scratchDirectory + "/child.stderr"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        for (name, value) in extraEnvironment { environment[name] = value }
        let argv = ([executable] + arguments.dropFirst()).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let started = Clock.now()
        let argvList = argv + [nil]
        let envpList = envp + [nil]
        let spawned = posix_spawn(&pid, executable, &actions, nil, argvList, envpList)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = Clock.seconds(since: started)

        let termination = status & 0x7f
        return ChildResult(
            exitCode: termination == 0 ? (status >> 8) & 0xff : nil,
            signal: termination == 0 ? nil : termination,
            seconds: seconds,
            cpuSeconds: Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime),
            maxRSSBytes: Int(usage.ru_maxrss) * 1024,
            standardOutput: Self.read(outPath),
            standardError: Self.read(errPath))
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    private static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
