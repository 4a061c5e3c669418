import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// Writes a provider request's facts and its ledger entry together, or none of them.
    ///
    /// A MusicBrainz fact replaces the links MusicBrainz gave before for its ISRC; links from other sources stay.
    package func save(_ record: EnrichmentRecord) async throws {
        try await writer.write { db in
            for fact in record.facts.lastfmTracks { try fact.insert(db) }
            for fact in record.facts.musicbrainzRecordings { try Self.insert(fact, into: db) }
            for fact in record.facts.listenbrainzPopularity { try fact.insert(db) }
            for fact in record.facts.links { try fact.insert(db) }
            for fact in record.facts.musicbrainzSearches { try fact.insert(db) }
            for fact in record.facts.isrcFacts { try fact.insert(db) }
            try LedgerStore.write(record.request, in: db)
        }
    }

    /// What the store knows about each provider key, in one query per kind however many keys there are.
    ///
    /// Keys the store knows nothing of are left out (they are `.absent`). A Last.fm or MusicBrainz answer of
    /// "not found", a ListenBrainz null and a platform without the track are `.knownMissing`.
    package func enrichmentStates(for keys: [EnrichmentKey]) async throws -> [EnrichmentKey: CacheEntryState] {
        var lastfm: [[String]] = []
        var musicbrainz: [String] = []
        var listenbrainz: [String] = []
        var links: [[String]] = []
        var searches: [[String]] = []
        var isrcFacts: [String: [String]] = [:]
        for key in keys {
            switch key {
            case .lastfmTrack(let track): lastfm.append([track.artist, track.title])
            case .musicbrainzRecording(let isrc): musicbrainz.append(isrc)
            case .listenbrainzPopularity(let mbid): listenbrainz.append(mbid)
            case .trackLink(let isrc, let platform): links.append([isrc, platform])
            case .musicbrainzSearch(let filepath, let fingerprint): searches.append([filepath, fingerprint])
            case .isrcFact(let table, let isrc): isrcFacts[table, default: []].append(isrc)
            }
        }
        return try await writer.read { [lastfm, musicbrainz, listenbrainz, links, searches, isrcFacts] db in
            var states: [EnrichmentKey: CacheEntryState] = [:]
            states.reserveCapacity(keys.count)
            // CROSS JOIN keeps the wanted keys as the outer loop: one primary-key probe each.
            if !lastfm.isEmpty {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT f.artist, f.title, f.missing_reason, f.fetched_at, f.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN lastfm_track AS f
                            ON f.artist = json_extract(wanted.value, '$[0]') AND f.title = json_extract(wanted.value, '$[1]')
                        """,
                    arguments: [try Self.json(lastfm)])
                while let row = try rows.next() {
                    states[.lastfmTrack(LastfmTrackKey(artist: row[0], title: row[1]))] = Self.state(row, from: 2)
                }
            }
            if !musicbrainz.isEmpty {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT f.isrc, f.missing_reason, f.fetched_at, f.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN musicbrainz_recording AS f ON f.isrc = wanted.value
                        """,
                    arguments: [try Self.json(musicbrainz)])
                while let row = try rows.next() {
                    states[.musicbrainzRecording(isrc: row[0])] = Self.state(row, from: 1)
                }
            }
            if !listenbrainz.isEmpty {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT f.mbid, CASE WHEN f.listen_count IS NULL THEN 'not_found' END, f.fetched_at, f.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN listenbrainz_popularity AS f ON f.mbid = wanted.value
                        """,
                    arguments: [try Self.json(listenbrainz)])
                while let row = try rows.next() {
                    states[.listenbrainzPopularity(mbid: row[0])] = Self.state(row, from: 1)
                }
            }
            if !links.isEmpty {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT f.isrc, f.platform, CASE WHEN f.url IS NULL THEN 'not_found' END, f.fetched_at,
                            f.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN track_link AS f
                            ON f.isrc = json_extract(wanted.value, '$[0]')
                            AND f.platform = json_extract(wanted.value, '$[1]')
                        """,
                    arguments: [try Self.json(links)])
                while let row = try rows.next() {
                    states[.trackLink(isrc: row[0], platform: row[1])] = Self.state(row, from: 2)
                }
            }
            states.merge(try Self.musicBrainzSearchStates(searches, in: db)) { _, search in search }
            states.merge(try Self.isrcFactStates(isrcFacts, in: db)) { _, fact in fact }
            return states
        }
    }

    /// The state in columns `missing_reason, fetched_at, expires_at` starting at `index`.
    static func state(_ row: Row, from index: Int) -> CacheEntryState {
        let expiresAt = Date(timeIntervalSince1970: row[index + 2])
        if let reason: String = row[index] {
            return .knownMissing(reason: MissingReason(rawValue: reason) ?? .notFound, expiresAt: expiresAt)
        }
        return .cached(fetchedAt: Date(timeIntervalSince1970: row[index + 1]), expiresAt: expiresAt)
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Writes the fact, and its links in place of those MusicBrainz gave before.
    private static func insert(_ fact: MusicBrainzRecordingFact, into db: Database) throws {
        try fact.insert(db)
        try db.execute(
            sql: "DELETE FROM track_link WHERE isrc = ? AND source = ?", arguments: [fact.isrc, musicbrainzSource])
        for link in fact.links {
            try TrackLinkFact(
                isrc: fact.isrc, platform: link.platform, url: link.url, source: musicbrainzSource,
                fetchedAt: fact.fetchedAt, expiresAt: fact.expiresAt
            ).insert(db)
        }
    }

    /// The `source` of links read from MusicBrainz url relations.
    static let musicbrainzSource = "musicbrainz"
}
