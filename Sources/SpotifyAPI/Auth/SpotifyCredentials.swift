import Foundation

/// A Spotify app's client id and secret. Prints as `SpotifyCredentials(clientID: abcd…, secret: redacted)`,
/// so neither can leak through a log line or an error message.
package struct SpotifyCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package var clientID: String
    package var clientSecret: String

    package init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The `Authorization` header value of the token request.
    var basicAuthorization: String {
        "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
    }

    package var description: String { "SpotifyCredentials(clientID: \(clientID.prefix(4))…, secret: redacted)" }
    package var debugDescription: String { description }
}
