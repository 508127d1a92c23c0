import Foundation

/// A value that several threads may read and change, one at a time.
///
/// The sinks are shared between the session and whatever else holds them (a signal handler closing the transcript, a
/// host's own threads). `NSLock` rather than `Synchronization.Mutex` because the package still supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
