import Foundation
import Runner
import SwingCache

/// The human-readable plan `swingcache plan` prints.
enum PlanWording {
    static func text(
        for plan: Plan, jobs: JobSet, library: LibraryImportResult? = nil, providers: [String: ProviderPreview] = [:]
    ) -> String {
        var lines: [String] = []
        let items = plan.itemsByState
        lines.append("Plan for \(jobs.names.joined(separator: ", ")): \(plan.totalTargets) targets")
        if let library { lines.append(libraryLine(library)) }
        let states = FreshnessState.allCases.map {
            "\(items[$0] ?? 0) \($0.rawValue.replacingOccurrences(of: "_", with: "-"))"
        }
        lines.append("  state:     " + states.joined(separator: ", "))
        if jobs.duplicateCount > 0 { lines.append("  (\(jobs.duplicateCount) duplicate ids listed once)") }
        let modes = EntityKind.allCases.map {
            "\($0.plural) \(plan.serviceState.mode(for: $0).rawValue.replacingOccurrences(of: "_", with: "-"))"
        }
        lines.append("  mode:      " + modes.joined(separator: ", "))
        let budget = plan.budget
        var budgetLine =
            "  budget:    \(budget.perHour)/hour (reserve \(budget.reserve)), min interval \(DurationText.format(budget.minInterval)), \(plan.requestsInLastHour) used in the last hour"
        if let dailyLimit = plan.dailyLimit {
            budgetLine += "; \(dailyLimit)/day, \(plan.requestsInLastDay) used in the last 24 h"
        }
        if let maxRequests = budget.maxRequests { budgetLine += ", at most \(maxRequests) requests" }
        if let maxRuntime = budget.maxRuntime { budgetLine += ", at most \(DurationText.format(maxRuntime))" }
        lines.append(budgetLine)
        if let learned = plan.serviceState.learnedQuota { lines.append(learnedLine(learned, budget: budget)) }
        if let parkedUntil = plan.serviceState.parkedUntil, parkedUntil > plan.createdAt {
            lines.append(
                "  parked:    until \(parkedUntil.formatted(.iso8601))\(plan.serviceState.parkedReason.map { " (\($0))" } ?? "")"
            )
        }
        lines.append(
            "  this run:  \(plan.requests.count) of \(plan.requestsNeeded) requests needed, \(plan.itemsThisRun) items, about \(DurationText.format(plan.runDuration))"
        )
        if plan.itemsDeferred > 0 {
            let byState = FreshnessState.allCases.compactMap { state in
                plan.deferredByState[state].map { "\($0) \(state.rawValue)" }
            }
            var deferredLine = "  deferred:  \(plan.itemsDeferred) items (\(byState.joined(separator: ", ")))"
            if let limit = plan.limitedBy { deferredLine += ": \(limit.reason)" }
            lines.append(deferredLine)
        }
        if library != nil || !providers.isEmpty {
            let estimate = RequestEstimate(plan: plan, library: library, providers: providers)
            if let library, let order = library.matchingOrder, library.needingMatching > 0 {
                lines.append(
                    orderLine(order, matchable: estimate.filesMatchable(library.needingMatching, budget: plan.budget)))
            }
            if let library, let forecast = library.forecast(for: plan) {
                lines.append(forecastLine(forecast, order: library.matchingOrder))
            }
            lines.append(allToldLine(estimate))
        }
        if let toFinish = plan.timeToFinish, plan.requestsNeeded > 0 {
            lines.append("  to finish: about \(DurationText.format(toFinish)) at this quota")
        }
        lines.append(ttlLine(plan.ttlCheck, budget: budget))
        if plan.serviceState.mode(for: .track) == .perItem,
            jobs.targets.contains(where: { $0.freshness.ttlMax == nil })
                || jobs.targets.isEmpty
        {
            lines.append(
                "  refresh:   Development Mode (one id per request, no popularity): a track whose refresh brings nothing new is refreshed half as often each time, up to every \(DurationText.format(FreshnessPolicy.developmentModeTTLMax)), so the day's quota goes to unmatched files first (ttl_max sets another bound)"
            )
        }
        if !providers.isEmpty { lines.append("  providers: after the Spotify requests, each at its own pace") }
        for (name, preview) in providers.sorted(by: { $0.key < $1.key }) {
            lines.append(providerLine(name, preview))
        }
        return lines.joined(separator: "\n")
    }

    /// Every request the run will make, against the windows: `  all told:  120–240 requests: …`.
    static func allToldLine(_ estimate: RequestEstimate) -> String {
        func range(_ low: Int, _ high: Int?) -> String {
            switch high {
            case low?: "\(low)"
            case let high?: "\(low)–\(high)"
            case nil: "\(low) or more"
            }
        }
        var parts = [
            "\(range(estimate.searches.lowerBound, estimate.searches.upperBound)) searches",
            "\(range(estimate.catalog.lowerBound, estimate.catalog.upperBound)) catalog",
        ]
        for (name, preview) in estimate.providers.sorted(by: { $0.key < $1.key }) where preview.skipped == nil {
            parts.append("\(range(preview.requestsAtLeast, preview.requestsAtMost)) \(name)")
        }
        var line =
            "  all told:  \(range(estimate.totalAtLeast, estimate.totalAtMost)) requests (\(parts.joined(separator: ", "))); Spotify's \(range(estimate.spotify.lowerBound, estimate.spotify.upperBound)) against \(estimate.hourLeft) left this hour"
        if let dayLeft = estimate.dayLeft { line += " and \(dayLeft) left in the rolling day" }
        line += ", at least \(DurationText.format(estimate.secondsAtLeast)) at these paces"
        return line
    }

    /// What a run would ask one provider: `    lastfm:        120 keys, 20 fresh, 100 due: 100 requests, at least 25s`.
    static func providerLine(_ name: String, _ preview: ProviderPreview) -> String {
        let label = "    \(name):".padding(toLength: 19, withPad: " ", startingAt: 0)
        if let skipped = preview.skipped { return label + "skipped: \(skipped)" }
        let requests =
            switch preview.requestsAtMost {
            case preview.requestsAtLeast?: "\(preview.requestsAtLeast)"
            case let most?: "\(preview.requestsAtLeast)–\(most)"
            case nil: "\(preview.requestsAtLeast) or more"
            }
        var line = label + "\(preview.keys) keys, \(preview.fresh) fresh, \(preview.due) due: \(requests) requests"
        if preview.secondsAtLeast > 0 { line += ", at least \(DurationText.format(preview.secondsAtLeast))" }
        return line
    }

    /// What matching the library costs: one search per file, a second when its ISRC finds nothing usable.
    static func libraryLine(_ library: LibraryImportResult) -> String {
        var line =
            "  library:   \(library.files) files in '\(library.databasePath)', \(library.needingMatching) to match"
        guard library.needingMatching > 0 else { return line }
        let range = library.searchRequests
        let requests =
            range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        line +=
            ": \(requests) search requests (one per file, a second when its ISRC finds nothing usable; the matched track is stored from its search), before the catalog requests and from the same budget"
        return line
    }

    /// Which files a run matches first: `  first:     340 of 2000 files to match, the most played: 81 % of their plays`.
    static func orderLine(_ order: MatchingOrder, matchable: Int) -> String {
        let files = order.files.count
        let head = "  first:     \(min(matchable, files)) of \(files) files to match this run"
        guard let share = order.share(ofFirst: matchable) else {
            return head + ", the most recently added first (no plays recorded)"
        }
        return head
            + ", the most played first: they hold \(Int((share * 100).rounded(.down))) % of the \(order.plays) plays of the files to match"
    }

    /// When the whole library is matched: `  library in: 20 days, by 2026-12-27: 1000 files a day (…); day 1 …`.
    static func forecastLine(_ forecast: LibraryForecast, order: MatchingOrder?) -> String {
        let date = forecast.finishes.formatted(
            Date.VerbatimFormatStyle(
                format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)", timeZone: .gmt,
                calendar: Calendar(identifier: .gregorian)))
        let span = forecast.days == 1 ? "within a day" : "in \(forecast.days) days"
        var line =
            "  library in: the whole library \(span), by \(date): \(forecast.filesPerDay) files a day at one search each (\(forecast.requestsPerDay) requests a day, by \(forecast.bound.rawValue))"
        if let order, forecast.days > 1, let share = order.share(ofFirst: forecast.filesPerDay) {
            line += "; the first day's files hold \(Int((share * 100).rounded(.down))) % of your plays"
        }
        return line
    }

    /// The ceiling Spotify showed: `  learned:   refused after 476 in 24 h (40 in 1 h) on …; plans keep 428/day (90 %)`.
    static func learnedLine(_ learned: QuotaObservation, budget: BudgetPolicy) -> String {
        let share = Int((budget.quotaSafetyShare * 100).rounded())
        return
            "  learned:   refused after \(learned.requestsInDay) requests in 24 h (\(learned.requestsInHour) in 1 h) on \(learned.observedAt.formatted(.iso8601)); plans keep \(learned.ceiling(safetyShare: budget.quotaSafetyShare))/day (\(share) %)"
    }

    static func ttlLine(_ check: TTLCheck, budget: BudgetPolicy) -> String {
        let ttl = DurationText.format(check.ttl)
        if check.keepable {
            return
                "  ttl:       \(ttl) can be kept: \(check.requestsPerRefresh) requests refresh everything, the quota allows \(check.capacityPerTTL) per \(ttl)"
        }
        var fixes = ["a ttl of at least \(DurationText.format(check.minimumTTL))", "ttl_max (change-aware refreshes)"]
        if let perHour = check.minimumPerHour { fixes.append("per_hour of at least \(perHour)") }
        return
            "  ttl:       \(ttl) cannot be kept: \(check.requestsPerRefresh) requests refresh everything, the quota allows \(check.capacityPerTTL) per \(ttl); needs \(fixes.joined(separator: " or "))"
    }
}
