import Foundation

/// How a run ended.
package enum RunOutcome: Hashable, Sendable {
    /// Everything planned was fetched (or found missing).
    case completed
    /// Some work was left for a later run: the budget, a limit or a stop request.
    case deferred(String)
    /// Spotify asked swingcache to stop calling it until `until`.
    case parked(until: Date, reason: String?)
    /// Requests kept failing: the circuit breaker stopped the run.
    case serviceUnavailable(String)
    /// Credentials or the app's access are wrong: no later run will do better until a person acts.
    case configurationError(String)

    package var isConfigurationError: Bool {
        if case .configurationError = self { true } else { false }
    }

    package var name: String {
        switch self {
        case .completed: "completed"
        case .deferred: "deferred"
        case .parked: "parked"
        case .serviceUnavailable: "service_unavailable"
        case .configurationError: "configuration_error"
        }
    }
}
