import ArgumentParser
import SwingCache

/// The per-run limits `plan` and `run` share; they override the job specs' budget.
struct RunLimitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Make at most this many Spotify requests, searches included (overrides budget.max_requests; each provider's is enrich.NAME.max_requests).",
            valueName: "n"))
    var maxRequests: Int?

    @Option(
        help: ArgumentHelp(
            "Start no request after this long, e.g. 30m; the run also waits for the hourly budget until then (overrides budget.max_runtime).",
            valueName: "duration"), transform: DurationArgument.parse)
    var maxRuntime: DurationArgument?

    func validate() throws {
        if let maxRequests, maxRequests < 1 || maxRequests > BudgetPolicy.largestCount {
            throw ValidationError(
                "--max-requests must be from 1 to \(BudgetPolicy.largestCount), got \(maxRequests)")
        }
    }

    var apply: @Sendable (BudgetPolicy) -> BudgetPolicy {
        let maxRequests = maxRequests
        let maxRuntime = maxRuntime?.seconds
        return { budget in
            var budget = budget
            if let maxRequests { budget.maxRequests = maxRequests }
            if let maxRuntime { budget.maxRuntime = maxRuntime }
            return budget
        }
    }
}
