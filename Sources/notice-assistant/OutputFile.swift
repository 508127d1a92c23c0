import Foundation

/// Where a command writes a file the person named with `-o`: a new file, an existing one only when told (`--force`),
/// a device or a FIFO as a stream. It never renames anything into place and never changes a file's mode, so
/// `-o /dev/null` leaves the device as it was.
enum OutputFile {
    /// Why the output was not written, as a sentence that says what to do.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String, force: Bool) throws(Refusal) {
        var info = stat()
        let fd: Int32
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        } else {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                guard force else {
                    throw Refusal(description: "\(path) exists; pass --force to overwrite it, or give -o a new file")
                }
                fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
            case S_IFCHR:
                fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            case S_IFIFO:
                // Without a reader, opening a FIFO for writing would wait forever: ask without waiting.
                fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if fd < 0, errno == ENXIO {
                    throw Refusal(description: "\(path) is a FIFO that nothing reads from; start its reader first, or give -o a file")
                }
                if fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
            case S_IFLNK:
                throw Refusal(description: "\(path) is a symbolic link; give -o the file it points to")
            case S_IFDIR:
                throw Refusal(description: "\(path) is a folder; give -o a file name, e.g. \(path)/recorded-1.yaml")
            default:
                throw Refusal(description: "\(path) is not a file; give -o a file name")
            }
        }
        guard fd >= 0 else { throw Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Refusal(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            written += n
        }
    }
}
