import ArgumentParser
import FixtureServer
import Foundation

/// The fake Spotify Web API and enrichment services as a process, for the CI smoke job, the demo and by-hand
/// experiments.
struct FixtureServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spotify-fixture-server",
        abstract: "Serve a fake Spotify Web API and token endpoint, and fake enrichment services, on a local port.",
        discussion: """
            Answers POST /api/token (client credentials) and GET /v1/tracks, /v1/albums, /v1/artists (by id and \
            with ?ids=) and /v1/search (q=isrc:… or q=track:"…" artist:"…") like Spotify, from recorded fixtures or \
            a generated catalog that gives the same answer for the same id every time. Ids starting with 0000 do \
            not exist; ISRCs starting with ZZ match nothing; titles starting with Nomatch find nothing, with \
            Ambiguous two equal candidates.

            Beside it, each under its own prefix (see docs/development.md for the answers and errors):
              GET  /lastfm/2.0/?method=track.getInfo&artist=…&track=…&api_key=…
              GET  /musicbrainz/ws/2/isrc/{ISRC}?fmt=json
              GET  /musicbrainz/ws/2/recording/{mbid}?inc=genres+tags+isrcs+url-rels
              GET  /musicbrainz/ws/2/recording?query=recording:"…" AND artist:"…" AND dur:[… TO …]&fmt=json
              GET  /lastfm/2.0/?method=user.getRecentTracks&user=…&limit=…&page=…&from=…&to=…&api_key=…
              POST /listenbrainz/1/popularity/recording  {"recording_mbids":[…]}
              GET  /listenbrainz/1/user/{name}/listens?count=…&max_ts=…&min_ts=…
              GET  /deezer/track/isrc:{ISRC}
              GET  /odesli/v1-alpha.1/links?url=…&key=…
            MusicBrainz wants a User-Agent like "app/1.0 ( contact )". GET /__log lists \
            the requests answered so far as JSON, each with its service. The listening histories come from a \
            bundled file (users admin and bob) unless --history names another of the shape \
            {"lastfm": {"USER": [listen…]}, "listenbrainz": {"USER": [listen…]}}, a listen being \
            {"artist", "title", "album", "mbid", "timestamp"}; a Last.fm listen without a timestamp is the track \
            that user is playing now (admin has one), and Last.fm user private-user answers error 17.

            On start it prints one line, "listening on http://HOST:PORT", then serves until SIGINT or SIGTERM.

            Examples:
              spotify-fixture-server --port 8899
              spotify-fixture-server --rate-limit-every 5 --request-log requests.jsonl
              spotify-fixture-server --quota-after 100 --server-error-rate 0.1 --seed 7
              spotify-fixture-server --development-mode --latency-ms 40
              spotify-fixture-server --musicbrainz-busy-rate 0.25 --odesli-key demo-key
              spotify-fixture-server --lastfm-rate-limit-every 20 --listenbrainz-window 5
              spotify-fixture-server --history listens.json

            Then, with the default credentials:
              curl -u swingcache-demo:swingcache-demo-secret \\
                   -d grant_type=client_credentials http://127.0.0.1:8899/api/token
              curl -H 'Authorization: Bearer fixture-token-1' \\
                   'http://127.0.0.1:8899/v1/tracks?ids=4iV5W9uYEdYUVa79Axb7Rh'
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (read it from the 'listening on' line).")
    var port = 0

    @Option(help: "The client id the token endpoint accepts.")
    var clientID = "swingcache-demo"

    @Option(help: "The client secret the token endpoint accepts.")
    var clientSecret = "swingcache-demo-secret"

    @Option(help: ArgumentHelp("How long issued tokens live (expires_in).", valueName: "seconds"))
    var tokenLifetime = 3600

    @Flag(help: "Act like an app in development mode: batch (?ids=) requests get 403, answers lose extended fields.")
    var developmentMode = false

    @Option(help: ArgumentHelp("Answer every Nth API request 429 with Retry-After.", valueName: "n"))
    var rateLimitEvery: Int?

    @Option(help: ArgumentHelp("The Retry-After of a rate-limited answer.", valueName: "seconds"))
    var retryAfter = 1

    @Option(help: ArgumentHelp("After N API requests, answer every one 429 QUOTA_EXCEEDED.", valueName: "n"))
    var quotaAfter: Int?

    @Option(help: ArgumentHelp("The Retry-After of a quota-exceeded answer.", valueName: "seconds"))
    var quotaRetryAfter = 21600

    @Option(
        help: ArgumentHelp(
            "Spotify's rolling-day quota: once N API requests arrived in the trailing 24 hours, answer 429 QUOTA_EXCEEDED until the oldest leaves the window.",
            valueName: "n"))
    var quotaPerDay: Int?

    @Option(help: ArgumentHelp("The fraction of API requests answered 503.", valueName: "0...1"))
    var serverErrorRate = 0.0

    @Option(help: ArgumentHelp("The fraction of API requests answered 200 with truncated JSON.", valueName: "0...1"))
    var malformedRate = 0.0

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Delay before each answer.", valueName: "ms"))
    var latencyMilliseconds = 0

    @Option(
        help: "Seeds the fault draws (503, malformed, Last.fm error 16, MusicBrainz 503), so a run can be replayed.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Append one JSON line per request to this file.", valueName: "file"))
    var requestLog: String?

    @Option(name: .customLong("lastfm-api-key"), help: "The api_key Last.fm accepts ('suspended-key' gets error 26).")
    var lastFMAPIKey = "swingcache-demo-lastfm-key"

    @Option(
        name: .customLong("lastfm-rate-limit-every"),
        help: ArgumentHelp("Answer every Nth Last.fm request error 29 (HTTP 429).", valueName: "n"))
    var lastFMRateLimitEvery: Int?

    @Option(
        name: .customLong("lastfm-temporary-error-rate"),
        help: ArgumentHelp("The fraction of Last.fm requests answered error 16 (HTTP 500).", valueName: "0...1"))
    var lastFMTemporaryErrorRate = 0.0

    @Option(
        name: .customLong("musicbrainz-min-interval-ms"),
        help: ArgumentHelp(
            "MusicBrainz answers 503 to a request sooner than this after the last; 0 = off.", valueName: "ms"))
    var musicBrainzMinimumIntervalMilliseconds = 1000

    @Option(
        name: .customLong("musicbrainz-busy-rate"),
        help: ArgumentHelp(
            "The fraction of paced MusicBrainz requests answered 503 anyway (0.25 is realistic).", valueName: "0...1"))
    var musicBrainzBusyRate = 0.0

    @Option(
        name: .customLong("listenbrainz-requests-per-window"),
        help: ArgumentHelp("ListenBrainz requests allowed per window before 429.", valueName: "n"))
    var listenBrainzRequestsPerWindow = 30

    @Option(
        name: .customLong("listenbrainz-window"),
        help: ArgumentHelp("The length of ListenBrainz's rate-limit window.", valueName: "seconds"))
    var listenBrainzWindowSeconds = 10

    @Flag(
        name: .customLong("listenbrainz-require-token"),
        help: "ListenBrainz answers 401 without 'Authorization: Token <--listenbrainz-token>'.")
    var listenBrainzRequireToken = false

    @Option(name: .customLong("listenbrainz-token"), help: "The token ListenBrainz accepts when one is required.")
    var listenBrainzToken = "swingcache-demo-listenbrainz-token"

    @Option(
        name: .customLong("odesli-key"),
        help: "The one key Odesli accepts; without it every Odesli request gets 401 PUBLIC_API_ACCESS_DEPRECATED.")
    var odesliKey: String?

    @Flag(name: .customLong("odesli-retired"), help: "Odesli answers every request 410, as after its shutdown.")
    var odesliRetired = false

    @Option(
        name: .customLong("history"),
        help: ArgumentHelp(
            "Serve these Last.fm and ListenBrainz listening histories instead of the bundled ones.", valueName: "file"))
    var historyFile: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard tokenLifetime >= 0 else { throw ValidationError("--token-lifetime must not be negative") }
        if let rateLimitEvery, rateLimitEvery < 1 { throw ValidationError("--rate-limit-every must be at least 1") }
        if let quotaAfter, quotaAfter < 0 { throw ValidationError("--quota-after must not be negative") }
        if let quotaPerDay, quotaPerDay < 1 { throw ValidationError("--quota-per-day must be at least 1") }
        guard retryAfter >= 0, quotaRetryAfter >= 0 else { throw ValidationError("Retry-After must not be negative") }
        guard (0...1).contains(serverErrorRate) else { throw ValidationError("--server-error-rate must be in 0...1") }
        guard (0...1).contains(malformedRate) else { throw ValidationError("--malformed-rate must be in 0...1") }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms must not be negative") }
        if let lastFMRateLimitEvery, lastFMRateLimitEvery < 1 {
            throw ValidationError("--lastfm-rate-limit-every must be at least 1, not \(lastFMRateLimitEvery)")
        }
        guard (0...1).contains(lastFMTemporaryErrorRate) else {
            throw ValidationError("--lastfm-temporary-error-rate must be in 0...1, not \(lastFMTemporaryErrorRate)")
        }
        guard musicBrainzMinimumIntervalMilliseconds >= 0 else {
            throw ValidationError("--musicbrainz-min-interval-ms must not be negative")
        }
        guard (0...1).contains(musicBrainzBusyRate) else {
            throw ValidationError("--musicbrainz-busy-rate must be in 0...1, not \(musicBrainzBusyRate)")
        }
        guard listenBrainzRequestsPerWindow >= 1, listenBrainzWindowSeconds >= 1 else {
            throw ValidationError("--listenbrainz-requests-per-window and --listenbrainz-window must be at least 1")
        }
    }

    var options: FixtureServerOptions {
        FixtureServerOptions(
            clientID: clientID,
            clientSecret: clientSecret,
            tokenLifetime: tokenLifetime,
            developmentMode: developmentMode,
            rateLimitEvery: rateLimitEvery,
            retryAfterSeconds: retryAfter,
            quotaAfter: quotaAfter,
            quotaRetryAfterSeconds: quotaRetryAfter,
            quotaPerDay: quotaPerDay,
            serverErrorRate: serverErrorRate,
            malformedRate: malformedRate,
            latencyMilliseconds: latencyMilliseconds,
            seed: seed,
            lastFMAPIKey: lastFMAPIKey,
            lastFMRateLimitEvery: lastFMRateLimitEvery,
            lastFMTemporaryErrorRate: lastFMTemporaryErrorRate,
            musicBrainzMinimumIntervalMilliseconds: musicBrainzMinimumIntervalMilliseconds,
            musicBrainzBusyRate: musicBrainzBusyRate,
            listenBrainzRequestsPerWindow: listenBrainzRequestsPerWindow,
            listenBrainzWindowSeconds: listenBrainzWindowSeconds,
            listenBrainzRequireToken: listenBrainzRequireToken,
            listenBrainzToken: listenBrainzToken,
            odesliKey: odesliKey,
            odesliRetired: odesliRetired,
            historyFile: historyFile
        )
    }

    func run() async throws {
        try await serveUntilSignalled()
    }

    /// Starts the server, announces its address and serves until SIGINT or SIGTERM.
    func serveUntilSignalled() async throws {
        try await FixtureServer.serveUntilSignalled(
            options: options, host: host, port: port, requestLogFile: requestLog
        ) { baseURL in
            // Unbuffered, so a script reading the pipe learns the port at once.
            FileHandle.standardOutput.write(Data("listening on \(baseURL)\n".utf8))
        }
    }
}

// `main()` and `run()` resolve to their synchronous overloads in top-level code, so parse and serve by hand.
do {
    let command = try FixtureServerCommand.parse()
    try await command.serveUntilSignalled()
} catch {
    FixtureServerCommand.exit(withError: error)
}
