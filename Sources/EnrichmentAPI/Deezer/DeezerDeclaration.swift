import SwingCache

extension ProviderDeclaration {
    /// Deezer: keyless; about 50 requests per 5 s, a quota answer waits out one window.
    package static let deezer = ProviderDeclaration(
        provider: .deezer,
        throttle: ThrottlePolicy(baseDelay: DeezerPolicy.standard.window, maxDelay: 60, parkAfter: 3, parkFor: 600),
        budget: BudgetPolicy(perHour: 18_000, minInterval: 0.2, reserve: 100), rootKey: "SWINGCACHE_DEEZER_URL")
}
