import Foundation
import SwingCache

/// An API key or token of one provider. Prints as `ProviderCredential(lastfm: redacted)`, and shows no value to
/// `dump` either, so it cannot leak through a log line or an error message.
///
/// ```swift
/// let key = try ProviderCredential(environment["LASTFM_API_KEY"] ?? "", for: .lastfm)
/// ```
package struct ProviderCredential: Hashable, Sendable {
    package let provider: Provider
    /// The secret itself: only the client that sends it reads it.
    package let value: String

    /// Throws when `value` is empty or only spaces.
    package init(_ value: String, for provider: Provider) throws(ProviderConfigurationError) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyCredential(provider) }
        self.provider = provider
        self.value = trimmed
    }

    /// `text` with every occurrence of the secret replaced, for messages built from things that may quote it.
    package func redacting(_ text: String) -> String {
        text.replacingOccurrences(of: value, with: "redacted")
    }
}

extension ProviderCredential: CustomStringConvertible {
    package var description: String { "ProviderCredential(\(provider.rawValue): redacted)" }
}

extension ProviderCredential: CustomDebugStringConvertible {
    package var debugDescription: String { description }
}

extension ProviderCredential: CustomReflectable {
    package var customMirror: Mirror { Mirror(self, children: ["provider": provider, "value": "redacted"]) }
}
