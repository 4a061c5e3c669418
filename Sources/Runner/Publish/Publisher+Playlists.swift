import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicAPI

extension Publisher {
    /// The key in a playlist's settings that marks it as swingcache's, and what it holds.
    static let markerKey = "swingcache"

    /// Brings swingcache's playlists in SwingMusic to what `rules` ask for: creates the missing ones, updates the ones
    /// whose songs or name changed, removes the ones no longer asked for, and leaves the rest alone. `tracks` are
    /// the library's files as the cache knows them.
    func publishPlaylists(
        _ rules: [PlaylistRule], tracks: [PublishableTrack], session: inout SwingMusicSession,
        restorer: SwingMusicRestorer?
    ) async throws -> [PublishReport.Playlist] {
        let wanted = PlaylistPlan.playlists(for: rules, from: tracks, madeAt: clock.now())
        let existing = try await playlists(session: &session)
        let making = try await readStore { try await store.publish.publishedPlaylists(account: accountKey) }
            .filter { $0.playlistID == Self.beingMade }
        var ours: [String: SwingMusicPlaylist] = [:]
        var takenNames: Set<String> = []
        for playlist in existing {
            if let key = Self.marker(of: playlist) { ours[key] = playlist }
        }
        for playlist in existing where Self.marker(of: playlist) == nil {
            if let made = Self.madeUnmarked(playlist, making: making), ours[made.key] == nil {
                ours[made.key] = playlist
            } else {
                takenNames.insert(playlist.name)
            }
        }
        var outcomes: [PublishReport.Playlist] = []
        var published: [PublishedPlaylistRecord] = []
        var toRestore: [(DesiredPlaylist, String)] = []
        for var playlist in wanted {
            // A name one of the account's own playlists has stays the user's: swingcache's takes another.
            let name = [playlist.name, "\(playlist.name) (swingcache)"].first { !takenNames.contains($0) }
            if let current = ours[playlist.key], let name {
                let note = name == playlist.name ? nil : "'\(playlist.name)' is a playlist of the account's own"
                playlist.name = name
                var (outcome, record) = try await update(current, to: playlist, session: &session)
                outcome.note = outcome.note ?? note
                outcomes.append(outcome)
                published.append(record)
                continue
            }
            guard let name else {
                outcomes.append(
                    .init(
                        name: playlist.name, key: playlist.key, change: .skipped, tracks: playlist.trackhashes.count,
                        added: 0, removed: 0,
                        note: "the account has playlists named '\(playlist.name)' and '\(playlist.name) (swingcache)'"))
                continue
            }
            takenNames.insert(name)
            var outcome = PublishReport.Playlist(
                name: name, key: playlist.key, change: .created, tracks: playlist.trackhashes.count,
                added: playlist.trackhashes.count, removed: 0,
                note: name == playlist.name ? nil : "'\(playlist.name)' is a playlist of the account's own")
            if restorer != nil {
                toRestore.append((playlist, name))
            } else if !dryRun {
                let id = try await create(playlist, named: name, session: &session)
                outcome.id = id
                published.append(record(playlist, id: id, name: name))
            }
            outcomes.append(outcome)
        }
        let wantedKeys = Set(wanted.map(\.key))
        var removedKeys: [String] = []
        for (key, playlist) in ours.sorted(by: { $0.key < $1.key }) where !wantedKeys.contains(key) {
            if !dryRun { try await session.call(.deletePlaylist(playlist.id)) }
            removedKeys.append(key)
            outcomes.append(
                .init(
                    name: playlist.name, key: key, change: .removed, tracks: 0, added: 0, removed: playlist.count ?? 0,
                    id: playlist.id, note: "no longer asked for, or too few songs"))
        }
        if let restorer, !toRestore.isEmpty, !dryRun {
            let backup = SwingMusicRestorer.Backup(
                playlists: toRestore.map { playlist, name in
                    SwingMusicRestorer.Playlist(
                        name: name, lastUpdated: Self.swingMusicDate(clock.now()),
                        settings: Self.settings(marking: playlist.key, in: nil, now: clock.now()),
                        trackhashes: playlist.trackhashes, extra: ["description": playlist.description])
                })
            let restore = try await session.restore(try restorer.write(backup), restorer: restorer)
            let after = try await restoredPlaylists(
                Set(toRestore.map(\.0.key)), after: restore, session: &session)
            for (playlist, name) in toRestore {
                guard let made = after.first(where: { Self.marker(of: $0) == playlist.key }) else {
                    throw PublishFailure(
                        .unavailable, "SwingMusic restored the backup but shows no playlist '\(name)' after it")
                }
                published.append(record(playlist, id: made.id, name: name))
                if let index = outcomes.firstIndex(where: { $0.key == playlist.key }) { outcomes[index].id = made.id }
            }
        }
        if !dryRun {
            let kept = try await readBack(published, outcomes: &outcomes, session: &session)
            // A playlist a stopped publish was making that is neither found nor made now is forgotten.
            let keptKeys = Set(kept.map(\.key))
            removedKeys += making.map(\.key).filter { !keptKeys.contains($0) && !removedKeys.contains($0) }
            try await writeStore {
                try await store.publish.recordPublishedPlaylists(kept, removed: removedKeys, account: accountKey)
            }
        }
        return outcomes
    }

    /// `published` with the songs SwingMusic lists for each playlist this publish made or changed: what is recorded
    /// is what SwingMusic shows. One that shows other songs than were sent (SwingMusic drops a hash it does not
    /// know) is read again a few times, since a listing can lag a restore's re-index, then said in its outcome.
    private func readBack(
        _ published: [PublishedPlaylistRecord], outcomes: inout [PublishReport.Playlist],
        session: inout SwingMusicSession
    ) async throws -> [PublishedPlaylistRecord] {
        var shown: [PublishedPlaylistRecord] = []
        for var record in published {
            guard let index = outcomes.firstIndex(where: { $0.key == record.key }),
                [.created, .updated].contains(outcomes[index].change)
            else {
                shown.append(record)
                continue
            }
            var listed = try await songs(ofPlaylist: record.playlistID, named: record.name, session: &session)
            for _ in 0..<3 where listed != record.trackhashes {
                do {
                    try await clock.sleep(until: clock.now().addingTimeInterval(settling.pollInterval))
                } catch {
                    throw PublishFailure(.deferred, "stopped while reading back SwingMusic's playlists")
                }
                listed = try await songs(ofPlaylist: record.playlistID, named: record.name, session: &session)
            }
            if listed != record.trackhashes {
                let note =
                    "SwingMusic lists \(listed.count) of its \(record.trackhashes.count) songs (\(Set(record.trackhashes).subtracting(listed).count) not shown): the next publish tries again"
                outcomes[index].note = [outcomes[index].note, note].compactMap { $0 }.joined(separator: "; ")
                record.trackhashes = listed
            }
            shown.append(record)
        }
        return shown
    }

    private func songs(ofPlaylist id: Int, named name: String, session: inout SwingMusicSession) async throws
        -> [String]
    {
        try session.decode(
            await session.call(.playlist(id)), as: SwingMusicPlaylistTracksPayload.self,
            what: "the playlist '\(name)'"
        ).tracks.map(\.trackhash)
    }

    /// The account's playlists after a restore that was to make those of `keys`. When the restore got no answer,
    /// SwingMusic may still be at it: its playlists are read until they all show, or none has appeared for
    /// ``RestoreSettling/quietPeriod``. (A restore adds only playlists whose names the account lacks, so one sent
    /// again could not double them; it is not sent again all the same.)
    private func restoredPlaylists(
        _ keys: Set<String>, after restore: SwingMusicSession.Restore, session: inout SwingMusicSession
    ) async throws -> [SwingMusicPlaylist] {
        guard case .effectUnknown(let reason) = restore else { return try await playlists(session: &session) }
        var playlists: [SwingMusicPlaylist] = []
        var shown = 0
        let ending = try await settling.wait(on: clock) {
            playlists = try await self.playlists(session: &session)
            shown = Set(playlists.compactMap(Self.marker(of:))).intersection(keys).count
            return (shown == keys.count, shown)
        }
        guard ending == .complete else {
            throw PublishFailure(
                .unavailable,
                "SwingMusic did not answer the restore of \(keys.count) playlists (\(reason)) and shows \(shown) of them: the next publish finds those by their marker and makes the others"
            )
        }
        return playlists
    }

    /// The account's playlists, without their songs.
    func playlists(session: inout SwingMusicSession) async throws -> [SwingMusicPlaylist] {
        try session.decode(await session.call(.playlists), as: SwingMusicPlaylistsPayload.self, what: "its playlists")
            .data
    }

    /// Brings one of swingcache's playlists to `playlist`: its songs in order and its name; nothing when they match.
    private func update(
        _ current: SwingMusicPlaylist, to playlist: DesiredPlaylist, session: inout SwingMusicSession
    ) async throws -> (PublishReport.Playlist, PublishedPlaylistRecord) {
        let have = try await songs(ofPlaylist: current.id, named: current.name, session: &session)
        let record = record(playlist, id: current.id, name: playlist.name)
        let currentSet = Set(have)
        let wantedSet = Set(playlist.trackhashes)
        var outcome = PublishReport.Playlist(
            name: playlist.name, key: playlist.key, change: .unchanged, tracks: playlist.trackhashes.count,
            added: wantedSet.subtracting(currentSet).count, removed: currentSet.subtracting(wantedSet).count,
            id: current.id)
        // A playlist a stopped publish made and could not mark yet: it is marked before its songs go in, or a stop
        // between the two would leave it looking like one of the account's own.
        let adopting = Self.marker(of: current) == nil
        guard have != playlist.trackhashes || current.name != playlist.name || adopting else {
            return (outcome, record)
        }
        outcome.change = .updated
        if current.name != playlist.name { outcome.note = "renamed from '\(current.name)'" }
        if adopting { outcome.note = "made by a publish that stopped before it marked it: marked and filled now" }
        guard !dryRun else { return (outcome, record) }
        let marking = SwingMusicRequest.updatePlaylist(
            current.id, name: playlist.name,
            settings: Self.encoded(Self.settings(marking: playlist.key, in: current.settings, now: clock.now())))
        if adopting { try await session.call(marking) }
        if have != playlist.trackhashes {
            // SwingMusic's add appends and skips songs already there: the order is rebuilt from an empty list.
            if !have.isEmpty { try await session.call(.removeTracks(have, fromPlaylist: current.id)) }
            if !playlist.trackhashes.isEmpty {
                try await session.call(.addTracks(playlist.trackhashes, toPlaylist: current.id))
            }
        }
        if !adopting { try await session.call(marking) }
        return (outcome, record)
    }

    /// Makes `playlist` through the API alone (no description: only a restored backup carries one).
    private func create(_ playlist: DesiredPlaylist, named name: String, session: inout SwingMusicSession)
        async throws -> Int
    {
        // Recorded before it is asked for: a publish stopped before it marks the playlist leaves it unmarked, and the
        // next publish knows it for its own by this record (``madeUnmarked(_:making:)``).
        do {
            try await store.publish.recordPublishedPlaylists(
                [
                    PublishedPlaylistRecord(
                        account: accountKey, key: playlist.key, playlistID: Self.beingMade, name: name, trackhashes: [],
                        publishedAt: clock.now())
                ], removed: [], account: accountKey)
        } catch {
            throw PublishFailure(
                .configuration, "cannot record in the cache database the playlist '\(name)' about to be made: \(error)")
        }
        let answer = try await session.call(.createPlaylist(named: name))
        if case .conflict = answer {
            throw PublishFailure(.unavailable, "SwingMusic says a playlist '\(name)' appeared while publishing")
        }
        let made = try session.decode(answer, as: SwingMusicCreatedPlaylistPayload.self, what: "a new playlist")
            .playlist
        try await session.call(
            .updatePlaylist(
                made.id, name: name,
                settings: Self.encoded(Self.settings(marking: playlist.key, in: made.settings, now: clock.now()))))
        if !playlist.trackhashes.isEmpty {
            try await session.call(.addTracks(playlist.trackhashes, toPlaylist: made.id))
        }
        return made.id
    }

    private func record(_ playlist: DesiredPlaylist, id: Int, name: String) -> PublishedPlaylistRecord {
        PublishedPlaylistRecord(
            account: accountKey, key: playlist.key, playlistID: id, name: name, trackhashes: playlist.trackhashes,
            publishedAt: clock.now())
    }

    /// The playlist id `published_playlist` records for a playlist asked for (`POST /playlists/new`) whose answer was
    /// not recorded: SwingMusic numbers its playlists from 1.
    static let beingMade = 0

    /// The record of `making` that `playlist` is the playlist of, when it has no marker: a publish asked SwingMusic
    /// for a playlist of this name and stopped (was killed, or got no answer) before it marked it. Only an empty one
    /// is taken, as SwingMusic makes it: a playlist of that name the account's user put songs in stays theirs.
    static func madeUnmarked(_ playlist: SwingMusicPlaylist, making: [PublishedPlaylistRecord])
        -> PublishedPlaylistRecord?
    {
        guard marker(of: playlist) == nil, playlist.count == 0 else { return nil }
        return making.first { $0.name == playlist.name }
    }

    /// The key of swingcache's marker in `playlist`'s settings, or nil for a playlist swingcache did not make.
    static func marker(of playlist: SwingMusicPlaylist) -> String? {
        playlist.settings?[markerKey]?["key"]?.stringValue
    }

    /// `settings` (SwingMusic's defaults when nil) with swingcache's marker for `key`.
    static func settings(marking key: String, in settings: [String: JSONValue]?, now: Date) -> [String: JSONValue] {
        var settings =
            settings
            ?? ["has_gif": .bool(false), "banner_pos": .int(50), "square_img": .bool(false), "pinned": .bool(false)]
        settings[markerKey] = .object([
            "key": .string(key), "updated": .string(now.formatted(Date.ISO8601FormatStyle())),
            "about": .string("made by swingcache publish; it updates this playlist and may remove it"),
        ])
        return settings
    }

    static func encoded(_ settings: [String: JSONValue]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(settings)) ?? Data("{}".utf8)
    }

    /// A time as SwingMusic writes `last_updated`: `2026-12-01 12:00:00`, UTC.
    static func swingMusicDate(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
    }

    /// Runs a read of the cache, turning its failure into one publishing can report.
    func readStore<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw PublishFailure(.configuration, "cannot read the cache database: \(error)")
        }
    }

    func writeStore(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw PublishFailure(
                .unavailable, "SwingMusic was changed but the cache database could not record it: \(error)")
        }
    }
}
