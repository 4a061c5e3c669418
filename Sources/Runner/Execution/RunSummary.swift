import CacheStore
import Foundation
import Outbound
import SwingCache

/// What a run did, for the summary, the `run` row and `--json`.
package struct RunSummary: Sendable {
    package var outcome: RunOutcome = .completed
    package var fetched = 0
    package var alreadyFresh = 0
    package var knownMissing = 0
    package var foundMissing = 0
    package var invalid = 0
    package var deferred = 0
    package var failed = 0
    package var requests = 0
    package var responsesByStatus: [Int: Int] = [:]
    package var rateLimited = 0
    package var retries = 0
    package var tokenFetches = 0
    package var waited: [WaitReason: TimeInterval] = [:]
    package var modeChanges: [String] = []
    /// Why requests failed, newest last; at most ``problemLimit`` kept.
    package var problems: [String] = []
    package static let problemLimit = 50
    /// The SwingMusic library's import and matching, when a job names a library.
    package var library: LibrarySummary?
    /// What each enrichment provider the job's `enrich:` names did, by name (`lastfm`, `musicbrainz`, …).
    package var providers: [String: ProviderSummary] = [:]
    package var startedAt: Date
    package var finishedAt: Date

    package init(startedAt: Date) {
        self.startedAt = startedAt
        self.finishedAt = startedAt
    }
}

extension RunSummary {
    /// Puts why the run stopped for a person to act on (a full disk, refused credentials) among its errors, once.
    mutating func recordStop() {
        guard case .configurationError(let why) = outcome, !problems.contains(why) else { return }
        problems = Array(problems.prefix(Self.problemLimit - 1)) + [why]
    }

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
