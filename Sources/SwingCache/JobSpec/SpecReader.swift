import Foundation
import Yams

/// Walks the YAML tree of one spec, collecting values and problems.
struct SpecReader {
    static let topLevelKeys = [
        "name", "ttl", "ttl_max", "refresh_ahead", "missing_ttl", "market", "targets", "budget", "library", "enrich",
        "publish",
    ]
    static let libraryKeys = ["swingmusic_db", "user"]
    static let providerBudgetKeys = ["per_hour", "min_interval", "max_requests"]
    /// The keys under each `enrich:` key: `ttl`, the fields and switches of the providers under it
    /// (``ProviderIdentity``), the budget's.
    static let providerKeys: [String: [String]] = Dictionary(grouping: Provider.allCases, by: \.enrichKey)
        .mapValues { (providers: [Provider]) -> [String] in
            let own = providers.flatMap { (provider: Provider) -> [String] in
                provider.identity.fields + (provider.identity.turnedOnBy.map { [$0] } ?? [])
            }
            return ["ttl"] + own + providerBudgetKeys
        }
    static let targetKeys = ["tracks", "albums", "artists", "files"]
    static let budgetKeys = [
        "per_hour", "per_day", "quota_safety", "min_interval", "reserve", "max_requests", "max_runtime",
    ]
    static let fileEntryKeys = ["path", "kind"]

    let path: String
    var errors: [Diagnostic] = []
    var targets: [JobTarget] = []
    var seen: Set<SpotifyID> = []
    var invalidTargets: [Diagnostic] = []
    var invalidCount = 0
    var duplicateCount = 0
    var emptyIDSources: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func readSpec(_ root: Node) -> JobSpec? {
        guard let top = mapping(root, named: "the job spec") else { return nil }
        var spec = JobSpec(name: Self.defaultName(for: path), path: path)
        var targetsNode: Node?
        var enrichNode: Node?
        var ttlMaxNode: Node?
        var publishNode: Node?
        for (key, value) in top {
            switch keyName(key, known: Self.topLevelKeys, in: "a job spec") {
            case "name":
                if let name = string(value, key: "name") {
                    if name.trimmingWhitespace().isEmpty {
                        report(value, "'name' must not be empty")
                    } else if let control = name.unicodeScalars.first(where: {
                        $0.properties.generalCategory == .control
                    }) {
                        // A name is printed in reports and on terminals: an escape sequence in it would act there.
                        report(
                            value,
                            "'name' must not hold control characters, found \(String(format: "U+%04X", control.value))")
                    } else {
                        spec.name = name
                    }
                }
            case "ttl": spec.freshness.ttl = duration(value, key: "ttl", allowZero: false) ?? spec.freshness.ttl
            case "ttl_max":
                ttlMaxNode = value
                spec.freshness.ttlMax = duration(value, key: "ttl_max", allowZero: false)
            case "refresh_ahead":
                spec.freshness.refreshAhead = duration(value, key: "refresh_ahead") ?? spec.freshness.refreshAhead
            case "missing_ttl":
                spec.freshness.missingTTL =
                    duration(value, key: "missing_ttl", allowZero: false) ?? spec.freshness.missingTTL
            case "market": spec.market = market(value)
            case "targets":
                targetsNode = value
                readTargets(value)
            case "budget": spec.budget = readBudget(value)
            case "library": spec.library = readLibrary(value)
            case "enrich":
                enrichNode = value
                spec.enrichment = readEnrichment(value)
            case "publish":
                publishNode = value
                spec.publish = readPublish(value)
            default: break
            }
        }
        if let targetsNode, targets.isEmpty, invalidCount > 0, emptyIDSources.isEmpty, spec.library == nil {
            emptyIDSources.append(
                Diagnostic(
                    location(of: targetsNode),
                    "none of the \(invalidCount) ids listed under 'targets' is a Spotify id: a run would fetch nothing"
                ))
        }
        if targetsNode == nil && spec.library == nil {
            report(
                root,
                "no 'targets' and no 'library': list ids under targets.tracks, targets.albums, targets.artists or targets.files, or name a SwingMusic library"
            )
        }
        if let enrichNode, spec.library == nil, !spec.enrichment.ttls.isEmpty {
            report(enrichNode, "'enrich' needs a 'library': providers look up the library's tracks")
        }
        if let publishNode, spec.library == nil {
            report(publishNode, "'publish' needs a 'library': it publishes the library's tracks into SwingMusic")
        }
        if let ttlMax = spec.freshness.ttlMax, ttlMax < spec.freshness.ttl {
            report(
                ttlMaxNode ?? root,
                "'ttl_max' (\(DurationText.format(ttlMax))) must be at least 'ttl' (\(DurationText.format(spec.freshness.ttl)))"
            )
        }
        if spec.freshness.refreshAhead >= spec.freshness.ttl {
            report(
                root,
                "'refresh_ahead' (\(DurationText.format(spec.freshness.refreshAhead))) must be shorter than 'ttl' (\(DurationText.format(spec.freshness.ttl)))"
            )
        }
        spec.targets = targets
        spec.invalidTargets = invalidTargets
        spec.invalidCount = invalidCount
        spec.duplicateCount = duplicateCount
        spec.emptyIDSources = emptyIDSources
        return spec
    }
}
