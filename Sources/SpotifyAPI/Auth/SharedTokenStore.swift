import Foundation

/// An access token and when its holders should stop using it.
package struct SharedToken: Sendable, Equatable {
    package var value: String
    package var renewAt: Date

    package init(value: String, renewAt: Date) {
        self.value = value
        self.renewAt = renewAt
    }
}

/// Where runners on several hosts keep one access token, so that N runners ask the token endpoint once, not N
/// times.
///
/// A store that cannot be reached answers nil and ignores writes: the provider then fetches its own token.
package protocol SharedTokenStore: Sendable {
    func sharedToken() async -> SharedToken?
    func share(_ token: SharedToken) async
    /// Forgets `value` if it is still the stored token (the API answered 401 with it).
    func discard(_ value: String) async
}
