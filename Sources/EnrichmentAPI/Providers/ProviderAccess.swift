import Foundation
import Outbound

/// What a provider's client is built from: its part of the configuration (``ProviderDeclaration/rootKey``,
/// ``ProviderDeclaration/credentialKey``, the contact) and the transport and clock it is sent with.
///
/// ```swift
/// let client = access.credential.map { LastFMClient(root: access.root ?? LastFMClient.defaultRoot, apiKey: $0, …) }
/// ```
package struct ProviderAccess: Sendable {
    /// The base URL that replaces the provider's own (the fixture server's); nil for its own.
    package var root: URL?
    /// Its key or token, when configured.
    package var credential: ProviderCredential?
    /// The User-Agent with the user's contact; nil when `SWINGCACHE_CONTACT` is not set.
    package var contactUserAgent: ProviderUserAgent?
    package var transport: any HTTPTransport
    package var now: @Sendable () -> Date

    package init(
        root: URL?, credential: ProviderCredential?, contactUserAgent: ProviderUserAgent?,
        transport: any HTTPTransport, now: @escaping @Sendable () -> Date
    ) {
        self.root = root
        self.credential = credential
        self.contactUserAgent = contactUserAgent
        self.transport = transport
        self.now = now
    }

    /// The User-Agent every provider is sent: the user's contact when set, else the project's.
    package var userAgent: ProviderUserAgent { contactUserAgent ?? .standard }
}
