import Foundation
import Yams

extension SpecReader {

    mutating func readTargets(_ node: Node) {
        guard let section = mapping(node, named: "'targets'") else { return }
        for (key, value) in section {
            let name = keyName(key, known: Self.targetKeys, in: "'targets'")
            if let kind = EntityKind.allCases.first(where: { $0.plural == name }) {
                for item in list(value, key: "targets.\(kind.plural)") {
                    if let text = string(item, key: "an entry of targets.\(kind.plural)") {
                        addTarget(text, kind: kind, at: location(of: item))
                    }
                }
            } else if name == "files" {
                for entry in list(value, key: "targets.files") {
                    readIDFileEntry(entry)
                }
            }
        }
    }

    mutating func readBudget(_ node: Node) -> BudgetPolicy {
        var budget = BudgetPolicy()
        guard let section = mapping(node, named: "'budget'") else { return budget }
        var reserveNode: Node?
        for (key, value) in section {
            switch keyName(key, known: Self.budgetKeys, in: "'budget'") {
            case "per_hour": budget.perHour = integer(value, key: "budget.per_hour", minimum: 1) ?? budget.perHour
            case "per_day": budget.perDay = integer(value, key: "budget.per_day", minimum: 1)
            case "quota_safety":
                budget.quotaSafetyShare = share(value, key: "budget.quota_safety") ?? budget.quotaSafetyShare
            case "min_interval":
                budget.minInterval = duration(value, key: "budget.min_interval") ?? budget.minInterval
            case "reserve":
                reserveNode = value
                budget.reserve = integer(value, key: "budget.reserve", minimum: 0) ?? budget.reserve
            case "max_requests": budget.maxRequests = integer(value, key: "budget.max_requests", minimum: 1)
            case "max_runtime": budget.maxRuntime = duration(value, key: "budget.max_runtime", allowZero: false)
            default: break
            }
        }
        if budget.reserve >= budget.perHour {
            report(
                reserveNode ?? node,
                "'budget.reserve' (\(budget.reserve)) must be less than 'budget.per_hour' (\(budget.perHour)), or no run could make a request"
            )
        }
        return budget
    }

    mutating func readLibrary(_ node: Node) -> LibrarySource? {
        var library = LibrarySource(origin: location(of: node))
        if case .scalar(let scalar) = node, scalar.tag == Tag(.null) || scalar.string.isEmpty { return library }
        guard let section = mapping(node, named: "'library'") else { return nil }
        for (key, value) in section {
            switch keyName(key, known: Self.libraryKeys, in: "'library'") {
            case "swingmusic_db":
                library.swingMusicDatabase = string(value, key: "library.swingmusic_db").map {
                    Self.resolve(Self.expandingHome($0), besideSpec: path)
                }
            case "user": library.user = string(value, key: "library.user")
            default: break
            }
        }
        return library
    }

    mutating func readEnrichment(_ node: Node) -> EnrichmentSettings {
        var settings = EnrichmentSettings()
        guard let section = mapping(node, named: "'enrich'") else { return settings }
        // Providers a boolean field of another's key turns on (`links.odesli`); they take that key's ttl.
        var turnedOn: Set<Provider> = []
        for (key, value) in section {
            guard let name = keyName(key, known: Provider.enrichKeys, in: "'enrich'"),
                let provider = Provider(enrichKey: name)
            else { continue }
            if case .scalar(let scalar) = value {
                switch scalar.tag == Tag(.null) ? "" : scalar.string.lowercased() {
                case "", "true", "yes", "on": settings.ttls[provider] = provider.defaultTTL
                case "false", "no", "off": break
                default:
                    report(
                        value,
                        "'enrich.\(name)' must be a mapping (ttl: …), true or false, found \(Self.describe(value))")
                }
                continue
            }
            guard let fields = mapping(value, named: "'enrich.\(name)'") else { continue }
            settings.ttls[provider] = provider.defaultTTL
            var budget = ProviderBudgetOverride()
            for (fieldKey, fieldValue) in fields {
                switch keyName(fieldKey, known: Self.providerKeys[name] ?? [], in: "'enrich.\(name)'") {
                case "ttl":
                    settings.ttls[provider] =
                        duration(fieldValue, key: "enrich.\(name).ttl", allowZero: false) ?? provider.defaultTTL
                case "per_hour": budget.perHour = integer(fieldValue, key: "enrich.\(name).per_hour", minimum: 1)
                case "min_interval":
                    budget.minInterval = duration(fieldValue, key: "enrich.\(name).min_interval")
                    if let shortest = provider.identity.shortestInterval, let interval = budget.minInterval,
                        interval < shortest.seconds
                    {
                        report(
                            fieldValue,
                            "'enrich.\(name).min_interval' (\(DurationText.format(interval))) must be at least \(DurationText.format(shortest.seconds)): \(shortest.reason)"
                        )
                    }
                case "max_requests":
                    budget.maxRequests = integer(fieldValue, key: "enrich.\(name).max_requests", minimum: 1)
                case let field?:
                    let sharing = Provider.allCases.filter { $0.enrichKey == name }
                    if let follower = sharing.first(where: { $0.identity.turnedOnBy == field }) {
                        if boolean(fieldValue, key: "enrich.\(name).\(field)") ?? false {
                            turnedOn.insert(follower)
                        } else {
                            turnedOn.remove(follower)
                        }
                    } else if let owner = sharing.first(where: { $0.identity.fields.contains(field) }) {
                        settings.setField(field, of: owner, to: string(fieldValue, key: "enrich.\(name).\(field)"))
                    }
                case nil: break
                }
            }
            if budget != ProviderBudgetOverride() { settings.budgets[provider] = budget }
        }
        for follower in turnedOn.sorted() {
            settings.ttls[follower] = Provider(enrichKey: follower.enrichKey).flatMap { settings.ttls[$0] }
        }
        return settings
    }

    // MARK: Targets

    /// Adds the id `text` names, or records why it cannot be read; true when it was an id (even a repeated one).
    @discardableResult
    mutating func addTarget(_ text: String, kind: EntityKind, at place: SourceLocation) -> Bool {
        do {
            add(try SpotifyID(parsing: text, expecting: kind), at: place)
            return true
        } catch {
            invalidCount += 1
            if invalidTargets.count < JobSpec.keptInvalidTargets {
                invalidTargets.append(Diagnostic(place, error.description))
            }
            return false
        }
    }

    /// Lists `id` once, counting a repeat as a duplicate.
    mutating func add(_ id: SpotifyID, at place: SourceLocation) {
        if seen.insert(id).inserted {
            targets.append(JobTarget(id: id, origin: place))
        } else {
            duplicateCount += 1
        }
    }
}
