import Foundation
import SwingCache

/// One file of the SwingMusic library as the store keeps it: its tags, its fingerprint and its local plays.
///
/// A plain input type, so the store does not depend on the library reader:
/// ```swift
/// LibraryTrackRecord(
///     filepath: track.filepath, fingerprint: track.fingerprint, title: track.title, artists: track.artists,
///     albumArtists: track.albumArtists, album: track.album, durationSeconds: track.durationSeconds,
///     isrc: track.isrc, localPlayCount: plays?.count ?? 0, lastPlayedAt: plays?.lastPlayedAt)
/// ```
package struct LibraryTrackRecord: Hashable, Sendable {
    package var filepath: String
    /// Changes when a tag the matcher reads changes (`LocalTrack.fingerprint`).
    package var fingerprint: String
    package var title: String
    package var artists: [String]
    package var albumArtists: [String]
    package var album: String?
    /// Nil when unknown (SwingMusic's 0).
    package var durationSeconds: Int?
    /// Canonical ISRC, or nil.
    package var isrc: String?
    /// What Last.fm is asked by for this file; files with the same key share one stored answer.
    package var lastfmKey: LastfmTrackKey
    /// The song's plays in SwingMusic: every copy of a song (one runtime hash) shows them all, as SwingMusic does.
    package var localPlayCount: Int
    package var lastPlayedAt: Date?
    /// When the file came into the library as far as SwingMusic knows (its `last_mod`); nil when unknown. Among files
    /// played as often, the most recently added are matched first.
    package var addedAt: Date?
    /// How SwingMusic names the file: its runtime hash and raw tags; nil for a file read before swingcache kept them.
    package var swingMusic: SwingMusicFileRecord?

    /// `lastfmKey` defaults to ``LastfmTrackKey/init(fileWithArtists:albumArtists:title:)``.
    package init(
        filepath: String, fingerprint: String, title: String, artists: [String], albumArtists: [String] = [],
        album: String? = nil, durationSeconds: Int? = nil, isrc: String? = nil, lastfmKey: LastfmTrackKey? = nil,
        localPlayCount: Int = 0, lastPlayedAt: Date? = nil, addedAt: Date? = nil,
        swingMusic: SwingMusicFileRecord? = nil
    ) {
        self.filepath = filepath
        self.fingerprint = fingerprint
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album.flatMap { $0.isEmpty ? nil : $0 }
        self.durationSeconds = durationSeconds.flatMap { $0 > 0 ? $0 : nil }
        self.isrc = isrc
        self.lastfmKey =
            lastfmKey ?? LastfmTrackKey(fileWithArtists: artists, albumArtists: albumArtists, title: title)
        self.localPlayCount = localPlayCount
        self.lastPlayedAt = lastPlayedAt
        self.addedAt = addedAt
        self.swingMusic = swingMusic
    }
}
