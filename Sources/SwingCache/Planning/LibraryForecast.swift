import Foundation

/// When every file of a library will be matched, at the quota a day allows: the configured `per_day` or the share of
/// the learned ceiling, else the hourly budget over 24 hours, and never more than `min_interval` lets through.
///
/// Matching costs one search per file (its match is also its catalog fetch); a file whose ISRC finds nothing usable
/// costs a second, which `requestsPerFile` counts on average.
///
/// ```swift
/// let forecast = LibraryForecast(files: 20_000, requestsPerFile: 1, budget: budget, learned: learned, now: now)
/// // forecast?.filesPerDay == 900, forecast?.days == 23
/// ```
package struct LibraryForecast: Equatable, Sendable {
    /// What bounds a day's requests.
    package enum Bound: String, Equatable, Sendable, Codable {
        case perDay = "per_day"
        case learnedQuota = "learned quota"
        case perHour = "per_hour"
        case minInterval = "min_interval"
    }

    package var requestsPerDay: Int
    package var filesPerDay: Int
    package var bound: Bound
    /// Days from now until the last file is matched; 1 when it fits in the first day.
    package var days: Int
    package var finishes: Date

    /// Nil when nothing is to be matched, or the budget allows no request.
    package init?(files: Int, requestsPerFile: Double, budget: BudgetPolicy, learned: QuotaObservation?, now: Date) {
        guard files > 0 else { return nil }
        var bounds: [(Int, Bound)] = [(budget.perHourForRuns * 24, .perHour)]
        if budget.minInterval > 0 { bounds.append((Int(86_400 / budget.minInterval), .minInterval)) }
        if let perDay = budget.perDay { bounds.append((perDay, .perDay)) }
        if let ceiling = learned?.ceiling(safetyShare: budget.quotaSafetyShare) {
            bounds.append((ceiling, .learnedQuota))
        }
        guard let tightest = bounds.min(by: { $0.0 < $1.0 }), tightest.0 > 0 else { return nil }
        requestsPerDay = tightest.0
        bound = tightest.1
        filesPerDay = max(1, Int((Double(requestsPerDay) / max(requestsPerFile, 1)).rounded(.down)))
        days = (files + filesPerDay - 1) / filesPerDay
        finishes = now.addingTimeInterval(Double(files) / Double(filesPerDay) * 86_400)
    }
}
