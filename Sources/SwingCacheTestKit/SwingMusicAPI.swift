import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A running SwingMusic's API, as the tests call it to see what SwingMusic itself shows: JSON in and out, a bearer
/// token from `POST /auth/login`.
///
/// ```swift
/// let api = SwingMusicAPI(url: "http://127.0.0.1:1970")
/// let token = try await api.token(user: "admin", password: "admin-pass")
/// let plays = try await api.plays(token: token)      // trackhash → plays, from SwingMusic's own chart
/// ```
package struct SwingMusicAPI: Sendable {
    package var url: String

    package init(url: String) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package func token(user: String, password: String) async throws -> String {
        let answer = try await call("/auth/login", method: "POST", body: ["username": user, "password": password])
        guard let token = answer["accesstoken"] as? String else { throw Failure(description: "no token for \(user)") }
        return token
    }

    /// The user's plays per song (runtime hash), from the all-time chart of `GET /logger/top-tracks` ("3 plays").
    package func plays(token: String) async throws -> [String: Int] {
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

    /// Sends one request; a status outside 2xx is a failure naming it.
    @discardableResult
    package func call(
        _ path: String, method: String = "GET", query: [String: String] = [:], body: [String: Any]? = nil,
        token: String? = nil
    ) async throws -> [String: Any] {
        var components = URLComponents(string: url + path)
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
