#if canImport(Glibc)
import Glibc
#endif

/// A whole file read straight into one `[UInt8]`: open, fstat for the size, read until the end.
///
/// The cache reads its entry (half a megabyte) and every dialog file on each start; `FileManager.contents` gave a
/// `Data` that was then copied into an array — twice the pages touched and one more copy (docs/performance.md).
enum FileBytes {
    /// The bytes of the regular file at `path`, or nil when it cannot be opened or read or is not a regular file.
    static func read(_ path: String) -> [UInt8]? {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n > 0 { filled += n } else if n < 0 && errno == EINTR { continue } else { return n == 0 }
            }
            return true
        }
        guard complete else { return nil }
        // A file that shrank while it was read is what it is now.
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }
}
