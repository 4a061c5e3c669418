import Foundation

/// One id to keep fresh, with the settings of the job that listed it.
package struct PlanTarget: Hashable, Sendable {
    package var id: SpotifyID
    package var market: String
    package var freshness: FreshnessPolicy

    package init(id: SpotifyID, market: String, freshness: FreshnessPolicy) {
        self.id = id
        self.market = market
        self.freshness = freshness
    }
}

/// Several job specs run together: their targets merged, their budgets combined.
///
/// An id listed by two specs is kept once, with the settings of the spec that listed it first.
/// The budget is the strictest of the specs' budgets.
package struct JobSet: Sendable {
    package var specs: [JobSpec]
    package var targets: [PlanTarget]
    package var budget: BudgetPolicy
    package var invalidCount: Int
    package var duplicateCount: Int
    /// The market of a spec that names none.
    package var defaultMarket: String

    package init(specs: [JobSpec], defaultMarket: String) {
        self.specs = specs
        self.defaultMarket = defaultMarket
        let listed = specs.reduce(0) { $0 + $1.targets.count }
        var seen = Set<SpotifyID>(minimumCapacity: listed)
        var targets: [PlanTarget] = []
        targets.reserveCapacity(listed)
        var duplicates = 0
        for spec in specs {
            duplicates += spec.duplicateCount
            for target in spec.targets {
                if seen.insert(target.id).inserted {
                    targets.append(
                        PlanTarget(id: target.id, market: spec.market ?? defaultMarket, freshness: spec.freshness))
                } else {
                    duplicates += 1
                }
            }
        }
        self.targets = targets
        self.budget = specs.dropFirst().reduce(specs.first?.budget ?? BudgetPolicy()) { $0.combined(with: $1.budget) }
        self.invalidCount = specs.reduce(0) { $0 + $1.invalidCount }
        self.duplicateCount = duplicates
    }

    /// Ids named outside any spec (`swingcache get`): each fetched for its own market and freshness, within
    /// `budget`.
    package init(targets: [PlanTarget], budget: BudgetPolicy, defaultMarket: String) {
        self.specs = []
        self.targets = targets
        self.budget = budget
        self.invalidCount = 0
        self.duplicateCount = 0
        self.defaultMarket = defaultMarket
    }

    package var names: [String] { specs.map(\.name) }

    /// The first spec that names a SwingMusic library: its market and freshness apply to the library's tracks.
    package var librarySpec: JobSpec? { specs.first { $0.library != nil } }

    /// Adds the Spotify tracks the library's files were matched to as targets, with the settings of the first
    /// spec that names a library; ids already listed keep their own settings. Returns how many were added.
    @discardableResult
    package mutating func addLibraryMatches(_ ids: [SpotifyID]) -> Int {
        guard let spec = librarySpec else { return 0 }
        var seen = Set(targets.map(\.id))
        let market = spec.market ?? defaultMarket
        let before = targets.count
        for id in ids where seen.insert(id).inserted {
            targets.append(PlanTarget(id: id, market: market, freshness: spec.freshness))
        }
        return targets.count - before
    }
}
