import Foundation
import ServiceLifecycle
import UnixSignals

/// Names the signal that began a graceful shutdown, and ends the process at the next one.
///
/// The group itself shuts its services down on the first signal, but it hears each of its graceful shutdown signals
/// once, and its cancellation signals must be other ones: a second Ctrl-C would be lost without this. It must come
/// first in the group, so it is shut down last, once the work it watches over has returned.
struct SignalWatch: Service {
    let signals: [UnixSignal]
    /// Told the number of the first signal.
    let onFirst: @Sendable (Int32) -> Void

    func run() async {
        let received = await UnixSignalsSequence(trapping: signals)
        let onFirst = onFirst
        await cancelWhenGracefulShutdown {
            var heard = false
            for await signal in received {
                if heard { Self.endAtOnce(by: signal.rawValue) }
                heard = true
                onFirst(signal.rawValue)
            }
        }
    }

    /// Ends the process as the signal would have, from a thread of the concurrency pool: those block every signal,
    /// so a plain `raise` would leave it pending and the process running.
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
}
