import Foundation
import SwingCache

/// One exchange with a provider: what was asked, what came back.
///
/// Each client names its own: `LastFMExchange`, `MusicBrainzRecordingExchange`, `DeezerExchange`, …
package struct EnrichmentExchange<Request: Sendable, Answer: Sendable>: Sendable {
    package var request: Request
    /// The HTTP status, or 0 when no answer came back or no request was sent.
    package var status: Int
    package var answer: Answer
    /// Whether a request reached the network (and so counts against the budget).
    package var reachedNetwork: Bool
    package var duration: TimeInterval

    package init(request: Request, status: Int, answer: Answer, reachedNetwork: Bool, duration: TimeInterval) {
        self.request = request
        self.status = status
        self.answer = answer
        self.reachedNetwork = reachedNetwork
        self.duration = duration
    }
}

extension EnrichmentExchange: OutboundExchange where Answer: OutboundAnswer {}
