// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "swingcache",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swingcache", targets: ["SwingCacheCLI"]),
        .executable(name: "swingcache-bench", targets: ["swingcache-bench"]),
        .executable(name: "spotify-fixture-server", targets: ["spotify-fixture-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .target(
            name: "SwingCache",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Outbound",
            dependencies: [
                "SwingCache", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SpotifyAPI",
            dependencies: ["SwingCache", "Outbound", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "EnrichmentAPI",
            dependencies: ["SwingCache", "Outbound"]
        ),
        .target(name: "SwingMusicAPI", dependencies: ["SwingCache", "Outbound"]),
        .target(
            name: "RedisClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SharedTier",
            dependencies: [
                "SwingCache", "Outbound", "SpotifyAPI", "CacheStore", "RedisClient",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CXXHash", providers: [.apt(["libxxhash-dev"])]),
        .target(
            name: "CacheStore",
            dependencies: ["SwingCache", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "SwingMusicLibrary",
            dependencies: ["SwingCache", "CXXHash", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Runner",
            dependencies: [
                "SwingCache", "Outbound", "SpotifyAPI", "CacheStore", "RedisClient", "SharedTier", "SwingMusicLibrary",
                "EnrichmentAPI", "SwingMusicAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "SwingCacheCLI",
            dependencies: [
                "Runner", "SwingCache", "CacheStore", "Outbound", "SpotifyAPI", "EnrichmentAPI", "SwingMusicLibrary",
                "SharedTier", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FixtureServer",
            dependencies: [
                "SwingCache",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .executableTarget(
            name: "spotify-fixture-server",
            dependencies: ["FixtureServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "SwingCacheTestKit",
            dependencies: [
                "SwingCache", "CacheStore", "Outbound", "SpotifyAPI", "SwingMusicLibrary",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "swingcache-bench",
            dependencies: [
                "Runner", "SwingCache", "CacheStore", "Outbound", "SpotifyAPI", "SwingMusicLibrary", "RedisClient",
                "SharedTier", "FixtureServer", "SwingCacheTestKit", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "SwingCacheTests", dependencies: ["SwingCache", "SwingCacheTestKit"]),
        .testTarget(
            name: "CacheStoreTests",
            dependencies: [
                "CacheStore", "SwingCache", "SwingCacheTestKit", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "SwingMusicLibraryTests", dependencies: ["SwingMusicLibrary", "SwingCacheTestKit"]),
        .testTarget(
            name: "RedisClientTests",
            dependencies: ["RedisClient", "SwingCacheTestKit", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "FixtureServerTests", dependencies: ["FixtureServer", "SwingCache", "SwingCacheTestKit"]),
        .testTarget(
            name: "OutboundTests",
            dependencies: [
                "Outbound", "SwingCache", "SwingCacheTestKit", "FixtureServer",
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "SpotifyAPITests",
            dependencies: ["SpotifyAPI", "Outbound", "SwingCache", "FixtureServer", "SwingCacheTestKit"]),
        .testTarget(
            name: "EnrichmentAPITests",
            dependencies: ["EnrichmentAPI", "Outbound", "SwingCache", "FixtureServer", "SwingCacheTestKit"]),
        .testTarget(
            name: "RunnerTests",
            dependencies: [
                "Runner", "SwingCache", "CacheStore", "Outbound", "SpotifyAPI", "EnrichmentAPI", "SwingMusicAPI",
                "SwingMusicLibrary", "RedisClient", "SharedTier", "FixtureServer", "SwingCacheTestKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "SwingCacheCLITests",
            dependencies: [
                "SwingCacheCLI", "spotify-fixture-server", "FixtureServer", "SwingCache", "CacheStore",
                "SwingMusicLibrary",
                "Runner", "SharedTier", "SwingCacheTestKit", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Every Swift target of ours builds without a warning: the next one fails the build, and CI. What SwiftPM says
// about a dependency's manifest (swift-distributed-tracing's unhandled files) is no compiler warning of ours.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
}
