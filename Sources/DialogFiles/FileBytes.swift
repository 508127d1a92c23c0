#if canImport(Glibc)
import Glibc
#endif

/// A whole file read straight into one `[UInt8]`: open, fstat for the size, read until the end.
///
/// The cache reads its entry (half a megabyte) and every dialog file on each start; `FileManager.contents` gave a
/// `Data` that was then copied into an array — twice the pages touched and one more copy (docs/performance.md).
///
/// It never waits on a FIFO or a device: the file is opened with `O_NONBLOCK` and refused unless `fstat` says it is a
/// regular file, before anything is read. A size limit is checked on the size `fstat` gives, so a huge (or sparse)
/// file is refused without reading it.
enum FileBytes {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        /// `open(2)` failed with this `errno`.
        case cannotOpen(Int32)
        /// It is not a regular file; the words say what it is ("a FIFO", "a folder", "a device").
        case notRegular(String)
        /// It is larger than the limit.
        case tooLarge(Int)
        /// It belongs to another user, or others may write to it (only when asked for a private file).
        case notPrivate
        /// `read(2)` failed.
        case readFailed(Int32)
    }

    /// The bytes of the regular file at `path`, or nil when it cannot be opened or read or is not a regular file.
    static func read(_ path: String, limit: Int = Int.max) -> [UInt8]? {
        try? contents(path, limit: limit)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them; with `privateOnly`, only a file owned by this
    /// user that neither group nor others can write.
    static func contents(_ path: String, limit: Int = Int.max, privateOnly: Bool = false) throws(Failure) -> [UInt8] {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { throw .cannotOpen(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(kind(info.st_mode)) }
        if privateOnly {
            guard info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else { throw .notPrivate }
        }
        guard info.st_size <= limit else { throw .tooLarge(Int(info.st_size)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n > 0 { filled += n } else if n < 0 && errno == EINTR { continue } else {
                    if n < 0 { failure = errno }
                    return
                }
            }
        }
        guard failure == 0 else { throw .readFailed(failure) }
        // A file that shrank while it was read is what it is now.
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }

    /// What a file that is not a regular file is, in words for a message.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
