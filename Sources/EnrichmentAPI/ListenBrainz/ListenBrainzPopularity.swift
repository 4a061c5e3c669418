/// How often ListenBrainz users listened to one recording; both counts are nil when ListenBrainz has none.
package struct ListenBrainzPopularity: Hashable, Sendable {
    package var mbid: String
    package var listenCount: Int?
    package var userCount: Int?

    package init(mbid: String, listenCount: Int?, userCount: Int?) {
        self.mbid = mbid
        self.listenCount = listenCount
        self.userCount = userCount
    }
}
