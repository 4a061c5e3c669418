import Foundation

/// One row of an ``ISRCFactTable``: a provider's figures for one ISRC, NULL where it gave none, with the time it
/// was asked and until when the answer is fresh.
///
/// ```swift
/// let fact = ISRCFact(table: .deezerTrack, isrc: "GBUM71029604", figures: ["rank": .int(815_722)], …)
/// ```
package struct ISRCFact: Hashable, Sendable {
    package var table: ISRCFactTable
    package var isrc: String
    /// The figures by column; a figure left out, or `.null`, is stored as NULL.
    package var figures: [String: JSONValue]
    /// Set when the provider said it does not know the ISRC; its figures are then all NULL.
    package var missing: MissingReason?
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(
        table: ISRCFactTable, isrc: String, figures: [String: JSONValue], missing: MissingReason? = nil,
        fetchedAt: Date, expiresAt: Date
    ) {
        self.table = table
        self.isrc = isrc
        self.figures = figures
        self.missing = missing
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    /// The table's figures in its order, each with its value, `.null` where there is none.
    package var orderedFigures: [(name: String, value: JSONValue)] {
        table.figures.map { ($0, figures[$0] ?? .null) }
    }
}
