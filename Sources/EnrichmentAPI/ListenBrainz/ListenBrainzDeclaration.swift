import SwingCache

extension ProviderDeclaration {
    /// ListenBrainz: keyless (a token for listening histories); about 30 requests per 10 s, its headers say exactly.
    /// The popularity of the recordings MusicBrainz found, in batches.
    package static let listenbrainz = ProviderDeclaration(
        provider: .listenbrainz, budget: BudgetPolicy(perHour: 7_200, minInterval: 0.5, reserve: 100),
        rootKey: "SWINGCACHE_LISTENBRAINZ_URL", credentialKey: "LISTENBRAINZ_TOKEN",
        client: { access in
            ListenBrainzClient(
                root: access.root ?? ListenBrainzClient.defaultRoot, token: access.credential,
                userAgent: access.userAgent, transport: access.transport, now: access.now)
        },
        enrichers: { client, _ in [ListenBrainzEnricher(client: client)] },
        preview: { library in
            let mbids = try await library.source.recordingMBIDs(forISRCs: library.isrcs)
            var estimate = try await library.count(mbids.map { .listenbrainzPopularity(mbid: $0) })
            let batch = ListenBrainzPopularityRequest.maxRecordings
            estimate.requestsAtLeast = (estimate.due + batch - 1) / batch
            // MusicBrainz, previewed before, may find recordings a run then asks about too.
            let musicbrainzMayFind =
                library.calls(.musicbrainz) && library.earlier[.musicbrainz].map { $0.requestsAtMost != 0 } == true
            estimate.requestsAtMost = musicbrainzMayFind ? nil : estimate.requestsAtLeast
            return estimate
        })
}
