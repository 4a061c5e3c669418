import EnrichmentAPI
import Foundation
import SpotifyAPI
import SwingCache

/// One request's exchange as the pipeline reads it, whatever the service.
protocol OutboundExchange: Sendable {
    associatedtype Answer: OutboundAnswer
    /// The HTTP status, or 0 when no answer came back or no request was sent.
    var status: Int { get }
    var answer: Answer { get }
    /// Whether a request reached the network (and so counts against the budget).
    var reachedNetwork: Bool { get }
    var duration: TimeInterval { get }
}

extension SpotifyExchange: OutboundExchange {}

extension EnrichmentExchange: OutboundExchange where Answer: OutboundAnswer {}

extension ListenBrainzExchange: OutboundExchange {}
