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
struct HistoryFile {
    let path: String
    let limit: Int
    let redact: @Sendable (String) -> String

    /// The newest `limit` lines of earlier sessions, oldest first; none if the file does not exist.
    func load() throws(HistoryFileError) -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure("read", errno)
        }
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
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("write", errno) }
        defer { close(descriptor) }
        // A file made by an older version, or by hand, may be readable by others.
        _ = fchmod(descriptor, 0o600)
        try writeAll(Array((storedForm(of: line) + "\n").utf8), to: descriptor)
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
