import Foundation
import SwingCacheTestKit
import Testing

/// `swingcache doctor` without Redis or credentials: every line printed, no server needed.
@Suite struct DoctorCommandTests {
    let folder: TemporaryDirectory
    let environment: [String: String]

    init() throws {
        folder = try TemporaryDirectory()
        environment = [
            "SWINGCACHE_DB": folder.file("cache.sqlite"), "LASTFM_API_KEY": "lastfm-secret-4f2a",
            "LISTENBRAINZ_TOKEN": "listenbrainz-secret-9c1e", "SWINGCACHE_DEEZER_URL": "http://127.0.0.1:9/deezer",
        ]
    }

    @Test func theProvidersLineSaysWhatARunWouldCallAndSkipWithoutItsKeys() async throws {
        let doctor = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: environment)

        #expect(doctor.status == 0, "warnings do not change the exit status: \(doctor.standardError)")
        let line = try #require(
            doctor.standardOutput.split(separator: "\n").first { $0.hasPrefix("warning providers") },
            "\(doctor.standardOutput)")
        #expect(
            line
                == "warning providers      calls Last.fm, ListenBrainz (token set), Deezer; skips MusicBrainz "
                + "(SWINGCACHE_CONTACT is not set), Odesli (ODESLI_API_KEY is not set); "
                + "Deezer at http://127.0.0.1:9/deezer; no request made")
        #expect(!doctor.standardOutput.contains("secret"))
    }

    @Test func theProvidersCheckIsInTheJSONWithoutItsKeys() async throws {
        let doctor = try await CommandLineRun.swingcache(
            ["doctor", "--json"], in: folder.path, environment: environment)

        #expect(doctor.status == 0, "\(doctor.standardError)")
        let checks = try #require(
            try JSONSerialization.jsonObject(with: Data(doctor.standardOutput.utf8)) as? [[String: Any]])
        let providers = try #require(checks.last)
        #expect(providers["name"] as? String == "providers")
        #expect(providers["status"] as? String == "warning")
        #expect((providers["detail"] as? String)?.hasPrefix("calls Last.fm, ListenBrainz (token set), Deezer;") == true)
        #expect(!doctor.standardOutput.contains("secret"))
    }
}
