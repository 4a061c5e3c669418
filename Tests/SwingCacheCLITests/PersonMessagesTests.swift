import Foundation
import SwingCacheTestKit
import Testing

/// What a person reads when something is set up wrong: what happened, the value, and what to do.
@Suite struct PersonMessagesTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    func swingcache(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandLineRun {
        try await CommandLineRun.swingcache(
            arguments, in: folder.path,
            environment: ["SWINGCACHE_DB": folder.file("cache.sqlite")].merging(environment) { $1 })
    }

    @Test func aTabInTheIndentationIsCalledATab() async throws {
        _ = try folder.write("tab.yaml", "targets:\n\ttracks: [4iV5W9uYEdYUVa79Axb7Rh]\n")
        let result = try await swingcache(["validate", "tab.yaml"])
        #expect(result.status == 65)
        #expect(
            (result.standardOutput + result.standardError).contains("tab.yaml:2:1: a tab in the indentation"),
            "\(result.standardError)")
    }

    @Test func everyMistypedConfigKeyIsNamedWithItsNearestKnownKey() async throws {
        let config = try folder.write(
            "config",
            "SPOTIFY_CLIENT_IDD=x\nSPOTIFY_CLIENT_SECRET=secret-value\nSWINGCACHE_MARKT=DE\nSWINGMUSIC_CONFIG_DIR=/srv\n"
        )
        chmod(config, 0o600)
        let result = try await swingcache(["doctor"], environment: ["SWINGCACHE_CONFIG": config])
        #expect(result.status == 77)
        #expect(
            (result.standardOutput + result.standardError).contains(
                ":1: unknown key 'SPOTIFY_CLIENT_IDD'; did you mean 'SPOTIFY_CLIENT_ID'?"))
        #expect(
            (result.standardOutput + result.standardError).contains(
                ":3: unknown key 'SWINGCACHE_MARKT'; did you mean 'SWINGCACHE_MARKET'?"))
        #expect(
            (result.standardOutput + result.standardError).contains(
                ":4: unknown key 'SWINGMUSIC_CONFIG_DIR'; SwingMusic's folder is read"))
        #expect(!(result.standardOutput + result.standardError).contains("secret-value"))
    }

    @Test func aGroupReadableConfigFileIsSaidToBeReadableByTheGroup() async throws {
        let config = try folder.write("config", "SWINGCACHE_MARKET=DE\n")
        chmod(config, 0o640)
        let result = try await swingcache(["doctor"], environment: ["SWINGCACHE_CONFIG": config])
        #expect(result.status == 77)
        #expect(
            (result.standardOutput + result.standardError).contains("is readable by the group (mode 640)"),
            "\(result.standardError)")
    }

    @Test func aTildeInTheLibraryPathIsTheHomeOfTheProcess() async throws {
        _ = try folder.write("lib.yaml", "library:\n  swingmusic_db: ~/music/swingmusic.db\n")
        let result = try await swingcache(["plan", "lib.yaml"], environment: ["HOME": folder.file("home")])
        #expect(
            (result.standardOutput + result.standardError).contains(
                "'\(folder.file("home"))/music/swingmusic.db' does not exist"))
    }

    @Test(arguments: [["run", "job.yaml", "--max-runtime", "1hour"], ["cleanup", "--grace", "2 days"]])
    func aDurationFlagSaysWhichFormsItAccepts(arguments: [String]) async throws {
        let result = try await swingcache(arguments)
        #expect(result.status == 64)
        #expect(
            result.standardError.contains(
                "write a number and one unit — ms, s, m, h or d — such as 90s, 30m, 6h or 1d"),
            "\(result.standardError)")
    }

    @Test func explainAcceptsTracksAndItsHelpOffersNothingElse() async throws {
        let album = try await swingcache(["explain", "album", "0sNOF9WDwhWunNAHPD3Baj"])
        #expect(album.status == 64)
        #expect(album.standardError.contains("explain works on library tracks; 'album' is not one"))
        let help = try await swingcache(["explain", "--help"])
        #expect(!help.standardOutput.contains("artist)"), "\(help.standardOutput)")
        #expect(!help.standardOutput.contains("values: track, album"))
    }

    @Test(arguments: ["explain", "export", "run", "publish", "cleanup", "review", "plan", "get"])
    func helpTextsHaveNoStrayBackslash(command: String) async throws {
        let help = try await swingcache([command, "--help"])
        #expect(help.status == 0)
        #expect(!help.standardOutput.contains("\\"), "\(help.standardOutput)")
    }

    @Test func aDanglingSymbolicLinkAsTheDatabaseIsNamedAsOne() async throws {
        let link = folder.file("dangling.sqlite")
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: folder.file("nowhere/cache.sqlite"))
        _ = try folder.write("job.yaml", "targets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n")
        for arguments in [["run", "job.yaml"], ["cleanup"], ["doctor"]] {
            let result = try await swingcache(
                arguments + ["--db", link], environment: ["SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret"])
            #expect(result.status == 77, "\(arguments): \(result.standardOutput)\(result.standardError)")
            #expect(
                (result.standardOutput + result.standardError).contains(
                    "it is a symbolic link to '\(folder.file("nowhere/cache.sqlite"))', which does not exist"),
                "\(arguments): \(result.standardOutput)\(result.standardError)")
        }
    }

    @Test func doctorFailsAHardLinkedDatabaseAsARunRefusesIt() async throws {
        let database = folder.file("cache.sqlite")
        #expect(try await swingcache(["cleanup", "--db", database]).status == 0)
        try FileManager.default.linkItem(atPath: database, toPath: folder.file("second-name.sqlite"))
        let doctor = try await swingcache(["doctor", "--db", database])
        #expect(doctor.status == 77, "\(doctor.standardOutput)")
        #expect(doctor.standardOutput.contains("has 2 hard links"), "\(doctor.standardOutput)")
    }
}
