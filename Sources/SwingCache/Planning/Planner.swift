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
package struct Planner: Sendable {
    package var budget: BudgetPolicy
    /// The ttl the quota check speaks of when there are no targets yet (a library not matched yet): the jobs'.
    package var ttlWithoutTargets: TimeInterval

    package init(budget: BudgetPolicy, ttlWithoutTargets: TimeInterval = FreshnessPolicy().ttl) {
        self.budget = budget
        self.ttlWithoutTargets = ttlWithoutTargets
    }

    package func plan(
        targets: [PlanTarget], invalidCount: Int, cache: [SpotifyID: CacheEntryState], recentRequests: [Date],
        service: ServiceState, now: Date
    ) -> Plan {
        var itemsByState: [FreshnessState: Int] = [:]
        var work: [(target: PlanTarget, state: FreshnessState, expiry: Date?, order: Int)] = []
        // What the ttl check needs, gathered on the same pass: a plan of a million targets reads each once.
        var keptByGroup: [RequestGroup: Int] = [:]
        var shortestTTL: TimeInterval?
        var lastGroup: (group: RequestGroup, count: Int)?
        for (order, target) in targets.enumerated() {
            let entry = cache[target.id] ?? .absent
            let state = target.freshness.state(of: entry, at: now)
            itemsByState[state, default: 0] += 1
            if state.needsFetch { work.append((target, state, entry.expiry, order)) }
            shortestTTL = min(shortestTTL ?? target.freshness.ttl, target.freshness.ttl)
            guard state != .knownMissing && state != .invalid else { continue }
            // Targets come in runs of one kind and market: count a run before touching the dictionary.
            if let last = lastGroup, last.group.kind == target.id.kind, last.group.market == target.market {
                lastGroup?.count += 1
            } else {
                if let last = lastGroup { keptByGroup[last.group, default: 0] += last.count }
                lastGroup = (RequestGroup(kind: target.id.kind, market: target.market), 1)
            }
        }
        if let last = lastGroup { keptByGroup[last.group, default: 0] += last.count }
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
            ttlCheck: ttlCheck(ttl: shortestTTL ?? ttlWithoutTargets, keptByGroup: keptByGroup, service: service))
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

    /// Whether the quota keeps every kept target (all but known-missing and invalid ones) fresh within `ttl`;
    /// `keptByGroup` counts them by the requests they share.
    private func ttlCheck(ttl: TimeInterval, keptByGroup: [RequestGroup: Int], service: ServiceState) -> TTLCheck {
        // As many requests as ``pack(_:service:)`` would make of them: each group in full requests.
        let requestsPerRefresh = keptByGroup.reduce(0) { total, group in
            let capacity = service.mode(for: group.key.kind).idsPerRequest(for: group.key.kind)
            return total + (group.value + capacity - 1) / capacity
        }
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

    /// Ids that may share a request: one kind, one market.
    struct RequestGroup: Hashable {
        var kind: EntityKind
        var market: String
    }

    struct Batch {
        var kind: EntityKind
        var market: String
        var ids: [SpotifyID]
    }

    /// Packs prioritised work into as few requests as the mode allows, keeping each request's place by its
    /// most urgent id.
    static func pack(_ work: [(target: PlanTarget, state: FreshnessState)], service: ServiceState) -> [Batch] {
        var groupIndex: [RequestGroup: Int] = [:]
        var groups: [[Batch]] = []
        var order: [(group: Int, index: Int)] = []
        for item in work {
            let key = RequestGroup(kind: item.target.id.kind, market: item.target.market)
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
