import SwingMusicLibrary

extension SwingMusicLibrary {
    /// Each played file's count, as SwingMusic shows it: the plays of its song (its runtime hash).
    func playsByFile(user: String? = nil) throws -> [String: Int] {
        let plays = try localPlays(user: user)
        var counts: [String: Int] = [:]
        for track in try tracks(limit: 100_000).tracks {
            if let count = plays[track.trackhash]?.count { counts[track.filepath] = count }
        }
        return counts
    }
}
