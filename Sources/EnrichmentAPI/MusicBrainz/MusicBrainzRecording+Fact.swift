import Foundation
import SwingCache

extension MusicBrainzRecording {
    /// Genre names, most voted first.
    var genreNames: [String] { genres.sorted { $0.count > $1.count }.map(\.name) }
    /// Tag names, most voted first.
    var tagNames: [String] { tags.sorted { $0.count > $1.count }.map(\.name) }

    /// What the store keeps of this recording for `isrc`: its genres, tags and links, with `mbids` the ISRC's
    /// recordings (this one first).
    func fact(isrc: String, mbids: [String], fetchedAt: Date, expiresAt: Date) -> MusicBrainzRecordingFact {
        MusicBrainzRecordingFact(
            isrc: isrc, mbids: mbids, genres: genreNames, tags: tagNames,
            links: links.compactMap { PlatformLink(musicBrainzURL: $0.url) }, fetchedAt: fetchedAt,
            expiresAt: expiresAt)
    }

    /// What the store keeps of this recording's artists for `isrc` (``ISRCFactTable/musicBrainzArtist``), or nil when
    /// the answer named none.
    func artistFact(isrc: String, fetchedAt: Date, expiresAt: Date) -> ISRCFact? {
        guard !artists.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(artists) else { return nil }
        return ISRCFact(
            table: .musicBrainzArtist, isrc: isrc, figures: ["artists": .string(String(decoding: data, as: UTF8.self))],
            fetchedAt: fetchedAt, expiresAt: expiresAt)
    }
}
