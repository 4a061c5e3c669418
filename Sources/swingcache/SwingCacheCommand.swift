import ArgumentParser

@main
struct SwingCacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swingcache",
        abstract: "Keep a local cache of Spotify metadata for a SwingMusic library, within Spotify's limits.",
        discussion: """
            Job specs (YAML, see jobs/README.md) list the tracks, albums and artists to keep fresh.
            swingcache plans the requests that fit the hourly budget and keeps the answers in SQLite.

            Examples:
              swingcache validate jobs/nightly.yaml
              swingcache plan jobs/nightly.yaml
              swingcache stats --json
              swingcache cleanup --dry-run

            \(ExitStatus.helpText)
            """,
        subcommands: [PlanCommand.self, ValidateCommand.self, CleanupCommand.self, StatsCommand.self]
    )
}
