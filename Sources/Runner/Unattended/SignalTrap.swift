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
                if fired.isSet {
                    signal(number, SIG_DFL)
                    raise(number)
                    return
                }
                fired.set()
                onStop(number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
