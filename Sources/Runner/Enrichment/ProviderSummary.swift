/// What one provider did in a run, for the summary and the report.
public struct ProviderSummary: Codable, Sendable, Equatable {
    /// Requests sent (retries included).
    public var requests = 0
    /// The requests by HTTP status (`"0"`: no answer).
    public var byStatus: [String: Int] = [:]
    /// Rate-limit answers among the requests (429, Last.fm's error 29, Deezer's quota code).
    public var rateLimited = 0
    /// Requests sent again after a failure or a rate-limit answer.
    public var retries = 0
    /// Facts written with a value.
    public var stored = 0
    /// Keys the provider said it does not know, remembered as missing.
    public var missing = 0
    /// Keys whose stored fact was still fresh.
    public var fresh = 0
    /// Keys that failed and are tried again by the next run.
    public var failed = 0
    /// Why the provider was not called, or stopped being called, in this run; nil when it ran to the end.
    public var skipped: String?
    /// Whether it stopped with keys still due, which the next run asks for: a signal, its budget, `max_requests`,
    /// `max_runtime`. A provider that is not configured or refuses the key is skipped, not unfinished.
    public var unfinished = false

    public init() {}
}
