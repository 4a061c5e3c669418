import SwingCache
import Synchronization

/// What one run gives every provider's declaration to build its enrichers from: the job's `enrich:` settings, and
/// the values one provider's enricher hands another's in the same run.
///
/// A value is shared by its type: the first declaration to ask for it makes it, every later one in the run gets the
/// same. Deezer's enricher keeps the links it finds in a `DeezerLinksFound`, and Odesli's asks for the same one.
///
/// ```swift
/// let found = run.shared { DeezerLinksFound() }
/// ```
package final class ProviderRunContext: Sendable {
    /// The job's `enrich:` settings: which providers, their ttls, budgets and fields (`enrich.lastfm.username`).
    package let settings: EnrichmentSettings
    private let values = Mutex<[ObjectIdentifier: any Sendable]>([:])

    package init(settings: EnrichmentSettings) {
        self.settings = settings
    }

    /// The run's one value of type `Value`, made by `make` on the first call.
    package func shared<Value: AnyObject & Sendable>(_ make: () -> Value) -> Value {
        values.withLock { values in
            if let value = values[ObjectIdentifier(Value.self)] as? Value { return value }
            let value = make()
            values[ObjectIdentifier(Value.self)] = value
            return value
        }
    }
}
