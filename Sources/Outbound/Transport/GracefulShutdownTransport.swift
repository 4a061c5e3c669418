import Foundation
import ServiceLifecycle
import SwingCache

/// Lets a request that is in flight when a graceful shutdown begins finish for ``gracePeriod``, then abandons it:
/// a normal answer is still stored, a trickling one does not hold the stopped run.
///
/// Outside a `ServiceGroup` (`get`, `doctor`) no graceful shutdown comes, and it only forwards.
///
/// ```swift
/// let transport = GracefulShutdownTransport(AsyncHTTPClientTransport(timeout: 30, deadline: 60))
/// ```
package struct GracefulShutdownTransport: HTTPTransport {
    /// How long a request in flight may still finish once a graceful shutdown began.
    package static let gracePeriod: TimeInterval = 5

    private let base: any HTTPTransport
    private let gracePeriod: TimeInterval
    private let clock: any RunClock

    /// `clock` times the grace period.
    package init(
        _ base: any HTTPTransport, gracePeriod: TimeInterval = Self.gracePeriod, clock: any RunClock = SystemClock()
    ) {
        self.base = base
        self.gracePeriod = gracePeriod
        self.clock = clock
    }

    /// `base`'s answer, or an ``HTTPTransportError`` once the grace period after a graceful shutdown is over.
    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        let (base, clock, gracePeriod) = (self.base, self.clock, self.gracePeriod)
        return try await withThrowingTaskGroup(of: TransportResponse?.self) { group in
            group.addTask { try await base.send(request) }
            group.addTask {
                try await gracefulShutdown()
                try await clock.sleep(until: clock.now().addingTimeInterval(gracePeriod))
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else {
                throw HTTPTransportError(
                    .other("abandoned: the run was stopped"), host: HTTPTransportError.host(of: request.url))
            }
            return response
        }
    }
}
