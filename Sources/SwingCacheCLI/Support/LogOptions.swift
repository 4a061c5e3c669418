import ArgumentParser
import Logging

/// How much a command says on standard error, and in which format.
struct LogOptions: ParsableArguments {
    enum LogFormat: String, CaseIterable, ExpressibleByArgument {
        case text
        case json
        case logfmt
    }

    @Flag(name: .shortAndLong, help: "Log every request (status and timing) on standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "No progress and no notices: errors and the final summary only (for cron).")
    var quiet = false

    @Option(help: "Log lines as text (for people), json or logfmt (for cron and journald).")
    var logFormat: LogFormat = .text

    func makeLogger() -> Logger {
        let level: Logger.Level = verbose ? .debug : quiet ? .error : .notice
        let format = logFormat
        var logger = Logger(label: "swingcache") { label in
            switch format {
            case .text: TextLogHandler(label: label)
            case .json: StructuredLogHandler(format: .json, label: label)
            case .logfmt: StructuredLogHandler(format: .logfmt, label: label)
            }
        }
        logger.logLevel = level
        return logger
    }
}
