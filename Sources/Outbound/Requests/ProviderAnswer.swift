/// The answers every provider has for a request it never sent or never got an answer to; each answer enum's own
/// cases of these names fulfil it.
package protocol ProviderAnswer: Sendable {
    /// The request was not sent: it cannot be valid.
    static func invalidRequest(_ reason: String) -> Self
    /// No answer: the connection failed or timed out.
    static func transportFailed(_ reason: String) -> Self
}
