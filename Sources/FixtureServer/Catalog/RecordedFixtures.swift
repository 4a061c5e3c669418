import Foundation
import SwingCache

/// Answers recorded in `Fixtures/<kind>s/<id>.json`, which win over generated ones so tests can pin real shapes.
struct RecordedFixtures: Sendable {
    private let entities: [EntityKind: [String: JSONValue]]
    private let trackIDsByISRC: [String: [String]]

    init(entities: [EntityKind: [String: JSONValue]]) {
        self.entities = entities
        var trackIDsByISRC: [String: [String]] = [:]
        for (id, track) in entities[.track] ?? [:] {
            if let isrc = track["external_ids"]?["isrc"]?.stringValue {
                trackIDsByISRC[isrc, default: []].append(id)
            }
        }
        self.trackIDsByISRC = trackIDsByISRC.mapValues { $0.sorted() }
    }

    /// The fixtures shipped in this module's `Fixtures` resource folder.
    static func bundled() throws -> RecordedFixtures {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return RecordedFixtures(entities: [:])
        }
        return try load(from: folder)
    }

    /// Reads every `<kind>s/<id>.json` below `folder`; a file that is not JSON stops the server from starting.
    static func load(from folder: URL) throws -> RecordedFixtures {
        var entities: [EntityKind: [String: JSONValue]] = [:]
        for kind in EntityKind.allCases {
            let kindFolder = folder.appendingPathComponent(kind.plural, isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: kindFolder.path)) ?? []
            for name in names where name.hasSuffix(".json") {
                let file = kindFolder.appendingPathComponent(name)
                do {
                    let value = try JSONValue(parsing: Data(contentsOf: file))
                    entities[kind, default: [:]][String(name.dropLast(".json".count))] = value
                } catch {
                    throw FixtureServerError.unreadableFixture(path: file.path, reason: "\(error)")
                }
            }
        }
        return RecordedFixtures(entities: entities)
    }

    /// The recorded answer for one id, if there is one.
    func entity(_ kind: EntityKind, id: String) -> JSONValue? {
        entities[kind]?[id]
    }

    /// Recorded tracks whose `external_ids.isrc` is `isrc`, in id order.
    func tracks(withISRC isrc: String) -> [JSONValue] {
        (trackIDsByISRC[isrc] ?? []).compactMap { entities[.track]?[$0] }
    }
}
