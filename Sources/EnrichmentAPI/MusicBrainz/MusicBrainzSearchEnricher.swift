import Foundation
import SwingCache

/// MusicBrainz for a library file without an ISRC (neither its tag nor its Spotify match gives one): a recording
/// search by title, artist and duration, then — only when a hit is the same recording as the file
/// (``MusicBrainzSearchHit/sameRecording(as:among:matcher:)``) — that recording's genres, tags, ISRCs and links.
///
/// Needs no Spotify: a file gets its genres on the first run, whatever Spotify's quota. The hit's ISRC is stored as
/// the file's MusicBrainz-learned one, so Deezer, ListenBrainz and Spotify's exact ISRC search can use it; its
/// genres are stored both for the file and, like an ISRC look-up's, for that ISRC — whose recordings are then the
/// hit's alone, as no ISRC look-up was made.
package struct MusicBrainzSearchEnricher: ProviderEnricher {
    /// A file to search for, by its current tags.
    package struct Key: Sendable {
        package var filepath: String
        package var fingerprint: String
        package var track: LocalTrack
        /// The search's Lucene text.
        package var query: String

        package init(filepath: String, fingerprint: String, track: LocalTrack, query: String) {
            self.filepath = filepath
            self.fingerprint = fingerprint
            self.track = track
            self.query = query
        }
    }

    package var client: MusicBrainzClient
    package var matcher = TrackMatcher()

    package init(client: MusicBrainzClient) {
        self.client = client
    }

    package var provider: Provider { .musicbrainz }
    package var unit: String { "files" }
    package var maxRetries: Int? { MusicBrainzPolicy.standard.maxBusyRetries }
    /// The search, then the recording for its genres and links (a search answer has neither); a miss takes one.
    package var requestsPerKey: Int { 2 }

    /// The files without an ISRC that have a title and an artist to search by.
    package func keys(in source: any EnrichmentKeySource) async throws -> [Key] {
        try await source.libraryFilesWithoutISRC().compactMap { file in
            guard let query = MusicBrainzRecordingQuery.text(for: file.track) else { return nil }
            return Key(filepath: file.filepath, fingerprint: file.fingerprint, track: file.track, query: query)
        }
    }

    package func storeKey(for key: Key) -> EnrichmentKey? {
        .musicbrainzSearch(filepath: key.filepath, fingerprint: key.fingerprint)
    }

    package func request(for batch: [Key]) -> EnrichmentRequest<MusicBrainzSearchExchange> {
        let (query, client) = (batch[0].query, client)
        return EnrichmentRequest(endpoint: "search", detail: query) { await client.searchRecordings(query: query) }
    }

    package func step(
        after answer: MusicBrainzAnswer<[MusicBrainzSearchHit]>, for batch: [Key], lifetimes: FactLifetimes, now: Date
    ) -> EnrichmentStep<MusicBrainzRecordingExchange> {
        let key = batch[0]
        guard case .found(let hits) = answer,
            let hit = MusicBrainzSearchHit.sameRecording(as: key.track, among: hits, matcher: matcher)
        else {
            let fact = MusicBrainzSearchFact.missing(
                filepath: key.filepath, fingerprint: key.fingerprint, fetchedAt: now,
                expiresAt: lifetimes.expiry(found: false, now: now))
            return .write(
                EnrichmentFacts(ProviderFacts(musicbrainzSearches: [fact]), stored: 0, missing: 1))
        }
        let (client, mbid) = (client, hit.recording.mbid)
        let detail = EnrichmentRequest(endpoint: "recording", detail: mbid) { await client.recording(mbid: mbid) }
        return .ask(detail) { detailAnswer, now in
            var recording = hit.recording
            if case .found(let found) = detailAnswer { recording = found }
            let isrc = (recording.isrcs.isEmpty ? hit.recording.isrcs : recording.isrcs).first
            let expiresAt = lifetimes.expiry(found: true, now: now)
            let search = MusicBrainzSearchFact(
                filepath: key.filepath, fingerprint: key.fingerprint, mbid: mbid, isrc: isrc,
                genres: recording.genreNames, tags: recording.tagNames, score: hit.score, fetchedAt: now,
                expiresAt: expiresAt)
            let recordings = isrc.map {
                [recording.fact(isrc: $0, mbids: [mbid], fetchedAt: now, expiresAt: expiresAt)]
            }
            let artists = isrc.flatMap { recording.artistFact(isrc: $0, fetchedAt: now, expiresAt: expiresAt) }
            return EnrichmentFacts(
                ProviderFacts(
                    musicbrainzRecordings: recordings ?? [], musicbrainzSearches: [search],
                    isrcFacts: artists.map { [$0] } ?? []),
                stored: 1)
        }
    }
}
