import CacheStore
import Foundation
import Runner
import SwingCacheTestKit
import Testing

/// `doctor`'s providers line: which enrichment providers a run would call and which it would skip, said from the
/// configuration alone.
@Suite struct DoctorTests {
    static let secrets = [
        "LASTFM_API_KEY": "lastfm-secret-4f2a", "LISTENBRAINZ_TOKEN": "listenbrainz-secret-9c1e",
        "ODESLI_API_KEY": "odesli-secret-77d0",
    ]
    static let everything = secrets.merging(["SWINGCACHE_CONTACT": "me@example.org"]) { $1 }

    let folder: TemporaryDirectory
    let transport = ScriptedTransport { _ in throw URLError(.notConnectedToInternet) }

    init() throws {
        folder = try TemporaryDirectory()
    }

    func checks(_ environment: [String: String]) async throws -> [DoctorCheck] {
        let configuration = try SwingCacheConfiguration.load(environment: environment)
        let database = DatabaseLocation(path: folder.file("cache.sqlite"))
        return await Doctor(configuration: configuration, database: database, transport: transport).checks()
    }

    func providers(_ environment: [String: String]) async throws -> DoctorCheck {
        try #require(try await checks(environment).first { $0.name == "providers" })
    }

    @Test func providersAreCheckedLastAndSentNothing() async throws {
        let checks = try await checks(Self.everything)

        #expect(checks.map(\.name) == ["configuration", "database", "redis", "credentials", "providers"])
        #expect(transport.requests.isEmpty)
    }

    @Test func everyProviderUsableIsOK() async throws {
        let check = try await providers(Self.everything)

        #expect(check.status == .ok)
        #expect(check.failure == nil)
        #expect(
            check.detail
                == "calls Last.fm, MusicBrainz (contact me@example.org), ListenBrainz (token set), Deezer, "
                + "Odesli (only for specs with enrich.links.odesli: true); no request made")
    }

    @Test func nothingConfiguredSkipsThreeProvidersWithAWarningNotAFailure() async throws {
        let check = try await providers([:])

        #expect(check.status == .warning)
        #expect(check.failure == nil, "a skipped provider does not change the exit status")
        #expect(
            check.detail
                == "calls ListenBrainz (no token), Deezer; skips Last.fm (LASTFM_API_KEY is not set), "
                + "MusicBrainz (SWINGCACHE_CONTACT is not set), Odesli (ODESLI_API_KEY is not set); no request made")
    }

    @Test(arguments: [
        ("LASTFM_API_KEY", "skips Last.fm (LASTFM_API_KEY is not set)"),
        ("SWINGCACHE_CONTACT", "skips MusicBrainz (SWINGCACHE_CONTACT is not set)"),
        ("ODESLI_API_KEY", "skips Odesli (ODESLI_API_KEY is not set)"),
    ])
    func aMissingKeySkipsItsProviderAndNamesTheKey(key: String, skip: String) async throws {
        var environment = Self.everything
        environment[key] = nil

        let check = try await providers(environment)

        #expect(check.status == .warning)
        #expect(check.detail.contains(skip), "\(check.detail)")
    }

    @Test func aMissingListenBrainzTokenIsNoWarning() async throws {
        var environment = Self.everything
        environment["LISTENBRAINZ_TOKEN"] = nil

        let check = try await providers(environment)

        #expect(check.status == .ok)
        #expect(check.detail.contains("ListenBrainz (no token)"))
    }

    @Test func nonDefaultBaseURLsAreNamed() async throws {
        var environment = Self.everything
        environment["SWINGCACHE_LASTFM_URL"] = "http://127.0.0.1:8080/lastfm"
        environment["SWINGCACHE_DEEZER_URL"] = "http://127.0.0.1:8080/deezer"

        let check = try await providers(environment)

        #expect(
            check.detail.hasSuffix(
                "; Last.fm at http://127.0.0.1:8080/lastfm; Deezer at http://127.0.0.1:8080/deezer; no request made"),
            "\(check.detail)")
    }

    @Test func noKeyOrTokenAppearsInTheTextOrTheJSON() async throws {
        let checks = try await checks(Self.everything)
        let text = checks.map { "\($0.status.rawValue) \($0.name) \($0.detail)" }.joined(separator: "\n")
        let json = String(decoding: try JSONEncoder().encode(checks), as: UTF8.self)

        for secret in Self.secrets.values {
            #expect(!text.contains(secret))
            #expect(!json.contains(secret))
            #expect(!"\(checks)".contains(secret))
        }
    }
}
