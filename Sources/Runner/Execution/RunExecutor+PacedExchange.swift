import CacheStore
import Foundation
import SpotifyAPI
import SwingCache

extension RunExecutor {
    /// How a paced exchange ended: with an answer only the caller can act on, or with a result for the run.
    enum PacedExchange<Request: Sendable> {
        /// An answer the caller handles: `.found`, `.searched`, `.batchForbidden` or `.badRequest`. Its ledger row
        /// is still open: the caller completes it, with what it stores or alone.
        case answered(SpotifyExchange<Request>, ledgerID: Int64)
        /// The request failed for good (`.failed`) or the run must stop (`.stop`); the ledger is already complete.
        case ended(ItemResult)
    }

    /// Sends one Spotify request the way every request of a run is sent: a token first, a slot from the pacer (a
    /// ledger row), then the request; 429 waits out Retry-After (parks beyond the ceiling), `QUOTA_EXCEEDED`
    /// parks the service, 401 renews the token once, 5xx and network errors back off and retry a bounded number
    /// of times. Every request that reached the network is counted in `run.summary`.
    ///
    /// ```swift
    /// switch await pacedExchange(endpoint: request.endpoint, detail: "1 file", pacer: pacer, run: &run, {
    ///     await client.searchTracks(request)
    /// }) { … }
    /// ```
    func pacedExchange<Request: Sendable>(
        endpoint: String, detail: String, pacer: Pacer, run: inout RunState,
        _ send: () async -> SpotifyExchange<Request>
    ) async -> PacedExchange<Request> {
        var attempt = 1
        var renewedToken = false
        while true {
            do {
                try await client.prepareToken()
            } catch {
                switch error {
                case .invalidCredentials(let message): return .ended(.stop(.configurationError(message)))
                case .unavailable(let message):
                    guard attempt < retry.maxAttempts else { return .ended(.failed(message)) }
                    attempt += 1
                    if let stop = await backOff(beforeRetry: attempt - 1, pacer: pacer, run: &run) {
                        return .ended(stop)
                    }
                    continue
                }
            }
            let ledgerID: Int64
            let grantedAt: Date
            do {
                switch try await pacer.acquire(endpoint: endpoint) {
                case .granted(let id, let at):
                    ledgerID = id
                    grantedAt = at
                case .refused(let refusal): return .ended(.stop(outcome(for: refusal)))
                }
            } catch {
                return .ended(.stop(.deferred("stopped while waiting")))
            }
            await pacer.markSent(ledgerID: ledgerID, grantedAt: grantedAt, sentAt: clock.now())
            let exchange = await send()
            guard exchange.reachedNetwork else {
                try? store.cancelReservation(ledgerID: ledgerID)
                if case .noToken(.invalidCredentials(let message)) = exchange.answer {
                    return .ended(.stop(.configurationError(message)))
                }
                continue
            }
            run.summary.requests += 1
            run.summary.responsesByStatus[exchange.status, default: 0] += 1
            logger.debug(
                "\(endpoint) \(detail) -> \(exchange.status == 0 ? "no answer" : String(exchange.status))",
                metadata: ["ms": "\(Int(exchange.duration * 1000))", "attempt": "\(attempt)"])

            switch exchange.answer {
            case .found, .searched, .batchForbidden, .badRequest:
                return .answered(exchange, ledgerID: ledgerID)
            case .rateLimited(let retryAfter):
                complete(ledgerID, exchange.status)
                run.summary.rateLimited += 1
                let wait = retryAfter ?? retry.backoff(beforeRetry: attempt, using: &run.generator)
                let until = clock.now().addingTimeInterval(wait)
                if wait > retry.retryAfterCeiling {
                    await pacer.park(until: until, reason: "Retry-After \(DurationText.format(wait))")
                    return .ended(.stop(.parked(until: until, reason: "Retry-After \(DurationText.format(wait))")))
                }
                await pacer.block(until: until)
                guard attempt < retry.maxAttempts else { return .ended(.failed("rate limited \(attempt) times")) }
                attempt += 1
                run.summary.retries += 1
            case .quotaExceeded(let retryAfter):
                complete(ledgerID, exchange.status)
                run.summary.rateLimited += 1
                let until = clock.now().addingTimeInterval(retryAfter ?? 24 * 3600)
                await pacer.park(until: until, reason: "QUOTA_EXCEEDED")
                logger.warning("Spotify's quota is spent; no request before \(until)")
                return .ended(.stop(.parked(until: until, reason: "QUOTA_EXCEEDED")))
            case .unauthorized:
                complete(ledgerID, exchange.status)
                guard !renewedToken else { return .ended(.failed("Spotify refused a freshly issued token")) }
                renewedToken = true
                run.summary.retries += 1
            case .forbidden(let message):
                complete(ledgerID, exchange.status)
                return .ended(
                    .stop(
                        .configurationError(
                            "Spotify refused \(endpoint) with 403 (\(message)): the app may be blocked, or its owner may lack Premium"
                        )))
            case .serverError, .transportFailed:
                complete(ledgerID, exchange.status)
                guard attempt < retry.maxAttempts else { return .ended(.failed(describe(exchange))) }
                attempt += 1
                if let stop = await backOff(beforeRetry: attempt - 1, pacer: pacer, run: &run) {
                    return .ended(stop)
                }
            case .unexpectedStatus, .malformed:
                complete(ledgerID, exchange.status)
                return .ended(.failed(describe(exchange)))
            case .noToken:
                continue
            }
        }
    }

    func backOff(beforeRetry retryNumber: Int, pacer: Pacer, run: inout RunState) async -> ItemResult? {
        run.summary.retries += 1
        do {
            try await pacer.backOff(for: retry.backoff(beforeRetry: retryNumber, using: &run.generator))
            return nil
        } catch {
            return .stop(.deferred("stopped while backing off"))
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

    func outcome(for refusal: Pacer.Refusal) -> RunOutcome {
        switch refusal {
        case .parked(let until, let reason): .parked(until: until, reason: reason)
        case .hourlyQuota: .deferred(PlanWording.reason(.hourlyQuota))
        case .deadline: .deferred("max_runtime reached")
        }
    }

    func describe<Request>(_ exchange: SpotifyExchange<Request>) -> String {
        switch exchange.answer {
        case .serverError(let status): "Spotify answered \(status)"
        case .unexpectedStatus(let status): "Spotify answered an unexpected \(status)"
        case .transportFailed(let message): "no answer (\(message))"
        case .malformed(let reason): "a malformed answer: \(reason)"
        default: "status \(exchange.status)"
        }
    }
}
