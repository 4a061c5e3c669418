/// Where the pipeline counts the requests of one service that reached the network: a run's Spotify summary, a
/// provider's summary.
package protocol RequestTally {
    /// Requests counted so far.
    var requests: Int { get }
    /// One more request, answered with `status` (0: no answer).
    mutating func countRequest(status: Int)
    /// One more rate-limit answer (a 429, Last.fm's 29, Deezer's quota code, `QUOTA_EXCEEDED`).
    mutating func countRateLimited()
    /// One more request sent again.
    mutating func countRetry()
}
