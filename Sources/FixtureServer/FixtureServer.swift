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
        let (boundPorts, portReporter) = AsyncThrowingStream.makeStream(of: Int.self)
        let (application, state) = try makeApplication(
            options: options, host: host, port: port, requestLogFile: requestLogFile, clock: clock
        ) { portReporter.yield($0) }
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

    /// Serves until SIGINT or SIGTERM, then stops accepting connections and lets the requests in progress finish.
    ///
    /// `onListening` is told the server's `http://HOST:PORT` once it listens; the signals are caught from before
    /// then, so one sent as soon as the address is known still stops the server cleanly.
    public static func serveUntilSignalled(
        options: FixtureServerOptions = .init(), host: String = "127.0.0.1", port: Int = 0,
        requestLogFile: String? = nil, onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        let (application, _) = try makeApplication(
            options: options, host: host, port: port, requestLogFile: requestLogFile, clock: SystemClock()
        ) { onListening(RunningFixtureServer.baseURL(host: host, port: $0)) }
        let configuration = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: quietLogger)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// The server as a service, and the state its routes answer from; `onListening` is told the bound port.
    private static func makeApplication(
        options: FixtureServerOptions, host: String, port: Int, requestLogFile: String?, clock: any RunClock,
        onListening: @escaping @Sendable (Int) -> Void
    ) throws -> (any Service, FixtureServerState) {
        let catalog = FixtureCatalog(recorded: try RecordedFixtures.bundled())
        let state = try FixtureServerState(options: options, clock: clock, requestLogPath: requestLogFile)
        let history = try FixtureHistory.load(path: options.historyFile)
        let router = FixtureRoutes.router(options: options, state: state, catalog: catalog, history: history)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                onListening(channel.localAddress?.port ?? port)
            },
            logger: quietLogger
        )
        return (application, state)
    }

    /// Hummingbird logs to stdout by default; the executable's stdout carries only its `listening on` line.
    private static var quietLogger: Logger {
        var logger = Logger(label: "spotify-fixture-server") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        return logger
    }
}
