import Foundation
import SwingCache
import Testing

@Suite struct JobSpecLibraryTests {
    let loader = JobSpecLoader()

    @Test func aLibraryWithProvidersNeedsNoTargets() throws {
        let spec = try loader.parse(
            """
            library:
              swingmusic_db: swingmusic/swingmusic.db
              user: alice
            enrich:
              lastfm: { ttl: 3d, username: alice-fm }
              musicbrainz:
              listenbrainz: true
              links: { odesli: yes }
            """, path: "jobs/library.yaml")

        let library = try #require(spec.library)
        #expect(library.swingMusicDatabase == "jobs/swingmusic/swingmusic.db", "resolved beside the spec")
        #expect(library.user == "alice")
        #expect(library.origin.line == 2)
        #expect(spec.targets.isEmpty)
        let expected: [Provider: TimeInterval] = [
            .lastfm: 259_200, .musicbrainz: 2_592_000, .listenbrainz: 86_400, .deezer: 2_592_000,
            .odesli: 2_592_000,
        ]
        #expect(spec.enrichment.ttls == expected, "links turns on Deezer, and Odesli with odesli: yes")
        #expect(spec.enrichment.enrichKeys == ["lastfm", "links", "listenbrainz", "musicbrainz"])
        #expect(spec.enrichment.lastfmUsername == "alice-fm")
    }

    @Test func aProviderMayHaveItsOwnBudget() throws {
        let spec = try loader.parse(
            """
            library:
            enrich:
              lastfm: { per_hour: 2000, max_requests: 300 }
              musicbrainz: { min_interval: 2s }
              links: { ttl: 30d }
            """, path: "spec.yaml")

        #expect(
            spec.enrichment.budgets == [
                .lastfm: ProviderBudgetOverride(perHour: 2000, maxRequests: 300),
                .musicbrainz: ProviderBudgetOverride(minInterval: 2),
            ])
        let lastfm = spec.enrichment.budgets[.lastfm]!.applied(
            to: BudgetPolicy(perHour: 9000, minInterval: 0.25, reserve: 100))
        #expect(lastfm == BudgetPolicy(perHour: 2000, minInterval: 0.25, reserve: 0, maxRequests: 300))
    }

    @Test func anEmptyLibraryUsesSwingMusicsOwnLookupOrder() throws {
        let spec = try loader.parse("library:\nenrich:\n  lastfm: false\n", path: "spec.yaml")
        #expect(spec.library?.swingMusicDatabase == nil)
        #expect(spec.library?.user == nil)
        #expect(spec.enrichment.ttls.isEmpty, "a provider turned off is not enabled")
    }

    @Test(arguments: [
        (
            "enrich:\n  lastfm: {}\ntargets: {}\n",
            "spec.yaml:2:3: 'enrich' needs a 'library': providers look up the library's tracks"
        ),
        (
            "library:\n  swingmusic: x.db\n",
            "spec.yaml:2:3: unknown key 'swingmusic' in 'library'; did you mean 'swingmusic_db'?"
        ),
        (
            "library: {}\nenrich:\n  musicbrainz: { min_interval: 500ms }\n",
            "spec.yaml:3:32: 'enrich.musicbrainz.min_interval' (500ms) must be at least 1s: MusicBrainz allows one request per second"
        ),
        (
            "library: {}\nenrich:\n  lastfm: { max_requests: 0 }\n",
            "spec.yaml:3:27: 'enrich.lastfm.max_requests' must be at least 1, found 0"
        ),
        (
            "library: {}\nenrich:\n  last_fm: {}\n",
            "spec.yaml:3:3: unknown key 'last_fm' in 'enrich'; did you mean 'lastfm'?"
        ),
        (
            "library: {}\nenrich:\n  lastfm: { ttl: soon }\n",
            "spec.yaml:3:18: 'enrich.lastfm.ttl' must be a duration (a number followed by ms, s, m, h or d, such as 90s or 12h), found 'soon'"
        ),
        (
            "library: {}\nenrich:\n  musicbrainz: { username: x }\n",
            "spec.yaml:3:18: unknown key 'username' in 'enrich.musicbrainz' (expected one of: ttl, per_hour, min_interval, max_requests)"
        ),
        (
            "library: {}\nenrich:\n  links: { odesli: maybe }\n",
            "spec.yaml:3:20: 'enrich.links.odesli' must be true or false, found 'maybe'"
        ),
        (
            "library: {}\nenrich:\n  lastfm: 7d\n",
            "spec.yaml:3:11: 'enrich.lastfm' must be a mapping (ttl: …), true or false, found '7d'"
        ),
    ])
    func problemsInLibraryAndEnrichAreReportedAtTheirPlace(yaml: String, message: String) {
        do {
            _ = try loader.parse(yaml, path: "spec.yaml")
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }
}
