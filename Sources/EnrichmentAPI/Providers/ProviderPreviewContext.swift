import Foundation
import SwingCache

/// What a provider's preview is estimated from, before the library is matched: the library's keys as far as they
/// are known, what the store holds of them, and what the providers previewed before it would do.
///
/// Matching may give files without an ISRC one, and one provider may find keys another asks about, so a declaration
/// gives ranges where they depend on that.
///
/// ```swift
/// var estimate = try library.count(library.isrcs.map { .musicbrainzRecording(isrc: $0) })
/// estimate.requestsAtMost = 2 * (estimate.due + library.filesAwaitingISRC)
/// ```
package struct ProviderPreviewContext: Sendable {
    /// The Last.fm keys of the library's files.
    package var lastfmKeys: [LastfmTrackKey]
    /// The ISRCs known before matching, sorted: the files' own, else their current match's, else a search's.
    package var isrcs: [String]
    /// Files to match that have no ISRC yet: matching may give each one.
    package var filesAwaitingISRC: Int
    /// The store: what it holds of each key, and the keys its facts name (the recordings of an ISRC).
    package var source: any EnrichmentKeySource
    package var now: Date
    /// The estimates of the providers previewed before this one, by provider.
    package var earlier: [Provider: ProviderEstimate] = [:]
    private var willCall: @Sendable (Provider) -> Bool

    package init(
        lastfmKeys: [LastfmTrackKey], isrcs: [String], filesAwaitingISRC: Int, source: any EnrichmentKeySource,
        now: Date, calls: @escaping @Sendable (Provider) -> Bool
    ) {
        self.lastfmKeys = lastfmKeys
        self.isrcs = isrcs
        self.filesAwaitingISRC = filesAwaitingISRC
        self.source = source
        self.now = now
        self.willCall = calls
    }

    /// Whether a run calls `provider`: the spec turns it on and the configuration has what it requires.
    package func calls(_ provider: Provider) -> Bool { willCall(provider) }

    /// `keys`, with how many the store holds fresh and how many are due; no request counted yet.
    package func count(_ keys: [EnrichmentKey]) async throws -> ProviderEstimate {
        let states = try await source.enrichmentStates(for: keys)
        let fresh = keys.count { states[$0]?.holds(at: now) == true }
        return ProviderEstimate(keys: keys.count, fresh: fresh, due: keys.count - fresh)
    }
}
