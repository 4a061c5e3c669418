/// How often ListenBrainz users listened to one recording; both counts are nil when ListenBrainz has none.
public struct ListenBrainzPopularity: Hashable, Sendable {
    public var mbid: String
    public var listenCount: Int?
    public var userCount: Int?

    public init(mbid: String, listenCount: Int?, userCount: Int?) {
        self.mbid = mbid
        self.listenCount = listenCount
        self.userCount = userCount
    }
}
