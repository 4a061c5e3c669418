import Foundation
import SwingCache

/// What a provider declares once, in its own folder, for everything a run does the same for every provider: how it
/// is backed off, its default budget, which configuration keys reach it and what a run says when it lacks them, how
/// its client is built, which enrichers a run runs with it, and what `plan` previews of it.
///
/// Nothing outside the folder switches over ``Provider`` for these: ``Provider/throttle``,
/// ``ProviderBudgetDefaults/standard``, the configuration's keys and the reason a run skips a provider, `doctor`'s
/// readiness, the run's clients and enrichment loop, and the preview read the declarations in ``registered``.
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
    /// Its client, built from its part of the configuration; nil when that lacks what the client needs.
    package var client: @Sendable (ProviderAccess) -> (any Sendable)?
    /// The enrichers a run runs with that client, in order (MusicBrainz: by ISRC, then the search for files
    /// without one); a later one runs only while the provider is not stopped.
    package var enrichers: @Sendable (any Sendable, ProviderRunContext) -> [any ProviderEnricher]
    /// What `plan` and `run --dry-run` estimate it would be asked; nil for a provider they do not preview (Odesli,
    /// which asks only about the links Deezer finds in the run).
    package var preview: (@Sendable (ProviderPreviewContext) async throws -> ProviderEstimate)?

    /// `client` builds the provider's client, of the type `enrichers` takes.
    package init<Client: Sendable>(
        provider: Provider, throttle: ThrottlePolicy = ThrottlePolicy(), budget: BudgetPolicy, rootKey: String,
        credentialKey: String? = nil, requirement: ProviderRequirement = .nothing, calledNote: String? = nil,
        client: @escaping @Sendable (ProviderAccess) -> Client?,
        enrichers: @escaping @Sendable (Client, ProviderRunContext) -> [any ProviderEnricher],
        preview: (@Sendable (ProviderPreviewContext) async throws -> ProviderEstimate)?
    ) {
        self.provider = provider
        self.throttle = throttle
        self.budget = budget
        self.rootKey = rootKey
        self.credentialKey = credentialKey
        self.requirement = requirement
        self.calledNote = calledNote
        self.client = { access in client(access) }
        self.enrichers = { built, run in
            guard let built = built as? Client else {
                preconditionFailure("\(provider)'s client is a \(Client.self), not a \(type(of: built))")
            }
            return enrichers(built, run)
        }
        self.preview = preview
    }

    /// Every provider's declaration, one each, in ``Provider``'s order: the order a run enriches in.
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
