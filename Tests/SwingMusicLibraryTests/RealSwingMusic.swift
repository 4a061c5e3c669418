import Foundation
import SwingMusicLibrary

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
        let answer = try await call(
            "/logger/top-tracks", query: ["duration": "alltime", "order_by": "playcount", "limit": "1000"],
            token: token)
        var plays: [String: Int] = [:]
        for track in answer["tracks"] as? [[String: Any]] ?? [] {
            guard let hash = track["trackhash"] as? String, let text = track["help_text"] as? String,
                let count = text.split(separator: " ").first.flatMap({ Int($0) })
            else { continue }
            plays[hash] = count
        }
        return plays
    }

    /// Changes one of SwingMusic's settings through its API (`PUT /notsettings/update`); it re-indexes.
    func updateSetting(_ key: String, to value: Any, token: String) async throws {
        _ = try await call("/notsettings/update", method: "PUT", body: ["key": key, "value": value], token: token)
    }

    private func call(
        _ path: String, method: String = "GET", query: [String: String] = [:], body: [String: Any]? = nil,
        token: String? = nil
    ) async throws -> [String: Any] {
        var components = URLComponents(url: url.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.key, value: $0.value) } }
        guard let target = components?.url else { throw Failure(description: "no URL for \(path)") }
        var request = URLRequest(url: target, timeoutInterval: 120)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw Failure(description: "\(method) \(path): \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
