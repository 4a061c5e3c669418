import Foundation

/// Everything that changes while the server runs: issued tokens, the API request count, fault draws and the log.
actor FixtureServerState {
    private let options: FixtureServerOptions
    private let logFile: RequestLogFile?
    private var tokenExpiries: [String: Date] = [:]
    private var issuedTokenCount = 0
    private var apiRequestCount = 0
    private var faultDraws: DeterministicDraws
    private var log: [LoggedRequest] = []

    /// Opens the request log file, when given, before the first request can need it.
    init(options: FixtureServerOptions, requestLogPath: String?) throws {
        self.options = options
        logFile = try requestLogPath.map(RequestLogFile.init(path:))
        faultDraws = DeterministicDraws(seed: options.seed)
    }

    /// A new token valid for `tokenLifetime` seconds from `now`.
    func issueToken(now: Date = Date()) -> String {
        issuedTokenCount += 1
        let token = "fixture-token-\(issuedTokenCount)"
        tokenExpiries[token] = now.addingTimeInterval(TimeInterval(options.tokenLifetime))
        return token
    }

    /// Whether `token` was issued here and is still valid at `now`.
    func status(ofToken token: String?, now: Date = Date()) -> TokenStatus {
        guard let token, let expiry = tokenExpiries[token] else { return .unknown }
        return now < expiry ? .valid : .expired
    }

    /// Counts one authorised API request and decides, in Spotify's order of precedence, which fault if any it meets.
    func admitAPIRequest() -> APIRequestVerdict {
        apiRequestCount += 1
        if let quota = options.quotaAfter, apiRequestCount > quota {
            return .quotaExceeded
        }
        if let every = options.rateLimitEvery, every > 0, apiRequestCount % every == 0 {
            return .rateLimited
        }
        if options.serverErrorRate > 0, faultDraws.chance(options.serverErrorRate) {
            return .serverError
        }
        if options.malformedRate > 0, faultDraws.chance(options.malformedRate) {
            return .malformed
        }
        return .answer
    }

    /// Keeps `entry` for `/__log` and appends it to the request log file when there is one.
    func record(_ entry: LoggedRequest) {
        log.append(entry)
        logFile?.append(entry)
    }

    /// Every request recorded so far, in the order they were answered.
    func loggedRequests() -> [LoggedRequest] {
        log
    }
}
