import Foundation
import Outbound
import ServiceLifecycleTestKit
import SwingCache
import SwingCacheTestKit
import Testing

/// The request in flight when a graceful shutdown begins: its answer is kept when it comes within the grace period,
/// and the request is abandoned when it does not.
@Suite(.timeLimit(.minutes(1))) struct GracefulShutdownTransportTests {
    func request() throws -> TransportRequest {
        TransportRequest(url: try #require(URL(string: "http://127.0.0.1:8899/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh")))
    }

    @Test func anAnswerThatComesWithinTheGracePeriodIsKept() async throws {
        let request = try request()
        let response = try await testGracefulShutdown { shutdown in
            let base = ScriptedTransport { _ in
                shutdown.triggerGracefulShutdown()
                await Task.yield()
                try Task.checkCancellation()
                return TransportResponse(status: 200)
            }
            return try await GracefulShutdownTransport(base, clock: HaltedClock()).send(request)
        }
        #expect(response.status == 200)
    }

    @Test func aRequestStillInFlightWhenTheGracePeriodIsOverIsAbandoned() async throws {
        let request = try request()
        let clock = ManualClock()
        let base = ScriptedTransport { _ in
            try await HaltedClock().sleep(until: .distantFuture)
            return TransportResponse(status: 200)
        }
        await testGracefulShutdown { shutdown in
            shutdown.triggerGracefulShutdown()
            await #expect(
                throws: HTTPTransportError(.other("abandoned: the run was stopped"), host: "127.0.0.1:8899")
            ) {
                try await GracefulShutdownTransport(base, clock: clock).send(request)
            }
        }
        #expect(clock.sleptUntil == [Date.testEpoch.addingTimeInterval(GracefulShutdownTransport.gracePeriod)])
    }

    @Test func withoutAGracefulShutdownItOnlyForwards() async throws {
        let base = ScriptedTransport { _ in TransportResponse(status: 204) }
        let clock = ManualClock()
        let response = try await GracefulShutdownTransport(base, clock: clock).send(try request())
        #expect(response.status == 204)
        #expect(base.requests.count == 1)
        #expect(clock.sleptUntil.isEmpty, "no grace period is started")
    }
}
