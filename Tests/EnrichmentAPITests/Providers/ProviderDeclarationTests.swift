import EnrichmentAPI
import SwingCache
import Testing

@Suite struct ProviderDeclarationTests {
    @Test func everyProviderIsDeclaredOnceInItsOrder() {
        #expect(ProviderDeclaration.registered.map(\.provider) == Provider.allCases)
    }

    @Test(arguments: Provider.allCases)
    func aProvidersThrottleBudgetAndURLKeyAreItsDeclarations(provider: Provider) {
        let declaration = ProviderDeclaration.of(provider)
        #expect(declaration.provider == provider)
        #expect(provider.throttle == declaration.throttle)
        #expect(ProviderBudgetDefaults.standard[provider] == declaration.budget)
        #expect(declaration.rootKey == "SWINGCACHE_\(provider.rawValue.uppercased())_URL")
    }
}
