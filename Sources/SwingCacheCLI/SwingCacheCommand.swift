import ArgumentParser
import EnrichmentAPI
import Outbound
import Runner

@main
struct SwingCacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swingcache",
        abstract: "Keep a local cache of Spotify metadata for a SwingMusic library, within Spotify's limits.",
        discussion: """
            Job specs (YAML, see jobs/README.md) list the tracks, albums and artists to keep fresh. \
            swingcache plans the requests that fit the hourly (and daily) budget and keeps the answers in SQLite.

            Examples:
              swingcache validate jobs/nightly.yaml
              swingcache plan jobs/nightly.yaml
              swingcache run jobs/nightly.yaml
              swingcache get track spotify:track:4iV5W9uYEdYUVa79Axb7Rh
              swingcache stats --json
              swingcache cleanup --dry-run
              swingcache publish jobs/library.yaml --dry-run
              swingcache export --format csv --output library.csv
              swingcache review
              swingcache doctor

            \(ExitStatus.helpText)
            """,
        version: SwingCacheCommand.version,
        subcommands: [
            RunCommand.self, PlanCommand.self, GetCommand.self, ValidateCommand.self, CleanupCommand.self,
            PublishCommand.self,
            StatsCommand.self, ExplainCommand.self, ReviewCommand.self, ExportCommand.self,
            DoctorCommand.self,
        ]
    )

    /// Parses the command line with `get`'s ids packed (``PackedIDArguments``), then runs the command.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `run` and `publish` stop cleanly on SIGINT and SIGTERM: one that comes before they listen is held for them.
        if ["run", "publish"].contains(arguments.first) { EarlySignals.hold() }
        await main(PackedIDArguments.packing(arguments))
    }

    /// Printed by `swingcache --version`; the same as the User-Agent's version.
    static let version = "swingcache \(ProviderUserAgent.defaultVersion)"
}
