import Hummingbird
import SwingCache

/// `GET /deezer/track/isrc:{ISRC}`: Deezer's keyless track lookup, which answers even "not found" with HTTP 200.
struct DeezerEndpoint: Sendable {
    let catalog: FixtureCatalog

    /// The track of `reference` (`isrc:…`); Deezer's `DataException` for anything it does not know.
    func track(reference: String) -> FixtureAnswer {
        guard reference.lowercased().hasPrefix("isrc:"),
            let recording = ISRCRecording(
                isrc: String(reference.dropFirst("isrc:".count)).uppercased(), catalog: catalog)
        else {
            let error: JSONValue = .orderedObject([
                JSONMember("type", "DataException"), JSONMember("message", "no data"), JSONMember("code", 800),
            ])
            return .json(.orderedObject([JSONMember("error", error)]))
        }
        return .json(Self.trackJSON(recording))
    }

    private static func trackJSON(_ recording: ISRCRecording) -> JSONValue {
        var draws = DeterministicDraws("deezer", "details", recording.isrc)
        let coverHash = draws.text(count: 32, from: "0123456789abcdef")
        // Drawn apart, so the other figures stay what they were before the fixture gave a gain.
        var loudness = DeterministicDraws("deezer", "gain", recording.isrc)
        let artist: JSONValue = [
            "id": .int(recording.deezerArtistID),
            "link": .string("https://www.deezer.com/artist/\(recording.deezerArtistID)"),
            "name": .string(recording.artistName),
            "tracklist": .string("https://api.deezer.com/artist/\(recording.deezerArtistID)/top?limit=50"),
            "type": "artist",
        ]
        let album: JSONValue = [
            "cover": .string("https://api.deezer.com/album/\(recording.deezerAlbumID)/image"),
            "id": .int(recording.deezerAlbumID),
            "link": .string("https://www.deezer.com/album/\(recording.deezerAlbumID)"),
            "md5_image": .string(coverHash),
            "release_date": .string(recording.releaseDate),
            "title": .string(recording.title),
            "type": "album",
        ]
        let link = "https://www.deezer.com/track/\(recording.deezerTrackID)"
        return [
            "album": album,
            "artist": artist,
            "bpm": .int(draws.int(in: 70...170)),
            "disk_number": 1,
            "duration": .int(recording.durationMilliseconds / 1000),
            "explicit_lyrics": .bool(draws.chance(0.2)),
            "gain": .double(-Double(loudness.int(in: 30...150)) / 10),
            "id": .int(recording.deezerTrackID),
            "isrc": .string(recording.isrc),
            "link": .string(link),
            "md5_image": .string(coverHash),
            "rank": .int(draws.int(in: 1_000...999_999)),
            "readable": true,
            "release_date": .string(recording.releaseDate),
            "share": .string(link + "?utm_source=deezer&utm_content=track-\(recording.deezerTrackID)&utm_medium=web"),
            "title": .string(recording.title),
            "title_short": .string(recording.title),
            "title_version": "",
            "track_position": .int(draws.int(in: 1...12)),
            "type": "track",
        ]
    }
}
