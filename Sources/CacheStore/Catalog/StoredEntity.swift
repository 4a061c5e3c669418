import Foundation
import SwingCache

/// An entity read back from the store, with its freshness times.
package struct StoredEntity: Hashable, Sendable {
    package var entity: CatalogEntity
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(entity: CatalogEntity, fetchedAt: Date, expiresAt: Date) {
        self.entity = entity
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}
