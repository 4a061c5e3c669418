/// Why the fixture server could not start.
package enum FixtureServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A recorded fixture file is not valid JSON, so its answers would be wrong.
    case unreadableFixture(path: String, reason: String)
    /// The listening history file (`--history`) cannot be read or is not of the expected shape.
    case unreadableHistory(path: String, reason: String)
    /// The request log file could not be opened for appending.
    case unwritableRequestLog(path: String)
    /// The server stopped before it reported the port it listens on.
    case stoppedBeforeListening

    package var description: String {
        switch self {
        case .unreadableFixture(let path, let reason):
            return "fixture file \(path) is not valid JSON: \(reason)"
        case .unreadableHistory(let path, let reason):
            return "listening history \(path) cannot be read: \(reason) "
                + "(expected {\"lastfm\": {\"USER\": [listen…]}, \"listenbrainz\": {\"USER\": [listen…]}}, a listen being "
                + "{\"artist\", \"title\", \"album\", \"mbid\", \"timestamp\"})"
        case .unwritableRequestLog(let path):
            return "cannot append to the request log \(path)"
        case .stoppedBeforeListening:
            return "the fixture server stopped before it was listening"
        }
    }
}
