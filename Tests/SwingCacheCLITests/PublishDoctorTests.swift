import Foundation
import SwingCacheTestKit
import Testing

/// `swingcache doctor` on the SwingMusic `publish` writes into: in ``PublishCommandTests``' suite, since its probe
/// backup passes through the backup folder the other tests expect empty.
extension PublishCommandTests {
    func doctor(_ changes: [String: String]) async throws -> CommandLineRun {
        var environment = environment()
        environment.merge(changes) { $1 }
        return try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: environment)
    }

    func swingMusicLine(_ run: CommandLineRun) -> String {
        run.standardOutput.split(separator: "\n").first { $0.contains("swingmusic") }.map(String.init) ?? ""
    }

    @Test func doctorFindsTheAdminAccountAndTheBackupFolderSwingMusicRestoresFrom() async throws {
        let ready = try await doctor([:])
        #expect(ready.status == 0, "\(ready.standardOutput)\(ready.standardError)")
        #expect(swingMusicLine(ready).hasPrefix("ok"), "\(ready.standardOutput)")
        #expect(swingMusicLine(ready).contains("'admin' logs in as an admin"))
        #expect(swingMusicLine(ready).contains("a probe backup was listed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.backupFolder).isEmpty, "the probe is gone")

        let elsewhere = try TemporaryDirectory()
        let wrongFolder = try await doctor(["SWINGMUSIC_BACKUP_DIR": elsewhere.path])
        #expect(wrongFolder.status == 77)
        #expect(swingMusicLine(wrongFolder).contains("does not see a backup written to SWINGMUSIC_BACKUP_DIR"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

        let notAdmin = try await doctor(["SWINGMUSIC_USERNAME": "bob", "SWINGMUSIC_PASSWORD": "bob-pass"])
        #expect(notAdmin.status == 0)
        #expect(swingMusicLine(notAdmin).hasPrefix("warning"))
        #expect(swingMusicLine(notAdmin).contains("is not an admin"))

        let wrongPassword = try await doctor(["SWINGMUSIC_PASSWORD": "not-the-password"])
        #expect(wrongPassword.status == 77)
        #expect(swingMusicLine(wrongPassword).contains("refused the account 'admin'"))
        #expect(!wrongPassword.standardOutput.contains("not-the-password"))

        let down = try await doctor(["SWINGMUSIC_URL": "http://127.0.0.1:9"])
        #expect(down.status == 69, "\(down.standardOutput)")
        #expect(swingMusicLine(down).hasPrefix("failed"))
    }
}
