/// What a run would ask one provider now, as its declaration estimates it for `plan` and `run --dry-run`: the keys,
/// how many are fresh, and the requests the due ones take.
///
/// ```swift
/// var estimate = try library.count(library.isrcs.map { .musicbrainzRecording(isrc: $0) })
/// estimate.requestsAtLeast = estimate.due
/// ```
package struct ProviderEstimate: Sendable, Equatable {
    /// What the provider is asked about, each once.
    package var keys = 0
    /// Of those, the ones whose stored fact is still fresh.
    package var fresh = 0
    /// The ones a run would ask for.
    package var due = 0
    package var requestsAtLeast = 0
    /// Nil when it depends on what another provider answers first.
    package var requestsAtMost: Int?

    package init(keys: Int = 0, fresh: Int = 0, due: Int = 0, requestsAtLeast: Int = 0, requestsAtMost: Int? = nil) {
        self.keys = keys
        self.fresh = fresh
        self.due = due
        self.requestsAtLeast = requestsAtLeast
        self.requestsAtMost = requestsAtMost
    }
}
