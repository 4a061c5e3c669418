import Foundation
import SwingCache

/// Everything that changes while the server runs: issued tokens, request counts, rate-limit windows, fault draws
/// and the log, all timed by one injected clock.
actor FixtureServerState {
    private let options: FixtureServerOptions
    private let clock: any RunClock
    private let logFile: RequestLogFile?
    private var tokenExpiries: [String: Date] = [:]
    private var issuedTokenCount = 0
    private var apiRequestCount = 0
    /// When each API request the rolling-day quota admitted arrived, oldest first.
    private var admittedInDay: [Date] = []
    private var faultDraws: DeterministicDraws
    private var lastFMRequestCount = 0
    private var lastFMDraws: DeterministicDraws
    private var musicBrainzSpacing: RequestSpacing
    private var musicBrainzDraws: DeterministicDraws
    private var listenBrainzWindow: RequestWindow
    private var log: [LoggedRequest] = []

    /// Opens the request log file, when given, before the first request can need it.
    init(options: FixtureServerOptions, clock: any RunClock = SystemClock(), requestLogPath: String?) throws {
        self.options = options
        self.clock = clock
        logFile = try requestLogPath.map(RequestLogFile.init(path:))
        faultDraws = DeterministicDraws(seed: options.seed)
        // Streams of their own, so enrichment traffic never shifts which Spotify requests fail.
        lastFMDraws = DeterministicDraws("lastfm", String(options.seed))
        musicBrainzDraws = DeterministicDraws("musicbrainz", String(options.seed))
        musicBrainzSpacing = RequestSpacing(
            minimumInterval: TimeInterval(options.musicBrainzMinimumIntervalMilliseconds) / 1000)
        listenBrainzWindow = RequestWindow(
            limit: options.listenBrainzRequestsPerWindow, length: TimeInterval(options.listenBrainzWindowSeconds))
    }

    /// The server's time, from the injected clock.
    nonisolated func now() -> Date {
        clock.now()
    }

    /// A new token valid for `tokenLifetime` seconds from now.
    func issueToken() -> String {
        issuedTokenCount += 1
        let token = "fixture-token-\(issuedTokenCount)"
        tokenExpiries[token] = now().addingTimeInterval(TimeInterval(options.tokenLifetime))
        return token
    }

    /// Whether `token` was issued here and is still valid now.
    func status(ofToken token: String?) -> TokenStatus {
        guard let token, let expiry = tokenExpiries[token] else { return .unknown }
        return now() < expiry ? .valid : .expired
    }

    /// Counts one authorised API request and decides, in Spotify's order of precedence, which fault if any it meets.
    func admitAPIRequest() -> APIRequestVerdict {
        apiRequestCount += 1
        if let quota = options.quotaAfter, apiRequestCount > quota {
            return .quotaExceeded(retryAfter: options.quotaRetryAfterSeconds)
        }
        if let perDay = options.quotaPerDay {
            let now = now()
            admittedInDay.removeAll { $0 <= now.addingTimeInterval(-86_400) }
            if admittedInDay.count >= perDay {
                let freed = admittedInDay[admittedInDay.count - perDay].addingTimeInterval(86_400)
                return .quotaExceeded(retryAfter: max(1, Int(freed.timeIntervalSince(now).rounded(.up))))
            }
            admittedInDay.append(now)
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

    /// Counts one Last.fm request: every Nth is rate-limited, others may draw a temporary error.
    func admitLastFMRequest() -> EnrichmentRequestVerdict {
        lastFMRequestCount += 1
        if let every = options.lastFMRateLimitEvery, every > 0, lastFMRequestCount % every == 0 {
            return .rateLimited
        }
        if options.lastFMTemporaryErrorRate > 0, lastFMDraws.chance(options.lastFMTemporaryErrorRate) {
            return .temporaryError
        }
        return .answer
    }

    /// Times one MusicBrainz request against the previous one, then draws whether the server is busy anyway.
    func admitMusicBrainzRequest() -> EnrichmentRequestVerdict {
        guard musicBrainzSpacing.admit(at: now()) else { return .rateLimited }
        if options.musicBrainzBusyRate > 0, musicBrainzDraws.chance(options.musicBrainzBusyRate) {
            return .temporaryError
        }
        return .answer
    }

    /// Counts one ListenBrainz request in the current window.
    func admitListenBrainzRequest() -> RequestWindow.Verdict {
        listenBrainzWindow.admit(at: now())
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
