import Foundation
import Runner
import SwingCacheTestKit
import Testing

/// The `KEY=VALUE` config file, read the same whatever wrote it.
@Suite struct SwingCacheConfigurationTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func aConfigFileReadsTheSameWhateverItsLineEndings(newline: String) throws {
        let lines = [
            "# written on Windows", "SPOTIFY_CLIENT_ID=the-id", "SPOTIFY_CLIENT_SECRET=the-secret",
            "SWINGCACHE_MARKET=DE",
        ]
        let path = try folder.write("config", lines.joined(separator: newline) + newline)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)

        let configuration = try SwingCacheConfiguration.load(environment: [:], explicitFile: path)

        #expect(configuration.credentials?.clientID == "the-id")
        #expect(configuration.credentials?.clientSecret == "the-secret")
        #expect(configuration.market == "DE")
    }
}
