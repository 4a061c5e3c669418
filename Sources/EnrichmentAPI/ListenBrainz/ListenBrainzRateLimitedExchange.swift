import Foundation
import Outbound
import SwingCache

/// One exchange with ListenBrainz, with the rate-limit headers every ListenBrainz answer carries.
package struct ListenBrainzRateLimitedExchange<Request: Sendable, Answer: Sendable>: Sendable {
    package var request: Request
    /// The HTTP status, or 0 when no answer came back or no request was sent.
    package var status: Int
    package var answer: Answer
    /// The `X-RateLimit-*` headers of the answer; nil when there was no answer or it had none.
    package var rateLimit: ListenBrainzRateLimit?
    /// Whether a request reached the network (and so counts against the budget).
    package var reachedNetwork: Bool
    package var duration: TimeInterval

    package init(
        request: Request, status: Int, answer: Answer, rateLimit: ListenBrainzRateLimit?, reachedNetwork: Bool,
        duration: TimeInterval
    ) {
        self.request = request
        self.status = status
        self.answer = answer
        self.rateLimit = rateLimit
        self.reachedNetwork = reachedNetwork
        self.duration = duration
    }
}

extension ListenBrainzRateLimitedExchange: OutboundExchange where Answer: OutboundAnswer {}
