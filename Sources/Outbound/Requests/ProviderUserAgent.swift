import Foundation

/// The `User-Agent` swingcache sends: `swingcache/1.0 ( contact )`, the form MusicBrainz requires and Last.fm's
/// terms ask for (an application name, a version, and how to reach whoever runs it).
///
/// ```swift
/// let userAgent = try ProviderUserAgent(contact: "me@example.org")
/// userAgent.headerValue  // "swingcache/1.0 ( me@example.org )"
/// ```
package struct ProviderUserAgent: Hashable, Sendable {
    package static let product = "swingcache"
    package static let defaultVersion = "1.0"
    /// The contact of ``standard``: the project's home page, used where no contact is configured.
    package static let projectContact = "https://github.com/swingcache/swingcache"

    /// `swingcache/1.0 ( https://github.com/swingcache/swingcache )`; MusicBrainz needs one with the user's own
    /// contact instead.
    package static let standard = ProviderUserAgent(checkedVersion: defaultVersion, contact: projectContact)

    package let version: String
    package let contact: String

    /// Throws when the contact is empty (MusicBrainz refuses such a User-Agent) or either part would break the form.
    package init(version: String = defaultVersion, contact: String) throws(ProviderConfigurationError) {
        let version = version.trimmingCharacters(in: .whitespaces)
        guard !version.isEmpty, !version.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw .invalidVersion(version)
        }
        let contact = contact.trimmingCharacters(in: .whitespaces)
        guard !contact.isEmpty, !contact.contains(where: { $0 == "(" || $0 == ")" || $0.isNewline }) else {
            throw .invalidContact(contact)
        }
        self.init(checkedVersion: version, contact: contact)
    }

    private init(checkedVersion: String, contact: String) {
        version = checkedVersion
        self.contact = contact
    }

    /// The header's value.
    package var headerValue: String { "\(Self.product)/\(version) ( \(contact) )" }
}
