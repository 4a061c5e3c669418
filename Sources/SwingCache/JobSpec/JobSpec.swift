import Foundation

/// What one job keeps fresh, and how hard it may pull on Spotify to do it.
///
/// Read from YAML by ``JobSpecLoader``; the format is documented in `jobs/README.md`.
package struct JobSpec: Sendable, Equatable {
    package var name: String
    /// The file the spec was read from, as the user named it.
    package var path: String
    package var freshness: FreshnessPolicy
    package var market: String?
    /// Every valid id, normalised and deduplicated, in the order first listed.
    package var targets: [JobTarget]
    /// Ids that could not be read, each with where it was written: the first ``keptInvalidTargets`` of them, so a
    /// huge file of bad lines cannot fill the memory; ``invalidCount`` counts them all.
    package var invalidTargets: [Diagnostic]
    /// How many listed ids could not be read, kept or not.
    package var invalidCount: Int
    /// How many unreadable ids a spec keeps with their place.
    package static let keptInvalidTargets = 1000
    /// How many listed ids repeated one already listed.
    package var duplicateCount: Int
    /// Id files that list entries none of which is an id, or, when the spec holds no valid id at all, its
    /// `targets`: a run of them would fetch nothing, so `plan` and `run` refuse them like a structural problem.
    package var emptyIDSources: [Diagnostic] = []
    package var budget: BudgetPolicy
    /// The SwingMusic library whose tracks this job matches and enriches, if any.
    package var library: LibrarySource?
    /// The providers that enrich the library's tracks (`enrich:`); empty when the spec names none.
    package var enrichment: EnrichmentSettings
    /// What `swingcache publish` writes into SwingMusic (`publish:`); nil when the spec has no such section.
    package var publish: PublishSettings?

    package init(
        name: String, path: String, freshness: FreshnessPolicy = FreshnessPolicy(), market: String? = nil,
        targets: [JobTarget] = [], invalidTargets: [Diagnostic] = [], duplicateCount: Int = 0,
        budget: BudgetPolicy = BudgetPolicy(), library: LibrarySource? = nil,
        enrichment: EnrichmentSettings = EnrichmentSettings()
    ) {
        self.library = library
        self.enrichment = enrichment
        self.name = name
        self.path = path
        self.freshness = freshness
        self.market = market
        self.targets = targets
        self.invalidTargets = invalidTargets
        self.invalidCount = invalidTargets.count
        self.duplicateCount = duplicateCount
        self.budget = budget
    }
}

/// One id a job asks to keep fresh, and where it was listed.
package struct JobTarget: Hashable, Sendable {
    package var id: SpotifyID
    package var origin: SourceLocation

    package init(id: SpotifyID, origin: SourceLocation) {
        self.id = id
        self.origin = origin
    }
}
