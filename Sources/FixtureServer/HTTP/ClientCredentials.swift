import Foundation
import Hummingbird

/// The client id and secret a token request carries, in the Basic header or, as Spotify also allows, in the form.
struct ClientCredentials: Equatable {
    let clientID: String
    let clientSecret: String

    /// The credentials from `Authorization: Basic base64(id:secret)`, else from `client_id`/`client_secret` fields.
    static func from(_ headers: HTTPFields, form: [String: String]) -> ClientCredentials? {
        if let value = headers[.authorization] {
            let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "basic",
                let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
                let text = String(data: decoded, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return nil }
            return ClientCredentials(
                clientID: String(text[..<colon]), clientSecret: String(text[text.index(after: colon)...]))
        }
        guard let clientID = form["client_id"], let clientSecret = form["client_secret"] else { return nil }
        return ClientCredentials(clientID: clientID, clientSecret: clientSecret)
    }
}
