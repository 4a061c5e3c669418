import CacheStore
import EnrichmentAPI

/// The cache database's library reads are the keys every enricher asks about.
extension FactStore: EnrichmentKeySource {}
