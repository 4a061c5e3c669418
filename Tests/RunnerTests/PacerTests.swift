import CacheStore
import Foundation
import Outbound
import Runner
import ServiceLifecycleTestKit
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct PacerTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    func pacer(
        store: AppDatabase? = nil, limit: Int = 100, minInterval: TimeInterval = 2, deadline: Date? = nil,
        waitsForWindow: Bool = true
    ) -> Pacer {
        Pacer(
            store: (store ?? self.store).ledger, service: "spotify", clock: clock, limit: limit,
            minInterval: minInterval,
            runID: nil, deadline: deadline, waitsForWindow: waitsForWindow)
    }

    func grantedTimes(_ pacer: Pacer, count: Int) async throws -> [TimeInterval] {
        var times: [TimeInterval] = []
        for _ in 0..<count {
            guard case .granted(_, let at) = try await pacer.acquire(endpoint: "GET /tracks") else { break }
            times.append(at.timeIntervalSince(.testEpoch))
        }
        return times
    }

    @Test func requestsStartNoCloserThanTheMinimumInterval() async throws {
        let spaced = pacer()
        let times = try await grantedTimes(spaced, count: 4)
        #expect(times == [0, 2, 4, 6])
        #expect(await spaced.waited[.minInterval] == 6)
    }

    @Test func theHourlyWindowIsNeverExceededAndTheWaitIsCounted() async throws {
        let limited = pacer(limit: 3, minInterval: 1)
        let times = try await grantedTimes(limited, count: 5)
        #expect(times == [0, 1, 2, 3600, 3601])
        #expect(await limited.waited[.hourlyWindow] == 3598)
    }

    @Test(.timeLimit(.minutes(1))) func aGracefulShutdownEndsAWaitAtOnce() async {
        let halted = Pacer(
            store: store.ledger, service: "spotify", clock: HaltedClock(), limit: 100, minInterval: 2, runID: nil,
            deadline: nil, waitsForWindow: true)
        await testGracefulShutdown { shutdown in
            await withThrowingTaskGroup(of: Void.self) { waits in
                waits.addTask { try await halted.backOff(for: 3600) }
                shutdown.triggerGracefulShutdown()
                await #expect(throws: CancellationError.self) { try await waits.next() }
            }
        }
    }

    @Test func noWaitBeginsAfterAGracefulShutdown() async throws {
        let spaced = pacer()
        _ = try await spaced.acquire(endpoint: "GET /tracks")
        await testGracefulShutdown { shutdown in
            shutdown.triggerGracefulShutdown()
            await #expect(throws: CancellationError.self) { try await spaced.acquire(endpoint: "GET /tracks") }
        }
        #expect(clock.sleptUntil.isEmpty)
    }

    @Test func withoutPermissionToWaitForTheWindowTheRunIsRefused() async throws {
        let limited = pacer(limit: 2, minInterval: 1, waitsForWindow: false)
        #expect(try await grantedTimes(limited, count: 5).count == 2)
        #expect(try await limited.acquire(endpoint: "GET /tracks") == .refused(.hourlyQuota))
    }

    @Test func aStartPastTheDeadlineIsRefused() async throws {
        let limited = pacer(minInterval: 10, deadline: Date.testEpoch.addingTimeInterval(25))
        #expect(try await grantedTimes(limited, count: 5) == [0, 10, 20])
        #expect(try await limited.acquire(endpoint: "GET /tracks") == .refused(.deadline))
    }

    @Test func aRetryAfterIsHonouredToTheSecondByANewProcess() async throws {
        _ = try await grantedTimes(pacer(), count: 1)
        try await store.ledger.blockRequests("spotify", until: Date.testEpoch.addingTimeInterval(12))
        let reopened = try AppDatabase.open(DatabaseLocation(path: store.path), access: .readWrite)
        let fresh = pacer(store: reopened)
        #expect(try await grantedTimes(fresh, count: 1) == [12])
        #expect(await fresh.waited[.retryAfter] == 12)
    }

    @Test func aParkedServiceRefusesAtOnce() async throws {
        let until = Date.testEpoch.addingTimeInterval(6 * 3600)
        try await store.ledger.park("spotify", until: until, reason: "QUOTA_EXCEEDED")
        #expect(
            try await pacer().acquire(endpoint: "GET /tracks")
                == .refused(.parked(until: until, reason: "QUOTA_EXCEEDED")))
        #expect(clock.sleptUntil.isEmpty)
    }

    @Test func twoPacersOnOneDatabaseFileNeverBreakTheBudgetTogether() async throws {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<20 {
            let roundFolder = try TemporaryDirectory()
            let path = roundFolder.file("shared.sqlite")
            let first = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
            let second = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
            let limit = Int.random(in: 2...12, using: &generator)
            let interval = Double(Int.random(in: 1...900, using: &generator))
            let pacers = [first, second].map { pacer(store: $0, limit: limit, minInterval: interval) }
            for _ in 0..<30 {
                clock.advance(by: Double(Int.random(in: 0...600, using: &generator)))
                let chosen = pacers[Int.random(in: 0...1, using: &generator)]
                _ = try await chosen.acquire(endpoint: "GET /tracks")
            }
            let starts = try await first.ledger.requestTimes(service: "spotify", since: .distantPast)
            #expect(starts.count == 30, "round \(round)")
            for (index, start) in starts.enumerated() {
                if index > 0 {
                    #expect(
                        start.timeIntervalSince(starts[index - 1]) >= interval - 1e-6, "round \(round): min interval")
                }
                let inWindow = starts[...index].filter { $0 > start.addingTimeInterval(-3600) }.count
                #expect(inWindow <= limit, "round \(round): \(inWindow) requests in one hour, limit \(limit)")
            }
        }
    }
}
