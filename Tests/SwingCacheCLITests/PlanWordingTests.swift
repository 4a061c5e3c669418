import Foundation
import Runner
import SwingCache
import SwingCacheTestKit
import Testing

@testable import SwingCacheCLI

/// The plan a person reads counts every request the run will make, not only the catalog requests already due.
@Suite struct PlanWordingTests {
    @Test func aLibraryPlanSaysAllTheRequestsTheRunWillMake() {
        var library = LibraryImportResult(databasePath: "/music/swingmusic.db")
        library.files = 120
        library.needingMatching = 100
        library.needingMatchingWithISRC = 60
        var lastfm = ProviderPreview()
        lastfm.requestsAtLeast = 100
        lastfm.requestsAtMost = 100
        lastfm.secondsAtLeast = 25
        var musicbrainz = ProviderPreview()
        musicbrainz.requestsAtLeast = 60
        musicbrainz.requestsAtMost = nil
        let budget = BudgetPolicy(perHour: 1000, minInterval: 2, reserve: 50, perDay: 2000)
        let plan = Planner(budget: budget).plan(
            targets: [], invalidCount: 0, cache: [:],
            recentRequests: (0..<30).map { Date.testEpoch.addingTimeInterval(-Double($0) * 60) },
            service: ServiceState(), now: .testEpoch)
        let estimate = RequestEstimate(
            plan: plan, library: library, providers: ["lastfm": lastfm, "musicbrainz": musicbrainz])

        let text = PlanWording.text(
            for: plan, jobs: JobSet(specs: [], defaultMarket: "US"), library: library,
            providers: ["lastfm": lastfm, "musicbrainz": musicbrainz])
        #expect(text.contains("  all told:  \(estimate.totalAtLeast) or more requests ("))
    }
}
