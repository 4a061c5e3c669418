/// A ``FixtureHistory`` in the order the fake services serve it, sorted once: a history of 100 000 listens is paged
/// through 500 times.
struct ServedHistory: Sendable {
    private let lastfm: [String: [FixtureHistory.Listen]]
    private let listenbrainz: [String: [FixtureHistory.Listen]]

    init(_ history: FixtureHistory) {
        lastfm = Self.byLowercasedName(history.lastfm).mapValues { listens in
            listens.filter { $0.timestamp == nil } + Self.newestFirst(listens.filter { $0.timestamp != nil })
        }
        listenbrainz = Self.byLowercasedName(history.listenbrainz).mapValues {
            Self.newestFirst($0.filter { $0.timestamp != nil })
        }
    }

    /// `name`'s Last.fm listens, newest first, the track playing now (if any) first of all; nil for an unknown user.
    func lastfmListens(of name: String) -> [FixtureHistory.Listen]? {
        lastfm[name.lowercased()]
    }

    /// `name`'s ListenBrainz listens, newest first; those without a timestamp are left out; nil for an unknown user.
    func listenbrainzListens(of name: String) -> [FixtureHistory.Listen]? {
        listenbrainz[name.lowercased()]
    }

    /// Names are matched without regard to case; of two that differ only in case, the first in name order is served.
    private static func byLowercasedName(_ users: [String: [FixtureHistory.Listen]]) -> [String: [FixtureHistory
        .Listen]]
    {
        var served: [String: [FixtureHistory.Listen]] = [:]
        for (name, listens) in users.sorted(by: { $0.key < $1.key }) where served[name.lowercased()] == nil {
            served[name.lowercased()] = listens
        }
        return served
    }

    private static func newestFirst(_ listens: [FixtureHistory.Listen]) -> [FixtureHistory.Listen] {
        listens.enumerated().sorted {
            ($0.element.timestamp ?? 0, -$0.offset) > ($1.element.timestamp ?? 0, -$1.offset)
        }
        .map(\.element)
    }
}
