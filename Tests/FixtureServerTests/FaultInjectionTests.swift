import FixtureServer
import Foundation
import Testing

@Suite struct FaultInjectionTests {
    let path = "/v1/artists/3WrFJ7ztbogyGnTHbHJFl2"

    @Test func everyNthRequestIsRateLimitedWithRetryAfter() async throws {
        try await withFixtureServer(FixtureServerOptions(rateLimitEvery: 3, retryAfterSeconds: 7)) { client in
            let token = try await client.accessToken()
            var statuses: [Int] = []
            for _ in 1...6 {
                let exchange = try await client.get(path, token: token)
                statuses.append(exchange.status)
                if exchange.status == 429 {
                    #expect(exchange.retryAfter == "7")
                    #expect(exchange.text == #"{"error":{"status":429,"message":"API rate limit exceeded"}}"#)
                }
            }
            #expect(statuses == [200, 200, 429, 200, 200, 429])
        }
    }

    @Test func requestsPastTheQuotaAreRefusedWithQuotaExceeded() async throws {
        let options = FixtureServerOptions(quotaAfter: 2, quotaRetryAfterSeconds: 21600)
        try await withFixtureServer(options) { client in
            let token = try await client.accessToken()
            let answers = try await [
                client.get(path, token: token), client.get(path, token: token), client.get(path, token: token),
            ]
            #expect(answers.map(\.status) == [200, 200, 429])
            #expect(answers[2].retryAfter == "21600")
            #expect(
                answers[2].text
                    == #"{"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}}"#)
        }
    }

    @Test func theQuotaTakesPrecedenceOverTheRateLimit() async throws {
        try await withFixtureServer(FixtureServerOptions(rateLimitEvery: 2, quotaAfter: 1)) { client in
            let token = try await client.accessToken()
            let second = try await client.get(path, token: token)
            let third = try await client.get(path, token: token)
            #expect(second.status == 200)
            #expect(third.object["error"].map { ($0 as? [String: Any])?["reason"] as? String } == "QUOTA_EXCEEDED")
        }
    }

    @Test func aServerErrorRateOfOneAnswersEveryRequest503() async throws {
        try await withFixtureServer(FixtureServerOptions(serverErrorRate: 1)) { client in
            let exchange = try await client.get(path, token: try await client.accessToken())
            #expect(exchange.status == 503)
            #expect(exchange.text == #"{"error":{"status":503,"message":"Service unavailable"}}"#)
        }
    }

    @Test func aMalformedAnswerIsA200WithTheRealBodyCutInHalf() async throws {
        let real = try await withFixtureServer { client in
            try await client.get(path, token: try await client.accessToken()).body
        }
        try await withFixtureServer(FixtureServerOptions(malformedRate: 1)) { client in
            let exchange = try await client.get(path, token: try await client.accessToken())
            #expect(exchange.status == 200)
            #expect(exchange.body == real.prefix(real.count / 2))
            #expect((try? JSONSerialization.jsonObject(with: exchange.body)) == nil)
        }
    }

    @Test func theSameSeedFailsTheSameRequests() async throws {
        let options = FixtureServerOptions(serverErrorRate: 0.5, seed: 42)
        func statuses() async throws -> [Int] {
            try await withFixtureServer(options) { client in
                let token = try await client.accessToken()
                var statuses: [Int] = []
                for _ in 1...12 { statuses.append(try await client.get(path, token: token).status) }
                return statuses
            }
        }
        let first = try await statuses()
        #expect(first.contains(503) && first.contains(200))
        #expect(try await statuses() == first)
    }
}
