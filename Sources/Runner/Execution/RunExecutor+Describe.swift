import SpotifyAPI

extension RunExecutor {
    /// A Spotify answer that ends a request, in words for the summary's problems and the log.
    static func describe<Request>(_ exchange: SpotifyExchange<Request>, endpoint: String) -> String {
        switch exchange.answer {
        case .serverError(let status): "Spotify answered \(status)"
        case .unexpectedStatus(let status): "Spotify answered an unexpected \(status)"
        case .transportFailed(let message): "no answer (\(message))"
        case .malformed(let reason): "a malformed answer: \(reason)"
        case .forbidden(let message):
            "Spotify refused \(endpoint) with 403 (\(message)): the app may be blocked, or its owner may lack Premium"
        case .noToken(.invalidCredentials(let message)), .noToken(.unavailable(let message)): message
        default: "status \(exchange.status)"
        }
    }
}
