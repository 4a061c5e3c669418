import Foundation
import SwingCache

/// One exchange with ListenBrainz, with the rate-limit headers every ListenBrainz answer carries.
public struct ListenBrainzRateLimitedExchange<Request: Sendable, Answer: Sendable>: Sendable {
    public var request: Request
    /// The HTTP status, or 0 when no answer came back or no request was sent.
    public var status: Int
    public var answer: Answer
    /// The `X-RateLimit-*` headers of the answer; nil when there was no answer or it had none.
    public var rateLimit: ListenBrainzRateLimit?
    /// Whether a request reached the network (and so counts against the budget).
    public var reachedNetwork: Bool
    public var duration: TimeInterval

    public init(
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
