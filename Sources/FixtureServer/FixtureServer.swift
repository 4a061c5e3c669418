import Hummingbird
import Logging
import ServiceLifecycle
import SwingCache

/// A fake Spotify Web API and Accounts service, with fake Last.fm, MusicBrainz, ListenBrainz, Deezer and Odesli
/// beside it, on a local port, for tests, the CI smoke job and the demo.
///
/// ```swift
/// let server = try await FixtureServer.start(options: .init(rateLimitEvery: 5))
/// // point the client at server.tokenURL, server.apiURL and server.url(of: .musicbrainz) …
/// await server.stop()
/// ```
public enum FixtureServer {
    /// Runs `body` with a server started on a free loopback port, and stops the server whatever `body` does.
    public static func withRunning<Result>(
        options: FixtureServerOptions = .init(), requestLogFile: String? = nil, clock: any RunClock = SystemClock(),
        _ body: (RunningFixtureServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(options: options, requestLogFile: requestLogFile, clock: clock)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Starts the server and returns once it listens; `port` 0 picks a free port, reported by the result.
    ///
    /// `clock` times token expiry, the enrichment services' rate limits and the request log, so a test can pass a
    /// manual clock and move it instead of sleeping.
    public static func start(
        options: FixtureServerOptions = .init(),
        host: String = "127.0.0.1",
        port: Int = 0,
        requestLogFile: String? = nil,
        clock: any RunClock = SystemClock()
    ) async throws -> RunningFixtureServer {
        let catalog = FixtureCatalog(recorded: try RecordedFixtures.bundled())
        let state = try FixtureServerState(options: options, clock: clock, requestLogPath: requestLogFile)
        let history = try FixtureHistory.load(path: options.historyFile)
        let router = FixtureRoutes.router(options: options, state: state, catalog: catalog, history: history)

        let (boundPorts, portReporter) = AsyncThrowingStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                portReporter.yield(channel.localAddress?.port ?? port)
            },
            logger: quietLogger
        )
        // A group of its own, so stop() can shut the server down gracefully rather than cancel requests mid-answer.
        let services = ServiceGroup(services: [application], logger: quietLogger)
        let serving = Task {
            do {
                try await services.run()
                portReporter.finish()
            } catch {
                portReporter.finish(throwing: error)
            }
        }
        do {
            var ports = boundPorts.makeAsyncIterator()
            guard let boundPort = try await ports.next() else {
                throw FixtureServerError.stoppedBeforeListening
            }
            return RunningFixtureServer(port: boundPort, host: host, state: state, services: services, serving: serving)
        } catch {
            serving.cancel()
            await serving.value
            throw error
        }
    }

    /// Hummingbird logs to stdout by default; the executable's stdout carries only its `listening on` line.
    private static var quietLogger: Logger {
        var logger = Logger(label: "spotify-fixture-server") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        return logger
    }
}
