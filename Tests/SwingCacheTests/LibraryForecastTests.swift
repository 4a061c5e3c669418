import Foundation
import SwingCache
import Testing

/// When a library is matched in full, at the quota a day allows.
@Suite struct LibraryForecastTests {
    let now = Date(timeIntervalSince1970: 1_796_644_800)

    @Test func aLearnedQuotaBoundsTheDayAndTheLibraryTakesAsManyDaysAsItNeeds() throws {
        let learned = QuotaObservation(observedAt: now, requestsInDay: 1_000, requestsInHour: 200, retryAfter: nil)
        let forecast = try #require(
            LibraryForecast(files: 20_000, requestsPerFile: 1, budget: BudgetPolicy(), learned: learned, now: now))
        #expect(forecast.requestsPerDay == 900, "90 % of what Spotify allowed")
        #expect(forecast.bound == .learnedQuota)
        #expect(forecast.days == 23)
        #expect(forecast.finishes == now.addingTimeInterval(20_000.0 / 900 * 86_400))
    }

    @Test func withoutADailyLimitTheHourAndTheIntervalBoundTheDay() throws {
        let hourly = try #require(
            LibraryForecast(
                files: 100, requestsPerFile: 1, budget: BudgetPolicy(perHour: 100, minInterval: 2, reserve: 10),
                learned: nil, now: now))
        #expect(hourly.requestsPerDay == 2_160)
        #expect(hourly.bound == .perHour)
        #expect(hourly.days == 1)
        let paced = try #require(
            LibraryForecast(
                files: 100, requestsPerFile: 1, budget: BudgetPolicy(perHour: 100_000, minInterval: 60, reserve: 0),
                learned: nil, now: now))
        #expect(paced.requestsPerDay == 1_440)
        #expect(paced.bound == .minInterval)
    }

    @Test func nothingToMatchOrNoRequestAllowedHasNoForecast() {
        #expect(LibraryForecast(files: 0, requestsPerFile: 1, budget: BudgetPolicy(), learned: nil, now: now) == nil)
        #expect(
            LibraryForecast(files: 5, requestsPerFile: 1, budget: BudgetPolicy(perDay: 0), learned: nil, now: now)
                == nil)
    }
}
