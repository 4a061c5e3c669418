import Foundation
import SwingCache

/// MusicBrainz per ISRC: the recordings of the ISRC, then the first one's genres, tags, links and artists (with
/// their aliases, which the matcher reads). Strictly serial at MusicBrainz's pace; a 503 is retried as
/// ``MusicBrainzPolicy`` says.
package struct MusicBrainzEnricher: ProviderEnricher {
    package var client: MusicBrainzClient

    package init(client: MusicBrainzClient) {
        self.client = client
    }

    package var provider: Provider { .musicbrainz }
    package var unit: String { "ISRCs" }
    package var maxRetries: Int? { MusicBrainzPolicy.standard.maxBusyRetries }
    /// The ISRC look-up, then the recording for its genres: `/isrc` refuses `inc=genres`.
    package var requestsPerKey: Int { 2 }

    package func keys(in source: any EnrichmentKeySource) async throws -> [String] { try await source.libraryISRCs() }

    package func storeKey(for isrc: String) -> EnrichmentKey? { .musicbrainzRecording(isrc: isrc) }

    package func request(for batch: [String]) -> EnrichmentRequest<MusicBrainzRecordingsExchange> {
        let (isrc, client) = (batch[0], client)
        return EnrichmentRequest(endpoint: "isrc", detail: isrc) { await client.recordings(isrc: isrc) }
    }

    package func step(
        after answer: MusicBrainzAnswer<[MusicBrainzRecording]>, for batch: [String], lifetimes: FactLifetimes,
        now: Date
    ) -> EnrichmentStep<MusicBrainzRecordingExchange> {
        let isrc = batch[0]
        guard case .found(let recordings) = answer, let first = recordings.first else {
            let fact = MusicBrainzRecordingFact.missing(
                isrc: isrc, fetchedAt: now, expiresAt: lifetimes.expiry(found: false, now: now))
            return .write(
                EnrichmentFacts(ProviderFacts(musicbrainzRecordings: [fact]), stored: 0, missing: 1))
        }
        let client = client
        let detail = EnrichmentRequest(endpoint: "recording", detail: first.mbid) {
            await client.recording(mbid: first.mbid)
        }
        return .ask(detail) { detailAnswer, now in
            let recording: MusicBrainzRecording
            if case .found(let found) = detailAnswer { recording = found } else { recording = first }
            let expiresAt = lifetimes.expiry(found: true, now: now)
            let fact = recording.fact(
                isrc: isrc, mbids: recordings.map(\.mbid), fetchedAt: now, expiresAt: expiresAt)
            let artists = recording.artistFact(isrc: isrc, fetchedAt: now, expiresAt: expiresAt)
            return EnrichmentFacts(
                ProviderFacts(musicbrainzRecordings: [fact], isrcFacts: artists.map { [$0] } ?? []),
                stored: 1)
        }
    }
}
