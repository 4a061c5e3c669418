import Foundation
import Logging

/// Log lines for machines: one JSON object or one logfmt line per event, on standard error, for cron logs
/// and journald. On a terminal the live progress line is cleared first, so a line never starts after it.
struct StructuredLogHandler: LogHandler {
    enum Format: String, CaseIterable {
        case json
        case logfmt
    }

    var format: Format
    var label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let clearsLine = isatty(STDERR_FILENO) == 1

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Date().formatted(.iso8601)), ("level", event.level.rawValue),
            ("message", event.message.description),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) { fields.append((key, "\(value)")) }
        let line: String
        switch format {
        case .json:
            let object = Dictionary(fields, uniquingKeysWith: { $1 })
            let data =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data()
            line = String(decoding: data, as: UTF8.self)
        case .logfmt:
            line = fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        }
        FileHandle.standardError.write(Data(((clearsLine ? Terminal.clearLine : "") + line + "\n").utf8))
    }

    static func logfmtValue(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { !$0.isWhitespace && $0 != "\"" && $0 != "=" }
        if plain { return value }
        return "\""
            + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
