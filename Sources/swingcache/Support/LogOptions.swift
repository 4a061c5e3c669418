import ArgumentParser
import Logging

/// How much a command says on standard error.
struct LogOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log every request (status and timing) on standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Say nothing but errors and the final summary.")
    var quiet = false

    func makeLogger() -> Logger {
        let level: Logger.Level = verbose ? .debug : quiet ? .error : .notice
        var logger = Logger(label: "swingcache") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = level
        return logger
    }
}
