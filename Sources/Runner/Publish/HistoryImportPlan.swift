import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicLibrary

/// Finds the library song a listen is of: by its MusicBrainz recording where it carries one, else by artist and
/// title as SwingMusic shows them (its cleaned titles, its split artists), folded the way the matcher compares.
struct ListenMatcher {
    private var byRecording: [String: PublishableTrack] = [:]
    private var byName: [String: PublishableTrack] = [:]

    init(_ tracks: [PublishableTrack]) {
        for track in tracks {
            for mbid in track.recordingMBIDs where byRecording[mbid] == nil { byRecording[mbid] = track }
            let title = Self.title(track.title)
            for artist in track.artists + track.artists.flatMap(Self.separateArtists) {
                let key = Self.key(artist: artist, title: title)
                if byName[key] == nil { byName[key] = track }
            }
        }
    }

    /// The library song `listen` is of, or nil when the library has none.
    func track(for listen: Listen) -> PublishableTrack? {
        if let mbid = listen.recordingMBID, let track = byRecording[mbid] { return track }
        let title = Self.title(listen.title)
        for artist in [listen.artist] + Self.separateArtists(listen.artist) {
            if let track = byName[Self.key(artist: artist, title: title)] { return track }
        }
        return nil
    }

    private static func title(_ text: String) -> String {
        let title = MatchNormalizer.title(text)
        return ([title.base] + title.versions.map(\.rawValue).sorted()).joined(separator: " ")
    }

    private static func key(artist: String, title: String) -> String {
        MatchNormalizer.artist(artist) + "\n" + title
    }

    /// The names in a credit such as "Queen, David Bowie" or "Coldplay & Beyoncé", for a listen whose service
    /// credits several artists in one string.
    private static func separateArtists(_ credit: String) -> [String] {
        var names = [credit]
        for separator in [", ", " & ", " feat. ", " ft. ", " featuring ", " x ", " / ", "/", ";", " and "] {
            names = names.flatMap { $0.components(separatedBy: separator) }
        }
        return names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != credit }
    }
}

/// Which listens of one user become plays in SwingMusic: each once, and none SwingMusic already has.
///
/// A listen both services report (the same song within ``sameListenWindow``) is one play, taken from Last.fm. A
/// listen within ``sameListenWindow`` of a play SwingMusic holds of the same song is that play — SwingMusic
/// scrobbled it to Last.fm itself, or an earlier import wrote it — and each SwingMusic play stands for one listen
/// only, so a song played twice in a row stays two plays.
struct HistoryImportPlan {
    /// How far apart two reports of one play may be: Last.fm dates a scrobble by the start of the play, SwingMusic
    /// may log it when it ends, and a track seldom lasts longer.
    static let sameListenWindow = 600

    struct Play: Hashable {
        var listen: Listen
        var track: PublishableTrack
    }

    var plays: [Play] = []
    var duplicatesAcrossServices = 0
    var alreadyInSwingMusic = 0
    /// Listens of songs not in the library, kept to be tried again when the library changes.
    var unmatched: [Listen] = []

    init(listens: [Listen], matcher: ListenMatcher, swingMusicPlays: [Scrobble]) {
        var candidates: [Play] = []
        for listen in listens {
            guard let track = matcher.track(for: listen) else {
                unmatched.append(listen)
                continue
            }
            candidates.append(Play(listen: listen, track: track))
        }
        // Last.fm first, so a play both services report is kept as Last.fm's.
        candidates.sort {
            (Self.rank($0.listen.source), $0.listen.timestamp) < (Self.rank($1.listen.source), $1.listen.timestamp)
        }
        // Times sorted oldest first, so a look-up is a binary search: a history of 500 000 listens has 70 000 of
        // one song.
        var held = Dictionary(grouping: swingMusicPlays, by: \.trackhash).mapValues { $0.map(\.timestamp).sorted() }
        // Every listen accounted for so far, imported or found in SwingMusic, by song and service; candidates come
        // in time order within a service, so each list stays sorted.
        var seen: [String: [ListenSource: [Int]]] = [:]
        for candidate in candidates {
            let hash = candidate.track.trackhash
            let time = candidate.listen.timestamp
            let source = candidate.listen.source
            let reportedByAnother = seen[hash, default: [:]].contains { other, times in
                other != source && Self.closest(to: time, in: times) != nil
            }
            if reportedByAnother {
                duplicatesAcrossServices += 1
                continue
            }
            seen[hash, default: [:]][source, default: []].append(time)
            if let index = Self.closest(to: time, in: held[hash] ?? []) {
                held[hash]?.remove(at: index)
                alreadyInSwingMusic += 1
                continue
            }
            plays.append(candidate)
        }
        plays.sort { $0.listen.timestamp < $1.listen.timestamp }
    }

    private static func rank(_ source: ListenSource) -> Int { source == .lastfm ? 0 : 1 }

    /// The index of the time in `times` (sorted) nearest `time` within the window; the earlier of two as near.
    private static func closest(to time: Int, in times: [Int]) -> Int? {
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        let nearest = [low - 1, low].filter { times.indices.contains($0) }
            .min { abs(times[$0] - time) < abs(times[$1] - time) }
        return nearest.flatMap { abs(times[$0] - time) <= sameListenWindow ? $0 : nil }
    }
}
