import Hummingbird
import SwingCache

/// `POST /api/token`: the client-credentials flow of Spotify's Accounts service.
struct TokenEndpoint: Sendable {
    let options: FixtureServerOptions
    let state: FixtureServerState

    /// Issues a token for the configured client, or answers the Accounts service's 400 errors.
    func answer(_ request: Request) async throws -> FixtureAnswer {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = FormFields.parse(String(buffer: body))
        let expected = ClientCredentials(clientID: options.clientID, clientSecret: options.clientSecret)
        guard ClientCredentials.from(request.headers, form: form) == expected else {
            return .accountsError("invalid_client", description: "Invalid client")
        }
        guard let grantType = form["grant_type"] else {
            return .accountsError("unsupported_grant_type", description: "grant_type parameter is missing")
        }
        guard grantType == "client_credentials" else {
            return .accountsError(
                "unsupported_grant_type",
                description: "grant_type must be client_credentials, authorization_code or refresh_token")
        }
        let token = await state.issueToken()
        return .json(
            .orderedObject([
                JSONMember("access_token", .string(token)),
                JSONMember("token_type", "Bearer"),
                JSONMember("expires_in", .int(options.tokenLifetime)),
            ]))
    }
}
