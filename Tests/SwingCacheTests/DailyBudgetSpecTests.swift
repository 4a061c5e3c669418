import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `budget.per_day` and `budget.quota_safety`: Spotify's rolling day in a job spec.
@Suite struct DailyBudgetSpecTests {
    let loader = JobSpecLoader()

    @Test(arguments: [("per_day: 2000\n  quota_safety: 90%", 2000, 0.9), ("quota_safety: 0.75", nil, 0.75)])
    func theRollingDayIsRead(settings: String, perDay: Int?, share: Double) throws {
        let spec = try loader.parse("targets: {}\nbudget:\n  \(settings)\n", path: "day.yaml")
        #expect(spec.budget.perDay == perDay)
        #expect(abs(spec.budget.quotaSafetyShare - share) < 1e-9)
    }

    @Test(arguments: [
        ("per_day: 0", "day.yaml:3:12: 'budget.per_day' must be at least 1, found 0"),
        (
            "quota_safety: 1.5",
            "day.yaml:3:17: 'budget.quota_safety' must be a share above 0 and at most 1, such as 0.9 or 90%, found '1.5'"
        ),
        (
            "quota_safety: 0%",
            "day.yaml:3:17: 'budget.quota_safety' must be a share above 0 and at most 1, such as 0.9 or 90%, found '0%'"
        ),
    ])
    func aBadDailySettingIsRefusedWithItsPosition(settings: String, message: String) {
        do {
            _ = try loader.parse("targets: {}\nbudget:\n  \(settings)\n", path: "day.yaml")
            Issue.record("expected '\(settings)' to be refused")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test func theStricterDailyLimitWinsAndALearnedCeilingKeepsItsSafeShare() {
        let learned = QuotaObservation(
            observedAt: .testEpoch, requestsInDay: 476, requestsInHour: 40, retryAfter: 48_925)
        #expect(BudgetPolicy().dailyLimit(learned: nil) == nil)
        #expect(BudgetPolicy().dailyLimit(learned: learned) == 428)
        #expect(BudgetPolicy(perDay: 300).dailyLimit(learned: learned) == 300)
        #expect(BudgetPolicy(perDay: 2000, quotaSafetyShare: 0.5).dailyLimit(learned: learned) == 238)
    }
}

/// `ttl_max`: change-aware freshness in a job spec.
@Suite struct ChangeAwareSpecTests {
    @Test func ttlMaxIsReadAndTheTTLDoublesUpToIt() throws {
        let spec = try JobSpecLoader().parse("ttl: 12h\nttl_max: 7d\ntargets: {}\n", path: "a.yaml")
        #expect(spec.freshness.ttlMax == TimeInterval(7 * 86_400))
        #expect(
            (0..<6).map { spec.freshness.ttl(afterUnchangedRefreshes: $0) / 3600 } == [12, 24, 48, 96, 168, 168])
    }

    @Test func aTTLMaxShorterThanTheTTLIsRefusedWithItsPosition() {
        do {
            _ = try JobSpecLoader().parse("ttl: 12h\nttl_max: 1h\ntargets: {}\n", path: "a.yaml")
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == ["a.yaml:2:10: 'ttl_max' (1h) must be at least 'ttl' (12h)"])
        }
    }
}
