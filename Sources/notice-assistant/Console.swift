import Foundation

/// Writes to stdout and stderr without buffering surprises: every reply is on screen (or in the pipe) before the
/// program waits for the next line.
///
/// While lines are already waiting to be read (a script, a paste, a host that sends several lines at once), standard
/// output may be held (`hold`) and written in one go: before the program waits for input (`flush`), before anything
/// goes to stderr, at 64 KiB, and at the end. A script of 10,000 lines then costs a few hundred writes, not 20,000.
enum Console {
    private static let output = HeldOutput(fd: 1)

    /// Writes `text` and a newline to standard output; false when it could not be written (the reader went away:
    /// `EPIPE`, as SIGPIPE is ignored).
    @discardableResult
    static func out(_ text: String) -> Bool {
        output.write(CollectionOfOne(text))
    }

    /// Writes `pieces` one after the other and a newline, as `out` writes their concatenation (one write, or into
    /// what is held), without making it.
    @discardableResult
    static func out(_ pieces: [String]) -> Bool {
        output.write(pieces)
    }

    static func error(_ text: String) {
        output.flush()
        write(2, text + "\n")
    }

    /// Holds standard output until `flush` (or 64 KiB), or, with `false`, writes it at once from now on.
    static func hold(_ holding: Bool) {
        output.hold(holding)
    }

    /// Writes what is held; false when standard output is gone.
    @discardableResult
    static func flush() -> Bool {
        output.flush()
    }

    @discardableResult
    static func write(_ fd: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { write(fd, $0) }
    }

    static func write(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// Standard output, held or written at once (see `Console`). Shared with the signal handler's queue, so guarded.
private final class HeldOutput: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var holding = false
    /// Set once a write failed: nobody reads any more, and every later write says so.
    private var gone = false

    static let limit = 64 * 1024

    init(fd: Int32) {
        self.fd = fd
    }

    func hold(_ holding: Bool) {
        lock.lock()
        self.holding = holding
        lock.unlock()
        if !holding { flush() }
    }

    /// Writes the pieces one after the other and a newline: at once in one `write(2)`, or held.
    func write(_ pieces: some Collection<String>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        for piece in pieces { bytes.append(contentsOf: piece.utf8) }
        bytes.append(0x0A)
        if !holding || bytes.count >= Self.limit { writeHeld() }
        return !gone
    }

    @discardableResult
    func flush() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        writeHeld()
        return !gone
    }

    /// Called with `lock` held.
    private func writeHeld() {
        guard !bytes.isEmpty else { return }
        if !bytes.withUnsafeBufferPointer({ Console.write(fd, $0) }) { gone = true }
        bytes.removeAll(keepingCapacity: true)
    }
}
