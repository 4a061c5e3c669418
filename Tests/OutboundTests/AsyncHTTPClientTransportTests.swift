import FixtureServer
import Foundation
import Outbound
import SwingCacheTestKit
import Testing

/// The real transport against real loopback servers that misbehave.
@Suite(.timeLimit(.minutes(1))) struct AsyncHTTPClientTransportTests {
    @Test func aPortNobodyListensOnIsSaidAtOnceAsACallThatCannotConnect() async throws {
        let port = try SilentListener().port  // closed again at once: nothing listens there
        let transport = AsyncHTTPClientTransport(timeout: 30, deadline: 30)
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/tracks"))
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(TransportRequest(url: url))
        }
        #expect(error?.description == "cannot connect to 127.0.0.1:\(port) (connection refused or no route)")
    }

    @Test func anAnswerComesBackWithItsStatusHeadersAndBody() async throws {
        let server = try await FixtureServer.start(clock: ManualClock())
        let transport = AsyncHTTPClientTransport()
        let url = try #require(URL(string: server.url(of: .deezer) + "/track/isrc:ZZAAA0000001"))
        let answer = try await transport.send(TransportRequest(url: url, headers: ["Accept": "application/json"]))
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("DataException"))
    }

    @Test func aServerThatTricklesItsAnswerIsCutOffAtTheDeadline() async throws {
        let server = try TricklingServer(byteEvery: 0.05)
        // The idle timeout never trips: a byte arrives every 50 ms. Only the deadline can end the wait.
        let transport = AsyncHTTPClientTransport(timeout: 5, deadline: 0.4)
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(TransportRequest(url: server.url))
        }
        #expect(ContinuousClock.now - started < .seconds(20), "the whole body would take 500 s")
        #expect(
            error?.description
                == "127.0.0.1:\(server.port) did not finish answering within 0.4s (every request's deadline)")
        #expect(error?.localizedDescription == error?.description, "what every caller prints is the sentence")
    }

    @Test func aSilentServerIsReportedAsSilentNotAsAnErrorCode() async throws {
        let listener = try SilentListener()
        let transport = AsyncHTTPClientTransport(timeout: 0.3, deadline: 30)
        let url = try #require(URL(string: "http://127.0.0.1:\(listener.port)/v1/tracks"))
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(TransportRequest(url: url))
        }
        #expect(error?.description == "127.0.0.1:\(listener.port) sent nothing for 0.3s")
    }

    @Test func aCancelledRequestStopsWaitingAtOnce() async throws {
        let server = try TricklingServer(byteEvery: 0.05)
        let transport = AsyncHTTPClientTransport(timeout: 30, deadline: 30)
        let started = ContinuousClock.now
        let request = Task { try await transport.send(TransportRequest(url: server.url)) }
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        #expect(ContinuousClock.now - started < .seconds(20), "the whole body would take 500 s")
    }
}
