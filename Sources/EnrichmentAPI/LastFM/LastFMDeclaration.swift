import SwingCache

extension ProviderDeclaration {
    /// Last.fm: a key required; no published limit today (once 5 requests/s averaged over 5 minutes, 18 000/h), so
    /// half of that, and a long park after repeated error 29, as its old rule averaged over 5 minutes. One
    /// `track.getInfo` per library Last.fm key, with the plays of `enrich.lastfm.username`.
    package static let lastfm = ProviderDeclaration(
        provider: .lastfm, throttle: ThrottlePolicy(baseDelay: 30, maxDelay: 120, parkAfter: 3, parkFor: 1_800),
        budget: BudgetPolicy(perHour: 9_000, minInterval: 0.25, reserve: 100), rootKey: "SWINGCACHE_LASTFM_URL",
        credentialKey: "LASTFM_API_KEY", requirement: .credential,
        client: { access in
            access.credential.map {
                LastFMClient(
                    root: access.root ?? LastFMClient.defaultRoot, apiKey: $0, userAgent: access.userAgent,
                    transport: access.transport, now: access.now)
            }
        },
        enrichers: { client, run in
            [LastFMEnricher(client: client, username: run.settings.field("username", of: .lastfm))]
        },
        preview: { library in
            var estimate = try await library.count(library.lastfmKeys.map { .lastfmTrack($0) })
            estimate.requestsAtLeast = estimate.due
            estimate.requestsAtMost = estimate.due
            return estimate
        })
}
