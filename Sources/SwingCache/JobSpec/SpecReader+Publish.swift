import Yams

extension SpecReader {
    static let publishKeys = ["playlists", "history"]
    static let playlistKeys: [PlaylistRule.Kind: [String]] = [
        .genres: ["name", "min_tracks"], .mostPlayed: ["name", "size"], .mostListened: ["name", "size"],
        .popularity: ["name", "size"],
    ]
    static let historyKeys = ["user", "lastfm", "listenbrainz"]
    /// SwingMusic shows playlists of any length, but a ranked one longer than this is no longer a selection.
    static let largestPlaylist = 1000

    mutating func readPublish(_ node: Node) -> PublishSettings? {
        var settings = PublishSettings(origin: location(of: node))
        guard let section = mapping(node, named: "'publish'") else { return nil }
        for (key, value) in section {
            switch keyName(key, known: Self.publishKeys, in: "'publish'") {
            case "playlists": settings.playlists = readPlaylistRules(value)
            case "history": settings.history = readHistoryImports(value)
            default: break
            }
        }
        if section.isEmpty {
            report(node, "'publish' names nothing to publish: add 'playlists' or 'history'")
        }
        return settings
    }

    mutating func readPlaylistRules(_ node: Node) -> [PlaylistRule] {
        guard let section = mapping(node, named: "'publish.playlists'") else { return [] }
        var rules: [PlaylistRule] = []
        for (key, value) in section {
            guard let name = keyName(key, known: PlaylistRule.Kind.allCases.map(\.rawValue), in: "'publish.playlists'"),
                let kind = PlaylistRule.Kind(rawValue: name)
            else { continue }
            var rule = PlaylistRule(kind: kind)
            if case .scalar(let scalar) = value {
                switch scalar.tag == Tag(.null) ? "" : scalar.string.lowercased() {
                case "", "true", "yes", "on": rules.append(rule)
                case "false", "no", "off": break
                default:
                    report(
                        value,
                        "'publish.playlists.\(name)' must be a mapping (size: …), true or false, found \(Self.describe(value))"
                    )
                }
                continue
            }
            guard let fields = mapping(value, named: "'publish.playlists.\(name)'") else { continue }
            for (fieldKey, fieldValue) in fields {
                let key = "publish.playlists.\(name)"
                switch keyName(fieldKey, known: Self.playlistKeys[kind] ?? [], in: "'\(key)'") {
                case "name":
                    if let text = string(fieldValue, key: "\(key).name") {
                        if text.trimmingWhitespace().isEmpty
                            || text.unicodeScalars.contains(where: {
                                $0.properties.generalCategory == .control
                            })
                        {
                            report(fieldValue, "'\(key).name' must be a name without control characters")
                        } else {
                            rule.name = text
                        }
                    }
                case "size":
                    if let size = integer(fieldValue, key: "\(key).size", minimum: 1) {
                        if size > Self.largestPlaylist {
                            report(fieldValue, "'\(key).size' must be at most \(Self.largestPlaylist), found \(size)")
                        } else {
                            rule.size = size
                        }
                    }
                case "min_tracks":
                    rule.minTracks = integer(fieldValue, key: "\(key).min_tracks", minimum: 1) ?? rule.minTracks
                default: break
                }
            }
            rules.append(rule)
        }
        return rules
    }

    mutating func readHistoryImports(_ node: Node) -> [HistoryImport] {
        var imports: [HistoryImport] = []
        for entry in list(node, key: "publish.history") {
            guard let fields = mapping(entry, named: "each entry of 'publish.history'") else { continue }
            var user: String?
            var lastfm: String?
            var listenbrainz: String?
            for (key, value) in fields {
                switch keyName(key, known: Self.historyKeys, in: "an entry of 'publish.history'") {
                case "user": user = string(value, key: "publish.history.user")
                case "lastfm": lastfm = string(value, key: "publish.history.lastfm")
                case "listenbrainz": listenbrainz = string(value, key: "publish.history.listenbrainz")
                default: break
                }
            }
            guard let user, !user.trimmingWhitespace().isEmpty else {
                report(entry, "an entry of 'publish.history' needs 'user': the SwingMusic user the plays belong to")
                continue
            }
            if lastfm == nil && listenbrainz == nil {
                report(entry, "the 'publish.history' entry of '\(user)' names neither 'lastfm' nor 'listenbrainz'")
                continue
            }
            if imports.contains(where: { $0.user == user }) {
                report(entry, "'publish.history' lists the SwingMusic user '\(user)' twice")
                continue
            }
            imports.append(
                HistoryImport(
                    user: user, lastfmUser: lastfm, listenbrainzUser: listenbrainz, origin: location(of: entry)))
        }
        return imports
    }
}
