import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Synchronization
import Testing

@Suite struct LibraryExportTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase
    static let rowCount = 3000

    init() async throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
        var tracks = (1...Self.rowCount).map { LibraryTrackRecord.numbered($0, plays: $0 % 5) }
        // Names that need quoting in CSV and escaping in JSON.
        tracks[0].title = "Say \"Hello\", then\r\nleave\t— Beyoncé"
        try await store.library.upsertLibraryTracks(tracks, seenAt: now)
        try await store.facts.save(
            EnrichmentRecord(
                musicbrainzRecordings: [
                    MusicBrainzRecordingFact(
                        isrc: "GBAHS1600463", mbids: ["m1"], genres: ["pop", "dance"], fetchedAt: now, expiresAt: now)
                ], request: nil))
    }

    @Test func jsonIsOneValidArrayWithEveryRow() async throws {
        let written = Mutex<[Data]>([])
        let count = try await store.library.exportLibrary(format: .json) { chunk in
            written.withLock { $0.append(chunk) }
        }
        let chunks = written.withLock { $0 }

        #expect(count == Self.rowCount)
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.count < 80 * 1024 })
        let objects = try #require(
            try JSONSerialization.jsonObject(with: chunks.reduce(Data(), +)) as? [[String: Any]])
        #expect(objects.count == Self.rowCount)
        let first = try #require(objects.first)
        #expect(first["filepath"] as? String == "/music/Artist 1/Song 1.flac")
        #expect(first["title"] as? String == "Say \"Hello\", then\r\nleave\t— Beyoncé")
        #expect(first["links"] as? [String: String] == [:])
        #expect(first["spotify_id"] is NSNull)
        #expect(Set(objects.compactMap { $0["filepath"] as? String }).count == Self.rowCount)
    }

    @Test func anEmptyLibraryIsAnEmptyArray() async throws {
        let empty = try folder.store("empty.sqlite")
        let (rows, output) = try await empty.library.exportedLibrary(format: .json)
        #expect(rows == 0)
        #expect(try JSONSerialization.jsonObject(with: output) as? [Any] != nil)
    }

    @Test func csvHasAHeaderAndOneQuotedRecordPerRow() async throws {
        let path = folder.file("library.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let count = try await store.library.exportLibrary(format: .csv, to: handle)
        try handle.close()

        let records = CSV.records(try String(contentsOfFile: path, encoding: .utf8))
        #expect(count == Self.rowCount)
        #expect(records.count == Self.rowCount + 1)
        let header = try #require(records.first)
        #expect(header.prefix(3) == ["filepath", "title", "artists"])
        #expect(records.allSatisfy { $0.count == header.count })
        let titleColumn = try #require(header.firstIndex(of: "title"))
        #expect(records[1][titleColumn] == "Say \"Hello\", then\r\nleave\t— Beyoncé")
        #expect(records[2][titleColumn] == "Song 10")
    }
}

/// Reads RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.
enum CSV {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r" && characters.first == "\n" {
                characters.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        return records
    }
}
