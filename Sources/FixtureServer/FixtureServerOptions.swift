/// How the fake services behave: Spotify's credentials, tokens and faults, and the enrichment services' keys and limits.
package struct FixtureServerOptions: Sendable, Equatable {
    /// The client id `POST /api/token` accepts.
    package var clientID = "swingcache-demo"
    /// The client secret `POST /api/token` accepts.
    package var clientSecret = "swingcache-demo-secret"
    /// Seconds an issued token lives, answered as `expires_in`; 0 issues tokens that are already expired.
    package var tokenLifetime: Int = 3600
    /// Behave like an app in Spotify's development mode: batch endpoints 403, single answers lose extended fields.
    package var developmentMode = false
    /// Every Nth API request answers 429 with `Retry-After: retryAfterSeconds`.
    package var rateLimitEvery: Int? = nil
    /// The `Retry-After` of a rate-limited answer.
    package var retryAfterSeconds: Int = 1
    /// Once more than N API requests were made, every API request answers 429 `QUOTA_EXCEEDED`.
    package var quotaAfter: Int? = nil
    /// The `Retry-After` of a quota-exceeded answer.
    package var quotaRetryAfterSeconds: Int = 21600
    /// Spotify's Development-Mode quota as reported in 2026: a rolling window of 24 hours. Once the API requests
    /// admitted in the trailing 24 h reach N, every API request answers 429 `QUOTA_EXCEEDED` with a `Retry-After`
    /// until the oldest of them leaves the window.
    package var quotaPerDay: Int? = nil
    /// The fraction of API requests answered 503, drawn from `seed`.
    package var serverErrorRate: Double = 0
    /// The fraction of API requests answered 200 with their JSON cut in half, drawn from `seed`.
    package var malformedRate: Double = 0
    /// Milliseconds waited before each answer.
    package var latencyMilliseconds: Int = 0
    /// Seeds the fault draws, so a run with the same options fails the same requests.
    package var seed: UInt64 = 1

    /// The `api_key` Last.fm accepts; `suspended-key` is always answered error 26, any other key error 10.
    package var lastFMAPIKey = "swingcache-demo-lastfm-key"
    /// Every Nth Last.fm request answers error 29 with HTTP 429.
    package var lastFMRateLimitEvery: Int? = nil
    /// The fraction of Last.fm requests answered error 16 (temporary) with HTTP 500, drawn from `seed`.
    package var lastFMTemporaryErrorRate: Double = 0
    /// MusicBrainz answers 503 to a request sooner than this after the previous one; 0 turns the rule off.
    package var musicBrainzMinimumIntervalMilliseconds: Int = 1000
    /// The fraction of MusicBrainz requests answered 503 although they kept the interval, drawn from `seed`.
    ///
    /// The real service did this to about one request in four in 2026; 0.25 imitates it.
    package var musicBrainzBusyRate: Double = 0
    /// ListenBrainz requests allowed per window before it answers 429.
    package var listenBrainzRequestsPerWindow: Int = 30
    /// The length of ListenBrainz's rate-limit window.
    package var listenBrainzWindowSeconds: Int = 10
    /// ListenBrainz answers 401 to requests without `Authorization: Token <listenBrainzToken>`.
    package var listenBrainzRequireToken = false
    /// The token ListenBrainz accepts when `listenBrainzRequireToken` is set.
    package var listenBrainzToken = "swingcache-demo-listenbrainz-token"
    /// The one `key` Odesli still accepts; nil answers every request 401 `PUBLIC_API_ACCESS_DEPRECATED`.
    package var odesliKey: String? = nil
    /// Odesli answers every request 410, as after its public API was shut down.
    package var odesliRetired = false
    /// A JSON file of listening histories Last.fm's `user.getRecentTracks` and ListenBrainz's listens serve instead of
    /// the bundled `Fixtures/history/default.json`; see ``FixtureHistory`` for its shape.
    package var historyFile: String? = nil

    package init() {}

    /// Every option at once; any left out keeps its default.
    package init(
        clientID: String = "swingcache-demo",
        clientSecret: String = "swingcache-demo-secret",
        tokenLifetime: Int = 3600,
        developmentMode: Bool = false,
        rateLimitEvery: Int? = nil,
        retryAfterSeconds: Int = 1,
        quotaAfter: Int? = nil,
        quotaRetryAfterSeconds: Int = 21600,
        quotaPerDay: Int? = nil,
        serverErrorRate: Double = 0,
        malformedRate: Double = 0,
        latencyMilliseconds: Int = 0,
        seed: UInt64 = 1,
        lastFMAPIKey: String = "swingcache-demo-lastfm-key",
        lastFMRateLimitEvery: Int? = nil,
        lastFMTemporaryErrorRate: Double = 0,
        musicBrainzMinimumIntervalMilliseconds: Int = 1000,
        musicBrainzBusyRate: Double = 0,
        listenBrainzRequestsPerWindow: Int = 30,
        listenBrainzWindowSeconds: Int = 10,
        listenBrainzRequireToken: Bool = false,
        listenBrainzToken: String = "swingcache-demo-listenbrainz-token",
        odesliKey: String? = nil,
        odesliRetired: Bool = false,
        historyFile: String? = nil
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokenLifetime = tokenLifetime
        self.developmentMode = developmentMode
        self.rateLimitEvery = rateLimitEvery
        self.retryAfterSeconds = retryAfterSeconds
        self.quotaAfter = quotaAfter
        self.quotaRetryAfterSeconds = quotaRetryAfterSeconds
        self.quotaPerDay = quotaPerDay
        self.serverErrorRate = serverErrorRate
        self.malformedRate = malformedRate
        self.latencyMilliseconds = latencyMilliseconds
        self.seed = seed
        self.lastFMAPIKey = lastFMAPIKey
        self.lastFMRateLimitEvery = lastFMRateLimitEvery
        self.lastFMTemporaryErrorRate = lastFMTemporaryErrorRate
        self.musicBrainzMinimumIntervalMilliseconds = musicBrainzMinimumIntervalMilliseconds
        self.musicBrainzBusyRate = musicBrainzBusyRate
        self.listenBrainzRequestsPerWindow = listenBrainzRequestsPerWindow
        self.listenBrainzWindowSeconds = listenBrainzWindowSeconds
        self.listenBrainzRequireToken = listenBrainzRequireToken
        self.listenBrainzToken = listenBrainzToken
        self.odesliKey = odesliKey
        self.odesliRetired = odesliRetired
        self.historyFile = historyFile
    }
}
