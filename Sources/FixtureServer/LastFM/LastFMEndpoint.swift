import Foundation
import Hummingbird
import SwingCache

/// `GET /lastfm/2.0/?method=track.getInfo…`: Last.fm's track lookup by artist and title or by MusicBrainz id;
/// `method=user.getRecentTracks` reads a user's scrobbles from the served ``FixtureHistory``.
///
/// Errors come in the body as `{"message":…,"error":N}`, with whatever HTTP status Last.fm gives them, 200
/// included, so a client has to read the body every time.
struct LastFMEndpoint: Sendable {
    let options: FixtureServerOptions
    let state: FixtureServerState
    let catalog: FixtureCatalog
    let history: ServedHistory

    /// The key that is always answered error 26.
    static let suspendedKey = "suspended-key"

    func answer(_ request: Request) async -> FixtureAnswer {
        let query = FormFields.parse(request.uri.query ?? "")
        let verdict = await state.admitLastFMRequest()
        if verdict == .rateLimited {
            return Self.error(
                29, "Rate Limit Exceeded - Your IP has made too many requests in a short period", .tooManyRequests)
        }
        switch query["api_key"] {
        case options.lastFMAPIKey?:
            break
        case Self.suspendedKey?:
            return Self.error(
                26, "Suspended API key - Access for your account has been suspended, please contact Last.fm",
                .forbidden)
        default:
            return Self.error(10, "Invalid API key - You must be granted a valid key by last.fm", .forbidden)
        }
        if verdict == .temporaryError {
            return Self.error(
                16, "There was a temporary error processing your request. Please try again", .internalServerError)
        }
        switch query["method"]?.lowercased() {
        case "track.getinfo": return trackInfo(query)
        case "user.getrecenttracks": return recentTracks(query)
        default: return Self.error(3, "Invalid Method - No method with that name in this package", .badRequest)
        }
    }

    private func trackInfo(_ query: [String: String]) -> FixtureAnswer {
        let username = query["username"].flatMap { $0.isEmpty ? nil : $0 }
        if let mbid = query["mbid"], !mbid.isEmpty {
            guard let (isrc, _) = RecordingMBID.recording(encodedIn: mbid),
                let recording = ISRCRecording(isrc: isrc, catalog: catalog)
            else { return Self.trackNotFound }
            let track = LastFMTrack(artist: recording.artistName, title: recording.title, mbid: mbid.lowercased())
            return .json(track.json(username: username))
        }
        guard let artist = Self.nonBlank(query["artist"]), let title = Self.nonBlank(query["track"]) else {
            return Self.error(6, "Invalid parameters - Your request is missing a required parameter", .badRequest)
        }
        guard !title.hasPrefix("Unknown") else { return Self.trackNotFound }
        return .json(LastFMTrack(artist: artist, title: title).json(username: username))
    }

    /// Last.fm's answer for a track it does not know: error 6, with HTTP 200.
    private static let trackNotFound = error(6, "Track not found", .ok)

    static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func error(_ code: Int, _ message: String, _ status: HTTPResponse.Status) -> FixtureAnswer {
        .json(
            .orderedObject([JSONMember("message", .string(message)), JSONMember("error", .int(code))]), status: status)
    }
}
