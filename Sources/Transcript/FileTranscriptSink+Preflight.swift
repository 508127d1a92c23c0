import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileTranscriptSink {
    /// Below this much free space a session's transcript is at risk; a long session writes a few tens of kilobytes.
    static let minimumFreeBytes: UInt64 = 1 << 20

    /// Checks, before a session starts, that a transcript can be written in `directory`, so the user is warned at the
    /// start rather than losing the transcript at the end.
    ///
    /// Creates the directory (mode 0700) if it is missing, checks the free space, then creates, writes, syncs and removes
    /// a small hidden file. Leaves nothing behind but the directory.
    ///
    /// - Throws: ``TranscriptError/cannotCreateDirectory(path:reason:)``,
    ///   ``TranscriptError/directoryNotWritable(path:reason:)`` or ``TranscriptError/diskFull(path:)``.
    public static func preflight(directory: URL) throws(TranscriptError) {
        let path = directory.path
        try PrivateDirectory.create(atPath: path)
        if let free = freeBytes(atPath: path), free < minimumFreeBytes { throw .diskFull(path: path) }

        let probe = directory.appendingPathComponent(".preflight-\(getpid())-\(TranscriptLocation.makeSessionID())").path
        let descriptor: FileDescriptor
        do throws(FileDescriptor.SystemError) {
            descriptor = try FileDescriptor.createNew(atPath: probe, permissions: filePermissions)
        } catch {
            throw error.isNoSpace ? .diskFull(path: path) : .directoryNotWritable(path: path, reason: error.reason)
        }
        defer { _ = unlink(probe) }
        var problem: FileDescriptor.SystemError?
        do throws(FileDescriptor.SystemError) {
            // A write alone may succeed on a full disk with delayed allocation; the sync is what reports it.
            try descriptor.writeAll(Data(repeating: 0x0A, count: 4096))
            try descriptor.synchronize()
        } catch {
            problem = error
        }
        try? descriptor.release()
        if let problem {
            throw problem.isNoSpace ? .diskFull(path: path) : .directoryNotWritable(path: path, reason: problem.reason)
        }
    }

    /// The bytes an unprivileged process may still write on the device holding `path`, if the system says.
    private static func freeBytes(atPath path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }
}
