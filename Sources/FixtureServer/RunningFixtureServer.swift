import ServiceLifecycle

/// A fixture server that is listening: where to reach it, what it was asked, and how to stop it.
public struct RunningFixtureServer: Sendable {
    /// The port it listens on, the real one when it was started with port 0.
    public let port: Int
    private let host: String
    private let state: FixtureServerState
    private let services: ServiceGroup
    private let serving: Task<Void, Never>

    init(port: Int, host: String, state: FixtureServerState, services: ServiceGroup, serving: Task<Void, Never>) {
        self.port = port
        self.host = host
        self.state = state
        self.services = services
        self.serving = serving
    }

    /// `http://HOST:PORT`.
    public var baseURL: String { Self.baseURL(host: host, port: port) }

    /// `http://HOST:PORT`, with an IPv6 host in brackets.
    static func baseURL(host: String, port: Int) -> String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)"
    }

    /// The Web API root, `baseURL/v1`.
    public var apiURL: String { baseURL + FixtureRoutes.apiPrefix }

    /// The Accounts token endpoint, `baseURL/api/token`.
    public var tokenURL: String { baseURL + "/api/token" }

    /// The root a client of `service` puts in place of the real one: `baseURL/lastfm` for `https://ws.audioscrobbler.com`,
    /// `baseURL/musicbrainz` for `https://musicbrainz.org`, `baseURL/listenbrainz` for `https://api.listenbrainz.org`,
    /// `baseURL/deezer` for `https://api.deezer.com`, `baseURL/odesli` for `https://api.song.link`; `baseURL` for
    /// Spotify.
    public func url(of service: FixtureService) -> String {
        baseURL + service.pathPrefix
    }

    /// Every request answered so far except `/__log`, in the order they were answered.
    public func requestLog() async -> [LoggedRequest] {
        await state.loggedRequests()
    }

    /// Stops accepting connections, lets requests in progress finish, and returns once the server is down.
    public func stop() async {
        await services.triggerGracefulShutdown()
        await serving.value
    }
}
