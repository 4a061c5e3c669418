import Foundation
import Logging
import SwingCache

/// Sends every request of one service the same way, whatever the service: its credential first, a slot from its
/// pacer (the ledger row), the request, then one handling of the action its answer calls for.
///
/// The rules it keeps for every service:
/// - a server is never asked sooner than it said: a wait it names is waited out to the second, for every runner
///   (``Pacer/block(until:)``), and one longer than ``RetryPolicy/retryAfterCeiling`` parks the service instead;
/// - rate-limit answers without a wait back the service off by its ``ThrottlePolicy`` and park it after repeated ones;
/// - ``RetryPolicy/breakerThreshold`` failed requests in a row stop the service for the run (the breaker);
/// - a request holds its pacer slot until its answer arrives, so the server never sees two requests closer than the
///   service's `min_interval`;
/// - every request that reached the network is in the ledger and in the tally, whatever it answered.
///
/// An answer to store (or to read: `rememberMissing`, `skip`) comes back with its ledger row still open, so the caller
/// writes what it learned and completes the row in one transaction.
///
/// ```swift
/// var lastfm = OutboundPipeline(service: "Last.fm", pacer: pacer, store: store, clock: clock, retry: retry,
///                               throttle: Provider.lastfm.throttle, logger: logger)
/// switch await lastfm.send(endpoint: "track.getInfo", detail: key, tally: &summary, { await client.trackInfo(…) }) {
/// case .answered(let answer, _, let ledgerID, let status): …
/// case .failed, .notSent: continue
/// case .disabled, .stopped: return
/// }
/// ```
package struct OutboundPipeline {
    /// How one request ended.
    package enum Ending<Answer> {
        /// `store`, `rememberMissing` or `skip`: the caller reads the answer and completes the ledger row.
        case answered(Answer, action: OutboundAction, ledgerID: Int64, status: Int)
        /// The request could not be valid and was not sent; nothing was counted.
        case notSent(String)
        /// The request failed for good (retries spent, an unreadable answer); the run goes on with the next item.
        case failed(String)
        /// A request that is not idempotent got no answer, or a 5xx: it may have taken effect, all of it or part, so
        /// it was not sent again. The caller reads back what the request was to change before deciding anything.
        case effectUnknown(String)
        /// The service is off for the rest of the run (a refused key, a retired API).
        case disabled(String)
        /// The service may not be called again in this run: parked, out of budget, stopped, broken, misconfigured.
        case stopped(RunOutcome)
    }

    /// What obtaining the service's credential came to, before a slot is taken.
    package enum Authorization {
        case authorized
        /// Fatal: the credentials are wrong (`invalid_client`).
        case refused(String)
        /// Worth trying again: the token endpoint did not answer.
        case unavailable(String)
    }

    /// The service's name for people: `Spotify`, `Last.fm`.
    package let service: String
    package let pacer: Pacer
    /// The ledger the pacer writes to: the pipeline completes the rows of answers it does not hand on.
    package let store: any RequestLedger
    package let clock: any RunClock
    package let retry: RetryPolicy
    package let throttle: ThrottlePolicy
    package let logger: Logger
    /// Obtains the credential before each slot, so a failed token fetch never costs a budget slot; nil when the
    /// service's key travels in the request.
    package var authorize: (@Sendable () async -> Authorization)?
    /// The most requests the tally may count; nil for no limit.
    package var requestLimit: Int?
    /// Requests in a row that failed for good; the breaker stops the service at ``RetryPolicy/breakerThreshold``.
    package private(set) var consecutiveFailures = 0
    private var consecutiveThrottles = 0
    private var generator = SystemRandomNumberGenerator()

    package init(
        service: String, pacer: Pacer, store: any RequestLedger, clock: any RunClock, retry: RetryPolicy,
        throttle: ThrottlePolicy, logger: Logger, requestLimit: Int? = nil,
        authorize: (@Sendable () async -> Authorization)? = nil
    ) {
        self.service = service
        self.pacer = pacer
        self.store = store
        self.clock = clock
        self.retry = retry
        self.throttle = throttle
        self.logger = logger
        self.requestLimit = requestLimit
        self.authorize = authorize
    }

    /// Where one turn of the loop leaves the request: sent again, or ended.
    private enum Turn<Answer> {
        case again
        case end(Ending<Answer>)
    }

    /// One request's own account: its tries so far, the bound on them, whether its token was renewed.
    private struct Attempts {
        var made = 0
        let allowed: Int
        var renewedToken = false

        /// Counts one more try; false when the request may not be tried again.
        mutating func another() -> Bool {
            made += 1
            return made <= allowed
        }
    }

    /// Sends `send` until its answer is final. `maxRetries` bounds the retries of this request (the retry policy's
    /// by default); `describe` words an answer for a message. A request that is not `idempotent` (a restore, a new
    /// playlist) is never sent again once it may have reached the server: it ends in ``Ending/effectUnknown(_:)``.
    package mutating func send<Exchange: OutboundExchange, Tally: RequestTally>(
        endpoint: String, detail: String, tally: inout Tally, maxRetries: Int? = nil, idempotent: Bool = true,
        describe: (Exchange) -> String = { "\($0.answer)" }, _ send: () async -> Exchange
    ) async -> Ending<Exchange.Answer> {
        var attempts = Attempts(allowed: maxRetries ?? max(0, retry.maxAttempts - 1))
        while true {
            if let requestLimit, tally.requests >= requestLimit {
                return .stopped(.deferred("max_requests (\(requestLimit)) reached"))
            }
            let held: Turn<Exchange.Answer>? = await holdCredential(&attempts, tally: &tally)
            switch held {
            case .end(let ending)?: return ending
            case .again?: continue
            case nil: break
            }
            let slot: (ledgerID: Int64, grantedAt: Date)
            switch await reserveSlot(endpoint: endpoint) {
            case .success(let granted): slot = granted
            case .failure(let refusal): return .stopped(refusal.outcome)
            }
            let exchange = await send()
            guard exchange.reachedNetwork else {
                try? await store.cancelReservation(ledgerID: slot.ledgerID)
                switch exchange.answer.action {
                case .stop: return .stopped(.configurationError(describe(exchange)))
                case .retry, .renewToken:
                    // The credential went missing between the check and the send: the next turn fetches it again.
                    guard attempts.another() else { return registerFailure(describe(exchange)) }
                    continue
                default: return .notSent(describe(exchange))
                }
            }
            // The slot lasts until the answer: the next request cannot reach the server sooner than `min_interval`
            // after this one did, however long this one took to get there.
            await pacer.markSent(ledgerID: slot.ledgerID, grantedAt: slot.grantedAt, sentAt: clock.now())
            count(exchange, endpoint: endpoint, detail: detail, attempt: attempts.made + 1, tally: &tally)
            if !idempotent, Self.mayHaveTakenEffect(exchange) {
                await complete(slot.ledgerID, exchange.status)
                consecutiveFailures += 1
                return .effectUnknown(describe(exchange))
            }
            let turn = await react(
                to: exchange, ledgerID: slot.ledgerID, attempts: &attempts, tally: &tally, describe: describe)
            if case .end(let ending) = turn { return ending }
        }
    }

    /// Holds the service's credential before a slot is taken: nil when it is held (or none is needed), `.again`
    /// after waiting out a token endpoint that did not answer.
    private mutating func holdCredential<Answer, Tally: RequestTally>(_ attempts: inout Attempts, tally: inout Tally)
        async -> Turn<Answer>?
    {
        guard let authorize else { return nil }
        switch await authorize() {
        case .authorized: return nil
        case .refused(let message): return .end(.stopped(.configurationError(message)))
        case .unavailable(let message):
            guard attempts.another() else { return .end(registerFailure(message)) }
            tally.countRetry()
            if let stop = await backOff(retry.backoff(beforeRetry: attempts.made, using: &generator)) {
                return .end(.stopped(stop))
            }
            return .again
        }
    }

    /// Why the pacer will not let the request start.
    private struct SlotRefusal: Error {
        var outcome: RunOutcome
    }

    /// A slot from the pacer (a ledger row), marked as sent now.
    private func reserveSlot(endpoint: String) async -> Result<(ledgerID: Int64, grantedAt: Date), SlotRefusal> {
        do {
            switch try await pacer.acquire(endpoint: endpoint) {
            case .granted(let id, let at):
                await pacer.markSent(ledgerID: id, grantedAt: at, sentAt: clock.now())
                return .success((id, at))
            case .refused(let refusal):
                return .failure(SlotRefusal(outcome: Self.outcome(for: refusal)))
            }
        } catch {
            // Reserving writes the ledger row: a full disk must be said as one, not as a stop.
            let outcome = store.runOutcome(afterFailure: error) ?? .deferred("stopped while waiting")
            return .failure(SlotRefusal(outcome: outcome))
        }
    }

    /// Counts a request that reached the network, and logs it.
    private func count<Exchange: OutboundExchange, Tally: RequestTally>(
        _ exchange: Exchange, endpoint: String, detail: String, attempt: Int, tally: inout Tally
    ) {
        tally.countRequest(status: exchange.status)
        logger.debug(
            "\(service) \(endpoint) \(detail) -> \(exchange.status == 0 ? "no answer" : String(exchange.status))",
            metadata: ["ms": "\(Int(exchange.duration * 1000))", "attempt": "\(attempt)"])
        switch exchange.answer.action {
        case .throttle, .park: tally.countRateLimited()
        case .retry where exchange.status == 429: tally.countRateLimited()
        default: break
        }
    }

    /// The one handling of an answer's action, the same for every service.
    private mutating func react<Exchange: OutboundExchange, Tally: RequestTally>(
        to exchange: Exchange, ledgerID: Int64, attempts: inout Attempts, tally: inout Tally,
        describe: (Exchange) -> String
    ) async -> Turn<Exchange.Answer> {
        let action = exchange.answer.action
        if !action.handsAnswerToCaller { await complete(ledgerID, exchange.status) }
        switch action {
        case .store, .rememberMissing, .skip:
            consecutiveFailures = 0
            consecutiveThrottles = 0
            return .end(.answered(exchange.answer, action: action, ledgerID: ledgerID, status: exchange.status))
        case .retry(let after?):
            let again = attempts.another()
            if let parked = await parkIfBeyondCeiling(after, reason: "Retry-After \(DurationText.format(after))") {
                return .end(.stopped(parked))
            }
            await pacer.block(until: clock.now().addingTimeInterval(after))
            guard again else { return .end(registerFailure("\(describe(exchange)), \(attempts.made) tries")) }
        case .retry(nil):
            guard attempts.another() else { return .end(registerFailure(describe(exchange))) }
            if let stop = await backOff(retry.backoff(beforeRetry: attempts.made, using: &generator)) {
                return .end(.stopped(stop))
            }
        case .throttle:
            let again = attempts.another()
            consecutiveThrottles += 1
            let reason = "rate limited \(consecutiveThrottles) times in a row"
            if throttle.parks(afterConsecutive: consecutiveThrottles) {
                return .end(.stopped(await park(for: throttle.parkFor, reason: reason)))
            }
            let wait = throttle.wait(afterConsecutive: consecutiveThrottles)
            if let parked = await parkIfBeyondCeiling(wait, reason: reason) { return .end(.stopped(parked)) }
            await pacer.block(until: clock.now().addingTimeInterval(wait))
            guard again else { return .end(registerFailure("rate limited \(attempts.made) times")) }
        case .park(let seconds, let reason):
            await learnCeiling(retryAfter: seconds)
            let parked = await park(for: seconds ?? 86_400, reason: reason)
            if case .parked(let until, _) = parked {
                logger.warning("\(service)'s quota is spent; no request before \(until)")
            }
            return .end(.stopped(parked))
        case .renewToken:
            guard !attempts.renewedToken else {
                return .end(registerFailure("\(service) refused a freshly issued token"))
            }
            attempts.renewedToken = true
        case .disableForRun:
            return .end(.disabled(describe(exchange)))
        case .fail:
            return .end(registerFailure(describe(exchange)))
        case .stop:
            return .end(.stopped(.configurationError(describe(exchange))))
        }
        tally.countRetry()
        return .again
    }

    /// Whether an answer leaves open that the server did what was asked: no answer at all (a timeout, a lost
    /// connection), or a server error part-way through.
    private static func mayHaveTakenEffect<Exchange: OutboundExchange>(_ exchange: Exchange) -> Bool {
        guard case .retry = exchange.answer.action else { return false }
        return exchange.status == 0 || exchange.status >= 500
    }

    /// Counts a request that failed for good; the breaker's verdict when it is one too many in a row.
    package mutating func registerFailure<Answer>(_ reason: String) -> Ending<Answer> {
        consecutiveFailures += 1
        guard consecutiveFailures < retry.breakerThreshold else {
            return .stopped(.serviceUnavailable("\(consecutiveFailures) requests in a row failed; last: \(reason)"))
        }
        return .failed(reason)
    }

    /// Remembers what the ledger held when the service said its quota was spent: plans stay under a share of it.
    private func learnCeiling(retryAfter: TimeInterval?) async {
        do {
            let learned = try await store.recordQuotaExceeded(pacer.service, at: clock.now(), retryAfter: retryAfter)
            logger.notice(
                "\(service) refused after \(learned.requestsInDay) requests in the trailing 24 h (\(learned.requestsInHour) in the last hour); later plans stay under a share of that"
            )
        } catch {
            logger.error("could not record the quota's ceiling", metadata: ["error": "\(error)"])
        }
    }

    /// Closes a ledger row with the answer's status, when nothing else is written with it.
    package func complete(_ ledgerID: Int64, _ status: Int) async {
        do {
            try await store.completeRequest(ledgerID: ledgerID, status: status)
        } catch {
            logger.error("could not record a request's status", metadata: ["error": "\(error)"])
        }
    }

    /// How a refusal of the pacer ends the service's work in this run.
    package static func outcome(for refusal: Pacer.Refusal) -> RunOutcome {
        switch refusal {
        case .parked(let until, let reason): .parked(until: until, reason: reason)
        case .hourlyQuota: .deferred(PlanLimit.hourlyQuota.reason)
        case .dailyQuota: .deferred(PlanLimit.dailyQuota.reason)
        case .deadline: .deferred("max_runtime reached")
        }
    }

    private func parkIfBeyondCeiling(_ wait: TimeInterval, reason: String) async -> RunOutcome? {
        guard wait > retry.retryAfterCeiling else { return nil }
        return await park(for: wait, reason: reason)
    }

    /// Parks the service for every runner and ends its work in this run.
    private func park(for seconds: TimeInterval, reason: String) async -> RunOutcome {
        let until = clock.now().addingTimeInterval(seconds)
        await pacer.park(until: until, reason: reason)
        return .parked(until: until, reason: reason)
    }

    private func backOff(_ seconds: TimeInterval) async -> RunOutcome? {
        do {
            try await pacer.backOff(for: seconds)
            return nil
        } catch {
            return .deferred("stopped while backing off")
        }
    }
}

extension OutboundAction {
    /// Whether the caller writes what the answer says with its ledger row (`store`, `rememberMissing`, `skip`);
    /// every other action's row is completed by the pipeline.
    package var handsAnswerToCaller: Bool {
        switch self {
        case .store, .rememberMissing, .skip: true
        case .retry, .throttle, .park, .renewToken, .disableForRun, .fail, .stop: false
        }
    }
}
