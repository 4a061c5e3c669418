import Foundation

/// Decides which requests a run makes: a pure function of targets, cache state, ledger, service state and time.
///
/// Missing ids go first, then stale ones (oldest expiry first), then due ones (soonest expiry first).
/// Ids are packed into as few requests as the service's mode allows, and requests are kept while the
/// budget lets them start within the run's limits; the rest is deferred, and the plan says why.
///
/// Without `maxRuntime`, a run spends what the sliding hour has left and stops at the first request that
/// would have to wait for the window to roll; with it, the run also waits, until `maxRuntime` is spent.
///
/// ```swift
/// let plan = Planner(budget: jobs.budget).plan(
///     targets: jobs.targets, invalidCount: 0, cache: states, recentRequests: ledger,
///     service: ServiceState(), now: now)
/// plan.requests.count  // requests this run
/// ```
public struct Planner: Sendable {
    public var budget: BudgetPolicy
    /// The ttl the quota check speaks of when there are no targets yet (a library not matched yet): the jobs'.
    public var ttlWithoutTargets: TimeInterval

    public init(budget: BudgetPolicy, ttlWithoutTargets: TimeInterval = FreshnessPolicy().ttl) {
        self.budget = budget
        self.ttlWithoutTargets = ttlWithoutTargets
    }

    public func plan(
        targets: [PlanTarget], invalidCount: Int, cache: [SpotifyID: CacheEntryState], recentRequests: [Date],
        service: ServiceState, now: Date
    ) -> Plan {
        var itemsByState: [FreshnessState: Int] = [:]
        var work: [(target: PlanTarget, state: FreshnessState, expiry: Date?, order: Int)] = []
        for (order, target) in targets.enumerated() {
            let entry = cache[target.id] ?? .absent
            let state = target.freshness.state(of: entry, at: now)
            itemsByState[state, default: 0] += 1
            if state.needsFetch { work.append((target, state, entry.expiry, order)) }
        }
        if invalidCount > 0 { itemsByState[.invalid, default: 0] += invalidCount }

        work.sort { lhs, rhs in
            if lhs.state.fetchPriority != rhs.state.fetchPriority {
                return lhs.state.fetchPriority < rhs.state.fetchPriority
            }
            if let left = lhs.expiry, let right = rhs.expiry, left != right { return left < right }
            return lhs.order < rhs.order
        }

        let batches = Self.pack(work.map { ($0.target, $0.state) }, service: service)
        let stateOf = Dictionary(work.map { ($0.target.id, $0.state) }, uniquingKeysWith: { first, _ in first })

        let dailyLimit = budget.dailyLimit(learned: service.learnedQuota)
        var state = RateLimitState(
            limit: budget.perHourForRuns, minInterval: budget.minInterval, recentRequests: recentRequests,
            blockedUntil: service.blockedUntil, dailyLimit: dailyLimit)
        let inLastHour = state.requestsInWindow(endingAt: now)
        let inLastDay = state.requestsInDay(endingAt: now)
        var requests: [PlannedRequest] = []
        var limit: PlanLimit?
        for batch in batches {
            if let reason = stopReason(
                before: batch, scheduled: requests.count, state: state, service: service, now: now)
            {
                limit = reason
                break
            }
            guard let start = state.earliestStart(notBefore: now) else { break }
            state.record(at: start)
            requests.append(PlannedRequest(kind: batch.kind, market: batch.market, ids: batch.ids, scheduledAt: start))
        }

        let deferred = batches.dropFirst(requests.count).flatMap(\.ids)
        var deferredByState: [FreshnessState: Int] = [:]
        for id in deferred { deferredByState[stateOf[id] ?? .missing, default: 0] += 1 }

        var plan = Plan(
            createdAt: now, budget: budget, serviceState: service, itemsByState: itemsByState, requests: requests,
            deferred: deferred, deferredByState: deferredByState, requestsNeeded: batches.count,
            requestsInLastHour: inLastHour,
            timeToFinish: timeToFinish(
                batchCount: batches.count, recentRequests: recentRequests, service: service, now: now),
            limitedBy: deferred.isEmpty ? nil : limit,
            ttlCheck: ttlCheck(targets: targets, cache: cache, service: service, now: now))
        plan.requestsInLastDay = inLastDay
        plan.dailyLimit = dailyLimit
        return plan
    }

    /// Why the next request cannot be part of this run, or nil when it can.
    private func stopReason(
        before batch: Batch, scheduled: Int, state: RateLimitState, service: ServiceState, now: Date
    ) -> PlanLimit? {
        if let maxRequests = budget.maxRequests, scheduled >= maxRequests { return .maxRequests(maxRequests) }
        guard let start = state.earliestStart(notBefore: now) else { return .noBudget }
        let withinDay = state.earliestStart(notBefore: now, ignoringDay: true) ?? start
        if let maxRuntime = budget.maxRuntime {
            guard start.timeIntervalSince(now) <= maxRuntime else {
                if let parkedUntil = service.parkedUntil, parkedUntil > now.addingTimeInterval(maxRuntime) {
                    return .parked(until: parkedUntil, reason: service.parkedReason)
                }
                return start > withinDay ? .dailyQuota : .maxRuntime(maxRuntime)
            }
            return nil
        }
        if let parkedUntil = service.parkedUntil, parkedUntil > now {
            return .parked(until: parkedUntil, reason: service.parkedReason)
        }
        if start > withinDay { return .dailyQuota }
        let spacingOnly = state.earliestStart(notBefore: now, ignoringWindow: true) ?? start
        return start > spacingOnly ? .hourlyQuota : nil
    }

    /// How long every needed request would take to start at this quota, ignoring the run's own limits.
    private func timeToFinish(batchCount: Int, recentRequests: [Date], service: ServiceState, now: Date)
        -> TimeInterval?
    {
        guard batchCount > 0 else { return 0 }
        var state = RateLimitState(
            limit: budget.perHourForRuns, minInterval: budget.minInterval, recentRequests: recentRequests,
            blockedUntil: service.blockedUntil, dailyLimit: budget.dailyLimit(learned: service.learnedQuota))
        var last = now
        for _ in 0..<batchCount {
            guard let start = state.earliestStart(notBefore: now) else { return nil }
            state.record(at: start)
            last = start
        }
        return last.timeIntervalSince(now)
    }

    private func ttlCheck(
        targets: [PlanTarget], cache: [SpotifyID: CacheEntryState], service: ServiceState, now: Date
    ) -> TTLCheck {
        let ttl = targets.map(\.freshness.ttl).min() ?? ttlWithoutTargets
        let kept = targets.filter { target in
            let state = target.freshness.state(of: cache[target.id] ?? .absent, at: now)
            return state != .knownMissing && state != .invalid
        }
        let requestsPerRefresh = Self.pack(kept.map { ($0, .fresh) }, service: service).count
        let perHourByInterval = budget.minInterval > 0 ? 3600 / budget.minInterval : .infinity
        let perHourByDay = budget.dailyLimit(learned: service.learnedQuota).map { Double($0) / 24 } ?? .infinity
        let requestsPerHour = min(Double(budget.perHourForRuns), perHourByInterval, perHourByDay)
        let capacity = requestsPerHour * ttl / 3600
        let minimumTTL = requestsPerHour > 0 ? Double(requestsPerRefresh) / requestsPerHour * 3600 : .infinity
        let quotaBinds = Double(budget.perHourForRuns) <= min(perHourByInterval, perHourByDay)
        // Saturating: a spec's ranges keep these small, but a plan must never trap on an odd figure.
        let neededPerHour = Int(
            saturating: (Double(requestsPerRefresh) * 3600 / ttl).rounded(.up) + Double(budget.reserve))
        return TTLCheck(
            ttl: ttl, requestsPerRefresh: requestsPerRefresh,
            capacityPerTTL: Int(saturating: capacity), minimumTTL: minimumTTL,
            minimumPerHour: quotaBinds ? neededPerHour : nil)
    }

    struct Batch {
        var kind: EntityKind
        var market: String
        var ids: [SpotifyID]
    }

    /// Packs prioritised work into as few requests as the mode allows, keeping each request's place by its
    /// most urgent id.
    static func pack(_ work: [(target: PlanTarget, state: FreshnessState)], service: ServiceState) -> [Batch] {
        struct GroupKey: Hashable {
            var kind: EntityKind
            var market: String
        }
        var groupIndex: [GroupKey: Int] = [:]
        var groups: [[Batch]] = []
        var order: [(group: Int, index: Int)] = []
        for item in work {
            let key = GroupKey(kind: item.target.id.kind, market: item.target.market)
            let capacity = service.mode(for: key.kind).idsPerRequest(for: key.kind)
            let group =
                groupIndex[key]
                ?? {
                    groups.append([])
                    groupIndex[key] = groups.count - 1
                    return groups.count - 1
                }()
            if let last = groups[group].indices.last, groups[group][last].ids.count < capacity {
                groups[group][last].ids.append(item.target.id)
            } else {
                groups[group].append(Batch(kind: key.kind, market: key.market, ids: [item.target.id]))
                order.append((group, groups[group].count - 1))
            }
        }
        return order.map { groups[$0.group][$0.index] }
    }
}
