import Foundation
import Logging

/// Log lines for people: `2026-11-25T03:00:01Z notice: message key=value`. On a terminal each line first
/// clears the live progress line, so the two never run into each other.
struct TextLogHandler: LogHandler {
    var label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let clearsLine = isatty(STDERR_FILENO) == 1

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        let line =
            "\(clearsLine ? Terminal.clearLine : "")\(time) \(event.level.rawValue): \(event.message)\(details.isEmpty ? "" : " " + details)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
