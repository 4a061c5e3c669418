import SwingMusicLibrary

extension CommandFailure {
    /// Runs `body`, turning a SwingMusic database that cannot be found or read into exit 77 with its message, and one
    /// SwingMusic keeps busy into exit 75.
    static func readingLibrary<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SwingMusicLibraryError {
            throw CommandFailure(error.problem == .busy ? .notDoneYet : .badConfiguration, error.description)
        }
    }
}
