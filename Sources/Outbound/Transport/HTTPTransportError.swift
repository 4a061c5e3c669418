import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Why a request got no answer, said as a sentence that names the host: never `NSURLErrorDomain error -1001`.
///
/// ```swift
/// HTTPTransportError(.deadline(seconds: 60), host: "api.spotify.com").description
/// // "api.spotify.com did not finish answering within 60s (every request's deadline)"
/// ```
package struct HTTPTransportError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// The whole exchange took longer than the transport allows, however steadily bytes arrived.
        case deadline(seconds: TimeInterval)
        /// The server sent nothing for this long.
        case silent(seconds: TimeInterval)
        case cannotConnect
        case cannotResolve
        case connectionLost
        case noNetwork
        case secureConnectionFailed
        /// Anything else, in Foundation's words.
        case other(String)
    }

    package var reason: Reason
    /// The host the request was for (no path, no query: a key may sit in either).
    package var host: String

    package init(_ reason: Reason, host: String) {
        self.reason = reason
        self.host = host
    }

    /// How a message names the host of `url`: `api.spotify.com`, `127.0.0.1:8899`.
    package static func host(of url: URL) -> String {
        url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? "the server"
    }

    /// The sentence for an error of AsyncHTTPClient or SwiftNIO, given the transport's idle timeout.
    init(_ error: any Error, host: String, idleTimeout: TimeInterval) {
        self.host = host
        reason = Self.reason(of: error, idleTimeout: idleTimeout)
    }

    private static func reason(of error: any Error, idleTimeout: TimeInterval) -> Reason {
        switch error {
        case let error as HTTPClientError: reason(of: error, idleTimeout: idleTimeout)
        case let error as ChannelError: reason(of: error)
        case is NIOSSLError, is BoringSSLError: .secureConnectionFailed
        case let error as NIOConnectionError:
            error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil)
                ? .cannotResolve : .cannotConnect
        case let error as IOError where [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH].contains(error.errnoCode):
            .cannotConnect
        case let error as IOError where [ECONNRESET, EPIPE].contains(error.errnoCode): .connectionLost
        case SocketAddressError.unknown: .cannotResolve
        default: .other(String(describing: error))
        }
    }

    private static func reason(of error: HTTPClientError, idleTimeout: TimeInterval) -> Reason {
        switch error {
        case .readTimeout: .silent(seconds: idleTimeout)
        case .connectTimeout: .cannotConnect
        case .remoteConnectionClosed, .uncleanShutdown: .connectionLost
        case .tlsHandshakeTimeout: .secureConnectionFailed
        default: .other(error.description)
        }
    }

    private static func reason(of error: ChannelError) -> Reason {
        switch error {
        case .connectTimeout: .cannotConnect
        case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed: .connectionLost
        default: .other(String(describing: error))
        }
    }

    package var description: String {
        switch reason {
        case .deadline(let seconds):
            "\(host) did not finish answering within \(Self.seconds(seconds)) (every request's deadline)"
        case .silent(let seconds): "\(host) sent nothing for \(Self.seconds(seconds))"
        case .cannotConnect: "cannot connect to \(host) (connection refused or no route)"
        case .cannotResolve: "cannot resolve the host name \(host)"
        case .connectionLost: "the connection to \(host) was lost before the answer was complete"
        case .noNetwork: "no network connection to reach \(host)"
        case .secureConnectionFailed: "the TLS connection to \(host) failed (certificate or protocol)"
        case .other(let message): "the request to \(host) failed: \(message)"
        }
    }

    package var errorDescription: String? { description }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value))s" : String(format: "%gs", value)
    }
}
