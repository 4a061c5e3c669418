import SwingCache

extension ProviderDeclaration {
    /// Odesli: a key required; nothing published for keys, keyless calls once had 10 a minute.
    package static let odesli = ProviderDeclaration(
        provider: .odesli, budget: BudgetPolicy(perHour: 600, minInterval: 6, reserve: 10),
        rootKey: "SWINGCACHE_ODESLI_URL", credentialKey: "ODESLI_API_KEY", requirement: .credential,
        calledNote: "only for specs with enrich.links.odesli: true")
}
