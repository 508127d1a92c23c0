import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates the directories that hold transcripts so that only their owner can enter them.
///
/// Every directory this creates gets mode 0700 exactly (`mkdir` then `chmod`, since the umask could narrow it). Directories
/// that already exist are left as they are: a user who points `--transcript` into `/tmp` must not have `/tmp` changed.
enum PrivateDirectory {
    static let permissions: mode_t = 0o700

    /// Makes sure `path` and all its parents exist, creating the missing ones.
    static func create(atPath path: String) throws(TranscriptError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            try createIfMissing(prefix)
        }
    }

    private static func createIfMissing(_ path: String) throws(TranscriptError) {
        if isDirectory(path) { return }
        if mkdir(path, permissions) != 0 {
            let error = FileDescriptor.SystemError.current
            // Another process may have created it in between; that is fine as long as it is a directory.
            if error.code == EEXIST, isDirectory(path) { return }
            let reason = error.code == EEXIST ? "a file that is not a directory is in the way" : error.reason
            throw .cannotCreateDirectory(path: path, reason: reason)
        }
        guard chmod(path, permissions) == 0 else {
            throw .cannotCreateDirectory(path: path, reason: FileDescriptor.SystemError.current.reason)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
