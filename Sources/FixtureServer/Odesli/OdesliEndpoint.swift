import Foundation
import Hummingbird
import SwingCache

/// `GET /odesli/v1-alpha.1/links?url=…&key=…`: Odesli's links for one song, only for the configured key, since its
/// public API was retired in 2026; `odesliRetired` answers 410 to everything.
struct OdesliEndpoint: Sendable {
    let options: FixtureServerOptions
    let catalog: FixtureCatalog

    func links(_ request: Request) -> FixtureAnswer {
        if options.odesliRetired {
            return Self.error(.gone, "PUBLIC_API_ACCESS_DEPRECATED")
        }
        let query = FormFields.parse(request.uri.query ?? "")
        guard let key = options.odesliKey, query["key"] == key else {
            return Self.error(.unauthorized, "PUBLIC_API_ACCESS_DEPRECATED")
        }
        guard let url = query["url"], let song = song(at: url) else {
            return Self.error(.badRequest, "could_not_fetch_entity_data")
        }
        return .json(song.json(userCountry: query["userCountry"] ?? "US"))
    }

    /// The song a Spotify track link names, from the catalog; for another http(s) link, one drawn from the link.
    private func song(at url: String) -> OdesliSong? {
        if let id = Self.spotifyTrackID(in: url) {
            guard SpotifyIDText.isValid(id), let track = catalog.entity(.track, id: id) else { return nil }
            let isrc = track["external_ids"]?["isrc"]?.stringValue ?? ""
            return OdesliSong(
                spotifyTrackID: id, title: track["name"]?.stringValue ?? "",
                artistName: track["artists"]?.elements?.first?["name"]?.stringValue ?? "",
                deezerTrackID: ISRCRecording.deezerTrackID(forISRC: isrc), seed: id)
        }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            return nil
        }
        var draws = DeterministicDraws("odesli", url)
        return OdesliSong(
            spotifyTrackID: draws.spotifyID(), title: CatalogWords.trackName(&draws),
            artistName: CatalogWords.artistName(&draws), deezerTrackID: draws.int(in: 100_000_000...3_000_000_000),
            seed: url)
    }

    /// The id in `https://open.spotify.com/track/ID` (with or without a locale or query) or `spotify:track:ID`.
    private static func spotifyTrackID(in url: String) -> String? {
        if url.hasPrefix("spotify:track:") { return String(url.dropFirst("spotify:track:".count)) }
        guard let parsed = URL(string: url), parsed.host == "open.spotify.com" else { return nil }
        let parts = parsed.path.split(separator: "/")
        guard let trackIndex = parts.firstIndex(of: "track"), trackIndex + 1 < parts.count else { return nil }
        return String(parts[trackIndex + 1])
    }

    /// Odesli's error shape, `{"statusCode":…,"code":…}`.
    private static func error(_ status: HTTPResponse.Status, _ code: String) -> FixtureAnswer {
        .json(
            .orderedObject([JSONMember("statusCode", .int(status.code)), JSONMember("code", .string(code))]),
            status: status)
    }
}
