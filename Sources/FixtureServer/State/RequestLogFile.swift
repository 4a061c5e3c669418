import Foundation

/// Appends one JSON line per request to a file, so a script can follow what a run sent while it runs.
final class RequestLogFile {
    private let handle: FileHandle
    private let encoder = LoggedRequest.makeEncoder()

    /// Opens `path` for appending, creating it when missing.
    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw FixtureServerError.unwritableRequestLog(path: path)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw FixtureServerError.unwritableRequestLog(path: path)
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    deinit {
        try? handle.close()
    }

    /// Writes `entry` as one line; a failed write is dropped rather than failing the request it describes.
    func append(_ entry: LoggedRequest) {
        guard var line = try? encoder.encode(entry) else { return }
        line.append(UInt8(ascii: "\n"))
        try? handle.write(contentsOf: line)
    }
}
