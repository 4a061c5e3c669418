import Hummingbird
import SwingCache

/// `GET /musicbrainz/ws/2/isrc/{ISRC}`, `GET /musicbrainz/ws/2/recording/{mbid}` and the recording search
/// (`MusicBrainzEndpoint+Search.swift`), with MusicBrainz's rules:
/// an identifying `User-Agent`, one request per interval, and 503s that come at a compliant pace too.
struct MusicBrainzEndpoint: Sendable {
    let state: FixtureServerState
    let catalog: FixtureCatalog

    /// `inc` values the recording resource knows; the ISRC resource knows the same but genres.
    static let recordingIncludes: Set<String> = [
        "aliases", "annotation", "area-rels", "artist-credits", "artist-rels", "artists", "discids", "event-rels",
        "genres", "instrument-rels", "isrcs", "label-rels", "media", "place-rels", "ratings", "recording-rels",
        "release-group-rels", "release-groups", "release-rels", "releases", "series-rels", "tags", "url-rels",
        "user-genres", "user-ratings", "user-tags", "work-level-rels", "work-rels",
    ]
    static let isrcIncludes = recordingIncludes.subtracting(["genres", "user-genres"])

    /// The recordings of an ISRC; 404 for ISRCs the catalog has nothing for (`ZZ…`).
    func isrc(_ request: Request, isrc rawISRC: String) async -> FixtureAnswer {
        if let refusal = await admit(request) { return refusal }
        let includes = Self.includes(request)
        if let problem = Self.unknownInclude(in: includes, allowed: Self.isrcIncludes, resource: "isrc") {
            return problem
        }
        let isrc = rawISRC.uppercased()
        guard ISRCTrackID.isWellFormedISRC(isrc) else { return Self.error(.badRequest, "Invalid isrc.") }
        guard let recording = ISRCRecording(isrc: isrc, catalog: catalog) else { return Self.notFound }
        let recordings = recording.recordingMBIDs.indices.map {
            MusicBrainzRecording(source: recording, index: $0).summaryJSON(includes: Set(includes))
        }
        return .json(["isrc": .string(isrc), "recordings": .array(recordings)])
    }

    /// One recording made from an ISRC; 404 for any other id.
    func recording(_ request: Request, mbid: String) async -> FixtureAnswer {
        if let refusal = await admit(request) { return refusal }
        let includes = Self.includes(request)
        if let problem = Self.unknownInclude(in: includes, allowed: Self.recordingIncludes, resource: "recording") {
            return problem
        }
        guard UUIDText.digits(of: mbid) != nil else { return Self.error(.badRequest, "Invalid mbid.") }
        guard let (isrc, index) = RecordingMBID.recording(encodedIn: mbid),
            let source = ISRCRecording(isrc: isrc, catalog: catalog)
        else { return Self.notFound }
        return .json(MusicBrainzRecording(source: source, index: index).lookupJSON(includes: Set(includes)))
    }

    /// The 403 or 503 that answers before the resource is looked at, if any.
    func admit(_ request: Request) async -> FixtureAnswer? {
        guard MusicBrainzUserAgent.isIdentifying(request.headers[.userAgent]) else {
            return .json(.orderedObject([JSONMember("error", .string(Self.unidentifiedMessage))]), status: .forbidden)
        }
        switch await state.admitMusicBrainzRequest() {
        case .rateLimited, .temporaryError:
            return .json(.orderedObject([JSONMember("error", .string(Self.busyMessage))]), status: .serviceUnavailable)
        case .answer:
            return nil
        }
    }

    /// The words of `inc`, which MusicBrainz separates with `+` (a space once decoded).
    private static func includes(_ request: Request) -> [String] {
        let text = FormFields.parse(request.uri.query ?? "")["inc"] ?? ""
        return text.split(whereSeparator: { $0 == " " || $0 == "+" }).map(String.init)
    }

    /// A 400 for the first `inc` word the resource does not know, worded as MusicBrainz words it.
    private static func unknownInclude(in words: [String], allowed: Set<String>, resource: String) -> FixtureAnswer? {
        guard let unknown = words.first(where: { !allowed.contains($0) }) else { return nil }
        return error(.badRequest, "\(unknown) is not a valid inc parameter for the \(resource) resource.")
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> FixtureAnswer {
        .json(
            .orderedObject([JSONMember("error", .string(message)), JSONMember("help", .string(helpText))]),
            status: status)
    }

    private static let notFound = FixtureAnswer.json(
        .orderedObject([JSONMember("help", .string(helpText)), JSONMember("error", "Not Found")]), status: .notFound)

    private static let helpText = "For usage, please see: https://musicbrainz.org/development/mmd"

    private static let unidentifiedMessage =
        "Your requests are being throttled by MusicBrainz because the application you are using has not identified "
        + "itself. Please update your application, and see "
        + "http://musicbrainz.org/doc/XML_Web_Service/Rate_Limiting for more information."

    private static let busyMessage = "The MusicBrainz web server is currently busy. Please try again later."
}
