import CacheStore
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
///                               throttle: ProviderName.lastfm.throttle, logger: logger)
/// switch await lastfm.send(endpoint: "track.getInfo", detail: key, tally: &summary, { await client.trackInfo(…) }) {
/// case .answered(let answer, _, let ledgerID, let status): …
/// case .failed, .notSent: continue
/// case .disabled, .stopped: return
/// }
/// ```
struct OutboundPipeline {
    /// How one request ended.
    enum Ending<Answer> {
        /// `store`, `rememberMissing` or `skip`: the caller reads the answer and completes the ledger row.
        case answered(Answer, action: OutboundAction, ledgerID: Int64, status: Int)
        /// The request could not be valid and was not sent; nothing was counted.
        case notSent(String)
        /// The request failed for good (retries spent, an unreadable answer); the run goes on with the next item.
        case failed(String)
        /// The service is off for the rest of the run (a refused key, a retired API).
        case disabled(String)
        /// The service may not be called again in this run: parked, out of budget, stopped, broken, misconfigured.
        case stopped(RunOutcome)
    }

    /// What obtaining the service's credential came to, before a slot is taken.
    enum Authorization {
        case authorized
        /// Fatal: the credentials are wrong (`invalid_client`).
        case refused(String)
        /// Worth trying again: the token endpoint did not answer.
        case unavailable(String)
    }

    /// The service's name for people: `Spotify`, `Last.fm`.
    let service: String
    let pacer: Pacer
    let store: SQLiteCacheStore
    let clock: any RunClock
    let retry: RetryPolicy
    let throttle: ThrottlePolicy
    let logger: Logger
    /// Obtains the credential before each slot, so a failed token fetch never costs a budget slot; nil when the
    /// service's key travels in the request.
    var authorize: (@Sendable () async -> Authorization)?
    /// The most requests the tally may count; nil for no limit.
    var requestLimit: Int?
    /// Requests in a row that failed for good; the breaker stops the service at ``RetryPolicy/breakerThreshold``.
    private(set) var consecutiveFailures = 0
    private var consecutiveThrottles = 0
    private var generator = SystemRandomNumberGenerator()

    init(
        service: String, pacer: Pacer, store: SQLiteCacheStore, clock: any RunClock, retry: RetryPolicy,
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

    /// Sends `send` until its answer is final. `maxRetries` bounds the retries of this request (the retry policy's
    /// by default); `describe` words an answer for a message.
    mutating func send<Exchange: OutboundExchange, Tally: RequestTally>(
        endpoint: String, detail: String, tally: inout Tally, maxRetries: Int? = nil,
        describe: (Exchange) -> String = { "\($0.answer)" }, _ send: () async -> Exchange
    ) async -> Ending<Exchange.Answer> {
        let retries = maxRetries ?? max(0, retry.maxAttempts - 1)
        var attempt = 0
        var renewedToken = false
        while true {
            if let requestLimit, tally.requests >= requestLimit {
                return .stopped(.deferred("max_requests (\(requestLimit)) reached"))
            }
            if let authorize {
                switch await authorize() {
                case .authorized: break
                case .refused(let message): return .stopped(.configurationError(message))
                case .unavailable(let message):
                    attempt += 1
                    guard attempt <= retries else { return registerFailure(message) }
                    tally.countRetry()
                    if let stop = await backOff(retry.backoff(beforeRetry: attempt, using: &generator)) {
                        return .stopped(stop)
                    }
                    continue
                }
            }
            let ledgerID: Int64
            let grantedAt: Date
            do {
                switch try await pacer.acquire(endpoint: endpoint) {
                case .granted(let id, let at):
                    (ledgerID, grantedAt) = (id, at)
                    await pacer.markSent(ledgerID: id, grantedAt: at, sentAt: clock.now())
                case .refused(let refusal):
                    return .stopped(Self.outcome(for: refusal))
                }
            } catch {
                return .stopped(.deferred("stopped while waiting"))
            }
            let exchange = await send()
            let action = exchange.answer.action
            if exchange.reachedNetwork {
                // The slot lasts until the answer: the next request cannot reach the server sooner than
                // `min_interval` after this one did, however long this one took to get there.
                await pacer.markSent(ledgerID: ledgerID, grantedAt: grantedAt, sentAt: clock.now())
            }
            guard exchange.reachedNetwork else {
                try? store.cancelReservation(ledgerID: ledgerID)
                switch action {
                case .stop: return .stopped(.configurationError(describe(exchange)))
                case .retry, .renewToken:
                    // The credential went missing between the check and the send: the next turn fetches it again.
                    attempt += 1
                    guard attempt <= retries else { return registerFailure(describe(exchange)) }
                    continue
                default: return .notSent(describe(exchange))
                }
            }
            tally.countRequest(status: exchange.status)
            logger.debug(
                "\(service) \(endpoint) \(detail) -> \(exchange.status == 0 ? "no answer" : String(exchange.status))",
                metadata: ["ms": "\(Int(exchange.duration * 1000))", "attempt": "\(attempt + 1)"])
            switch action {
            case .throttle, .park: tally.countRateLimited()
            case .retry where exchange.status == 429: tally.countRateLimited()
            default: break
            }

            switch action {
            case .store, .rememberMissing, .skip:
                consecutiveFailures = 0
                consecutiveThrottles = 0
                return .answered(exchange.answer, action: action, ledgerID: ledgerID, status: exchange.status)
            case .retry(let after?):
                complete(ledgerID, exchange.status)
                attempt += 1
                if let parked = await parkIfBeyondCeiling(after, reason: "Retry-After \(DurationText.format(after))") {
                    return .stopped(parked)
                }
                await pacer.block(until: clock.now().addingTimeInterval(after))
                guard attempt <= retries else {
                    return registerFailure("\(describe(exchange)), \(attempt) tries")
                }
                tally.countRetry()
            case .retry(nil):
                complete(ledgerID, exchange.status)
                attempt += 1
                guard attempt <= retries else { return registerFailure(describe(exchange)) }
                tally.countRetry()
                if let stop = await backOff(retry.backoff(beforeRetry: attempt, using: &generator)) {
                    return .stopped(stop)
                }
            case .throttle:
                complete(ledgerID, exchange.status)
                attempt += 1
                consecutiveThrottles += 1
                let reason = "rate limited \(consecutiveThrottles) times in a row"
                if throttle.parks(afterConsecutive: consecutiveThrottles) {
                    return .stopped(await park(for: throttle.parkFor, reason: reason))
                }
                let wait = throttle.wait(afterConsecutive: consecutiveThrottles)
                if let parked = await parkIfBeyondCeiling(wait, reason: reason) { return .stopped(parked) }
                await pacer.block(until: clock.now().addingTimeInterval(wait))
                guard attempt <= retries else { return registerFailure("rate limited \(attempt) times") }
                tally.countRetry()
            case .park(let seconds, let reason):
                complete(ledgerID, exchange.status)
                learnCeiling(retryAfter: seconds)
                let parked = await park(for: seconds ?? 86_400, reason: reason)
                if case .parked(let until, _) = parked {
                    logger.warning("\(service)'s quota is spent; no request before \(until)")
                }
                return .stopped(parked)
            case .renewToken:
                complete(ledgerID, exchange.status)
                guard !renewedToken else { return registerFailure("\(service) refused a freshly issued token") }
                renewedToken = true
                tally.countRetry()
            case .disableForRun:
                complete(ledgerID, exchange.status)
                return .disabled(describe(exchange))
            case .fail:
                complete(ledgerID, exchange.status)
                return registerFailure(describe(exchange))
            case .stop:
                complete(ledgerID, exchange.status)
                return .stopped(.configurationError(describe(exchange)))
            }
        }
    }

    /// Counts a request that failed for good; the breaker's verdict when it is one too many in a row.
    mutating func registerFailure<Answer>(_ reason: String) -> Ending<Answer> {
        consecutiveFailures += 1
        guard consecutiveFailures < retry.breakerThreshold else {
            return .stopped(.serviceUnavailable("\(consecutiveFailures) requests in a row failed; last: \(reason)"))
        }
        return .failed(reason)
    }

    /// Remembers what the ledger held when the service said its quota was spent: plans stay under a share of it.
    private func learnCeiling(retryAfter: TimeInterval?) {
        do {
            let learned = try store.recordQuotaExceeded(pacer.service, at: clock.now(), retryAfter: retryAfter)
            logger.notice(
                "\(service) refused after \(learned.requestsInDay) requests in the trailing 24 h (\(learned.requestsInHour) in the last hour); later plans stay under a share of that"
            )
        } catch {
            logger.error("could not record the quota's ceiling", metadata: ["error": "\(error)"])
        }
    }

    /// Closes a ledger row with the answer's status, when nothing else is written with it.
    func complete(_ ledgerID: Int64, _ status: Int) {
        do {
            try store.completeRequest(ledgerID: ledgerID, status: status)
        } catch {
            logger.error("could not record a request's status", metadata: ["error": "\(error)"])
        }
    }

    /// How a refusal of the pacer ends the service's work in this run.
    static func outcome(for refusal: Pacer.Refusal) -> RunOutcome {
        switch refusal {
        case .parked(let until, let reason): .parked(until: until, reason: reason)
        case .hourlyQuota: .deferred(PlanWording.reason(.hourlyQuota))
        case .dailyQuota: .deferred(PlanWording.reason(.dailyQuota))
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
