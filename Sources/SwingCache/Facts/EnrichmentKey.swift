/// The key a provider fact is stored and looked up by.
package enum EnrichmentKey: Hashable, Sendable {
    case lastfmTrack(LastfmTrackKey)
    case musicbrainzRecording(isrc: String)
    case listenbrainzPopularity(mbid: String)
    case trackLink(isrc: String, platform: String)
    /// A MusicBrainz recording search for a file without an ISRC, for the file's tags.
    case musicbrainzSearch(filepath: String, fingerprint: String)
    /// A provider's own fact of an ISRC, in its table (``ISRCFactTable/name``): ``ISRCFactTable/key(_:)``.
    case isrcFact(table: String, isrc: String)
}
