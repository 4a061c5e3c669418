/// How the fake Spotify Web API behaves: its credentials, its tokens and the faults it injects.
public struct FixtureServerOptions: Sendable, Equatable {
    /// The client id `POST /api/token` accepts.
    public var clientID = "swingcache-demo"
    /// The client secret `POST /api/token` accepts.
    public var clientSecret = "swingcache-demo-secret"
    /// Seconds an issued token lives, answered as `expires_in`; 0 issues tokens that are already expired.
    public var tokenLifetime: Int = 3600
    /// Behave like an app in Spotify's development mode: batch endpoints 403, single answers lose extended fields.
    public var developmentMode = false
    /// Every Nth API request answers 429 with `Retry-After: retryAfterSeconds`.
    public var rateLimitEvery: Int? = nil
    /// The `Retry-After` of a rate-limited answer.
    public var retryAfterSeconds: Int = 1
    /// Once more than N API requests were made, every API request answers 429 `QUOTA_EXCEEDED`.
    public var quotaAfter: Int? = nil
    /// The `Retry-After` of a quota-exceeded answer.
    public var quotaRetryAfterSeconds: Int = 21600
    /// The fraction of API requests answered 503, drawn from `seed`.
    public var serverErrorRate: Double = 0
    /// The fraction of API requests answered 200 with their JSON cut in half, drawn from `seed`.
    public var malformedRate: Double = 0
    /// Milliseconds waited before each answer.
    public var latencyMilliseconds: Int = 0
    /// Seeds the fault draws, so a run with the same options fails the same requests.
    public var seed: UInt64 = 1

    public init() {}

    /// Every option at once; any left out keeps its default.
    public init(
        clientID: String = "swingcache-demo",
        clientSecret: String = "swingcache-demo-secret",
        tokenLifetime: Int = 3600,
        developmentMode: Bool = false,
        rateLimitEvery: Int? = nil,
        retryAfterSeconds: Int = 1,
        quotaAfter: Int? = nil,
        quotaRetryAfterSeconds: Int = 21600,
        serverErrorRate: Double = 0,
        malformedRate: Double = 0,
        latencyMilliseconds: Int = 0,
        seed: UInt64 = 1
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokenLifetime = tokenLifetime
        self.developmentMode = developmentMode
        self.rateLimitEvery = rateLimitEvery
        self.retryAfterSeconds = retryAfterSeconds
        self.quotaAfter = quotaAfter
        self.quotaRetryAfterSeconds = quotaRetryAfterSeconds
        self.serverErrorRate = serverErrorRate
        self.malformedRate = malformedRate
        self.latencyMilliseconds = latencyMilliseconds
        self.seed = seed
    }
}
