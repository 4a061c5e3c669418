import Foundation
import SwingCache

/// Every request a run will make, as far as a plan can tell before the searches answer: the library's searches,
/// the planned catalog requests (a file's match stores its track from the search, so it adds none), and each
/// provider's; with what Spotify's windows have left.
package struct RequestEstimate: Codable, Sendable {
    package var searches: ClosedRange<Int>
    package var catalog: ClosedRange<Int>
    package var spotify: ClosedRange<Int>
    package var providers: [String: ProviderPreview]
    package var totalAtLeast: Int
    /// nil when a provider's count depends on answers no plan can know.
    package var totalAtMost: Int?
    /// Spotify requests the sliding hour still allows runs.
    package var hourLeft: Int
    /// Spotify requests the rolling day still allows, when a daily limit is known.
    package var dayLeft: Int?
    /// The least time all of them take at their services' paces (the services run one after the other).
    package var secondsAtLeast: Double
    /// The time of each phase of a run at its pace, by the name its progress line gives it (`matching`, `spotify`, a
    /// provider's `enrich:` key), for the requests the phase counts as it starts: one search a file, the catalog
    /// requests, a provider's ``ProviderPreview/secondsAsCounted``. Not in `plan --json`.
    private var secondsByPhase: [String: Double] = [:]

    /// The phases of a library run, in the order it goes through them.
    static let phases = ["matching", "spotify"] + Provider.enrichKeys

    private enum CodingKeys: String, CodingKey {
        case searches, catalog, spotify, providers, totalAtLeast, totalAtMost, hourLeft, dayLeft, secondsAtLeast
    }

    package init(plan: Plan, library: LibraryImportResult?, providers: [String: ProviderPreview]) {
        searches = library?.searchRequests ?? 0...0
        catalog = plan.requestsNeeded...plan.requestsNeeded
        spotify = (searches.lowerBound + catalog.lowerBound)...(searches.upperBound + catalog.upperBound)
        self.providers = providers
        let active = providers.values.filter { $0.skipped == nil }
        totalAtLeast = spotify.lowerBound + active.reduce(0) { $0 + $1.requestsAtLeast }
        totalAtMost = active.reduce(Optional(spotify.upperBound)) { total, preview in
            guard let total, let most = preview.requestsAtMost else { return nil }
            return total + most
        }
        hourLeft = max(0, plan.budget.perHourForRuns - plan.requestsInLastHour)
        dayLeft = plan.dailyLimit.map { max(0, $0 - plan.requestsInLastDay) }
        let spotifyRate = min(
            Double(plan.budget.perHourForRuns) / 3600,
            plan.budget.minInterval > 0 ? 1 / plan.budget.minInterval : .infinity)
        func atSpotifysPace(_ requests: Int) -> Double {
            let seconds = spotifyRate > 0 ? Double(requests) / spotifyRate : 0
            return seconds.isFinite ? seconds : 0
        }
        secondsAtLeast = atSpotifysPace(spotify.lowerBound)
        secondsAtLeast += active.reduce(0) { $0 + $1.secondsAtLeast }
        secondsByPhase = [
            "matching": atSpotifysPace(searches.lowerBound), "spotify": atSpotifysPace(catalog.lowerBound),
        ]
        for (name, preview) in providers where preview.skipped == nil {
            secondsByPhase[name] = preview.secondsAsCounted
        }
    }

    /// The time the phases after `phase` take at their paces, as each counts its requests; 0 for a name that is no
    /// phase.
    package func seconds(after phase: String) -> Double {
        guard let index = Self.phases.firstIndex(of: phase) else { return 0 }
        return Self.phases[(index + 1)...].reduce(0) { $0 + (secondsByPhase[$1] ?? 0) }
    }

    /// How many files a run can match now, at one search each: as many as the windows and `max_requests` leave (a run
    /// with `max_runtime` waits for the hour, so only the day and its limits bound it).
    package func filesMatchable(_ toMatch: Int, budget: BudgetPolicy) -> Int {
        var files = toMatch
        if budget.maxRuntime == nil { files = min(files, hourLeft) }
        if let dayLeft { files = min(files, dayLeft) }
        if let maxRequests = budget.maxRequests { files = min(files, maxRequests) }
        return max(0, files)
    }
}
