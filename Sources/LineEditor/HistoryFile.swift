import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A history file: one redacted line per line of UTF-8, oldest first, mode 0600.
///
/// Each line is appended with its own open and close, so a crash loses nothing already entered and
/// two sessions writing at once interleave whole lines. The file is compacted to the newest `limit`
/// lines when it has grown past twice that.
///
/// Only a regular file is treated as one: it is opened without waiting (`O_NONBLOCK`) and checked with `fstat`
/// before anything is read. A device (`--history /dev/null`) is written to as a stream and never chmod-ed, renamed
/// over or compacted; a FIFO, a socket or a folder is refused with an error, and the editor keeps history in memory.
struct HistoryFile {
    let path: String
    let limit: Int
    let redact: @Sendable (String) -> String

    /// The largest history file read; a longer one is someone else's file, not our history.
    static let maximumSize = 16 << 20

    /// The newest `limit` lines of earlier sessions, oldest first; none if the file does not exist or is a device.
    func load() throws(HistoryFileError) -> [String] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if descriptor < 0, errno == ENOENT { return [] }
        guard descriptor >= 0 else { throw failure("read", errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("read", errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFCHR: return []  // /dev/null: nothing to recall, and lines written to it vanish
        default: throw refusal(info.st_mode)
        }
        guard info.st_size <= Self.maximumSize else {
            throw HistoryFileError(path: path, operation: "read", reason: "it is larger than \(Self.maximumSize >> 20) MB, too large for a history file; history is kept in memory — give --history another file")
        }
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile()
        let lines = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
        let kept = Array(lines.suffix(limit))
        if lines.count > 2 * limit {
            try rewrite(kept)
        }
        return kept
    }

    /// Appends `line` after redaction.
    func append(_ line: String) throws(HistoryFileError) {
        try createDirectory()
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o600)
        guard descriptor >= 0 else { throw failure("write", errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("write", errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // A file made by an older version, or by hand, may be readable by others; only our own file is changed.
            if info.st_uid == geteuid() { _ = fchmod(descriptor, 0o600) }
        case S_IFCHR:
            break  // a device is written to as a stream, its mode left alone
        default:
            throw refusal(info.st_mode)
        }
        try writeAll(Array((storedForm(of: line) + "\n").utf8), to: descriptor)
    }

    private func refusal(_ mode: mode_t) -> HistoryFileError {
        let kind: String
        switch mode & S_IFMT {
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFDIR: kind = "a folder"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        return HistoryFileError(path: path, operation: "use", reason: "it is \(kind), not a regular file; history is kept in memory for this session — give --history a plain file")
    }

    /// The line as stored: redacted, and on one line whatever the redactor returned.
    func storedForm(of line: String) -> String {
        String(redact(line).map { $0.isNewline ? " " : $0 })
    }

    private func rewrite(_ lines: [String]) throws(HistoryFileError) {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("write", errno) }
        let text = lines.map { $0 + "\n" }.joined()
        do {
            try writeAll(Array(text.utf8), to: descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("write", code)
        }
    }

    private func createDirectory() throws(HistoryFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw HistoryFileError(
                path: path, operation: "create the directory for", reason: error.localizedDescription)
        }
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(HistoryFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", errno)
            }
            offset += written
        }
    }

    private func failure(_ operation: String, _ code: Int32) -> HistoryFileError {
        HistoryFileError(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
}
