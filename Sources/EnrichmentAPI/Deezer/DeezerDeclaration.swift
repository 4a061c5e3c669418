import SwingCache

extension ProviderDeclaration {
    /// Deezer: keyless; about 50 requests per 5 s, a quota answer waits out one window. Each library ISRC's link,
    /// and what the same answer says of the track (`deezer_track`); the links it finds are what Odesli is asked.
    package static let deezer = ProviderDeclaration(
        provider: .deezer,
        throttle: ThrottlePolicy(baseDelay: DeezerPolicy.standard.window, maxDelay: 60, parkAfter: 3, parkFor: 600),
        budget: BudgetPolicy(perHour: 18_000, minInterval: 0.2, reserve: 100), rootKey: "SWINGCACHE_DEEZER_URL",
        client: { access in
            DeezerClient(
                root: access.root ?? DeezerClient.defaultRoot, userAgent: access.userAgent,
                transport: access.transport, now: access.now)
        },
        enrichers: { client, run in [DeezerEnricher(client: client, found: run.shared { DeezerLinksFound() })] },
        preview: { library in
            // None when MusicBrainz, previewed before, may give every link; at most one per ISRC that may be due.
            var estimate = try await library.count(library.isrcs.map { .trackLink(isrc: $0, platform: "deezer") })
            estimate.requestsAtLeast = library.calls(.musicbrainz) ? 0 : estimate.due
            estimate.requestsAtMost = estimate.due + library.filesAwaitingISRC
            return estimate
        })
}
