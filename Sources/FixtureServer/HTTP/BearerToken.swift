import Hummingbird

/// Reads the token out of `Authorization: Bearer …`, the only way the Web API accepts one.
enum BearerToken {
    /// The token, or nil when the header is missing or not a bearer credential.
    static func from(_ headers: HTTPFields) -> String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
