/// The services swingcache enriches its cache from, by the name the request ledger and the service state use.
///
/// ```swift
/// try store.recordRequest(LedgerEntry(service: ProviderName.musicbrainz.serviceName, …))
/// ```
public enum ProviderName: String, CaseIterable, Hashable, Sendable {
    case lastfm
    case musicbrainz
    case listenbrainz
    case deezer
    case odesli

    /// The service's name in the ledger, the service state and logs: the raw value, `musicbrainz`.
    public var serviceName: String { rawValue }

    /// The name people know the service by, for messages: `MusicBrainz`.
    public var displayName: String {
        switch self {
        case .lastfm: "Last.fm"
        case .musicbrainz: "MusicBrainz"
        case .listenbrainz: "ListenBrainz"
        case .deezer: "Deezer"
        case .odesli: "Odesli"
        }
    }
}
