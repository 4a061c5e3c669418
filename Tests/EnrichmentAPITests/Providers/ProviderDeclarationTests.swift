import EnrichmentAPI
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
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

/// A declaration builds its provider's client from its part of the configuration, and the enrichers a run runs.
@Suite struct ProviderDeclarationBuildingTests {
    let transport = ScriptedTransport { _ in TransportResponse(status: 500, headers: [:], body: Data()) }

    func access(_ provider: Provider, credential: Bool = true, contact: Bool = true) throws -> ProviderAccess {
        ProviderAccess(
            root: URL(string: "http://127.0.0.1:9/\(provider.rawValue)"),
            credential: credential ? try ProviderCredential("key", for: provider) : nil,
            contactUserAgent: contact ? try ProviderUserAgent(contact: "me@example.org") : nil,
            transport: transport, now: { .testEpoch })
    }

    @Test(arguments: Provider.allCases)
    func everyEnricherOfADeclarationIsItsProviders(provider: Provider) throws {
        let declaration = ProviderDeclaration.of(provider)
        let client = try #require(declaration.client(try access(provider)))
        let enrichers = declaration.enrichers(client, ProviderRunContext(settings: EnrichmentSettings()))
        #expect(!enrichers.isEmpty)
        #expect(enrichers.allSatisfy { $0.provider == provider })
    }

    @Test(arguments: Provider.allCases)
    func aClientIsBuiltOnlyWithWhatItsDeclarationRequires(provider: Provider) throws {
        let declaration = ProviderDeclaration.of(provider)
        let bare = declaration.client(try access(provider, credential: false, contact: false))
        switch declaration.requirement {
        case .nothing: #expect(bare != nil)
        case .credential, .contact: #expect(bare == nil)
        }
    }

    /// The first enricher `provider`'s declaration builds for `run`.
    func firstEnricher(_ provider: Provider, _ run: ProviderRunContext) throws -> (any ProviderEnricher)? {
        let declaration = ProviderDeclaration.of(provider)
        let client = try #require(declaration.client(try access(provider)))
        return declaration.enrichers(client, run).first
    }

    @Test func deezerHandsTheLinksItFindsToOdesliThroughTheRun() throws {
        let run = ProviderRunContext(settings: EnrichmentSettings())
        let deezer = try #require(try firstEnricher(.deezer, run) as? DeezerEnricher)
        let odesli = try #require(try firstEnricher(.odesli, run) as? OdesliEnricher)
        deezer.found.append(isrc: "USUM71703861", url: "https://www.deezer.com/track/1")
        #expect(odesli.deezerLinks.all.map(\.isrc) == ["USUM71703861"])
        #expect(run.shared { DeezerLinksFound() } === deezer.found)
    }

    @Test func lastfmAsksForTheUsersPlaysTheSpecNames() throws {
        let run = ProviderRunContext(settings: EnrichmentSettings(ttls: [.lastfm: 60], lastfmUsername: "rj"))
        let enricher = try #require(try firstEnricher(.lastfm, run) as? LastFMEnricher)
        #expect(enricher.username == "rj")
    }
}
