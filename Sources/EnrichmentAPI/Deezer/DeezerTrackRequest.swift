import Foundation
import Outbound

/// One `GET /track/isrc:{ISRC}`: Deezer's keyless track look-up by ISRC.
package struct DeezerTrackRequest: Hashable, Sendable {
    package var isrc: String

    package init(isrc: String) {
        self.isrc = isrc
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "GET /track/isrc:{isrc}" }

    var normalizedISRC: String { isrc.trimmingCharacters(in: .whitespaces).uppercased() }

    var problem: String? {
        normalizedISRC.isEmpty ? "'\(isrc)' is not an ISRC (Deezer's ISRC look-up needs one)" : nil
    }

    func url(root: URL) -> URL? {
        ProviderURL.make(
            root: root, path: "/track/isrc:" + ProviderURL.escaped(normalizedISRC), percentEncodedQuery: nil)
    }
}
