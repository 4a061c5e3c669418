import Foundation
import Outbound
import Testing

/// Which proxy a request goes through, read from the environment as curl reads it.
@Suite struct ProxySettingsTests {
    static let environment = [
        "https_proxy": "http://ana:p%40ss@proxy.lan:3128", "HTTP_PROXY": "plain.lan",
        "no_proxy": " localhost, .internal ,music.home",
    ]

    @Test(
        arguments: [
            ("https://api.spotify.com/v1/tracks", "proxy.lan:3128"),
            ("http://ws.audioscrobbler.com/2.0/", "plain.lan:80"),
            ("http://localhost:1970/api", nil),
            ("https://sub.db.internal/x", nil),
            ("https://internal/x", nil),
            ("http://music.home:1970/auth/login", nil),
            ("http://other-music.home:1970/", "plain.lan:80"),
        ] as [(String, String?)])
    func eachURLGoesThroughTheProxyOfItsSchemeUnlessNoProxyNamesItsHost(url: String, proxy: String?) throws {
        let settings = ProxySettings(environment: Self.environment)
        let server = settings.proxy(for: try #require(URL(string: url)))
        #expect(server.map { "\($0.host):\($0.port)" } == proxy)
    }

    @Test func theProxysCredentialsComeFromItsURL() throws {
        let server = try #require(ProxySettings(environment: Self.environment).servers["https"])
        #expect(server.user == "ana")
        #expect(server.password == "p@ss", "percent-decoded, as curl decodes it")
    }

    @Test func noProxyStarAndAnEmptyEnvironmentSendEverythingDirect() throws {
        let url = try #require(URL(string: "https://api.spotify.com/v1/tracks"))
        #expect(ProxySettings(environment: ["https_proxy": "proxy.lan:3128", "NO_PROXY": "*"]).proxy(for: url) == nil)
        #expect(ProxySettings(environment: [:]).proxy(for: url) == nil)
    }
}
