import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

extension Publisher {
    func importHistory(
        _ entry: HistoryImport, library: LibrarySource, users: [SwingMusicUsersPayload.User],
        session: inout SwingMusicSession, restorer: SwingMusicRestorer?, report: inout PublishReport
    ) async throws -> PublishReport.History {
        PublishReport.History(user: entry.user)
    }
}
