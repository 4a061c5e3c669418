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
    /// The configuration key of its key or token, if it takes one: `LASTFM_API_KEY`.
    package var credentialKey: String?
    /// What a run needs before it calls the provider; without it, the run skips it with one line saying so.
    package var requirement: ProviderRequirement
    /// What `doctor` adds when a run would call it: `only for specs with enrich.links.odesli: true`.
    package var calledNote: String?

    package init(
        provider: Provider, throttle: ThrottlePolicy = ThrottlePolicy(), budget: BudgetPolicy, rootKey: String,
        credentialKey: String? = nil, requirement: ProviderRequirement = .nothing, calledNote: String? = nil
    ) {
        self.provider = provider
        self.throttle = throttle
        self.budget = budget
        self.rootKey = rootKey
        self.credentialKey = credentialKey
        self.requirement = requirement
        self.calledNote = calledNote
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

/// What a run needs before it calls a provider.
package enum ProviderRequirement: Sendable {
    /// Nothing: a credential, where it takes one, is optional.
    case nothing
    /// Its ``ProviderDeclaration/credentialKey``.
    case credential
    /// The user's contact (`SWINGCACHE_CONTACT`), for the User-Agent.
    case contact
}
