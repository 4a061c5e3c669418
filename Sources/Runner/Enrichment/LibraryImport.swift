import CacheStore
import Foundation
import Logging
import SwingCache
import SwingMusicLibrary

/// Reads a SwingMusic library, read-only, into the cache: every file's tags, fingerprint and local plays.
///
/// ```swift
/// let imported = try await LibraryImport(store: store, clock: clock, logger: logger).run(spec.library!)
/// print(imported.needingMatching)
/// ```
///
/// Tracks are read and written `batchSize` at a time, so memory stays bounded by a batch (and the map of local
/// play counts). Files the cache knew but the library no longer has are removed, with their matches, once the
/// whole library was read: a cache database holds one SwingMusic library.
package struct LibraryImport: Sendable {
    package var store: AppDatabase
    package var clock: any RunClock
    package var logger: Logger
    package var batchSize = 500
    /// Where SwingMusic's lookup order reads its variables, when the spec names no database.
    package var environment: [String: String] = ProcessInfo.processInfo.environment
    /// `$HOME` as SwingMusic (Python's `expanduser`) reads it; the account's home folder without it.
    package var homeDirectory: String = {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }()

    package init(store: AppDatabase, clock: any RunClock, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// The SwingMusic database `source` names, or the first of SwingMusic's own lookup order, opened read-only.
    ///
    /// Throws a ``SwingMusicLibraryError`` naming every path tried when there is none, or why it cannot be read.
    package func open(_ source: LibrarySource) throws(SwingMusicLibraryError) -> SwingMusicLibrary {
        let location = try SwingMusicDatabaseLocation.resolve(
            explicitPath: source.swingMusicDatabase, environment: environment, homeDirectory: homeDirectory)
        return try SwingMusicLibrary.open(location)
    }

    /// Imports every file of the library and says what changed.
    package func run(_ source: LibrarySource) async throws -> LibraryImportResult {
        let library = try open(source)
        let plays = try library.localPlays(user: source.user)
        let seenAt = clock.now()
        var result = LibraryImportResult(databasePath: library.path)
        var trackhashes = Set<String>()
        try await library.forEachTrackBatch(size: batchSize) { tracks in
            let records = tracks.map { track in
                trackhashes.insert(track.trackhash)
                return Self.record(track, plays: plays[track.trackhash])
            }
            let upserted = try await store.library.upsertLibraryTracks(records, seenAt: seenAt)
            result.files += tracks.count
            result.added += upserted.added
            result.changed += upserted.changed
        }
        result.removed = try await store.library.removeLibraryTracks(notSeenSince: seenAt)
        result.unmatchedPlays = plays.unmatched(byTrackhash: trackhashes)
        if result.unmatchedPlays.plays > 0 {
            logger.warning(
                "SwingMusic plays of songs not in the library are not counted on any file",
                metadata: [
                    "plays": "\(result.unmatchedPlays.plays)", "songs": "\(result.unmatchedPlays.songs)",
                    "user": "\(source.user ?? "all users")",
                ])
        }
        let backlog = try await store.library.matchingBacklog()
        result.needingMatching = backlog.files
        result.needingMatchingWithISRC = backlog.withISRC
        logger.info(
            "read the SwingMusic library",
            metadata: [
                "path": "\(library.path)", "files": "\(result.files)", "added": "\(result.added)",
                "changed": "\(result.changed)", "removed": "\(result.removed)",
                "needing_matching": "\(result.needingMatching)", "opened": "\(library.access.rawValue)",
            ])
        return result
    }

    /// The store's record of a file: the title and artists SwingMusic shows, its hash and raw tags, the song's plays.
    static func record(_ track: LibraryTrack, plays: LocalPlays?) -> LibraryTrackRecord {
        let local = track.localTrack
        return LibraryTrackRecord(
            filepath: track.filepath, fingerprint: track.fingerprint, title: local.title, artists: track.artists,
            albumArtists: track.albumArtists, album: track.album, durationSeconds: track.durationSeconds,
            isrc: track.isrc, localPlayCount: plays?.count ?? 0, lastPlayedAt: plays?.lastPlayedAt,
            addedAt: track.lastModified,
            swingMusic: SwingMusicFileRecord(
                trackhash: track.trackhash, tagTitle: track.tags.title, tagArtists: track.tags.artists,
                tagAlbumArtists: track.tags.albumArtists, tagAlbum: track.tags.album))
    }

    /// What an import would find, without writing anything: for `plan` and `run --dry-run`.
    package func survey(_ source: LibrarySource) async throws -> LibrarySurvey {
        let library = try open(source)
        var survey = LibrarySurvey(found: LibraryImportResult(databasePath: library.path))
        // The plays a run orders by: SwingMusic's own (as the import stores them) and the history publish imported.
        let plays = try library.localPlays(user: source.user)
        let imported = try await store.library.importedPlayCounts()
        var toMatch: [MatchingOrder.File] = []
        try await library.forEachTrackBatch(size: batchSize) { tracks in
            let matches = try await store.library.storedMatches(for: tracks.map(\.filepath))
            let learned = try await store.facts.musicBrainzLearnedISRCs(tracks.map(\.filepath))
            survey.found.files += tracks.count
            for track in tracks {
                survey.lastfmKeys.insert(
                    LastfmTrackKey(
                        fileWithArtists: track.artists, albumArtists: track.albumArtists, title: track.localTrack.title)
                )
                let match = matches[track.filepath]
                let current = match?.fingerprint == track.fingerprint
                if !current {
                    survey.found.needingMatching += 1
                    // A MusicBrainz-learned ISRC is searched first too.
                    if (track.isrc ?? learned[track.filepath]) != nil { survey.found.needingMatchingWithISRC += 1 }
                    toMatch.append(
                        MatchingOrder.File(
                            filepath: track.filepath,
                            plays: (plays[track.trackhash]?.count ?? 0) + (imported[track.trackhash] ?? 0),
                            addedAt: track.lastModified))
                }
                if let isrc = track.isrc ?? (current ? match?.isrc : nil) ?? learned[track.filepath] {
                    survey.isrcs.insert(isrc)
                } else if !current {
                    survey.filesAwaitingISRC += 1
                }
            }
        }
        survey.found.matchingOrder = MatchingOrder(toMatch)
        return survey
    }
}

/// What a survey of the library found: the import's figures, and what the providers would be asked about.
package struct LibrarySurvey: Sendable {
    package var found: LibraryImportResult
    /// The Last.fm keys of the library's files.
    package var lastfmKeys: Set<LastfmTrackKey> = []
    /// The ISRCs known before matching: the files' own, else their current match's, else a MusicBrainz search's.
    package var isrcs: Set<String> = []
    /// Files to match that have no ISRC yet: matching may give each one.
    package var filesAwaitingISRC = 0

    package init(found: LibraryImportResult) {
        self.found = found
    }
}

/// What reading the library found.
package struct LibraryImportResult: Hashable, Sendable {
    /// The SwingMusic database read.
    package var databasePath: String
    /// Files in the library.
    package var files = 0
    /// Files the cache had not seen.
    package var added = 0
    /// Known files whose tags changed.
    package var changed = 0
    /// Files gone from the library, removed from the cache with their matches.
    package var removed = 0
    /// Files with no match, or one made for other tags.
    package var needingMatching = 0
    /// Of those, files with an ISRC: each may cost a second search when the ISRC finds nothing usable.
    package var needingMatchingWithISRC = 0
    /// SwingMusic plays whose song is not in the library (removed, or renamed by new tags or settings).
    package var unmatchedPlays = UnmatchedPlays()
    /// The files to match in the order a run matches them, with their plays; filled by a survey (`plan`).
    package var matchingOrder: MatchingOrder?

    package init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// The fewest and most search requests matching the backlog takes: one per file, two when an ISRC search
    /// finds nothing usable.
    package var searchRequests: ClosedRange<Int> { needingMatching...(needingMatching + needingMatchingWithISRC) }

    /// When every file to match is matched at the daily quota `plan` keeps, one search a file.
    package func forecast(for plan: Plan) -> LibraryForecast? {
        LibraryForecast(
            files: needingMatching, requestsPerFile: 1, budget: plan.budget, learned: plan.serviceState.learnedQuota,
            now: plan.createdAt)
    }
}
