/// SwingMusic's plays, per song: by the runtime hash its scrobbles carry.
///
/// ```swift
/// let plays = try library.localPlays(user: "admin")
/// plays[track.trackhash]?.count                          // every copy of the song shows the same count
/// plays.unmatched(byTrackhash: Set(tracks.map(\.trackhash)))   // plays of songs no longer in the library
/// ```
package struct SongPlays: Hashable, Sendable {
    package var byTrackhash: [String: LocalPlays]

    package init(byTrackhash: [String: LocalPlays]) {
        self.byTrackhash = byTrackhash
    }

    package subscript(trackhash: String) -> LocalPlays? { byTrackhash[trackhash] }

    /// Every play counted.
    package var total: Int { byTrackhash.values.reduce(0) { $0 + $1.count } }

    /// The plays whose hash is none of `known`: songs removed from the library, or renamed by a change of tags or
    /// of SwingMusic's settings since they were played.
    package func unmatched(byTrackhash known: Set<String>) -> UnmatchedPlays {
        var unmatched = UnmatchedPlays()
        for (hash, plays) in byTrackhash where !known.contains(hash) {
            unmatched.songs += 1
            unmatched.plays += plays.count
        }
        return unmatched
    }
}

/// Plays that name no track of the library: counted and reported, never dropped without a word.
package struct UnmatchedPlays: Hashable, Sendable {
    /// Distinct hashes.
    package var songs = 0
    /// Scrobbles.
    package var plays = 0

    package init(songs: Int = 0, plays: Int = 0) {
        self.songs = songs
        self.plays = plays
    }
}
