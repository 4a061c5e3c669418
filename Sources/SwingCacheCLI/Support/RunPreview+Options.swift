import Runner
import SharedTier
import SwingCache

extension RunPreview {
    /// The preview `plan` and `run --dry-run` read from the command's options: the cache read-only (Redis first
    /// when configured), the library's failures as the exit statuses they are.
    static func make(
        _ jobSet: JobSet, store: StoreOptions, configuration: SwingCacheConfiguration, limits: RunLimitOptions,
        log: LogOptions
    ) async throws -> RunPreview {
        let logger = log.makeLogger()
        let cache = TieredCache(
            store: try store.openStore(.readOnly), shared: configuration.makeRedisTier()?.sharedCatalog(logger: logger))
        return try await CommandFailure.readingLibrary {
            try await RunPreview.make(
                jobSet, cache: cache, configuration: configuration, now: store.currentTime,
                budgetOverride: limits.apply, logger: logger)
        }
    }
}
