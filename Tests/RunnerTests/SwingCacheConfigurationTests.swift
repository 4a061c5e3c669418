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

    @Test func aConfigFileThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let path = folder.file("config")
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: ConfigurationError.self) {
            try SwingCacheConfiguration.load(environment: [:], explicitFile: path)
        }
        do {
            _ = try SwingCacheConfiguration.load(environment: [:], explicitFile: path)
        } catch {
            #expect(
                error.description
                    == "config file '\(path)' cannot be read: it is a named pipe (FIFO), not a regular file")
        }
    }
}
