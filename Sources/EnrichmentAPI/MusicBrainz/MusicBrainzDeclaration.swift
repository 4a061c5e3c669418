import SwingCache

extension ProviderDeclaration {
    /// MusicBrainz: a contact required in the User-Agent; 1 request/s, strictly serial. Each library ISRC's
    /// recordings (two requests where the first answer names one), then a recording search for each file with no
    /// ISRC, so a file's genres never wait for Spotify's quota.
    package static let musicbrainz = ProviderDeclaration(
        provider: .musicbrainz,
        budget: BudgetPolicy(perHour: 3_600, minInterval: MusicBrainzPolicy.standard.minInterval, reserve: 60),
        rootKey: "SWINGCACHE_MUSICBRAINZ_URL", requirement: .contact,
        client: { access in
            access.contactUserAgent.map {
                MusicBrainzClient(
                    root: access.root ?? MusicBrainzClient.defaultRoot, userAgent: $0, transport: access.transport,
                    now: access.now)
            }
        },
        enrichers: { client, _ in [MusicBrainzEnricher(client: client), MusicBrainzSearchEnricher(client: client)] },
        preview: { library in
            // At least one request per due ISRC, at most two per ISRC that may be due; a file still without one is
            // searched instead, also at most two.
            var estimate = try await library.count(library.isrcs.map { .musicbrainzRecording(isrc: $0) })
            estimate.requestsAtLeast = estimate.due
            estimate.requestsAtMost = 2 * (estimate.due + library.filesAwaitingISRC)
            return estimate
        })
}
