import Foundation

/// One `POST /1/popularity/recording` for up to ``maxRecordings`` recording ids.
///
/// ```swift
/// for request in ListenBrainzPopularityRequest.batches(of: mbids) {
///     let exchange = await client.fetch(request)
/// }
/// ```
package struct ListenBrainzPopularityRequest: Hashable, Sendable {
    /// ListenBrainz answers more with 400.
    package static let maxRecordings = 1000

    package var recordingMBIDs: [String]

    package init(recordingMBIDs: [String]) {
        self.recordingMBIDs = recordingMBIDs
    }

    /// `mbids` in requests of at most `size` (and never more than ``maxRecordings``), in order.
    package static func batches(of mbids: [String], size: Int = maxRecordings) -> [ListenBrainzPopularityRequest] {
        let size = min(max(1, size), maxRecordings)
        return stride(from: 0, to: mbids.count, by: size).map {
            ListenBrainzPopularityRequest(recordingMBIDs: Array(mbids[$0..<min($0 + size, mbids.count)]))
        }
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "POST /1/popularity/recording" }

    /// Why the request cannot be sent, or nil when it can.
    var problem: String? {
        if recordingMBIDs.isEmpty { return "a ListenBrainz popularity request needs at least one recording id" }
        if recordingMBIDs.count > Self.maxRecordings {
            return "\(recordingMBIDs.count) recording ids are more than ListenBrainz takes in one request "
                + "(\(Self.maxRecordings)): split them with ListenBrainzPopularityRequest.batches(of:)"
        }
        return nil
    }

    var body: Data {
        // Encoding an array of strings cannot fail.
        (try? JSONEncoder().encode(["recording_mbids": recordingMBIDs])) ?? Data()
    }
}
