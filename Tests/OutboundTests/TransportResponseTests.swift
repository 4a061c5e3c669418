import Foundation
import Outbound
import Testing

/// What a transport's answer says beyond its status.
@Suite struct TransportResponseTests {
    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_795_575_600)
        #expect(TransportResponse.retryAfterSeconds("12", now: now) == 12)
        #expect(TransportResponse.retryAfterSeconds(" 0 ", now: now) == 0)
        #expect(TransportResponse.retryAfterSeconds("Wed, 25 Nov 2026 03:01:00 GMT", now: now) == 60)
        #expect(TransportResponse.retryAfterSeconds("soon", now: now) == nil)
        #expect(TransportResponse.retryAfterSeconds(nil, now: now) == nil)
    }
}
