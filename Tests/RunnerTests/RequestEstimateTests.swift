import Foundation
import Runner
import SwingCache
import SwingCacheTestKit
import Testing

/// `plan` on a library job counts every request the run will make, not only the catalog requests already due.
@Suite struct RequestEstimateTests {
    @Test func aLibraryPlanCountsSearchesCatalogAndEveryProviderAgainstTheWindows() {
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

        #expect(estimate.searches == library.searchRequests)
        #expect(estimate.catalog == 0...0, "each matched track is stored from its search: no catalog request")
        #expect(estimate.filesMatchable(library.needingMatching, budget: budget) == min(library.needingMatching, 920))
        #expect(estimate.totalAtLeast == estimate.searches.lowerBound + 100 + 60)
        #expect(estimate.totalAtMost == nil, "MusicBrainz's count depends on its answers")
        #expect(estimate.hourLeft == 950 - 30)
        #expect(estimate.dayLeft == 2000 - 30)
        #expect(estimate.secondsAtLeast >= Double(estimate.searches.lowerBound) * 2 + 25)
    }

    @Test func thePhasesAfterOneTakeTheTimeOfTheRequestsEachWillCount() {
        var library = LibraryImportResult(databasePath: "/music/swingmusic.db")
        library.needingMatching = 100
        var lastfm = ProviderPreview()
        lastfm.requestsAtLeast = 100
        lastfm.secondsAtLeast = 25
        lastfm.secondsAsCounted = 25
        var musicbrainz = ProviderPreview()
        musicbrainz.requestsAtLeast = 60
        musicbrainz.secondsAtLeast = 59
        musicbrainz.secondsAsCounted = 119
        var links = ProviderPreview()
        links.skipped = "not configured"
        links.secondsAsCounted = 1_000
        let plan = Planner(budget: BudgetPolicy(perHour: 1000, minInterval: 2, reserve: 0)).plan(
            targets: [], invalidCount: 0, cache: [:], recentRequests: [], service: ServiceState(), now: .testEpoch)

        let estimate = RequestEstimate(
            plan: plan, library: library, providers: ["lastfm": lastfm, "musicbrainz": musicbrainz, "links": links])

        #expect(estimate.seconds(after: "matching") == 25 + 119, "no catalog request, and links is skipped")
        #expect(estimate.seconds(after: "spotify") == 25 + 119)
        #expect(estimate.seconds(after: "lastfm") == 119, "MusicBrainz's requests as its phase counts them")
        #expect(estimate.seconds(after: "links") == 0)
        #expect(
            abs(estimate.secondsAtLeast - (100 * 3.6 + 25 + 59)) < 0.001,
            "plan's least time is unchanged: 100 searches at 1 000 an hour, then each provider's least")
    }
}
