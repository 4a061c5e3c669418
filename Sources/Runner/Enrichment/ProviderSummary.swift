/// What one provider did in a run, for the summary and the report.
package struct ProviderSummary: Codable, Sendable, Equatable {
    /// Requests sent (retries included).
    package var requests = 0
    /// The requests by HTTP status (`"0"`: no answer).
    package var byStatus: [String: Int] = [:]
    /// Rate-limit answers among the requests (429, Last.fm's error 29, Deezer's quota code).
    package var rateLimited = 0
    /// Requests sent again after a failure or a rate-limit answer.
    package var retries = 0
    /// Facts written with a value.
    package var stored = 0
    /// Keys the provider said it does not know, remembered as missing.
    package var missing = 0
    /// Keys whose stored fact was still fresh.
    package var fresh = 0
    /// Keys that failed and are tried again by the next run.
    package var failed = 0
    /// Why the provider was not called, or stopped being called, in this run; nil when it ran to the end.
    package var skipped: String?
    /// Whether it stopped with keys still due, which the next run asks for: a signal, its budget, `max_requests`,
    /// `max_runtime`. A provider that is not configured or refuses the key is skipped, not unfinished.
    package var unfinished = false

    package init() {}
}
