import Foundation

/// One request the server answered, so tests and the smoke job can check what a client really sent.
public struct LoggedRequest: Codable, Sendable, Equatable {
    /// When the request arrived, by the server's clock.
    public var time: Date
    public var method: String
    /// Path plus query, as received.
    public var path: String
    /// The status answered.
    public var status: Int
    /// True for Spotify Web API requests (`/v1/…`), false for the token endpoint and every other service.
    public var isAPIRequest: Bool
    /// The faked service the request went to.
    public var service: FixtureService

    public init(
        time: Date, method: String, path: String, status: Int, isAPIRequest: Bool, service: FixtureService = .spotify
    ) {
        self.time = time
        self.method = method
        self.path = path
        self.status = status
        self.isAPIRequest = isAPIRequest
        self.service = service
    }

    /// The encoder `/__log` and the request log file use: sorted keys, ISO 8601 dates with fractional seconds.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timeFormat))
        }
        return encoder
    }

    /// The decoder that reads what `makeEncoder()` wrote, for clients of `/__log` and the request log file.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try timeFormat.parse(try container.decode(String.self))
        }
        return decoder
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
