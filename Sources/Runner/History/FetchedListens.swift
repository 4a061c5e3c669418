import EnrichmentAPI

/// What fetching one user's listening history from one service came to: the listens read, how far they can be
/// trusted to be complete, and the requests it took.
///
/// Store ``newestCompleteTimestamp`` (when not nil) as the `since` of the next fetch of the same user and service:
/// every listen up to it has been returned by this fetch or an earlier one. A fetch that did not finish returns nil
/// there, because it read newest first and may have left a gap between `since` and its oldest listen; its
/// ``listens`` are still worth importing, and the next fetch returns them again (the import skips a play it already
/// has).
///
/// ```swift
/// let fetched = await fetcher.fetch(user: "rj", since: cursor)
/// import(fetched.listens)
/// if let next = fetched.newestCompleteTimestamp { cursor = next }
/// if fetched.stopsService { break }  // no other user can be fetched from this service in this run
/// ```
package struct FetchedListens: Equatable, Sendable {
    /// Why the fetch ended.
    package enum Ending: Hashable, Sendable {
        /// Every listen newer than `since` was read.
        case finished
        /// The service has no user of that name (Last.fm error 6, ListenBrainz 404): that user's import is skipped.
        case userNotFound(String)
        /// The user's Last.fm profile is private (error 17): that user's import is skipped.
        case privateProfile(String)
        /// The service refused the key or token: it is off for the rest of the run, for every user.
        case disabled(String)
        /// The service may not be called again in this run: a signal, its budget, `max_requests`, `max_runtime`,
        /// a park, the breaker. The next run goes on.
        case stopped(String)
        /// A page failed for good (its retries spent, an unreadable answer): this user's fetch ends here, the next
        /// run tries again.
        case failed(String)
    }

    package var source: ListenSource
    package var user: String
    /// The `since` the fetch was asked for: only listens newer than it were read.
    package var since: Int?
    /// The listens read, oldest first, each once.
    package var listens: [Listen]
    package var ending: Ending
    /// The requests the fetch sent, by status, with rate limits and retries; `skipped` and `unfinished` say why it
    /// ended early, as a provider's summary does.
    package var requests: ProviderSummary

    package init(
        source: ListenSource, user: String, since: Int?, listens: [Listen], ending: Ending, requests: ProviderSummary
    ) {
        self.source = source
        self.user = user
        self.since = since
        self.listens = listens
        self.ending = ending
        self.requests = requests
    }

    /// Whether every listen newer than `since` was read.
    package var complete: Bool { ending == .finished }

    /// The newest timestamp among ``listens``; nil when there are none.
    package var newestTimestamp: Int? { listens.last?.timestamp }

    /// The `since` to store for the next fetch: the newest listen read (or `since` itself when nothing was new) once
    /// the fetch finished; nil when it did not, so a partial fetch never moves the cursor past a gap.
    package var newestCompleteTimestamp: Int? {
        guard complete else { return nil }
        return newestTimestamp ?? since
    }

    /// Why the fetch ended early, for people: `Last.fm: user 'bob' not found`; nil when it finished.
    package var reason: String? {
        let service = source.displayName
        switch ending {
        case .finished: return nil
        case .userNotFound(let message): return "\(service) has no user '\(user)' (\(message))"
        case .privateProfile(let message): return "\(service) user '\(user)' keeps their profile private (\(message))"
        case .disabled(let why): return "\(service) is disabled for this run: \(why)"
        case .stopped(let why): return "\(service) stopped for this run: \(why)"
        case .failed(let why): return "\(service) history of '\(user)' could not be read: \(why)"
        }
    }

    /// Whether the service must not be asked again in this run, for this user or any other.
    package var stopsService: Bool {
        switch ending {
        case .disabled, .stopped: true
        case .finished, .userNotFound, .privateProfile, .failed: false
        }
    }
}
