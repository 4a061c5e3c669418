import Foundation
import RedisClient
import Testing

/// The server scripts/test.sh starts on a free loopback port.
let testRedisURL = ProcessInfo.processInfo.environment["SWINGCACHE_TEST_REDIS_URL"].flatMap(RedisURL.init)

/// The RESP client against the real `redis-server` that scripts/test.sh starts.
@Suite(.enabled(if: testRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL (scripts/test.sh starts a redis-server)"))
struct RedisConnectionTests {
    static let url = testRedisURL
    let prefix = "test:\(UUID().uuidString):"

    func connect(_ url: RedisURL? = nil) async throws -> RedisConnection {
        try await RedisConnection.connect(to: try #require(url ?? Self.url))
    }

    @Test func aCommandGetsItsAnswer() async throws {
        let redis = try await connect()
        #expect(try await redis.send("PING") == .simpleString("PONG"))
        try await redis.send("SET", prefix + "a", "ümlaut value")
        #expect(try await redis.send("GET", prefix + "a").string == "ümlaut value")
        #expect(try await redis.send("GET", prefix + "missing") == .bulkString(nil))
        await redis.close()
    }

    @Test func binaryValuesRoundTrip() async throws {
        let redis = try await connect()
        let bytes = Data((0...255).map(UInt8.init) + [13, 10, 13, 10])
        try await redis.send(data: [Data("SET".utf8), Data((prefix + "bin").utf8), bytes])
        #expect(try await redis.send("GET", prefix + "bin").data == bytes)
        await redis.close()
    }

    @Test func aPipelineOfThousandsAnswersInOrder() async throws {
        let redis = try await connect()
        let keys = (0..<5000).map { "\(prefix)k\($0)" }
        let sets = try await redis.pipeline(keys.enumerated().map { ["SET", $0.element, "v\($0.offset)"] })
        #expect(sets.allSatisfy { $0 == .simpleString("OK") })
        let values = try await redis.send(["MGET"] + keys + [prefix + "absent"]).array ?? []
        #expect(values.count == 5001)
        #expect(values.prefix(5000).map(\.string) == (0..<5000).map { "v\($0)" })
        #expect(values.last == .bulkString(nil))
        await redis.close()
    }

    @Test func concurrentCallersOnOneConnectionEachGetTheirOwnAnswer() async throws {
        let redis = try await connect()
        let prefix = self.prefix
        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for number in 0..<200 {
                group.addTask {
                    try await redis.send("SET", "\(prefix)c\(number)", "\(number)")
                    return (number, try await redis.send("GET", "\(prefix)c\(number)").string)
                }
            }
            return try await group.reduce(into: [Int: String?]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 200)
        #expect(answers.allSatisfy { $0.value == String($0.key) })
        await redis.close()
    }

    @Test func errorAnswersAreThrownWithTheServersMessage() async throws {
        let redis = try await connect()
        try await redis.send("SET", prefix + "text", "x")
        await #expect(throws: RedisError.self) { try await redis.send("INCR", prefix + "text") }
        do {
            try await redis.send("INCR", prefix + "text")
        } catch let error as RedisError {
            #expect(error.message.hasPrefix("ERR value is not an integer"))
        }
        let mixed = try await redis.pipeline([["INCR", prefix + "text"], ["PING"]])
        #expect(mixed.count == 2)
        #expect(mixed[1] == .simpleString("PONG"), "one error answer does not spoil the others")
        await redis.close()
    }

    @Test func aLuaScriptRunsAtomicallyOnTheServer() async throws {
        let redis = try await connect()
        let script = "redis.call('INCRBY', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), 7}"
        let answer = try await redis.send("EVAL", script, "1", prefix + "counter", "5")
        #expect(answer == .array([.bulkString(Data("5".utf8)), .integer(7)]))
        await redis.close()
    }

    @Test func theURLsDatabaseIsSelected() async throws {
        var other = try #require(Self.url)
        other.database = 3
        let three = try await connect(other)
        let zero = try await connect()
        try await three.send("SET", prefix + "db", "three")
        #expect(try await zero.send("GET", prefix + "db") == .bulkString(nil))
        #expect(try await three.send("GET", prefix + "db").string == "three")
        await three.close()
        await zero.close()
    }

    @Test func aWrongPasswordIsRefused() async throws {
        var wrong = try #require(Self.url)
        wrong.password = "not-the-password"
        await #expect(throws: RedisError.self) { _ = try await RedisConnection.connect(to: wrong) }
    }

    @Test func aClosedConnectionFailsItsCallers() async throws {
        let redis = try await connect()
        #expect(try await redis.send("QUIT") == .simpleString("OK"))
        await #expect(throws: (any Error).self) { try await redis.send("PING") }
    }

    @Test func nobodyListeningFailsFast() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await RedisConnection.connect(to: RedisURL(host: "127.0.0.1", port: 9), timeout: .seconds(1))
        }
    }
}

@Suite struct RedisURLTests {
    @Test(arguments: [
        ("redis://127.0.0.1:6380/2", RedisURL(host: "127.0.0.1", port: 6380, database: 2)),
        ("redis://localhost", RedisURL(host: "localhost")),
        ("redis://:s3cret@cache.lan:6379/0", RedisURL(host: "cache.lan", password: "s3cret")),
        ("redis://swing:p%40ss@cache.lan/1", RedisURL(host: "cache.lan", user: "swing", password: "p@ss", database: 1)),
    ])
    func urlsAreRead(text: String, expected: RedisURL) {
        #expect(RedisURL(text) == expected)
    }

    @Test(arguments: ["http://127.0.0.1:6379", "redis://", "redis://host/notanumber", "127.0.0.1:6379"])
    func otherTextIsNoRedisURL(text: String) {
        #expect(RedisURL(text) == nil)
    }

    @Test func aURLPrintsWithoutItsPassword() {
        #expect(RedisURL("redis://swing:s3cret@cache.lan:6379/1")!.description == "redis://swing:***@cache.lan:6379/1")
    }
}
