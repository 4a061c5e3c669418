import Foundation

extension PlanLimit {
    /// Why the plan or the run stops here, for a person: `max_requests (300) reached`.
    public var reason: String {
        switch self {
        case .hourlyQuota: "the hourly quota is spent (pass --max-runtime to wait for it)"
        case .dailyQuota: "the rolling day's quota is spent (per_day, or the share of the ceiling Spotify showed)"
        case .maxRequests(let count): "max_requests (\(count)) reached"
        case .maxRuntime(let seconds): "max_runtime (\(DurationText.format(seconds))) reached"
        case .parked(let until, let reason):
            "Spotify is parked until \(until.formatted(.iso8601))\(reason.map { " (\($0))" } ?? "")"
        case .noBudget: "per_hour less reserve leaves no request"
        }
    }

    /// The limit's name in JSON: `hourly_quota`.
    public var key: String {
        switch self {
        case .hourlyQuota: "hourly_quota"
        case .dailyQuota: "daily_quota"
        case .maxRequests: "max_requests"
        case .maxRuntime: "max_runtime"
        case .parked: "parked"
        case .noBudget: "no_budget"
        }
    }
}
