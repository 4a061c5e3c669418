import SwingCache

extension Provider {
    /// How the provider is backed off after rate-limit answers that name no wait (Last.fm error 29, Deezer's quota
    /// code 4, a 429 without a header): its declaration's.
    ///
    /// | provider | first wait, doubling to | parked after | for |
    /// |---|---|---|---|
    /// | Last.fm | 30 s, 2 min | 3 in a row | 30 min (its old rule averaged over 5 minutes) |
    /// | Deezer | 5 s (its window), 1 min | 3 in a row | 10 min |
    /// | the others | 5 s, 2 min | 3 in a row | 15 min |
    package var throttle: ThrottlePolicy { ProviderDeclaration.of(self).throttle }
}
