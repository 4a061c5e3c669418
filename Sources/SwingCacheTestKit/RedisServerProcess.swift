import Foundation
import Subprocess

/// A `redis-server` of the test's own, on a free loopback port, for tests that stop Redis on purpose.
package final class RedisServerProcess: @unchecked Sendable {
    // Only the test's own thread touches the process, one call at a time.
    private let process: SpawnedProcess
    private let folder: TemporaryDirectory
    package let port: Int

    package var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Starts the server and waits until it answers PING (its log is block-buffered in a pipe, so no line tells).
    package init() throws {
        folder = try TemporaryDirectory()
        port = try Self.freePort()
        process = try SpawnedProcess(
            "redis-server",
            [
                "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                folder.path,
            ], standardOutput: .nullDevice, standardError: .nullDevice)
        for _ in 0..<500 where process.isRunning {
            if Self.answersPing(port: port) { return }
            usleep(10_000)
        }
        stop()
        throw CommandLineRun.Failure(description: "redis-server did not start on port \(port)")
    }

    deinit { stop() }

    /// Kills the server, as a crash or a lost host would, and waits until it has gone.
    ///
    /// SIGKILL, because the server inherits the test runner's signal mask, in which SIGTERM may be blocked.
    package func stop() {
        guard process.isRunning else { return }
        process.send(SIGKILL)
        process.send(SIGCONT)
        process.waitUntilExit()
    }

    /// Changes a setting of the running server (`CONFIG SET`), with `redis-cli`.
    package func configure(_ setting: String, _ value: String) async throws {
        let cli = try await run(
            .name("redis-cli"), arguments: ["-p", String(port), "CONFIG", "SET", setting, value], output: .discarded)
        guard cli.terminationStatus.isSuccess else {
            throw CommandLineRun.Failure(description: "redis-cli CONFIG SET \(setting) failed")
        }
    }

    /// Stops the server without ending it (SIGSTOP), as an overloaded or swapped-out host would: connections
    /// stay open and nothing answers. ``resume()`` or ``stop()`` ends the pause.
    package func pause() {
        guard process.isRunning else { return }
        process.send(SIGSTOP)
    }

    /// Lets a paused server go on (SIGCONT).
    package func resume() {
        guard process.isRunning else { return }
        process.send(SIGCONT)
    }

    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw CommandLineRun.Failure(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func answersPing(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return false }
        let ping = "PING\r\n"
        guard send(socket, ping, ping.utf8.count, 0) == ping.utf8.count else { return false }
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = recv(socket, &buffer, buffer.count, 0)
        return count > 0 && String(decoding: buffer[0..<count], as: UTF8.self).hasPrefix("+PONG")
    }
}
