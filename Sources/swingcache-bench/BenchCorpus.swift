import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit

/// A cache of 1 000 000 fresh tracks with id files and job specs of 10 k, 100 k and 1 M of its ids, built once
/// into a folder (`SWINGCACHE_BENCH_CACHE`, by default /tmp/swingcache-bench-cache) and reused by later runs.
struct BenchCorpus {
    static let sizes = [10_000, 100_000, 1_000_000]

    let folder: String

    init() {
        folder =
            ProcessInfo.processInfo.environment["SWINGCACHE_BENCH_CACHE"] ?? NSTemporaryDirectory()
            + "swingcache-bench-cache"
    }

    var databasePath: String { folder + "/million.sqlite" }
    func idFile(_ count: Int) -> String { folder + "/ids-\(count).txt" }
    func spec(_ count: Int) -> String { folder + "/spec-\(count).yaml" }

    /// The first `count` ids, as written in the id files.
    func ids(_ count: Int) throws -> [String] {
        let text = try String(contentsOfFile: idFile(Self.sizes.last!), encoding: .utf8)
        return text.split(separator: "\n").prefix(count).map(String.init)
    }

    /// Builds what is missing; the database is complete when its marker file exists.
    func prepare() async throws {
        let marker = folder + "/complete"
        if FileManager.default.fileExists(atPath: marker) { return }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        print("  building \(databasePath) (once; later runs reuse it) …")
        var factory = CatalogFactory(seed: 17_000_000)
        let ids = factory.ids(.track, count: Self.sizes.last!)
        let store = try AppDatabase.open(DatabaseLocation(path: databasePath), access: .readWrite)
        // Fresh for a year, so the plan finds every id cached whenever the benchmark runs.
        let now = Date()
        let seconds = try await timed {
            for chunk in stride(from: 0, to: ids.count, by: 10_000) {
                try await store.catalog.save(
                    .fetched(Array(ids[chunk..<min(chunk + 10_000, ids.count)]), at: now, ttl: 365 * 86_400))
            }
        }
        print(String(format: "  built in %.1f s", seconds))
        for count in Self.sizes {
            try (ids.prefix(count).map(\.value).joined(separator: "\n") + "\n").write(
                toFile: idFile(count), atomically: true, encoding: .utf8)
            try """
            name: bench-\(count)
            ttl: 30d
            targets:
              files:
                - ids-\(count).txt

            """.write(toFile: spec(count), atomically: true, encoding: .utf8)
        }
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
    }
}
