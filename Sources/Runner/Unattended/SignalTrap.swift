import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a clean stop: no new request starts, what was fetched stays committed,
/// the summary is printed. A second signal ends the process at once, as users expect of Ctrl-C twice.
public final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    /// Calls `onStop` (once) on the first SIGINT or SIGTERM.
    public init(onStop: @escaping @Sendable (Int32) -> Void) {
        let fired = StopSignal()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if fired.isSet { Self.endAtOnce(by: number) }
                fired.set()
                onStop(number)
            }
            source.resume()
            return source
        }
    }

    /// Ends the process as the signal would have, from a Dispatch thread: those block every signal, so a plain
    /// `raise` would leave it pending and the process running.
    private static func endAtOnce(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, number)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        raise(number)
        // Only reached if the signal could still not be delivered: the shell's code for death by a signal.
        _exit(128 + number)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
