import Foundation

/// A Spotify app's client id and secret. Prints as `SpotifyCredentials(clientID: abcd…, secret: redacted)`,
/// so neither can leak through a log line or an error message.
public struct SpotifyCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var clientID: String
    public var clientSecret: String

    public init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The `Authorization` header value of the token request.
    var basicAuthorization: String {
        "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
    }

    public var description: String { "SpotifyCredentials(clientID: \(clientID.prefix(4))…, secret: redacted)" }
    public var debugDescription: String { description }
}
