import Foundation

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
/// sizing.restored(1_000, in: 2)                   // 500 a second: the next is 5 000 (10 s)
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
/// until every play is there or none has arrived for ``quietPeriod``, and given up on after ``limit``.
struct RestoreSettling: Sendable {
    var pollInterval: TimeInterval = 1
    var quietPeriod: TimeInterval = 10
    var limit: TimeInterval = 600
}
