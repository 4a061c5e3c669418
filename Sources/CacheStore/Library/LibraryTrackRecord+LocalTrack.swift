import SwingCache

extension LibraryTrackRecord {
    /// What the matcher compares, as `LibraryTrack.localTrack` builds it: the album artists stand in when the file
    /// names no artist, so the fingerprint stays the one the file was stored with.
    package var localTrack: LocalTrack {
        LocalTrack(
            title: title, artists: artists.isEmpty ? albumArtists : artists, album: album,
            durationSeconds: durationSeconds, isrc: isrc)
    }
}
