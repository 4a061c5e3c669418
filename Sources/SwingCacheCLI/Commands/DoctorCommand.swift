import ArgumentParser
import Foundation
import Runner
import SwingCache

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, database, Redis, credentials and providers, without spending any quota.",
        discussion: """
            Each check prints one line: ok, warning, failed or skipped. The credentials are tried on Spotify's \
            token endpoint only, which the hourly budget does not count; no Web API request is made. Redis is \
            checked when SWINGCACHE_REDIS_URL is set: reachable, its version, its latency and Lua scripting. The \
            providers line says which enrichment providers a run would call and which it would skip and why \
            (Last.fm needs LASTFM_API_KEY, MusicBrainz SWINGCACHE_CONTACT, Odesli ODESLI_API_KEY and \
            enrich.links.odesli: true in a spec), from the configuration alone: no provider is sent anything, and \
            no key is printed. A skipped provider is a warning. When SWINGMUSIC_URL is set, the swingmusic line \
            says whether publish can write into SwingMusic: it answers, the account logs in and is an admin (a \
            warning if not: history import and descriptions need one), and SWINGMUSIC_BACKUP_DIR is the folder \
            SwingMusic restores from (an empty probe backup is written there, listed by SwingMusic, and removed).

            Examples:
              swingcache doctor
              swingcache doctor --json

            Exit 0 when nothing failed (warnings allowed), 77 when the configuration, the database or the \
            credentials are wrong or SwingMusic refuses the account or restores from another folder, 69 when \
            Redis, the token endpoint or SwingMusic cannot be reached.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the checks as JSON.")
    var json = false

    func run() async throws {
        let checks: [DoctorCheck]
        do {
            let configuration = try store.configuration()
            checks = await Doctor(
                configuration: configuration, database: store.location,
                clock: ShiftedClock(startingAt: store.currentTime)
            ).checks()
        } catch let failure as CommandFailure {
            checks = [
                DoctorCheck("configuration", .failed, failure.lines.joined(separator: " "), failure: .configuration)
            ]
        }
        if json {
            try Terminal.json(checks)
        } else {
            for check in checks {
                print(
                    "\(check.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(check.name.padding(toLength: 15, withPad: " ", startingAt: 0))\(check.detail)"
                )
            }
        }
        let failures = checks.compactMap(\.failure)
        if failures.contains(.configuration) { throw ExitStatus.badConfiguration.exitCode }
        if failures.contains(.unavailable) { throw ExitStatus.serviceUnavailable.exitCode }
    }
}

extension DoctorCommand: UsesCacheDatabase {}
