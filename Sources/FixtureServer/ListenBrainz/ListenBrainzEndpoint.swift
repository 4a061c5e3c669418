import Foundation
import Hummingbird
import SwingCache

/// `POST /listenbrainz/1/popularity/recording`: listen and user counts in request order; `GET
/// /listenbrainz/1/user/{name}/listens`: a user's listens from the served ``FixtureHistory``. Every answer carries
/// ListenBrainz's `X-RateLimit-*` headers and, when configured, its token requirement.
struct ListenBrainzEndpoint: Sendable {
    let options: FixtureServerOptions
    let state: FixtureServerState
    let history: ServedHistory

    static let batchLimit = 1000

    func popularity(_ request: Request) async throws -> FixtureAnswer {
        let window = await state.admitListenBrainzRequest()
        return withRateLimitHeaders(try await answer(request, admitted: window.admitted), window: window)
    }

    /// `answer` with the headers of the rate-limit `window` the request was counted in.
    func withRateLimitHeaders(_ answer: FixtureAnswer, window: RequestWindow.Verdict) -> FixtureAnswer {
        var answer = answer
        answer.headers[Self.limitHeader] = String(window.limit)
        answer.headers[Self.remainingHeader] = String(window.remaining)
        answer.headers[Self.resetInHeader] = String(window.resetIn)
        answer.headers[Self.resetHeader] = String(Int(window.resetAt.timeIntervalSince1970))
        return answer
    }

    // `HTTPField` itself is not among the types Hummingbird exports, so its name type is reached through `HTTPFields`.
    private static let limitHeader = HTTPFields.Element.Name("X-RateLimit-Limit")!
    private static let remainingHeader = HTTPFields.Element.Name("X-RateLimit-Remaining")!
    private static let resetInHeader = HTTPFields.Element.Name("X-RateLimit-Reset-In")!
    private static let resetHeader = HTTPFields.Element.Name("X-RateLimit-Reset")!

    /// The 429 of a request over the window, or the 401 of one without the required token; nil when it may be
    /// answered.
    func refusal(_ request: Request, admitted: Bool) -> FixtureAnswer? {
        guard admitted else {
            return Self.error(
                .tooManyRequests,
                "You have exceeded your rate limit. See the X-RateLimit-* response headers for more information on "
                    + "your current rate limit.")
        }
        if options.listenBrainzRequireToken {
            guard let header = request.headers[.authorization] else {
                return Self.error(.unauthorized, "You need to provide an Authorization header.")
            }
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "token",
                parts[1].trimmingCharacters(in: .whitespaces) == options.listenBrainzToken
            else { return Self.error(.unauthorized, "Invalid authorization token.") }
        }
        return nil
    }

    private func answer(_ request: Request, admitted: Bool) async throws -> FixtureAnswer {
        if let refusal = refusal(request, admitted: admitted) { return refusal }
        var request = request
        let body = try await request.collectBody(upTo: 1024 * 1024)
        guard let document = try? JSONValue(parsing: Data(body.readableBytesView)),
            let mbids = document["recording_mbids"]?.elements
        else { return Self.error(.badRequest, "recording_mbids JSON element must be present and must be a list") }
        guard mbids.count <= Self.batchLimit else {
            return Self.error(.badRequest, "recording_mbids must not contain more than \(Self.batchLimit) items")
        }
        var rows: [JSONValue] = []
        for element in mbids {
            guard let mbid = element.stringValue, UUIDText.digits(of: mbid) != nil else {
                return Self.error(.badRequest, "\(Self.quoted(element)) is not a valid recording mbid")
            }
            let counts = ListenBrainzPopularity.counts(forRecordingMBID: mbid)
            rows.append(
                .orderedObject([
                    JSONMember("recording_mbid", .string(mbid)),
                    JSONMember("total_listen_count", counts.map { .int($0.listenCount) } ?? .null),
                    JSONMember("total_user_count", counts.map { .int($0.userCount) } ?? .null),
                ]))
        }
        return .json(.array(rows))
    }

    private static func quoted(_ value: JSONValue) -> String {
        String(decoding: value.serialized, as: UTF8.self)
    }

    /// ListenBrainz's error shape, `{"code":…,"error":…}`.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> FixtureAnswer {
        .json(
            .orderedObject([JSONMember("code", .int(status.code)), JSONMember("error", .string(message))]),
            status: status)
    }
}
