import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations a durable, private transcript needs, which `FileManager` and `FileHandle` do not
/// offer: exclusive creation with exact permissions, one `write(2)` per record, and `fsync`.
struct FileDescriptor: Sendable {
    /// A failed system call, with `errno` and its text.
    struct SystemError: Error {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }

        static var current: SystemError { SystemError(code: errno) }

        var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }
    }

    let raw: Int32

    /// Creates a file that must not exist yet, open for appending, with exactly `permissions` whatever the umask.
    static func createNew(atPath path: String, permissions: mode_t) throws(SystemError) -> FileDescriptor {
        let raw = path.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, permissions) }
        guard raw >= 0 else { throw .current }
        // The umask can only narrow the mode given to open(2); set it exactly so the file stays readable by its owner.
        guard fchmod(raw, permissions) == 0 else {
            let error = SystemError.current
            _ = close(raw)
            throw error
        }
        return FileDescriptor(raw: raw)
    }

    /// Which file a descriptor is open on: the device and the inode, to tell whether a path still names the same file.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// The identity of the open file, when it is a regular file; nil for a directory, a device, a FIFO or a socket.
    func regularFileIdentity() throws(SystemError) -> Identity? {
        var status = stat()
        guard fstat(raw, &status) == 0 else { throw .current }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Opens an existing file to append to, without following a symbolic link and without waiting on a FIFO.
    static func openForAppending(atPath path: String) throws(SystemError) -> FileDescriptor {
        let raw = path.withCString { open($0, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard raw >= 0 else { throw .current }
        return FileDescriptor(raw: raw)
    }

    /// Writes all of `bytes`. A regular file takes them in one `write(2)` call, so a process killed at any moment leaves
    /// either the whole record or a torn last line; the loop only continues after a short write or an interruption.
    func writeAll(_ bytes: Data) throws(SystemError) {
        var error: SystemError?
        bytes.withUnsafeBytes { error = writeAll($0) }
        if let error { throw error }
    }

    /// Writes all of `bytes`, as `writeAll(_:)` for `Data` does.
    func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        var error: SystemError?
        bytes.withUnsafeBytes { error = writeAll($0) }
        if let error { throw error }
    }

    /// Writes all of `buffer`; the error that stopped it, if any.
    func writeAll(_ buffer: UnsafeRawBufferPointer) -> SystemError? {
        var offset = 0
        while offset < buffer.count {
            let written = write(raw, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return .current
            }
            offset += written
        }
        return nil
    }

    func synchronize() throws(SystemError) {
        while fsync(raw) != 0 {
            guard errno == EINTR else { throw .current }
        }
    }

    func release() throws(SystemError) {
        // Retrying close(2) after EINTR may close a descriptor another thread just opened; report instead.
        guard close(raw) == 0 else { throw .current }
    }
}
