import Foundation

/// How a service is backed off after rate-limit answers that name no wait (``OutboundAction/throttle``): the waits
/// double from `baseDelay` up to `maxDelay`, and after `parkAfter` such answers in a row the service is parked for
/// `parkFor`, for every runner, instead of being asked again.
///
/// ```swift
/// let policy = ThrottlePolicy(baseDelay: 30, maxDelay: 120, parkAfter: 3, parkFor: 3_600)
/// policy.wait(afterConsecutive: 2)   // 60
/// policy.parks(afterConsecutive: 3)  // true
/// ```
package struct ThrottlePolicy: Hashable, Sendable {
    package var baseDelay: TimeInterval
    package var maxDelay: TimeInterval
    package var parkAfter: Int
    package var parkFor: TimeInterval

    package init(
        baseDelay: TimeInterval = 5, maxDelay: TimeInterval = 120, parkAfter: Int = 3, parkFor: TimeInterval = 900
    ) {
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.parkAfter = max(1, parkAfter)
        self.parkFor = max(0, parkFor)
    }

    /// The wait after the `count`-th rate-limit answer in a row (1 for the first): no jitter below it, so the
    /// service is never asked sooner than its own rule allows.
    package func wait(afterConsecutive count: Int) -> TimeInterval {
        let doublings = Double(min(max(0, count - 1), 30))
        return min(maxDelay, baseDelay * pow(2, doublings))
    }

    /// Whether the `count`-th rate-limit answer in a row parks the service.
    package func parks(afterConsecutive count: Int) -> Bool { count >= parkAfter }
}
