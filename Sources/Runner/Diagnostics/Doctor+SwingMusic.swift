import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicAPI

extension Doctor {
    /// Whether `publish` can write into SwingMusic: the server answers, the account logs in, it is an admin (history
    /// import and descriptions need one), and `SWINGMUSIC_BACKUP_DIR` is the folder SwingMusic restores from — shown by
    /// writing an empty probe backup there, asking SwingMusic to list its backups, and removing the probe.
    func swingMusicCheck() async -> DoctorCheck {
        guard let account = configuration.swingMusicServer.account else {
            return DoctorCheck("swingmusic", .skipped, "not configured (SWINGMUSIC_URL): publish is not set up")
        }
        let server = "SwingMusic at \(account.url.absoluteString)"
        let client = SwingMusicClient(account: account, transport: transport, now: { clock.now() })
        switch await client.login().answer {
        case .ok: break
        case .notFound:
            return DoctorCheck(
                "swingmusic", .failed,
                "\(server) has no /auth/login: SWINGMUSIC_URL must be the root of a SwingMusic 3 server",
                failure: .configuration)
        case .unauthorized(let message), .forbidden(let message):
            return DoctorCheck(
                "swingmusic", .failed,
                "\(server) refused the account '\(account.username)' (\(message)): check SWINGMUSIC_USERNAME and SWINGMUSIC_PASSWORD",
                failure: .configuration)
        case let answer:
            return DoctorCheck("swingmusic", .failed, "\(server) cannot be used: \(answer)", failure: .unavailable)
        }
        guard let users = await client.send(.users).answer.decoded(SwingMusicUsersPayload.self) else {
            return DoctorCheck(
                "swingmusic", .failed, "\(server) did not list its users as SwingMusic 3.0 does", failure: .unavailable)
        }
        let isAdmin = users.users.first { $0.username == account.username }?.roles?.contains("admin") ?? false
        let detail = "\(server) answers; '\(account.username)' logs in\(isAdmin ? " as an admin" : "")"
        guard isAdmin else {
            return DoctorCheck(
                "swingmusic", .warning,
                "\(detail), but is not an admin: playlists get no description and history cannot be imported (SwingMusic lets only an admin restore a backup)"
            )
        }
        guard let folder = configuration.swingMusicServer.backupFolder else {
            return DoctorCheck(
                "swingmusic", .warning,
                "\(detail); SWINGMUSIC_BACKUP_DIR is not set: playlists get no description and history cannot be imported"
            )
        }
        return await backupFolderCheck(folder, client: client, detail: detail)
    }

    /// Writes an empty backup into `folder`, asks SwingMusic to list its backups, and removes it.
    private func backupFolderCheck(_ folder: String, client: SwingMusicClient, detail: String) async -> DoctorCheck {
        let restorer = SwingMusicRestorer(folder: folder, clock: clock)
        let probe: String
        do {
            probe = try restorer.write(SwingMusicRestorer.Backup())
        } catch {
            return DoctorCheck("swingmusic", .failed, "\(detail); \(error.description)", failure: .configuration)
        }
        let listed = await client.send(.backups)
        restorer.remove(probe)
        guard let backups = listed.answer.decoded(SwingMusicBackupsPayload.self) else {
            return DoctorCheck(
                "swingmusic", .failed, "\(detail); it did not list its backups: \(listed.answer)", failure: .unavailable
            )
        }
        guard backups.backups.contains(where: { $0.name == probe }) else {
            return DoctorCheck(
                "swingmusic", .failed,
                "\(detail); it does not see a backup written to SWINGMUSIC_BACKUP_DIR '\(folder)': that must be the swingmusic.backup folder in the home of the user SwingMusic runs as",
                failure: .configuration)
        }
        return DoctorCheck(
            "swingmusic", .ok,
            "\(detail); it restores from SWINGMUSIC_BACKUP_DIR '\(folder)' (a probe backup was listed)")
    }
}
