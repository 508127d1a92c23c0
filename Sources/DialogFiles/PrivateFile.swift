#if canImport(Glibc)
import Glibc
#endif

/// Writes a file only its owner can read, replacing an older one in one step, and never anything that is not a
/// regular file: the cache's entries.
enum PrivateFile {
    /// Writes `bytes` to a new temporary file (mode 0600 whatever the umask) beside `path` and renames it over `path`.
    /// Refuses (false) when `path` is a FIFO, a device, a folder, a link or another user's file: a rename would
    /// replace it. Best effort: false also when anything fails, and the temporary file is removed.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard (existing.st_mode & S_IFMT) == S_IFREG, existing.st_uid == geteuid() else { return false }
        } else if errno != ENOENT {
            return false
        }
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600) }
        guard fd >= 0 else { return false }
        var written = 0
        let complete = fchmod(fd, 0o600) == 0 && bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n > 0 { written += n } else if n < 0 && errno == EINTR { continue } else { return false }
            }
            return true
        }
        close(fd)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
