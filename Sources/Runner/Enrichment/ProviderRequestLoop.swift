import CacheStore
import EnrichmentAPI
import Foundation
import Logging
import SwingCache

/// Sends one provider request through its pacer, retrying as its answer asks, and says how it ended.
///
/// A retried or given-up request's ledger row is completed here; an answer to store is handed back with its
/// ledger id, so the caller writes the facts and completes the row in one transaction.
struct ProviderRequestLoop {
    enum Ending<Answer> {
        /// `.store` or `.rememberMissing`: write it with `.complete(ledgerID:status:)`.
        case answered(Answer, ledgerID: Int64, status: Int)
        case skipped(String)
        /// The provider is done for this run.
        case disabled(String)
        /// The pacer refused: the budget, the deadline or a parked service.
        case refused(String)
        case failed(String)
    }

    var store: SQLiteCacheStore
    var clock: any RunClock
    var retry: RetryPolicy
    var logger: Logger
    /// The most requests the provider's summary may count in this run; nil for no limit.
    var maxRequests: Int?

    /// Sends `send` until its answer is final; `maxRetries` bounds the retries (the retry policy's by default).
    func run<Answer: ActionableAnswer>(
        endpoint: String, pacer: Pacer, summary: inout ProviderSummary, maxRetries: Int? = nil,
        send: () async -> (status: Int, answer: Answer, reachedNetwork: Bool)
    ) async -> Ending<Answer> {
        let retries = maxRetries ?? max(0, retry.maxAttempts - 1)
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            if let maxRequests, summary.requests >= maxRequests {
                return .refused("max_requests (\(maxRequests)) reached")
            }
            let acquisition: Pacer.Acquisition
            do {
                acquisition = try await pacer.acquire(endpoint: endpoint)
            } catch {
                return .refused("stopped while waiting")
            }
            guard case .granted(let ledgerID, let grantedAt) = acquisition else {
                if case .refused(let refusal) = acquisition { return .refused(Self.describe(refusal)) }
                return .refused("refused")
            }
            await pacer.markSent(ledgerID: ledgerID, grantedAt: grantedAt, sentAt: clock.now())
            let sent = await send()
            if sent.reachedNetwork {
                summary.requests += 1
                summary.byStatus[String(sent.status), default: 0] += 1
            }
            switch sent.answer.action {
            case .store, .rememberMissing:
                return .answered(sent.answer, ledgerID: ledgerID, status: sent.status)
            case .skipItem:
                complete(ledgerID, sent.status)
                return .skipped("\(sent.answer)")
            case .disableForRun:
                complete(ledgerID, sent.status)
                return .disabled("\(sent.answer)")
            case .retry(let after):
                complete(ledgerID, sent.status)
                attempt += 1
                guard attempt <= retries else {
                    return .failed("\("\(sent.answer)"), \(attempt) tries")
                }
                let wait = min(
                    retry.retryAfterCeiling,
                    after.map { $0 * Double(attempt) } ?? retry.backoff(beforeRetry: attempt, using: &generator))
                do {
                    try await pacer.backOff(for: wait)
                } catch {
                    return .refused("stopped while waiting")
                }
            }
        }
    }

    func complete(_ ledgerID: Int64, _ status: Int) {
        do {
            try store.completeRequest(ledgerID: ledgerID, status: status)
        } catch {
            logger.error("could not record a request's status", metadata: ["error": "\(error)"])
        }
    }

    static func describe(_ refusal: Pacer.Refusal) -> String {
        switch refusal {
        case .parked(let until, let reason): "parked until \(until)\(reason.map { " (\($0))" } ?? "")"
        case .hourlyQuota: "the hourly budget is spent"
        case .deadline: "max_runtime reached"
        }
    }
}

/// A provider answer that says what the run does next.
protocol ActionableAnswer: Sendable {
    var action: ProviderAction { get }
}

extension LastFMAnswer: ActionableAnswer {}
extension MusicBrainzAnswer: ActionableAnswer {}
extension ListenBrainzAnswer: ActionableAnswer {}
extension DeezerAnswer: ActionableAnswer {}
extension OdesliAnswer: ActionableAnswer {}
