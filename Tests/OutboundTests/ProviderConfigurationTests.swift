import Foundation
import Outbound
import SwingCache
import Testing

@Suite struct ProviderConfigurationTests {
    @Test(arguments: [
        ("1.0", "me@example.org", "swingcache/1.0 ( me@example.org )"),
        ("2.3.1", "  https://example.org/swingcache  ", "swingcache/2.3.1 ( https://example.org/swingcache )"),
    ])
    func aUserAgentNamesTheApplicationItsVersionAndAContact(version: String, contact: String, header: String) throws {
        #expect(try ProviderUserAgent(version: version, contact: contact).headerValue == header)
    }

    @Test(arguments: [
        ("1.0", "", ProviderConfigurationError.invalidContact("")),
        ("1.0", "   ", .invalidContact("")),
        ("1.0", "me (at) example.org", .invalidContact("me (at) example.org")),
        ("", "me@example.org", .invalidVersion("")),
        ("1 0", "me@example.org", .invalidVersion("1 0")),
        ("1/0", "me@example.org", .invalidVersion("1/0")),
    ])
    func anEmptyOrBrokenUserAgentIsAConfigurationError(
        version: String, contact: String, error: ProviderConfigurationError
    ) {
        #expect(throws: error) { try ProviderUserAgent(version: version, contact: contact) }
    }

    @Test func theStandardUserAgentPointsAtTheProject() {
        #expect(ProviderUserAgent.standard.headerValue == "swingcache/1.0 ( \(ProviderUserAgent.projectContact) )")
    }

    @Test func aCredentialNeverShowsItsValue() throws {
        let key = try ProviderCredential("0123456789abcdef-secret", for: .lastfm)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [String(describing: key), String(reflecting: key), "\(key)", dumped] {
            #expect(!text.contains("0123456789abcdef-secret"), "\(text)")
        }
        #expect(String(describing: key) == "ProviderCredential(lastfm: redacted)")
    }

    @Test func anEmptyCredentialIsAConfigurationErrorThatNamesTheProvider() {
        #expect(throws: ProviderConfigurationError.emptyCredential(.odesli)) {
            try ProviderCredential("  ", for: .odesli)
        }
        #expect(
            ProviderConfigurationError.emptyCredential(.listenbrainz).description
                == "the ListenBrainz credential is empty (set it, or leave ListenBrainz unconfigured)")
    }

    @Test(arguments: [
        (Provider.lastfm, "lastfm", "Last.fm"), (.musicbrainz, "musicbrainz", "MusicBrainz"),
        (.listenbrainz, "listenbrainz", "ListenBrainz"), (.deezer, "deezer", "Deezer"), (.odesli, "odesli", "Odesli"),
    ])
    func everyProviderHasALedgerNameAndADisplayName(provider: Provider, service: String, display: String) {
        #expect(provider.serviceName == service)
        #expect(provider.displayName == display)
    }
}
