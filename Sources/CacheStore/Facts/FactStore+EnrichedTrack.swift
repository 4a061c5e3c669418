import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// The merged record of one library file, or nil when the file is not in the library.
    ///
    /// ```swift
    /// let track = try await store.enrichedTrack(filepath: "/music/Queen/Bohemian Rhapsody.flac")
    /// track?.playCount.total
    /// ```
    package func enrichedTrack(filepath: String) async throws -> EnrichedTrack? {
        try await writer.read { db in
            guard
                let row = try LibraryTrackRow.fetchOne(
                    db, sql: "SELECT * FROM library_track WHERE filepath = ?", arguments: [filepath])
            else { return nil }
            return try Self.enrichedTrack(row, db: db)
        }
    }

    /// The merged records of every library file currently matched to the Spotify track `spotifyID`, by path.
    package func enrichedTracks(spotifyID: String) async throws -> [EnrichedTrack] {
        try await enrichedTracks(spotifyIDs: [spotifyID])[spotifyID] ?? []
    }

    /// ``enrichedTracks(spotifyID:)`` for each of `spotifyIDs`, in one read: ids no file matches are left out.
    package func enrichedTracks(spotifyIDs: [String]) async throws -> [String: [EnrichedTrack]] {
        try await writer.read { db in
            // Prepared once per connection: `get` asks this for every track id it is given.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT lt.* FROM track_match AS m JOIN library_track AS lt ON lt.filepath = m.filepath
                    WHERE m.spotify_id = ? AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                    ORDER BY lt.filepath
                    """)
            var tracks: [String: [EnrichedTrack]] = [:]
            for spotifyID in spotifyIDs {
                let rows = try LibraryTrackRow.fetchAll(statement, arguments: [spotifyID])
                if !rows.isEmpty { tracks[spotifyID] = try rows.map { try Self.enrichedTrack($0, db: db) } }
            }
            return tracks
        }
    }

    private static func enrichedTrack(_ row: LibraryTrackRow, db: Database) throws -> EnrichedTrack {
        var library = row.track
        var songCopies: [String] = []
        if let file = try SwingMusicFileRecord.fetchOne(
            db, sql: "SELECT * FROM swingmusic_track WHERE filepath = ?", arguments: [library.filepath])
        {
            library.swingMusic = file
            songCopies = try String.fetchAll(
                db,
                sql: "SELECT filepath FROM swingmusic_track WHERE trackhash = ? AND filepath <> ? ORDER BY filepath",
                arguments: [file.trackhash, library.filepath])
        }
        let match = try TrackMatchRecord.fetchOne(
            db, sql: "SELECT * FROM track_match WHERE filepath = ?", arguments: [library.filepath])
        var spotify: StoredEntity?
        var unchangedRefreshes: Int?
        if let match, match.fingerprint == library.fingerprint, match.match.isUsable, let id = match.match.spotifyID,
            let trackRow = try Row.fetchOne(
                db, sql: "\(CatalogStore.entitySelection(.track, includingRaw: false)) WHERE id = ?", arguments: [id])
        {
            spotify = try CatalogStore.storedEntity(kind: .track, row: trackRow)
            unchangedRefreshes = try Int.fetchOne(
                db, sql: "SELECT unchanged_refreshes FROM entity_change WHERE kind = 'track' AND id = ?",
                arguments: [id])
        }
        let lastfm = try LastfmTrackFact.fetchOne(
            db, sql: "SELECT * FROM lastfm_track WHERE artist = ? AND title = ?",
            arguments: [library.lastfmKey.artist, library.lastfmKey.title])
        var isrc = library.isrc
        if isrc == nil, case .track(let track) = spotify?.entity { isrc = track.isrc }
        let learnedISRC = isrc == nil ? try musicBrainzLearnedISRC(of: library, in: db) : nil
        isrc = isrc ?? learnedISRC
        var musicbrainz: MusicBrainzRecordingFact?
        var listenbrainz: [ListenBrainzPopularityFact] = []
        var links: [TrackLinkFact] = []
        var isrcFacts: [ISRCFact] = []
        if let isrc {
            isrcFacts = try ISRCFactTable.registered.compactMap { try ISRCFact.fetch($0, isrc: isrc, in: db) }
            musicbrainz = try MusicBrainzRecordingFact.fetchOne(
                db, sql: "SELECT * FROM musicbrainz_recording WHERE isrc = ?", arguments: [isrc])
            listenbrainz = try ListenBrainzPopularityFact.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM musicbrainz_recording AS r, json_each(r.mbids) AS j
                    JOIN listenbrainz_popularity AS p ON p.mbid = j.value
                    WHERE r.isrc = ? ORDER BY j.key
                    """,
                arguments: [isrc])
            links = try TrackLinkFact.fetchAll(
                db, sql: "SELECT * FROM track_link WHERE isrc = ? ORDER BY platform", arguments: [isrc])
            if var stored = musicbrainz {
                stored.links = links.filter { $0.source == musicbrainzSource && $0.url != nil }
                    .map { PlatformLink(platform: $0.platform, url: $0.url ?? "") }
                musicbrainz = stored
            }
        }
        let known = lastfm.flatMap { $0.missing == nil ? $0 : nil }
        let listens = listenbrainz.compactMap(\.listenCount)
        let popularity: Int? =
            if case .track(let track) = spotify?.entity { track.popularity } else { nil }
        let playCount = HybridPlayCount(
            localPlayCount: library.localPlayCount, lastfmPlayCount: known?.playCount,
            lastfmUserPlayCount: known?.userPlayCount,
            lastfmScrobblesLocalPlays: try LibraryStore.lastfmScrobblesLocalPlays(db),
            listenbrainzPlayCount: listens.isEmpty ? nil : listens.reduce(0, +), spotifyPopularity: popularity)
        var track = EnrichedTrack(
            library: library, seenAt: row.seenAt, match: match, spotify: spotify,
            lastfm: lastfm, musicbrainz: musicbrainz, listenbrainz: listenbrainz, links: links, playCount: playCount,
            songCopies: songCopies)
        track.spotifyUnchangedRefreshes = unchangedRefreshes
        track.musicBrainzLearnedISRC = learnedISRC
        track.isrcFacts = isrcFacts
        track.popularity = try songPopularity(filepath: library.filepath, db)
        if let trackhash = library.swingMusic?.trackhash {
            track.publishedPlaylists = try PublishStore.publishedPlaylistNames(containing: trackhash, db)
            track.importedPlays = try PublishStore.importedPlayCounts(of: trackhash, db)
        }
        return track
    }
}
