import Foundation
import Hummingbird

/// Stands in front of every `/v1` endpoint: checks the bearer token, counts the request and injects faults.
struct APIGate: Sendable {
    let options: FixtureServerOptions
    let state: FixtureServerState

    /// The endpoint's answer, unless authorisation or an injected fault answers first.
    func answer(_ request: Request, endpoint: () async throws -> FixtureAnswer) async throws -> FixtureAnswer {
        switch await state.status(ofToken: BearerToken.from(request.headers)) {
        case .unknown:
            return .apiError(.unauthorized, "Invalid access token")
        case .expired:
            return .apiError(.unauthorized, "The access token expired")
        case .valid:
            break
        }
        switch await state.admitAPIRequest() {
        case .quotaExceeded(let retryAfter):
            return .apiError(
                .tooManyRequests, "Too many requests", reason: "QUOTA_EXCEEDED",
                headers: [.retryAfter: String(retryAfter)])
        case .rateLimited:
            return .apiError(
                .tooManyRequests, "API rate limit exceeded",
                headers: [.retryAfter: String(options.retryAfterSeconds)])
        case .serverError:
            return .apiError(.serviceUnavailable, "Service unavailable")
        case .malformed:
            let real = try await endpoint()
            return real.status == .ok ? real.truncated : real
        case .answer:
            return try await endpoint()
        }
    }
}
