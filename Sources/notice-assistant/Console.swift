import Foundation

/// Writes to stdout and stderr without buffering surprises: every reply is on screen (or in the pipe) before the
/// program waits for the next line.
enum Console {
    /// Writes `text` and a newline to standard output; false when it could not be written (the reader went away:
    /// `EPIPE`, as SIGPIPE is ignored).
    @discardableResult
    static func out(_ text: String) -> Bool {
        write(1, text + "\n")
    }

    static func error(_ text: String) {
        write(2, text + "\n")
    }

    @discardableResult
    static func write(_ fd: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
