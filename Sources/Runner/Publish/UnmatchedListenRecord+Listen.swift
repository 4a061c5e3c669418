import CacheStore
import EnrichmentAPI

extension UnmatchedListenRecord {
    init(_ listen: Listen) {
        self.init(
            source: listen.source.rawValue, listenedAt: listen.timestamp, artist: listen.artist, title: listen.title,
            album: listen.album, recordingMBID: listen.recordingMBID)
    }
}

extension Listen {
    /// A kept listen as it was read; nil for a service this version does not know.
    init?(_ record: UnmatchedListenRecord) {
        guard let source = ListenSource(rawValue: record.source) else { return nil }
        self.init(
            source: source, artist: record.artist, title: record.title, album: record.album,
            recordingMBID: record.recordingMBID, timestamp: record.listenedAt)
    }
}
