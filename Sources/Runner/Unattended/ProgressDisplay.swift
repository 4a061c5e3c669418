import Foundation
import Logging
import Synchronization

/// Shows a run's progress: one live line on a terminal, or a log line every `interval` seconds otherwise.
package final class ProgressDisplay: Sendable {
    package enum Mode: Sendable {
        case liveLine
        case periodicLog(interval: TimeInterval)
        case silent
    }

    private let mode: Mode
    private let logger: Logger
    private let lastLogged = Mutex<Date?>(nil)

    package init(mode: Mode, logger: Logger) {
        self.mode = mode
        self.logger = logger
    }

    /// A live line when standard error is a terminal, else a log line every 30 s; nothing when `quiet`.
    package static func forStandardError(quiet: Bool, logger: Logger) -> ProgressDisplay {
        if quiet { return ProgressDisplay(mode: .silent, logger: logger) }
        return ProgressDisplay(
            mode: isatty(STDERR_FILENO) == 1 ? .liveLine : .periodicLog(interval: 30), logger: logger)
    }

    /// Whether it shows anything: not when silent (`run --quiet`, as cron runs it, or `--json`).
    package var showsProgress: Bool {
        if case .silent = mode { return false }
        return true
    }

    package func show(_ progress: RunProgress) {
        switch mode {
        case .silent:
            return
        case .liveLine:
            FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
        case .periodicLog(let interval):
            let due = lastLogged.withLock { last -> Bool in
                guard last.map({ progress.now.timeIntervalSince($0) >= interval }) ?? true else { return false }
                last = progress.now
                return true
            }
            if due { logger.notice("progress: \(progress.line)") }
        }
    }

    /// Clears the live line before the summary is printed.
    package func finish() {
        if case .liveLine = mode { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
