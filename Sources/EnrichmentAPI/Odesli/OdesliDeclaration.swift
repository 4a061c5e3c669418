import SwingCache

extension ProviderDeclaration {
    /// Odesli: a key required; nothing published for keys, keyless calls once had 10 a minute. Each Deezer link
    /// found in the run, so it is not previewed.
    package static let odesli = ProviderDeclaration(
        provider: .odesli, budget: BudgetPolicy(perHour: 600, minInterval: 6, reserve: 10),
        rootKey: "SWINGCACHE_ODESLI_URL", credentialKey: "ODESLI_API_KEY", requirement: .credential,
        calledNote: "only for specs with enrich.links.odesli: true",
        client: { access in
            access.credential.map {
                OdesliClient(
                    root: access.root ?? OdesliClient.defaultRoot, key: $0, userAgent: access.userAgent,
                    transport: access.transport, now: access.now)
            }
        },
        enrichers: { client, run in [OdesliEnricher(client: client, deezerLinks: run.shared { DeezerLinksFound() })] },
        preview: nil)
}
