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

/// What a value is, after `=`: a `#` after a space starts a comment, quotes keep one.
@Suite struct ConfigFileValueTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    func secret(in line: String) throws -> String? {
        let path = try folder.write("config", "SPOTIFY_CLIENT_ID=the-id\n\(line)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return try SwingCacheConfiguration.load(environment: [:], explicitFile: path).credentials?.clientSecret
    }

    @Test(arguments: [
        ("SPOTIFY_CLIENT_SECRET=s3cret # from the dashboard", "s3cret"),
        ("SPOTIFY_CLIENT_SECRET=s3cret\t# tab before the comment", "s3cret"),
        ("SPOTIFY_CLIENT_SECRET=s3c#ret", "s3c#ret"),
        ("SPOTIFY_CLIENT_SECRET=#s3cret", "#s3cret"),
        ("SPOTIFY_CLIENT_SECRET=\"s3c #ret\" # quoted", "s3c #ret"),
        ("SPOTIFY_CLIENT_SECRET='s3c #ret'", "s3c #ret"),
        ("SPOTIFY_CLIENT_SECRET=\"s3cret\"", "s3cret"),
        ("export SPOTIFY_CLIENT_SECRET = s3cret   ", "s3cret"),
    ])
    func aCommentAfterAValueIsNotPartOfIt(line: String, value: String) throws {
        #expect(try secret(in: line) == value)
    }

    @Test func aValueThatIsOnlyACommentIsUnset() throws {
        let path = try folder.write("config", "SWINGCACHE_MARKET= # set per host\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try SwingCacheConfiguration.load(environment: [:], explicitFile: path).market == "US")
    }

    @Test func aKeySetTwiceIsRefusedWithBothLines() throws {
        let path = try folder.write(
            "config", "# swingcache\nSPOTIFY_CLIENT_ID=\nSWINGCACHE_MARKET=DE\nSPOTIFY_CLIENT_ID=the-id\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let error = try #require(throws: ConfigurationError.self) {
            try SwingCacheConfiguration.load(environment: [:], explicitFile: path)
        }
        #expect(
            error.description
                == "\(path):4: SPOTIFY_CLIENT_ID is set again (first on line 2); keep one of the two lines")
    }

    @Test func aConfigFileThatStartsWithAByteOrderMarkReadsItsFirstKey() throws {
        let path = try folder.write("config", "\u{FEFF}SWINGCACHE_MARKET=DE\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try SwingCacheConfiguration.load(environment: [:], explicitFile: path).market == "DE")
    }
}
