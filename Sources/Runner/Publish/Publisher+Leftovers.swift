import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicAPI
import SwingMusicLibrary

extension Publisher {
    /// Waits until SwingMusic has finished the restores of a publish that was stopped (killed) before it could remove
    /// their backups, then removes them.
    ///
    /// SwingMusic goes on with a restore whose client died. Read before it is done, SwingMusic would lack plays (or
    /// playlists) that are on their way, and this publish would send them a second time. So the plays and playlists
    /// each leftover backup holds are read back until they all show or none has arrived for
    /// ``RestoreSettling/quietPeriod``.
    func settleLeftovers(
        of restorer: SwingMusicRestorer, users: [SwingMusicUsersPayload.User], library: LibrarySource,
        session: inout SwingMusicSession
    ) async throws {
        let leftovers = restorer.leftovers()
        guard !leftovers.isEmpty else { return }
        let plays = leftovers.flatMap(\.plays)
        let keys = Set(leftovers.flatMap(\.playlistKeys))
        logger.notice(
            "a publish was stopped before it removed \(leftovers.count) backup\(leftovers.count == 1 ? "" : "s") (\(plays.count) plays, \(keys.count) playlists): waiting for SwingMusic to finish restoring them"
        )
        let names = Dictionary(users.map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        let swingMusic: SwingMusicLibrary
        do {
            swingMusic = try LibraryImport(store: store, clock: clock, logger: logger).open(library)
        } catch {
            throw PublishFailure(.configuration, "\(error)")
        }
        // Quiet or over its limit, the publish goes on too: it plans from what SwingMusic holds by then.
        _ = try await settling.wait(on: clock) {
            let present =
                try presentPlays(plays, names: names, swingMusic: swingMusic)
                + (keys.isEmpty ? 0 : try await presentPlaylists(keys, session: &session))
            return (present == plays.count + keys.count, present)
        }
        for leftover in leftovers { restorer.remove(leftover.name) }
    }

    /// How many of `plays` SwingMusic holds.
    private func presentPlays(
        _ plays: [SwingMusicRestorer.Leftover.Play], names: [Int: String], swingMusic: SwingMusicLibrary
    ) throws -> Int {
        var present = 0
        for (userID, ofUser) in Dictionary(grouping: plays, by: \.userid) {
            guard let user = names[userID], let first = ofUser.map(\.timestamp).min(),
                let last = ofUser.map(\.timestamp).max()
            else { continue }
            let held: Set<String>
            do {
                held = Set(
                    try swingMusic.scrobbles(user: user, times: first...last).map { "\($0.trackhash).\($0.timestamp)" })
            } catch {
                throw PublishFailure(.unavailable, "cannot read the plays SwingMusic restored: \(error)")
            }
            present += ofUser.filter { held.contains("\($0.trackhash).\($0.timestamp)") }.count
        }
        return present
    }

    /// How many of the playlists marked with `keys` SwingMusic lists.
    private func presentPlaylists(_ keys: Set<String>, session: inout SwingMusicSession) async throws -> Int {
        Set(try await playlists(session: &session).compactMap(Self.marker(of:))).intersection(keys).count
    }
}
