import Foundation

/// MusicBrainz's rule of one request per interval: a request sooner than `minimumInterval` after the one before it
/// is refused, and still counts as the one before the next.
struct RequestSpacing: Sendable {
    let minimumInterval: TimeInterval
    private var previousArrival: Date?

    init(minimumInterval: TimeInterval) {
        self.minimumInterval = minimumInterval
    }

    /// Records a request arriving at `now` and says whether it kept its distance from the previous one.
    mutating func admit(at now: Date) -> Bool {
        defer { previousArrival = now }
        guard let previousArrival, minimumInterval > 0 else { return true }
        return now.timeIntervalSince(previousArrival) >= minimumInterval
    }
}
