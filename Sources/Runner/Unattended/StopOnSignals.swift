import Logging
import ServiceLifecycle
import UnixSignals

/// Runs a command's work in a `ServiceGroup` that SIGINT and SIGTERM shut down gracefully.
///
/// On the first signal no new request starts (the work reads `Task.isShuttingDownGracefully`), a wait ends at once
/// (the ``Pacer`` sleeps in `cancelWhenGracefulShutdown`), and the request in flight has
/// ``GracefulShutdownTransport/gracePeriod`` to finish; the work then returns what it has, for its summary. A second
/// signal ends the process at once.
///
/// ```swift
/// let stop = StopOnSignals { logger.notice("received signal \($0): the run stops after the request in flight") }
/// let summary = try await stop.run { try await jobRun.run(jobs) }
/// ```
package struct StopOnSignals: Sendable {
    /// Told the number of the first signal, as the graceful shutdown begins.
    private let onSignal: @Sendable (Int32) -> Void

    package init(onSignal: @escaping @Sendable (Int32) -> Void) {
        self.onSignal = onSignal
    }

    /// What `work` returned, once it did; rethrows what it threw.
    package func run<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) async throws -> Result {
        // The group listens before it starts its services: a signal held since the process began is heard now.
        let command = CommandService {
            if EarlySignals.replay() {
                // The group hears the signal on a task of its own: a short run must not finish before it has.
                for _ in 0..<200 where !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }
            return try await work()
        }
        let signals: [UnixSignal] = [.sigint, .sigterm]
        // The watch comes first: a group shuts its services down in reverse order, so it outlives the work.
        let configuration = ServiceGroupConfiguration(
            services: [
                .init(service: SignalWatch(signals: signals, onFirst: onSignal)),
                .init(service: command, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: signals,
            logger: Logger(label: "swingcache.lifecycle") { _ in SwiftLogNoOpLogHandler() })
        try await ServiceGroup(configuration: configuration).run()
        // The group ends without the work's result only when the command's own task was cancelled.
        guard let result = command.result else { throw CancellationError() }
        return result
    }
}
