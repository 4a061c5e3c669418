/// One page of a user's Last.fm scrobbles, without the track playing now.
package struct LastFMRecentTracksPage: Hashable, Sendable {
    /// The page's scrobbles, newest first, as Last.fm sent them.
    package var listens: [Listen]
    /// This page's number, from 1.
    package var page: Int
    /// How many pages the request's time range has: 0 or 1 for an empty history.
    package var totalPages: Int
    /// How many scrobbles the request's time range has.
    package var total: Int

    package init(listens: [Listen], page: Int, totalPages: Int, total: Int) {
        self.listens = listens
        self.page = page
        self.totalPages = totalPages
        self.total = total
    }
}
