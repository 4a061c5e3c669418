import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct ListenBrainzTests {
    static let path = "/listenbrainz/1/popularity/recording"

    static func body(_ mbids: [String]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["recording_mbids": mbids])
    }

    @Test func popularityIsAnsweredInRequestOrderWithNullsForUnknownRecordings() async throws {
        let known = FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303")[0]
        let other = "13dd61c7-ce73-4e97-9f0c-9f0e53144411"
        let unknown = "00000000-ce73-4e97-9f0c-9f0e53144411"
        let exchange = try await withFixtureServer { client in
            try await client.send(Self.path, method: "POST", body: try Self.body([other, unknown, known]))
        }
        #expect(exchange.status == 200)
        let rows = try #require(exchange.array as? [[String: Any]])
        #expect(rows.map { $0["recording_mbid"] as? String } == [other, unknown, known])
        for (row, mbid) in zip(rows, [other, unknown, known]) {
            let expected = FixtureCatalog.listenBrainzPopularity(recordingMBID: mbid)
            #expect(row["total_listen_count"] as? Int == expected?.listenCount)
            #expect(row["total_user_count"] as? Int == expected?.userCount)
        }
        #expect(rows[1]["total_listen_count"] is NSNull && rows[1]["total_user_count"] is NSNull)
        let counts = try #require(FixtureCatalog.listenBrainzPopularity(recordingMBID: known))
        #expect(counts.userCount <= counts.listenCount)
    }

    @Test func everyAnswerCarriesTheRateLimitHeaders() async throws {
        let exchange = try await withFixtureServer(clock: ManualClock()) { client in
            try await client.send(Self.path, method: "POST", body: try Self.body([]))
        }
        #expect(exchange.headers["x-ratelimit-limit"] == "30")
        #expect(exchange.headers["x-ratelimit-remaining"] == "29")
        #expect(exchange.headers["x-ratelimit-reset-in"] == "10")
    }

    @Test(arguments: [(1000, 200), (1001, 400)])
    func atMostAThousandRecordingsGoInOneRequest(count: Int, status: Int) async throws {
        let mbids = (0..<count).map { String(format: "%08x-0000-4000-8000-000000000000", $0 + 1) }
        let exchange = try await withFixtureServer { client in
            try await client.send(Self.path, method: "POST", body: try Self.body(mbids))
        }
        #expect(exchange.status == status)
        if status == 400 {
            #expect(exchange.object["code"] as? Int == 400)
        } else {
            #expect(exchange.array.count == count)
        }
    }

    @Test(arguments: [#"{"recording_mbids":"#, #"{"mbids":[]}"#, #"{"recording_mbids":["nope"]}"#])
    func aBodyThatIsNotAListOfRecordingIDsIsRefusedWith400(body: String) async throws {
        let exchange = try await withFixtureServer { client in
            try await client.send(Self.path, method: "POST", body: Data(body.utf8))
        }
        #expect(exchange.status == 400)
        #expect(exchange.object["error"] is String)
    }

    @Test func requestsOverTheWindowAre429UntilItCloses() async throws {
        let clock = ManualClock()
        let options = FixtureServerOptions(listenBrainzRequestsPerWindow: 2, listenBrainzWindowSeconds: 10)
        try await withFixtureServer(options, clock: clock) { client in
            let body = try Self.body([])
            var answers: [HTTPExchange] = []
            for _ in 1...3 { answers.append(try await client.send(Self.path, method: "POST", body: body)) }
            clock.advance(by: 4)
            answers.append(try await client.send(Self.path, method: "POST", body: body))
            clock.advance(by: 6)
            answers.append(try await client.send(Self.path, method: "POST", body: body))
            #expect(answers.map(\.status) == [200, 200, 429, 429, 200])
            #expect(answers.map { $0.headers["x-ratelimit-remaining"] } == ["1", "0", "0", "0", "1"])
            #expect(answers.map { $0.headers["x-ratelimit-reset-in"] } == ["10", "10", "10", "6", "10"])
            #expect(answers[2].object["code"] as? Int == 429)
        }
    }

    @Test(
        arguments: [
            (nil, 401), ("Token wrong", 401), ("Bearer swingcache-demo-listenbrainz-token", 401),
            ("Token swingcache-demo-listenbrainz-token", 200),
        ] as [(String?, Int)])
    func aRequiredTokenIsCheckedBeforeTheBody(authorization: String?, status: Int) async throws {
        let options = FixtureServerOptions(listenBrainzRequireToken: true)
        let exchange = try await withFixtureServer(options) { client in
            try await client.send(
                Self.path, method: "POST", headers: authorization.map { ["Authorization": $0] } ?? [:],
                body: try Self.body([]))
        }
        #expect(exchange.status == status)
        #expect(exchange.headers["x-ratelimit-remaining"] != nil)
    }
}
