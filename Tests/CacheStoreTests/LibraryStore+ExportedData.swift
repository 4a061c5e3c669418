import CacheStore
import Foundation
import Synchronization

extension LibraryStore {
    /// The whole export in memory, with the number of rows it holds.
    func exportedLibrary(format: LibraryExportFormat) async throws -> (rows: Int, data: Data) {
        let written = Mutex(Data())
        let rows = try await exportLibrary(format: format) { chunk in written.withLock { $0.append(chunk) } }
        return (rows, written.withLock { $0 })
    }
}
