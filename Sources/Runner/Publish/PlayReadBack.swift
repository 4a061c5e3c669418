import SwingMusicLibrary

/// Which plays of one restore SwingMusic holds when read back, and why the others are missing.
///
/// SwingMusic's restore skips a play whose song and second match a play of the account that restores (the admin's),
/// whichever user the play is for; such a play never lands, however often it is sent. Any other play that is
/// missing did not land, and the history cursor stays before it.
struct PlayReadBack: Equatable {
    var landed: [HistoryImportPlan.Play] = []
    /// Plays SwingMusic skips: the restoring account has a play of that song at that second.
    var skipped: [HistoryImportPlan.Play] = []
    var missing: [HistoryImportPlan.Play] = []

    static let skipReason = "SwingMusic skips a play at the same second as the publishing account's play of that song"

    /// Sorts `plays` by what `held` (the user's plays in SwingMusic over their times) and `restorersPlays` (the
    /// account's) show. A play the plan asked for twice at one second lands as two rows, so rows are counted.
    init(_ plays: [HistoryImportPlan.Play], held: [Scrobble], restorersPlays: [Scrobble]) {
        var rows: [PlayKey: Int] = [:]
        for scrobble in held { rows[PlayKey(scrobble), default: 0] += 1 }
        let shadowing = Set(restorersPlays.map(PlayKey.init))
        for play in plays {
            let key = PlayKey(play)
            if let count = rows[key], count > 0 {
                rows[key] = count - 1
                landed.append(play)
            } else if shadowing.contains(key) {
                skipped.append(play)
            } else {
                missing.append(play)
            }
        }
    }

    /// Whether SwingMusic holds every play it will take.
    var isComplete: Bool { missing.isEmpty }

    private struct PlayKey: Hashable {
        var trackhash: String
        var timestamp: Int

        init(_ scrobble: Scrobble) {
            trackhash = scrobble.trackhash
            timestamp = scrobble.timestamp
        }

        init(_ play: HistoryImportPlan.Play) {
            trackhash = play.track.trackhash
            timestamp = play.listen.timestamp
        }
    }
}
