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
    /// Peak resident set size, when it was asked for and GNU time could measure it.
    var maxRSSBytes: Int?
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

/// Runs programs with `posix_spawn` and reaps them with `wait4`. Output goes to files in a
/// scratch folder, never to pipes, so a chatty child cannot block.
///
/// Peak memory cannot come from `wait4`: glibc's posix_spawn shares this process's memory until
/// the exec (vfork), and the kernel carries that high-water mark into the child's ru_maxrss, so a
/// child of a harness holding a corpus would seem as big as the harness. GNU time, a small
/// process that forks the program itself, reports the program's own peak.
struct ChildProcess {
    let scratchDirectory: String
    /// Added to the inherited environment.
    let extraEnvironment: [String: String]
    /// GNU time (`/usr/bin/time`), when present and working.
    var gnuTime: String?

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with stdin from `standardInput`
    /// (default /dev/null); with `peakMemory`, through GNU time when there is one.
    func run(_ arguments: [String], standardInput: String = "/dev/null", peakMemory: Bool = false) throws(SpawnError) -> ChildResult {
        guard let program = arguments.first else { throw SpawnError(description: "no program to run") }
        guard let executable = Tools.resolve(program) else { throw SpawnError(description: "\(program): not found") }
        let outPath = scratchDirectory + "/child.stdout"
        let errPath = scratchDirectory + "/child.stderr"
        let memoryPath = scratchDirectory + "/child.maxrss"
        var command = [executable] + arguments.dropFirst()
        let timed = peakMemory ? gnuTime : nil
        if let timed {
            try? FileManager.default.removeItem(atPath: memoryPath)
            command = [timed, "-f", "%M", "-o", memoryPath] + command
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        for (name, value) in extraEnvironment { environment[name] = value }
        let argv = command.map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let started = Clock.now()
        let argvList = argv + [nil]
        let envpList = envp + [nil]
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argvList, envpList)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(command[0]): \(String(cString: strerror(spawned)))")
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
            cpuSeconds: ProcessCPU.seconds(usage.ru_utime) + ProcessCPU.seconds(usage.ru_stime),
            maxRSSBytes: timed == nil ? nil : Self.peakBytes(memoryPath),
            standardOutput: Self.read(outPath),
            standardError: Self.read(errPath))
    }

    /// GNU time's last line is %M, kilobytes (a line before it may say how the command exited).
    private static func peakBytes(_ path: String) -> Int? {
        let lines = read(path).split(separator: "\n")
        return lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 * 1024 }
    }

    private static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
