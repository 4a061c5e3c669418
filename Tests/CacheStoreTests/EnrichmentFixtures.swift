import CacheStore
import Foundation
import SwingCache

extension LibraryTrackRecord {
    /// File number `number` of a test library: `/music/Artist N/Song N.flac`, fingerprint `v1:N`.
    static func numbered(_ number: Int, isrc: String? = nil, plays: Int = 0, fingerprint: String? = nil)
        -> LibraryTrackRecord
    {
        LibraryTrackRecord(
            filepath: "/music/Artist \(number)/Song \(number).flac", fingerprint: fingerprint ?? "v1:\(number)",
            title: "Song \(number)", artists: ["Artist \(number)"], album: "Album \(number)", durationSeconds: 200,
            isrc: isrc, localPlayCount: plays)
    }
}

extension TrackMatchRecord {
    /// A confident match of `track` to `spotifyID`, made for its current fingerprint.
    static func matched(_ track: LibraryTrackRecord, to spotifyID: String, at time: Date) -> TrackMatchRecord {
        TrackMatchRecord(
            filepath: track.filepath, fingerprint: track.fingerprint,
            match: TrackMatch(method: .isrc, outcome: .matched, spotifyID: spotifyID, confidence: 1), matchedAt: time)
    }
}
