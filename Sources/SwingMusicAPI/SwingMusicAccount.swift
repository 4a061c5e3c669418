import Foundation

/// Where SwingMusic's server is and the account swingcache publishes as. Prints as
/// `SwingMusicAccount(admin @ http://127.0.0.1:1970, password redacted)`: the password reaches no message or log.
package struct SwingMusicAccount: Sendable, Hashable {
    package var url: URL
    package var username: String
    /// Only the client that logs in reads it.
    let password: String

    package init(url: URL, username: String, password: String) {
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
    package var description: String { "SwingMusicAccount(\(username) @ \(url.absoluteString), password redacted)" }
    package var debugDescription: String { description }
    package var customMirror: Mirror {
        Mirror(self, children: ["url": url, "username": username, "password": "redacted"])
    }
}
