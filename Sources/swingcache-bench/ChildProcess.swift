import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end and reports its wall time and its own peak resident memory (`wait4`'s rusage).
enum ChildProcess {
    struct Outcome {
        var seconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    /// Runs `path` with `arguments`, its standard output sent to /dev/null.
    static func run(_ path: String, _ arguments: [String]) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = monotonicSeconds()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot start \(path)"])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = monotonicSeconds() - start
        return Outcome(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: status)
    }
}
