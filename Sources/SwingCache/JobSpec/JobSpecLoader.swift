import Foundation
import Yams

/// Every problem that keeps a job spec from being used, each with its place in the file.
public struct JobSpecError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads job specs from YAML, reporting every problem at once rather than the first.
///
/// ```swift
/// let spec = try JobSpecLoader().load(path: "jobs/nightly.yaml")
/// spec.targets.count       // ids listed, normalised and deduplicated
/// spec.invalidTargets      // ids that could not be read, with file:line:column
/// ```
public struct JobSpecLoader: Sendable {
    public init() {}

    /// Reads and validates the spec at `path`; relative id files are read from the spec's folder.
    public func load(path: String) throws(JobSpecError) -> JobSpec {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw JobSpecError([TextFileDiagnostic.diagnostic(for: error, file: path, reading: "job spec")])
        }
        return try parse(text, path: path)
    }

    /// Validates spec text as if read from `path`.
    public func parse(_ text: String, path: String) throws(JobSpecError) -> JobSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw JobSpecError([
                YAMLProblem.indentingTab(in: text, file: path) ?? YAMLProblem.diagnostic(for: error, in: path)
            ])
        } catch {
            throw JobSpecError([
                Diagnostic(SourceLocation(file: path, line: 1, column: 1), "is not valid YAML: \(error)")
            ])
        }
        guard let root else {
            throw JobSpecError([
                Diagnostic(
                    SourceLocation(file: path, line: 1, column: 1),
                    "is empty: a job spec needs 'targets' or a 'library'")
            ])
        }
        var reader = SpecReader(path: path)
        let spec = reader.readSpec(root)
        guard reader.errors.isEmpty, let spec else {
            let specProblems = reader.errors.sorted {
                ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
            }
            throw JobSpecError(specProblems + reader.invalidTargets)
        }
        return spec
    }
}

/// Walks the YAML tree of one spec, collecting values and problems.
struct SpecReader {
    static let topLevelKeys = [
        "name", "ttl", "ttl_max", "refresh_ahead", "missing_ttl", "market", "targets", "budget", "library", "enrich",
        "publish",
    ]
    static let libraryKeys = ["swingmusic_db", "user"]
    static let providerBudgetKeys = ["per_hour", "min_interval", "max_requests"]
    static let providerKeys: [String: [String]] = [
        "lastfm": ["ttl", "username"] + providerBudgetKeys, "musicbrainz": ["ttl"] + providerBudgetKeys,
        "listenbrainz": ["ttl"] + providerBudgetKeys, "links": ["ttl", "odesli"] + providerBudgetKeys,
    ]
    /// MusicBrainz's published limit: one request per second from an address, strictly serial.
    static let musicBrainzShortestInterval: TimeInterval = 1
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

    // MARK: Sections

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
        var odesli = false
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
                case "username": settings.lastfmUsername = string(fieldValue, key: "enrich.lastfm.username")
                case "odesli": odesli = boolean(fieldValue, key: "enrich.links.odesli") ?? false
                case "per_hour": budget.perHour = integer(fieldValue, key: "enrich.\(name).per_hour", minimum: 1)
                case "min_interval":
                    budget.minInterval = duration(fieldValue, key: "enrich.\(name).min_interval")
                    if provider == .musicbrainz, let interval = budget.minInterval,
                        interval < Self.musicBrainzShortestInterval
                    {
                        report(
                            fieldValue,
                            "'enrich.musicbrainz.min_interval' (\(DurationText.format(interval))) must be at least 1s: MusicBrainz allows one request per second"
                        )
                    }
                case "max_requests":
                    budget.maxRequests = integer(fieldValue, key: "enrich.\(name).max_requests", minimum: 1)
                default: break
                }
            }
            if budget != ProviderBudgetOverride() { settings.budgets[provider] = budget }
        }
        if odesli { settings.ttls[.odesli] = settings.ttls[.deezer] }
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

    // MARK: Values

    mutating func keyName(_ key: Node, known: [String], in section: String) -> String? {
        guard let name = key.scalar?.string else {
            report(key, "keys of \(section) must be plain words")
            return nil
        }
        guard known.contains(name) else {
            let hint =
                SpellingSuggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(known.joined(separator: ", ")))"
            report(key, "unknown key '\(name.abbreviatedForMessages())' in \(section)\(hint)")
            return nil
        }
        return name
    }

    mutating func mapping(_ node: Node, named name: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        report(node, "\(name) must be a mapping of keys to values, found \(Self.describe(node))")
        return nil
    }

    mutating func list(_ node: Node, key: String) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where scalar.tag == Tag(.null) || scalar.string.isEmpty: return []
        default:
            report(node, "'\(key)' must be a list (one '- item' per line), found \(Self.describe(node))")
            return []
        }
    }

    mutating func string(_ node: Node, key: String) -> String? {
        if case .scalar(let scalar) = node, scalar.tag != Tag(.null) { return scalar.string }
        report(node, "\(key.hasPrefix("an ") ? key : "'\(key)'") must be text, found \(Self.describe(node))")
        return nil
    }

    mutating func duration(_ node: Node, key: String, allowZero: Bool = true) -> TimeInterval? {
        guard let text = string(node, key: key) else { return nil }
        guard let seconds = DurationText.parse(text) else {
            report(
                node,
                "'\(key)' must be a duration (\(DurationText.expectedForm)), found '\(text.abbreviatedForMessages())'")
            return nil
        }
        if !allowZero && seconds <= 0 {
            report(node, "'\(key)' must be longer than zero, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        guard seconds <= DurationText.longest, seconds == 0 || seconds >= DurationText.shortest else {
            report(
                node,
                "'\(key)' must be \(DurationText.rangeText(allowZero: allowZero)), found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        return seconds
    }

    /// A share above 0 and at most 1, written `0.9` or `90%`.
    mutating func share(_ node: Node, key: String) -> Double? {
        guard let text = string(node, key: key) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value.isFinite, value > 0, value <= 1 else {
            report(
                node,
                "'\(key)' must be a share above 0 and at most 1, such as 0.9 or 90%, found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node, key: String, minimum: Int) -> Int? {
        guard let text = string(node, key: key) else { return nil }
        let digits = text.filter { $0 != "_" }
        let unsigned = digits.hasPrefix("-") || digits.hasPrefix("+") ? digits.dropFirst() : digits[...]
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            report(node, "'\(key)' must be a whole number, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        let largest = BudgetPolicy.largestCount
        // Too many digits for `Int` is simply a number out of range.
        guard let value = Int(digits), value <= largest else {
            report(
                node,
                "'\(key)' must be \(digits.hasPrefix("-") ? "at least \(minimum)" : "at most \(largest)"), found '\(text.abbreviatedForMessages())'"
            )
            return nil
        }
        guard value >= minimum else {
            report(node, "'\(key)' must be at least \(minimum), found \(value)")
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node, key: String) -> Bool? {
        guard let text = string(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "'\(key)' must be true or false, found '\(text.abbreviatedForMessages())'")
            return nil
        }
    }

    mutating func market(_ node: Node) -> String? {
        guard let text = string(node, key: "market") else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            report(
                node,
                "'market' must be a two-letter country code such as US or DE, found '\(text.abbreviatedForMessages())'")
            return nil
        }
        return text.uppercased()
    }

    // MARK: Places

    mutating func report(_ node: Node, _ message: String) {
        errors.append(Diagnostic(location(of: node), message))
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .wholeFile(path) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.tag == Tag(.null) ? "nothing" : "'\(scalar.string.abbreviatedForMessages())'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func defaultName(for path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// `~` and `~/…` with the `$HOME` of the process (cron and systemd set it), as a shell would expand them.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"),
            let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty
        else { return path }
        return home + path.dropFirst()
    }

    /// An id file's path as a person would type it from where the spec was named: `jobs/ids.txt` for `jobs/x.yaml`.
    static func resolve(_ relativePath: String, besideSpec specPath: String) -> String {
        if relativePath.hasPrefix("/") { return relativePath }
        let folder = (specPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? relativePath : (folder as NSString).appendingPathComponent(relativePath)
    }
}

/// Turns libyaml's complaints into one-line diagnostics at the place they point to.
private enum YAMLProblem {
    static func diagnostic(for error: YamlError, in path: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let place = SourceLocation(file: path, line: mark.line, column: mark.column)
            let during = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(place, "is not valid YAML: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let place = SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(place, "key \(keys) is written twice in one mapping")
        case .reader(let problem, let offset, let value, let yaml):
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return Diagnostic(
                place(ofCharacter: offset ?? 0, in: yaml, file: path),
                "is not readable as YAML text: \(problem)\(character); remove it or write it as an escape in double quotes"
            )
        default:
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), "is not valid YAML: \(error)")
        }
    }

    /// A tab in a line's indentation, which YAML forbids and libyaml reports only as a token it cannot read.
    static func indentingTab(in text: String, file: String) -> Diagnostic? {
        for (index, line) in text.textLines.enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indentation.firstIndex(of: "\t") else { continue }
            let column = indentation.distance(from: indentation.startIndex, to: tab) + 1
            return Diagnostic(
                SourceLocation(file: file, line: index + 1, column: column),
                "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces")
        }
        return nil
    }

    /// The line and column of the character `offset` characters into `text`.
    static func place(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        let before = text.prefix(max(0, offset))
        let lines = before.textLines
        return SourceLocation(file: file, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}

/// One-line diagnostics for a job spec or id file that could not be read as text.
enum TextFileDiagnostic {
    static func diagnostic(for problem: TextFile.Problem, file: String, reading what: String) -> Diagnostic {
        switch problem {
        case .unreadable(let reason):
            return Diagnostic(.wholeFile(file), "cannot read \(what): \(reason)")
        case .notUTF8(let line, let column, let byte):
            return Diagnostic(
                SourceLocation(file: file, line: line, column: column),
                "is not UTF-8 text (byte \(String(format: "0x%02X", byte))); save the \(what) as UTF-8")
        }
    }
}

/// Short reasons for file errors, without Foundation's long wrappers.
enum FileProblem {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
        default: return nsError.localizedDescription
        }
    }
}
