import Foundation

/// One request the server answered, so tests and the smoke job can check what a client really sent.
package struct LoggedRequest: Codable, Sendable, Equatable {
    /// When the request arrived, by the server's clock.
    package var time: Date
    package var method: String
    /// Path plus query, as received.
    package var path: String
    /// The status answered.
    package var status: Int
    /// True for Spotify Web API requests (`/v1/…`), false for the token endpoint and every other service.
    package var isAPIRequest: Bool
    /// The faked service the request went to.
    package var service: FixtureService

    package init(
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
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timeFormat))
        }
        return encoder
    }

    /// The decoder that reads what `makeEncoder()` wrote, for clients of `/__log` and the request log file.
    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try timeFormat.parse(try container.decode(String.self))
        }
        return decoder
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
