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
    public var baseURL: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)"
    }

    /// The Web API root, `baseURL/v1`.
    public var apiURL: String { baseURL + FixtureRoutes.apiPrefix }

    /// The Accounts token endpoint, `baseURL/api/token`.
    public var tokenURL: String { baseURL + "/api/token" }

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
