import SwingCache
import Synchronization

/// The tracks, albums and artists a search by artist and title made up, kept so `GET /v1/{kind}s/{id}` finds them.
///
/// Their names come from the query, which an id of 22 characters cannot carry, so the server remembers them; every
/// entry is a pure function of the query, so the same search always registers the same objects.
final class SearchHitRegistry: Sendable {
    private let entities = Mutex<[EntityKind: [String: JSONValue]]>([:])
    private let tracksByISRC = Mutex<[String: JSONValue]>([:])

    /// Keeps `object` as the answer for `id`.
    func register(_ kind: EntityKind, id: String, object: JSONValue) {
        entities.withLock { $0[kind, default: [:]][id] = object }
    }

    /// Keeps `track` as the recording of `isrc`, unless a search registered one first.
    func register(track: JSONValue, isrc: String) {
        tracksByISRC.withLock { if $0[isrc] == nil { $0[isrc] = track } }
    }

    /// The track a search registered for `isrc`, if any.
    func track(withISRC isrc: String) -> JSONValue? {
        tracksByISRC.withLock { $0[isrc] }
    }

    /// The object a search registered under `id`, if any.
    func entity(_ kind: EntityKind, id: String) -> JSONValue? {
        entities.withLock { $0[kind]?[id] }
    }
}
