import Foundation
import SwingCache

/// Turns Spotify's JSON into catalog entities, keeping each one's trimmed raw answer.
enum CatalogDecoder {
    struct Malformed: Error {
        var reason: String
    }

    /// Keys dropped from raw answers: long, and nobody queries them (Development Mode omits them anyway).
    static let trimmedKeys: Set<String> = ["available_markets"]

    /// Decodes a batch answer (`{"tracks": [...]}`) or a single object, pairing elements with the requested ids
    /// by position. `null` elements are ids Spotify does not know.
    static func decode(
        _ body: Data, kind: EntityKind, requested ids: [SpotifyID], batch: Bool
    ) throws(Malformed) -> (entities: [CatalogEntity], missing: [SpotifyID]) {
        // The bytes Spotify sent for each element, trimmed where they lie: no decoding and re-encoding of the
        // whole answer. An answer of another shape takes the way below, whose messages say what is wrong.
        if let elements = RawJSON.elements(
            of: body, listedUnder: batch ? kind.plural : nil, trimming: trimmedKeys),
            elements.count == ids.count
        {
            let decoder = payloadDecoder()
            var entities: [CatalogEntity] = []
            var missing: [SpotifyID] = []
            for (id, element) in zip(ids, elements) {
                if let raw = element {
                    entities.append(try entity(id: id, raw: raw, decoder: decoder))
                } else {
                    missing.append(id)
                }
            }
            return (entities, missing)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw Malformed(reason: "the answer is not JSON (\(body.count) bytes)")
        }
        let elements: [Any]
        if batch {
            guard let wrapper = object as? [String: Any], let list = wrapper[kind.plural] as? [Any] else {
                throw Malformed(reason: "the answer has no '\(kind.plural)' list")
            }
            elements = list
        } else {
            elements = [object]
        }
        guard elements.count == ids.count else {
            throw Malformed(reason: "asked for \(ids.count) \(kind.plural), the answer has \(elements.count)")
        }
        var entities: [CatalogEntity] = []
        var missing: [SpotifyID] = []
        for (id, element) in zip(ids, elements) {
            if element is NSNull {
                missing.append(id)
                continue
            }
            guard let dictionary = element as? [String: Any] else {
                throw Malformed(reason: "an element of the answer is not an object")
            }
            entities.append(try entity(id: id, from: trim(dictionary), decoder: payloadDecoder()))
        }
        return (entities, missing)
    }

    /// Decodes the tracks of a search answer, each with the raw bytes `GET /tracks/{id}` would store for it.
    ///
    /// A search answer's items are full track objects, so the one a match chooses can be stored as it is: the bytes
    /// Spotify sent, trimmed where they lie, as ``decode(_:kind:requested:batch:)`` keeps them.
    static func decodeSearch(_ body: Data) throws(Malformed) -> [Track] {
        if let items = RawJSON.elements(of: body, listedUnder: ["tracks", "items"], trimming: trimmedKeys) {
            let decoder = payloadDecoder()
            var found: [Track] = []
            for case let raw? in items {
                guard let id = (try? decoder.decode(IdentifiedPayload.self, from: raw))?.id else { continue }
                if case .track(let track) = try entity(
                    id: SpotifyID(kind: .track, value: id), raw: raw, decoder: decoder)
                {
                    found.append(track)
                }
            }
            return found
        }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let tracks = object["tracks"] as? [String: Any], let items = tracks["items"] as? [Any]
        else { throw Malformed(reason: "the search answer has no 'tracks.items' list") }
        var found: [Track] = []
        for item in items {
            guard let dictionary = item as? [String: Any], let id = dictionary["id"] as? String else { continue }
            if case .track(let track) = try entity(
                id: SpotifyID(kind: .track, value: id), from: trim(dictionary), decoder: payloadDecoder())
            {
                found.append(track)
            }
        }
        return found
    }

    static func trim(_ dictionary: [String: Any]) -> [String: Any] {
        var trimmed: [String: Any] = [:]
        for (key, value) in dictionary where !trimmedKeys.contains(key) {
            trimmed[key] = trimValue(value)
        }
        return trimmed
    }

    private static func trimValue(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return trim(dictionary) }
        if let list = value as? [Any] { return list.map(trimValue) }
        return value
    }

    /// The decoder of the payload types, whose coding keys are Spotify's snake_case names.
    static func payloadDecoder() -> JSONDecoder { JSONDecoder() }

    private static func entity(
        id: SpotifyID, from dictionary: [String: Any], decoder: JSONDecoder
    ) throws(Malformed) -> CatalogEntity {
        let raw: Data
        do {
            raw = try JSONSerialization.data(withJSONObject: dictionary, options: [.sortedKeys])
        } catch {
            throw Malformed(reason: "the \(id.kind.rawValue) \(id.value) cannot be re-encoded")
        }
        return try entity(id: id, raw: raw, decoder: decoder)
    }

    /// The entity in `raw`, one element of an answer as stored.
    private static func entity(id: SpotifyID, raw: Data, decoder: JSONDecoder) throws(Malformed) -> CatalogEntity {
        do {
            switch id.kind {
            case .track:
                let payload = try decoder.decode(TrackPayload.self, from: raw)
                return .track(
                    Track(
                        id: id.value, name: payload.name, albumID: payload.album?.id, albumName: payload.album?.name,
                        artistIDs: payload.artists?.compactMap(\.id) ?? [],
                        artistNames: payload.artists?.map(\.name) ?? [], isrc: payload.externalIds?.isrc,
                        durationMs: payload.durationMs, explicit: payload.explicit, popularity: payload.popularity,
                        trackNumber: payload.trackNumber, discNumber: payload.discNumber,
                        releaseDate: payload.album?.releaseDate, imageURL: payload.album?.images?.largestURL, raw: raw))
            case .album:
                let payload = try decoder.decode(AlbumPayload.self, from: raw)
                return .album(
                    Album(
                        id: id.value, name: payload.name, albumType: payload.albumType,
                        artistIDs: payload.artists?.compactMap(\.id) ?? [],
                        artistNames: payload.artists?.map(\.name) ?? [], releaseDate: payload.releaseDate,
                        releaseDatePrecision: payload.releaseDatePrecision, totalTracks: payload.totalTracks,
                        upc: payload.externalIds?.upc, label: payload.label, popularity: payload.popularity,
                        genres: payload.genres ?? [], imageURL: payload.images?.largestURL, raw: raw))
            case .artist:
                let payload = try decoder.decode(ArtistPayload.self, from: raw)
                return .artist(
                    Artist(
                        id: id.value, name: payload.name, genres: payload.genres ?? [], popularity: payload.popularity,
                        followers: payload.followers?.total, imageURL: payload.images?.largestURL, raw: raw))
            }
        } catch {
            throw Malformed(reason: "the \(id.kind.rawValue) \(id.value) lacks a field swingcache needs (\(error))")
        }
    }
}
