import Foundation
import Subprocess

/// A `swingcache` process a test does something with while it runs: races another run against it, or sends it a
/// signal once it has got somewhere (told by its standard error, never by a timer).
///
/// Given to the body of ``CommandLineRun/swingcache(_:in:environment:whileRunning:)``, and valid only inside it.
public final class RunningCommand {
    private let execution: Execution<NoInput, StringOutput<UTF8>, SequenceOutput>
    private var errorChunks: SubprocessOutputSequence.Iterator
    private var errorBuffer: [UInt8] = []

    init(_ execution: Execution<NoInput, StringOutput<UTF8>, SequenceOutput>) {
        self.execution = execution
        errorChunks = execution.standardError.makeAsyncIterator()
    }

    public var pid: Int32 { execution.processIdentifier.value }

    /// Reads standard error until `count` lines containing `text` have appeared; false if the process ended first,
    /// or its standard error could not be read.
    @discardableResult
    public func waitForStandardError(containing text: String, count: Int = 1) async -> Bool {
        while occurrences(of: text) < count {
            guard (try? await readStandardError()) == true else { return false }
        }
        return true
    }

    public func send(_ signal: Int32) throws {
        try execution.send(signal: Signal(rawValue: signal))
    }

    /// Everything the process printed on standard error, once it has closed it.
    func remainingStandardError() async throws -> String {
        while try await readStandardError() {}
        return String(decoding: errorBuffer, as: UTF8.self)
    }

    private func readStandardError() async throws -> Bool {
        guard let chunk = try await errorChunks.next() else { return false }
        chunk.withUnsafeBytes { errorBuffer.append(contentsOf: $0) }
        return true
    }

    private func occurrences(of text: String) -> Int {
        String(decoding: errorBuffer, as: UTF8.self).components(separatedBy: text).count - 1
    }
}
