import SwingCache

/// A provider cannot be used as configured: nothing is sent until the configuration is fixed.
package enum ProviderConfigurationError: Error, Hashable, Sendable {
    /// The key or token of the provider is empty.
    case emptyCredential(Provider)
    /// The User-Agent's contact is empty or cannot stand inside `( … )`.
    case invalidContact(String)
    /// The User-Agent's version is empty or contains a space or a slash.
    case invalidVersion(String)
}

extension ProviderConfigurationError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .emptyCredential(let provider):
            "the \(provider.displayName) credential is empty (set it, or leave \(provider.displayName) unconfigured)"
        case .invalidContact(let contact):
            "'\(contact)' is not a User-Agent contact (expected an e-mail address or a URL, without parentheses)"
        case .invalidVersion(let version):
            "'\(version)' is not a User-Agent version (expected something like 1.0, without spaces or slashes)"
        }
    }
}
