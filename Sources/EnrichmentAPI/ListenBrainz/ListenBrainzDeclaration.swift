import SwingCache

extension ProviderDeclaration {
    /// ListenBrainz: keyless (a token for listening histories); about 30 requests per 10 s, its headers say exactly.
    package static let listenbrainz = ProviderDeclaration(
        provider: .listenbrainz, budget: BudgetPolicy(perHour: 7_200, minInterval: 0.5, reserve: 100),
        rootKey: "SWINGCACHE_LISTENBRAINZ_URL", credentialKey: "LISTENBRAINZ_TOKEN")
}
