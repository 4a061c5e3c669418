import Foundation
import GRDB

/// A row read by its `Decodable` fields the way this store keeps every table: snake_case columns, dates as Unix
/// seconds.
package protocol DecodedRow: FetchableRecord, Decodable {}

extension DecodedRow {
    package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }

    package static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}

/// A row written by its `Encodable` fields, the same way.
package protocol EncodedRow: PersistableRecord, Encodable {}

extension EncodedRow {
    package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    package static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}

/// A fact written and read by its fields; writing it again replaces the row of the same key.
package protocol ReplacingRow: DecodedRow, EncodedRow {}

extension ReplacingRow {
    package static var persistenceConflictPolicy: PersistenceConflictPolicy {
        .init(insert: .replace, update: .replace)
    }
}
