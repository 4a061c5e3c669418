import EnrichmentAPI
import Foundation
import Outbound
import SwingCache
import Testing

@testable import Runner

/// Reading the providers' keys, contact and base URLs from the merged configuration values.
@Suite struct ProviderConfigurationTests {
    static let secrets = [
        "LASTFM_API_KEY": "lastfm-secret-4f2a", "LISTENBRAINZ_TOKEN": "listenbrainz-secret-9c1e",
        "ODESLI_API_KEY": "odesli-secret-77d0",
    ]

    @Test func noValuesConfigureNoProviderAndTheStandardUserAgent() throws {
        let configuration = try ProviderConfiguration.read([:])

        #expect(configuration.lastfmKey == nil)
        #expect(configuration.listenbrainzToken == nil)
        #expect(configuration.odesliKey == nil)
        #expect(configuration.contactUserAgent == nil)
        #expect(configuration.roots.isEmpty)
        #expect(configuration.userAgent == .standard)
        #expect(configuration.userAgent.headerValue == "swingcache/1.0 ( https://github.com/swingcache/swingcache )")
    }

    @Test func eachCredentialIsReadForItsProvider() throws {
        let configuration = try ProviderConfiguration.read(Self.secrets)

        #expect(configuration.lastfmKey == (try ProviderCredential("lastfm-secret-4f2a", for: .lastfm)))
        #expect(
            configuration.listenbrainzToken == (try ProviderCredential("listenbrainz-secret-9c1e", for: .listenbrainz)))
        #expect(configuration.odesliKey == (try ProviderCredential("odesli-secret-77d0", for: .odesli)))
        #expect(configuration.contactUserAgent == nil)
    }

    @Test func aCredentialIsTrimmed() throws {
        let configuration = try ProviderConfiguration.read(["LASTFM_API_KEY": "  lastfm-secret-4f2a\n"])

        #expect(configuration.lastfmKey == (try ProviderCredential("lastfm-secret-4f2a", for: .lastfm)))
    }

    @Test func theContactMakesTheUserAgentEveryProviderIsSent() throws {
        let configuration = try ProviderConfiguration.read(["SWINGCACHE_CONTACT": "me@example.org"])

        let contact = try #require(configuration.contactUserAgent)
        #expect(contact.contact == "me@example.org")
        #expect(configuration.userAgent == contact)
        #expect(configuration.userAgent.headerValue == "swingcache/1.0 ( me@example.org )")
    }

    @Test(arguments: [
        ("SWINGCACHE_LASTFM_URL", Provider.lastfm), ("SWINGCACHE_MUSICBRAINZ_URL", .musicbrainz),
        ("SWINGCACHE_LISTENBRAINZ_URL", .listenbrainz), ("SWINGCACHE_DEEZER_URL", .deezer),
        ("SWINGCACHE_ODESLI_URL", .odesli),
    ])
    func aURLOverrideReplacesOnlyItsProvidersRoot(key: String, provider: Provider) throws {
        let configuration = try ProviderConfiguration.read([key: "http://127.0.0.1:8080/\(provider.rawValue)"])

        #expect(
            configuration.roots == [provider: try #require(URL(string: "http://127.0.0.1:8080/\(provider.rawValue)"))])
    }

    @Test(arguments: ["not a url", "ftp://example.org/lastfm", "/lastfm", "http://"])
    func anInvalidURLIsRefusedNamingTheKeyAndTheValue(text: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ProviderConfiguration.read(["SWINGCACHE_LASTFM_URL": text])
        }

        #expect(error.description == "SWINGCACHE_LASTFM_URL must be an http or https URL, found '\(text)'")
    }

    @Test(arguments: [
        ("LASTFM_API_KEY", "Last.fm"), ("LISTENBRAINZ_TOKEN", "ListenBrainz"), ("ODESLI_API_KEY", "Odesli"),
    ])
    func aBlankCredentialIsRefusedNamingTheProvider(key: String, provider: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ProviderConfiguration.read([key: "  \n"])
        }

        #expect(
            error.description
                == "the \(provider) credential is empty (set it, or leave \(provider) unconfigured)")
    }

    @Test(arguments: ["", "me (at) example.org", "me@example.org\nX-Evil: 1"])
    func aContactThatCannotStandInTheUserAgentIsRefused(contact: String) throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ProviderConfiguration.read(["SWINGCACHE_CONTACT": contact])
        }

        #expect(error.description.contains("is not a User-Agent contact"), "\(error)")
    }

    @Test func noSecretShowsWhenTheConfigurationIsPrinted() throws {
        let configuration = try ProviderConfiguration.read(Self.secrets)
        var dumped = ""
        dump(configuration, to: &dumped)
        let printed = [
            "\(configuration)", String(reflecting: configuration), dumped,
            "\(configuration.lastfmKey as Any)", "\(configuration.listenbrainzToken as Any)",
            "\(String(describing: configuration.odesliKey))",
        ]

        for text in printed {
            for secret in Self.secrets.values { #expect(!text.contains(secret), "\(text)") }
        }
        #expect(printed[0].contains("ProviderCredential(lastfm: redacted)"), "\(printed[0])")
    }
}
