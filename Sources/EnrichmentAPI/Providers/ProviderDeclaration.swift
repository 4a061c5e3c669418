import SwingCache

/// What a provider declares once, in its own folder, for what a run does the same for every provider: how it is
/// backed off, its default budget, which configuration key points it elsewhere and what a run says when it lacks
/// its configuration.
///
/// The places that once switched over ``Provider`` for these read the declaration: ``Provider/throttle``,
/// ``ProviderBudgetDefaults/standard``, the configuration's keys and the reason a run skips a provider.
///
/// ```swift
/// let throttle = ProviderDeclaration.of(.deezer).throttle
/// ```
package struct ProviderDeclaration: Sendable {
    package var provider: Provider
    /// How it is backed off after rate-limit answers that name no wait (Last.fm error 29, Deezer's quota code 4, a
    /// 429 without a header).
    package var throttle: ThrottlePolicy
    /// Its budget unless configuration says otherwise: what the service publishes, or where it publishes nothing,
    /// what was observed, with headroom for other users of the same address.
    package var budget: BudgetPolicy
    /// The configuration key whose URL replaces the provider's own (the fixture server's): `SWINGCACHE_DEEZER_URL`.
    package var rootKey: String
    /// Why a run skips it when it has no client: what its configuration lacks.
    package var missingSetting: String

    package init(
        provider: Provider, throttle: ThrottlePolicy = ThrottlePolicy(), budget: BudgetPolicy, rootKey: String,
        missingSetting: String = "not configured"
    ) {
        self.provider = provider
        self.throttle = throttle
        self.budget = budget
        self.rootKey = rootKey
        self.missingSetting = missingSetting
    }

    /// Every provider's declaration, one each, in ``Provider``'s order.
    package static let registered: [ProviderDeclaration] = [.lastfm, .musicbrainz, .listenbrainz, .deezer, .odesli]

    /// The declaration of `provider`.
    package static func of(_ provider: Provider) -> ProviderDeclaration {
        guard let declaration = registered.first(where: { $0.provider == provider }) else {
            preconditionFailure("\(provider) is not in ProviderDeclaration.registered")
        }
        return declaration
    }
}
