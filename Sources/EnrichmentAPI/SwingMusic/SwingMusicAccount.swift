import Foundation

/// Where SwingMusic's server is and the account swingcache publishes as. Prints as
/// `SwingMusicAccount(admin @ http://127.0.0.1:1970, password redacted)`: the password reaches no message or log.
public struct SwingMusicAccount: Sendable, Hashable {
    public var url: URL
    public var username: String
    /// Only the client that logs in reads it.
    let password: String

    public init(url: URL, username: String, password: String) {
        self.url = url
        self.username = username
        self.password = password
    }

    /// `text` with the password replaced, for messages built from things that may quote it.
    func redacting(_ text: String) -> String {
        password.isEmpty ? text : text.replacingOccurrences(of: password, with: "redacted")
    }
}

extension SwingMusicAccount: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SwingMusicAccount(\(username) @ \(url.absoluteString), password redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["url": url, "username": username, "password": "redacted"])
    }
}
