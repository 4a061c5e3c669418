import ServiceLifecycle
import Synchronization

/// A command's work as a service of a group, keeping what the work returned for the command to report.
final class CommandService<Result: Sendable>: Service {
    private let work: @Sendable () async throws -> Result
    private let returned = Mutex<Result?>(nil)

    init(_ work: @escaping @Sendable () async throws -> Result) {
        self.work = work
    }

    func run() async throws {
        let result = try await work()
        returned.withLock { $0 = result }
    }

    /// What the work returned; nil before it did.
    var result: Result? { returned.withLock { $0 } }
}
