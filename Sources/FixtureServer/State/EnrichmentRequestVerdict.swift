/// How the server answers a request to Last.fm or MusicBrainz once the injected faults had their say.
enum EnrichmentRequestVerdict: Sendable, Equatable {
    /// Answer normally.
    case answer
    /// Last.fm error 29: an Nth request (`lastFMRateLimitEvery`). MusicBrainz 503: sooner than the interval allows.
    case rateLimited
    /// Last.fm error 16 or a MusicBrainz 503, drawn with the service's rate from `seed`.
    case temporaryError
}
