import Foundation
import SwingCacheTestKit
import SwingMusicLibrary

/// The real SwingMusic 3.0.1 that `scripts/test.sh` starts, indexed on `Tests/Fixtures/SwingMusicLibrary` with
/// plays logged through its API (`scripts/swingmusic-fixture.py`); nil when the environment names none.
struct RealSwingMusic: Sendable {
    var url: URL
    var databasePath: String
    var musicFolder: String
    /// User name and password, the admin first.
    var users: [(name: String, password: String)]

    static var configured: Bool { fromEnvironment() != nil }

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self? {
        guard let url = environment["SWINGCACHE_TEST_SWINGMUSIC_URL"].flatMap(URL.init(string:)),
            let databasePath = environment["SWINGCACHE_TEST_SWINGMUSIC_DB"],
            let musicFolder = environment["SWINGCACHE_TEST_SWINGMUSIC_MUSIC"],
            let users = environment["SWINGCACHE_TEST_SWINGMUSIC_USERS"]
        else { return nil }
        return RealSwingMusic(
            url: url, databasePath: databasePath, musicFolder: musicFolder,
            users: users.split(separator: " ").map { pair in
                let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            })
    }

    /// One track as SwingMusic's API gives it.
    struct Track: Equatable, Sendable {
        var filepath: String
        var title: String
        var artists: [String]
        var album: String
        var trackhash: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func token(for user: String) async throws -> String {
        let password = users.first { $0.name == user }?.password ?? ""
        let answer = try await call("/auth/login", method: "POST", body: ["username": user, "password": password])
        guard let token = answer["accesstoken"] as? String else { throw Failure(description: "no token for \(user)") }
        return token
    }

    /// Every track of the music folder, as `GET /folder/tracks/all` lists it.
    func tracks(token: String) async throws -> [Track] {
        let answer = try await call("/folder/tracks/all", query: ["path": musicFolder], token: token)
        return (answer["tracks"] as? [[String: Any]] ?? []).map { track in
            Track(
                filepath: track["filepath"] as? String ?? "", title: track["title"] as? String ?? "",
                artists: (track["artists"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String },
                album: track["album"] as? String ?? "", trackhash: track["trackhash"] as? String ?? "")
        }
    }

    /// The user's plays per track hash, from the all-time chart of `GET /logger/top-tracks` ("3 plays").
    func plays(token: String) async throws -> [String: Int] {
        try await api.plays(token: token)
    }

    /// Changes one of SwingMusic's settings through its API (`PUT /notsettings/update`); it re-indexes.
    func updateSetting(_ key: String, to value: Any, token: String) async throws {
        _ = try await call("/notsettings/update", method: "PUT", body: ["key": key, "value": value], token: token)
    }

    private var api: SwingMusicAPI { SwingMusicAPI(url: url.absoluteString) }

    private func call(
        _ path: String, method: String = "GET", query: [String: String] = [:], body: [String: Any]? = nil,
        token: String? = nil
    ) async throws -> [String: Any] {
        try await api.call(path, method: method, query: query, body: body, token: token)
    }
}
