import Foundation
import Hummingbird
import SwingCache

extension ListenBrainzEndpoint {
    /// ListenBrainz's `MAX_ITEMS_PER_GET`.
    static let maxListensPerGet = 1000
    /// ListenBrainz's `DEFAULT_ITEMS_PER_GET`.
    static let defaultListensPerGet = 25

    /// `GET /listenbrainz/1/user/{name}/listens?count=…&max_ts=…&min_ts=…`: up to `count` listens (25 by default, at
    /// most 1000), newest first, before `max_ts` and after `min_ts` (both exclusive).
    ///
    /// As on ListenBrainz, `min_ts` alone gives the listens just after it (read forwards, answered newest first);
    /// otherwise the newest of the range. An unknown user is a 404.
    func listens(_ request: Request, user: String) async -> FixtureAnswer {
        let window = await state.admitListenBrainzRequest()
        return withRateLimitHeaders(listensAnswer(request, user: user, admitted: window.admitted), window: window)
    }

    private func listensAnswer(_ request: Request, user: String, admitted: Bool) -> FixtureAnswer {
        if let refusal = refusal(request, admitted: admitted) { return refusal }
        let query = FormFields.parse(request.uri.query ?? "")
        var numbers: [String: Int] = [:]
        for name in ["count", "max_ts", "min_ts"] {
            guard let text = query[name] else { continue }
            guard let number = Int(text), number >= 0 else {
                return Self.error(.badRequest, "'\(name)' should be a positive integer, not '\(text)'")
            }
            numbers[name] = number
        }
        guard let all = history.listenbrainzListens(of: user) else {
            return Self.error(.notFound, "Cannot find user: \(user)")
        }
        let count = min(numbers["count"] ?? Self.defaultListensPerGet, Self.maxListensPerGet)
        let (maxTimestamp, minTimestamp) = (numbers["max_ts"], numbers["min_ts"])
        let inRange = all.filter { listen in
            let timestamp = listen.timestamp ?? 0
            return timestamp < (maxTimestamp ?? Int.max) && timestamp > (minTimestamp ?? Int.min)
        }
        let chosen =
            maxTimestamp == nil && minTimestamp != nil
            ? Array(inRange.suffix(count)) : Array(inRange.prefix(count))
        let payload: [JSONMember] = [
            JSONMember("count", .int(chosen.count)),
            JSONMember("latest_listen_ts", .int(all.first?.timestamp ?? 0)),
            JSONMember("oldest_listen_ts", .int(all.last?.timestamp ?? 0)),
            JSONMember("user_id", .string(user)),
            JSONMember("listens", .array(chosen.map { Self.listenJSON($0, user: user) })),
        ]
        return .json(.orderedObject([JSONMember("payload", .orderedObject(payload))]))
    }

    /// One listen as ListenBrainz answers it: its recording id, when known, in the `mbid_mapping` ListenBrainz made.
    private static func listenJSON(_ listen: FixtureHistory.Listen, user: String) -> JSONValue {
        let timestamp = listen.timestamp ?? 0
        var draws = DeterministicDraws("listenbrainz", "msid", user.lowercased(), String(timestamp), listen.title)
        let msid = draws.uuid()
        var metadata = [
            JSONMember("artist_name", .string(listen.artist)),
            JSONMember("track_name", .string(listen.title)),
        ]
        if let album = listen.album, !album.isEmpty { metadata.append(JSONMember("release_name", .string(album))) }
        metadata.append(
            JSONMember(
                "additional_info",
                .orderedObject([
                    JSONMember("submission_client", "swingcache fixture"), JSONMember("recording_msid", .string(msid)),
                ])))
        if let mbid = listen.mbid, !mbid.isEmpty {
            metadata.append(
                JSONMember(
                    "mbid_mapping",
                    .orderedObject([
                        JSONMember("recording_mbid", .string(mbid.lowercased())),
                        JSONMember("recording_name", .string(listen.title)),
                    ])))
        }
        return .orderedObject([
            JSONMember("inserted_at", .int(timestamp)),
            JSONMember("listened_at", .int(timestamp)),
            JSONMember("recording_msid", .string(msid)),
            JSONMember("track_metadata", .orderedObject(metadata)),
            JSONMember("user_name", .string(user)),
        ])
    }
}
