/// Which of the faked services a request went to, read from its path prefix.
package enum FixtureService: String, Codable, Sendable, CaseIterable {
    /// The Web API (`/v1`), the Accounts token endpoint and anything not under another prefix.
    case spotify
    case lastfm
    case musicbrainz
    case listenbrainz
    case deezer
    case odesli

    /// The service whose prefix (`/lastfm`, `/musicbrainz`, …) starts `path`; Spotify for every other path.
    package init(path: String) {
        let first = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first ?? ""
        self = Self.allCases.first { $0 != .spotify && $0.rawValue == first } ?? .spotify
    }

    /// The path prefix the service is served under, empty for Spotify, which keeps the real paths.
    package var pathPrefix: String {
        self == .spotify ? "" : "/" + rawValue
    }
}
