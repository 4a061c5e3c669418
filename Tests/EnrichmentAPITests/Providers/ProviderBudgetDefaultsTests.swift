import EnrichmentAPI
import Foundation
import SwingCache
import Testing

@Suite struct ProviderBudgetDefaultsTests {
    @Test func everyProviderHasADefaultBudgetThatKeepsItsPublishedLimit() {
        let budgets = ProviderBudgetDefaults.standard
        #expect(budgets[.musicbrainz].minInterval >= 1)
        #expect(budgets[.musicbrainz].perHour <= 3600)
        #expect(budgets[.listenbrainz].minInterval >= 10.0 / 30)
        #expect(budgets[.deezer].minInterval >= 5.0 / 50)
        #expect(budgets[.lastfm].minInterval >= 0.2)
        for provider in Provider.allCases {
            let budget = budgets[provider]
            #expect(budget.reserve < budget.perHour, "\(provider)")
            #expect(Double(budget.perHour) <= 3600 / budget.minInterval, "\(provider): the interval allows fewer")
        }
    }

    @Test func everyBudgetLimitCanBeChanged() {
        var budgets = ProviderBudgetDefaults.standard
        budgets[.lastfm].perHour = 2_000
        budgets[.odesli] = BudgetPolicy(perHour: 10, minInterval: 30, reserve: 0, maxRequests: 5)
        #expect(budgets[.lastfm].perHour == 2_000)
        #expect(budgets[.odesli].maxRequests == 5)
        #expect(budgets[.musicbrainz] == ProviderBudgetDefaults.standard[.musicbrainz])
    }
}
