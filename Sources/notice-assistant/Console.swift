import Foundation

/// Writes to stdout and stderr without buffering surprises: every reply is on screen (or in the pipe) before the
/// program waits for the next line.
enum Console {
    static func out(_ text: String) {
        write(1, text + "\n")
    }

    static func error(_ text: String) {
        write(2, text + "\n")
    }

    static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
