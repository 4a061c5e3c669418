import Foundation
import Synchronization

/// A child process started with `posix_spawn`, for the tests and the bench: Foundation's `Process` is not used.
///
/// Foundation's `Process.run()` on Linux lists `/proc/self/fd` by copying each `dirent`'s whole 256-byte name
/// field; with about 1 360 descriptors open the last entry of a full `readdir` buffer sits within 256 bytes of the
/// buffer's end, the copy reads past it and the test runner dies of SIGSEGV (CI saw it in
/// `ReadOnlyCacheTests`, at the suite's peak of ~2 000 descriptors). Here the child closes every inherited
/// descriptor above 2 with `posix_spawn_file_actions_addclosefrom_np`, and this side never lists them.
package final class SpawnedProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    package enum Stream {
        /// The test runner's own stream.
        case inherited
        /// `/dev/null`.
        case nullDevice
        /// A pipe whose other end this side reads (`standardOutput`, `standardError`) or writes (`standardInput`).
        case pipe
        /// Standard error only: the same pipe or file as standard output.
        case sameAsStandardOutput
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package let pid: pid_t
    /// The end of the child's standard input this side writes, when it was `.pipe`.
    package let standardInput: FileHandle?
    /// The end of the child's standard output this side reads, when it was `.pipe`.
    package let standardOutput: FileHandle?
    /// The end of the child's standard error this side reads, when it was `.pipe`.
    package let standardError: FileHandle?
    /// The raw `waitpid` status once the child has been reaped.
    private let reaped = Mutex<Int32?>(nil)

    /// Starts `executable` (a path, or a name looked up in `PATH`) with `arguments`, in `directory` when given,
    /// with exactly `environment` when given and the runner's own environment otherwise.
    package init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        directory: String? = nil, standardInput: Stream = .nullDevice, standardOutput: Stream = .inherited,
        standardError: Stream = .inherited
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Every descriptor this side opens for the child is close-on-exec, so no other child inherits it.
        var ownEnds: [Int32: Int32] = [:]
        var childEnds: [Int32] = []
        var started = false
        defer {
            for descriptor in childEnds { close(descriptor) }
            if !started { for descriptor in ownEnds.values { close(descriptor) } }
        }
        func pipeEnds() throws -> (read: Int32, write: Int32) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw Failure(description: "pipe: errno \(errno)") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            return (ends[0], ends[1])
        }
        func nullDevice() throws -> Int32 {
            let descriptor = open("/dev/null", O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(description: "/dev/null: errno \(errno)") }
            childEnds.append(descriptor)
            return descriptor
        }
        var outputTarget: Int32 = STDOUT_FILENO
        for (target, stream) in [
            (STDIN_FILENO, standardInput), (STDOUT_FILENO, standardOutput), (STDERR_FILENO, standardError),
        ] {
            let source: Int32
            switch stream {
            case .inherited:
                continue
            case .nullDevice:
                source = try nullDevice()
            case .sameAsStandardOutput:
                source = outputTarget
            case .pipe:
                let ends = try pipeEnds()
                let (childEnd, ownEnd) = target == STDIN_FILENO ? (ends.read, ends.write) : (ends.write, ends.read)
                childEnds.append(childEnd)
                ownEnds[target] = ownEnd
                source = childEnd
            }
            if target == STDOUT_FILENO { outputTarget = source }
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        let closing = Self.closeFrom(&actions, 3)
        guard closing == 0 else { throw Failure(description: "addclosefrom: \(String(cString: strerror(closing)))") }
        if let directory {
            let changing = Self.changeDirectory(&actions, directory)
            guard changing == 0 else {
                throw Failure(description: "addchdir \(directory): \(String(cString: strerror(changing)))")
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own, as Foundation's Process gives: a ^C meant for the runner does not reach it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") }
        let envp = variables + [nil]
        defer { for variable in variables { free(variable) } }
        var pid = pid_t()
        let spawned =
            executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : Self.spawnFromPath(&pid, executable, &actions, &attributes, argv, envp, environment)
        guard spawned == 0 else {
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        started = true
        self.pid = pid
        func handle(_ target: Int32) -> FileHandle? {
            ownEnds[target].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        }
        self.standardInput = handle(STDIN_FILENO)
        self.standardOutput = handle(STDOUT_FILENO)
        self.standardError = handle(STDERR_FILENO)
    }

    /// Whether the child has not ended yet; reaps it when it has.
    package var isRunning: Bool {
        reaped.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            status = raw
            return false
        }
    }

    /// Waits for the child to end; its exit code, or the number of the signal that ended it.
    @discardableResult
    package func waitUntilExit() -> Int32 {
        let raw = reaped.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            status = raw
            return raw
        }
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : signal
    }

    /// Sends `signal` to the child, unless it has already been reaped (its pid may then be another's).
    package func send(_ signal: Int32) {
        reaped.withLock { status in
            if status == nil { kill(pid, signal) }
        }
    }

    /// Runs `executable` to its end; its exit status and standard output.
    package static func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        directory: String? = nil, standardError: Stream = .nullDevice
    ) throws -> (status: Int32, output: String) {
        let process = try SpawnedProcess(
            executable, arguments, environment: environment, directory: directory, standardOutput: .pipe,
            standardError: standardError)
        let output = process.standardOutput?.readDataToEndOfFile() ?? Data()
        return (process.waitUntilExit(), String(decoding: output, as: UTF8.self))
    }

    private static func spawnFromPath(
        _ pid: inout pid_t, _ name: String, _ actions: inout posix_spawn_file_actions_t,
        _ attributes: inout posix_spawnattr_t, _ argv: [UnsafeMutablePointer<CChar>?],
        _ envp: [UnsafeMutablePointer<CChar>?], _ environment: [String: String]?
    ) -> Int32 {
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
            return posix_spawn(&pid, "\(folder)/\(name)", &actions, &attributes, argv, envp)
        }
        return ENOENT
    }

    // glibc has both since 2.34, but Swift's Glibc module does not declare them.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addCloseFrom = unsafeBitCast(
        symbol("posix_spawn_file_actions_addclosefrom_np"), to: CloseFrom.self)
    private static let addChangeDirectory = unsafeBitCast(
        symbol("posix_spawn_file_actions_addchdir_np"), to: ChangeDirectory.self)

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            fatalError("\(name) is missing: glibc 2.34 or later is needed")
        }
        return symbol
    }

    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Int32 {
        addCloseFrom(&actions, lowest)
    }

    private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        directory.withCString { addChangeDirectory(&actions, $0) }
    }
}
