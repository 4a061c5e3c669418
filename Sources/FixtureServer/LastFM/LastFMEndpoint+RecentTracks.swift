import Foundation
import SwingCache

extension LastFMEndpoint {
    /// The user whose profile is private: every request for their scrobbles is answered error 17.
    static let privateUser = "private-user"

    /// `method=user.getRecentTracks&user=…&limit=…&page=…&from=…&to=…`: the user's scrobbles newest first, `limit`
    /// a page (50 by default, at most 200), `from` and `to` inclusive; the track playing now heads page 1 beyond the
    /// limit, as on Last.fm. A page with one scrobble writes it as an object, an empty one as `[]`.
    func recentTracks(_ query: [String: String]) -> FixtureAnswer {
        guard let user = Self.nonBlank(query["user"]) else {
            return Self.error(6, "Invalid parameters - Your request is missing a required parameter", .badRequest)
        }
        if user.lowercased() == Self.privateUser {
            return Self.error(17, "Login: User required to be logged in", .forbidden)
        }
        guard let listens = history.lastfmListens(of: user) else { return Self.error(6, "User not found", .notFound) }
        let limit = min(max(1, Int(query["limit"] ?? "") ?? 50), 200)
        let page = max(1, Int(query["page"] ?? "") ?? 1)
        let from = query["from"].flatMap { Int($0) }
        let to = query["to"].flatMap { Int($0) }
        let playingNow = listens.filter { $0.timestamp == nil }.prefix(1)
        let scrobbles = listens.filter { listen in
            guard let timestamp = listen.timestamp else { return false }
            return timestamp >= (from ?? Int.min) && timestamp <= (to ?? Int.max)
        }
        let totalPages = (scrobbles.count + limit - 1) / limit
        let start = (page - 1) * limit
        let onPage = start < scrobbles.count ? Array(scrobbles[start..<min(scrobbles.count, start + limit)]) : []
        let items = (page == 1 ? Array(playingNow) : []) + onPage
        let tracks = items.map(Self.trackJSON)
        let attributes: [JSONMember] = [
            JSONMember("user", .string(user)), JSONMember("totalPages", .string(String(totalPages))),
            JSONMember("page", .string(String(page))), JSONMember("perPage", .string(String(limit))),
            JSONMember("total", .string(String(scrobbles.count))),
        ]
        return .json(
            .orderedObject([
                JSONMember(
                    "recenttracks",
                    .orderedObject([
                        JSONMember("track", tracks.count == 1 ? tracks[0] : .array(tracks)),
                        JSONMember("@attr", .orderedObject(attributes)),
                    ]))
            ]))
    }

    /// One item of `recenttracks.track`, as Last.fm writes it: `#text` members, `""` for an absent id.
    private static func trackJSON(_ listen: FixtureHistory.Listen) -> JSONValue {
        var members = [
            JSONMember(
                "artist", .orderedObject([JSONMember("mbid", ""), JSONMember("#text", .string(listen.artist))])),
            JSONMember("streamable", "0"),
            JSONMember("mbid", .string(listen.mbid ?? "")),
            JSONMember(
                "album", .orderedObject([JSONMember("mbid", ""), JSONMember("#text", .string(listen.album ?? ""))])),
            JSONMember("name", .string(listen.title)),
            JSONMember(
                "url",
                .string(
                    "https://www.last.fm/music/\(LastFMTrack.urlPart(listen.artist))/_/\(LastFMTrack.urlPart(listen.title))"
                )),
        ]
        if let timestamp = listen.timestamp {
            let text = Date(timeIntervalSince1970: TimeInterval(timestamp)).formatted(dateText)
            members.append(
                JSONMember(
                    "date",
                    .orderedObject([JSONMember("uts", .string(String(timestamp))), JSONMember("#text", .string(text))]))
            )
        } else {
            members.insert(JSONMember("@attr", .orderedObject([JSONMember("nowplaying", "true")])), at: 0)
        }
        return .orderedObject(members)
    }

    /// `24 Nov 2026, 12:26`, in UTC.
    private static let dateText = Date.VerbatimFormatStyle(
        format:
            "\(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits), \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "UTC")!,
        calendar: Calendar(identifier: .gregorian))

}
