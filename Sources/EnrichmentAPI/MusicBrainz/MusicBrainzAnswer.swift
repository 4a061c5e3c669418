import Outbound
import SwingCache

/// What one MusicBrainz request came to, classified as the run must treat it.
///
/// | status | answer |
/// |---|---|
/// | 200 | `found` (or `malformed`) |
/// | 404 | `notFound` |
/// | 503 | `busy`: over the rate, or busy anyway (about 1 in 4 at a compliant pace in 2026) |
/// | 403 | `forbidden`: the User-Agent was refused, a configuration error |
/// | 400 | `badRequest` |
/// | other 5xx | `serverError` |
package enum MusicBrainzAnswer<Found: Hashable & Sendable>: Hashable, Sendable {
    case found(Found)
    case notFound
    /// 503: retry up to ``MusicBrainzPolicy/maxBusyRetries`` times, at least ``MusicBrainzPolicy/busyBackoff`` apart.
    case busy
    /// 403: MusicBrainz refuses the User-Agent; MusicBrainz is off until the configuration names a contact.
    case forbidden(String)
    /// 400: MusicBrainz rejected the id.
    case badRequest(String)
    case serverError(status: Int)
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// A 200 whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// The request was not sent.
    case invalidRequest(String)
}

extension MusicBrainzAnswer: ProviderAnswer {}

extension MusicBrainzAnswer {
    /// What the run does next; `busy` retries at the policy's backoff, the runner counting the retries.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .notFound: .rememberMissing
        case .busy: .retry(after: MusicBrainzPolicy.standard.busyBackoff)
        case .serverError, .transportFailed: .retry(after: nil)
        case .forbidden: .disableForRun
        case .badRequest, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

/// One ISRC look-up: the recordings of the ISRC, in MusicBrainz's order.
package typealias MusicBrainzRecordingsExchange = EnrichmentExchange<
    MusicBrainzRequest, MusicBrainzAnswer<[MusicBrainzRecording]>
>

/// One recording look-up.
package typealias MusicBrainzRecordingExchange = EnrichmentExchange<
    MusicBrainzRequest, MusicBrainzAnswer<MusicBrainzRecording>
>

/// One recording search.
package typealias MusicBrainzSearchExchange = EnrichmentExchange<
    MusicBrainzRequest, MusicBrainzAnswer<[MusicBrainzSearchHit]>
>

extension MusicBrainzAnswer: OutboundAnswer {}
