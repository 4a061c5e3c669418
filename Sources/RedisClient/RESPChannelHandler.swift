import Foundation
import NIOCore

/// Commands written together and the promise of their answers, in order.
struct RedisRequest: Sendable {
    var commands: [[Data]]
    var promise: EventLoopPromise<[RESPValue]>
}

/// Encodes requests, decodes answers, and pairs them: Redis answers a connection's commands in the order it
/// received them, so a queue of waiting requests is all the bookkeeping pipelining needs.
///
/// While an answer is awaited, a server that sends nothing for `replyTimeout` (stopped, overloaded, or not Redis
/// at all) fails every waiting request with ``RedisReplyTimeout`` and the connection is closed: answers pair by
/// order, so a late one could never be matched again.
final class RESPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiting {
        var expected: Int
        var received: [RESPValue]
        var promise: EventLoopPromise<[RESPValue]>
    }

    private var waiting = CircularBuffer<Waiting>()
    private var input: ByteBuffer?
    private let replyTimeout: TimeAmount
    private var silenceTimer: Scheduled<Void>?

    init(replyTimeout: TimeAmount) {
        self.replyTimeout = replyTimeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 64 * request.commands.count)
        for command in request.commands { RESPEncoding.write(command, into: &buffer) }
        waiting.append(Waiting(expected: request.commands.count, received: [], promise: request.promise))
        if silenceTimer == nil { startSilenceTimer(context: context) }
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    /// Restarts the wait for the server's next byte; none is needed once nothing is awaited.
    private func startSilenceTimer(context: ChannelHandlerContext) {
        silenceTimer?.cancel()
        silenceTimer = nil
        guard !waiting.isEmpty else { return }
        let timeout = replyTimeout
        silenceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            silenceTimer = nil
            close(context, failingAllWith: RedisReplyTimeout(after: timeout))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if input == nil { input = incoming } else { input?.writeBuffer(&incoming) }
        do {
            while var buffered = input, let value = try RESPParsing.read(from: &buffered) {
                input = buffered
                deliver(value)
            }
            if let buffered = input, buffered.readableBytes == 0 { input = nil }
            startSilenceTimer(context: context)
        } catch {
            close(context, failingAllWith: RedisError("the server sent something that is not RESP"))
        }
    }

    private func deliver(_ value: RESPValue) {
        guard var first = waiting.first else { return }
        first.received.append(value)
        if first.received.count == first.expected {
            waiting.removeFirst()
            first.promise.succeed(first.received)
        } else {
            waiting[waiting.startIndex] = first
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(context, failingAllWith: error)
    }

    /// Closes the connection, then fails what waits on it: a caller told of the failure finds it closed.
    private func close(_ context: ChannelHandlerContext, failingAllWith error: any Error) {
        silenceTimer?.cancel()
        silenceTimer = nil
        let unanswered = waiting
        waiting.removeAll()
        context.close(promise: nil)
        for entry in unanswered { entry.promise.fail(error) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RedisError("the connection closed"))
        context.fireChannelInactive()
    }

    private func failAll(_ error: any Error) {
        silenceTimer?.cancel()
        silenceTimer = nil
        while let entry = waiting.popFirst() { entry.promise.fail(error) }
    }
}

/// The server sent no byte of an awaited answer for too long: treat it as unreachable.
public struct RedisReplyTimeout: Error, Sendable, CustomStringConvertible {
    /// How long the server stayed silent, in seconds.
    public var seconds: Double

    init(after timeout: TimeAmount) {
        seconds = Double(timeout.nanoseconds) / 1e9
    }

    public var description: String {
        "Redis sent no answer within \(String(format: "%g", seconds))s"
    }
}
