import SwingCache

extension ProviderDeclaration {
    /// Last.fm: a key required; no published limit today (once 5 requests/s averaged over 5 minutes, 18 000/h), so
    /// half of that, and a long park after repeated error 29, as its old rule averaged over 5 minutes.
    package static let lastfm = ProviderDeclaration(
        provider: .lastfm, throttle: ThrottlePolicy(baseDelay: 30, maxDelay: 120, parkAfter: 3, parkFor: 1_800),
        budget: BudgetPolicy(perHour: 9_000, minInterval: 0.25, reserve: 100), rootKey: "SWINGCACHE_LASTFM_URL",
        credentialKey: "LASTFM_API_KEY", requirement: .credential)
}
