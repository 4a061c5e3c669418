import Foundation
import SwingCache

/// How many plays go into one restore, so SwingMusic answers each well inside the client's answer timeout.
///
/// SwingMusic answers `POST /backup/restore` only once it has written every play, one insert at a time: 1 300 plays a
/// second on a quiet machine, 350–600 on a busy one (SwingMusic 3.0.1 here), and a Raspberry Pi is slower still. A
/// restore that outlasts the timeout gets no answer, and one sent again runs beside the first and writes every play
/// twice. So the first restore is small, and each next one is sized from the pace of those before to take a third of
/// the timeout; one that got no answer shrinks the next to a quarter.
///
/// ```swift
/// var sizing = RestoreSizing(answerTimeout: 30)   // the first restore: 1 000 plays
/// sizing.restored(1_000, in: 2)                   // 500 a second: 10 s is 5 000, but the next at most doubles: 2 000
/// ```
struct RestoreSizing: Sendable, Equatable {
    static let first = 1_000
    static let smallest = 100
    static let largest = 20_000

    /// How long one restore should take: a third of the answer timeout.
    let target: TimeInterval
    private(set) var size = first

    init(answerTimeout: TimeInterval) {
        target = answerTimeout / 3
    }

    /// A restore of `plays` was answered after `seconds`: the next takes about ``target`` at that pace, growing at most
    /// twofold.
    mutating func restored(_ plays: Int, in seconds: TimeInterval) {
        let paced = Double(plays) * target / max(seconds, 0.001)
        size = max(Self.smallest, min(Int(paced.rounded(.down)), 2 * plays, Self.largest))
    }

    /// A restore of `plays` got no answer in time: the next is a quarter of it.
    mutating func unanswered(_ plays: Int) {
        size = max(Self.smallest, plays / 4)
    }
}

/// How long to wait for SwingMusic to finish a restore whose answer never came: it is read every ``pollInterval``
/// until everything is there or nothing more has arrived for ``quietPeriod``, and given up on after ``limit``.
struct RestoreSettling: Sendable {
    var pollInterval: TimeInterval = 1
    var quietPeriod: TimeInterval = 10
    var limit: TimeInterval = 600

    /// Why a wait ended.
    enum Ending: Equatable {
        case complete
        /// Nothing more arrived for ``RestoreSettling/quietPeriod``.
        case quiet
        case overLimit
    }

    /// Reads `progress` (whether everything is there, and how much is) at once and every ``pollInterval`` until it is
    /// complete, quiet or over the ``limit``; a stop signal ends the wait with a deferred failure.
    func wait(on clock: any RunClock, _ progress: () async throws -> (complete: Bool, count: Int)) async throws
        -> Ending
    {
        let started = clock.now()
        var lastChange = started
        var (complete, count) = try await progress()
        while !complete {
            let now = clock.now()
            if now.timeIntervalSince(lastChange) >= quietPeriod { return .quiet }
            if now.timeIntervalSince(started) >= limit { return .overLimit }
            do {
                try await clock.sleep(until: now.addingTimeInterval(pollInterval))
            } catch {
                throw PublishFailure(.deferred, "stopped while SwingMusic finished a restore")
            }
            let previous = count
            (complete, count) = try await progress()
            if count != previous { lastChange = clock.now() }
        }
        return .complete
    }
}
