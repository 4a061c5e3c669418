import CacheStore
import Foundation
import SwingCache

/// How a run ended.
public enum RunOutcome: Hashable, Sendable {
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

    var isConfigurationError: Bool {
        if case .configurationError = self { true } else { false }
    }

    public var name: String {
        switch self {
        case .completed: "completed"
        case .deferred: "deferred"
        case .parked: "parked"
        case .serviceUnavailable: "service_unavailable"
        case .configurationError: "configuration_error"
        }
    }
}

/// What a run did, for the summary, the `run` row and `--json`.
public struct RunSummary: Sendable {
    public var outcome: RunOutcome = .completed
    public var fetched = 0
    public var alreadyFresh = 0
    public var knownMissing = 0
    public var foundMissing = 0
    public var invalid = 0
    public var deferred = 0
    public var failed = 0
    public var requests = 0
    public var responsesByStatus: [Int: Int] = [:]
    public var rateLimited = 0
    public var retries = 0
    public var tokenFetches = 0
    public var waited: [WaitReason: TimeInterval] = [:]
    public var modeChanges: [String] = []
    /// Why requests failed, newest last; at most ``problemLimit`` kept.
    public var problems: [String] = []
    public static let problemLimit = 50
    /// The SwingMusic library's import and matching, when a job names a library.
    public var library: LibrarySummary?
    /// What each enrichment provider the job's `enrich:` names did, by name (`lastfm`, `musicbrainz`, …).
    public var providers: [String: ProviderSummary] = [:]
    public var startedAt: Date
    public var finishedAt: Date

    public init(startedAt: Date) {
        self.startedAt = startedAt
        self.finishedAt = startedAt
    }
}

extension RunSummary {
    /// Adds what an earlier phase of the same run did (matching the library) to this summary of the catalog
    /// requests: its requests, waits and problems count too, and the run began when it began.
    mutating func include(earlier: RunSummary) {
        startedAt = min(startedAt, earlier.startedAt)
        requests += earlier.requests
        responsesByStatus.merge(earlier.responsesByStatus, uniquingKeysWith: +)
        rateLimited += earlier.rateLimited
        retries += earlier.retries
        waited.merge(earlier.waited, uniquingKeysWith: +)
        problems = Array((earlier.problems + problems).prefix(Self.problemLimit))
        library = earlier.library ?? library
    }
}
