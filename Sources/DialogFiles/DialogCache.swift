import DialogCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled copy of each dialog the program has loaded, so that the next start reads one file instead of parsing,
/// validating and compiling the YAML again (that took ~30 ms of a ~40 ms start; see docs/performance.md).
///
/// An entry is used only when it was written by this very executable (same file, size and modification time) for
/// the same dialog folder and working directory (positions in warnings are relative to it), and the dialog's files
/// still hold the bytes the entry was made from: `dialog.yaml` and every file it includes are read and fingerprinted
/// on each start. Anything else — a changed file, another build, a damaged or foreign entry — falls back to
/// the full load, which rewrites the entry. Only dialogs that loaded without errors are cached; the entry holds the
/// dialog and its warnings, no personal data.
///
/// Where: `$NOTICE_ASSISTANT_CACHE` (a folder, or `off`), else `$XDG_CACHE_HOME/notice-assistant`, else
/// `~/.cache/notice-assistant`. At most `maximumEntries` entries are kept (the least recently written go first).
///
/// The folder is created mode 0700 and entries are written 0600 (a temporary file renamed into place, never over
/// anything but a regular file). An entry is read only when it is a regular file owned by this user that neither
/// group nor others can write, and at most `maximumEntrySize` bytes; a FIFO, a device, a foreign or a huge entry is
/// ignored without being read, and the dialog is loaded from its files.
public struct DialogCache: Sendable {
    public let directory: URL
    /// Read a hit without the phrase text the compiled automaton was built from (`BinaryReader.skipsPhraseText`): for a
    /// process that only talks (chat, run, serve), not for one that lists or checks phrases (test coverage, explore).
    /// A dialog loaded from its files keeps everything either way.
    public var skipsPhraseText = false

    /// The entry layout; bump it whenever `BinaryWriter` output or any `BinaryCodable` type changes.
    public static let formatVersion: UInt32 = 53
    public static let maximumEntries = 32
    /// The largest entry read (the notice-help dialog's is about one megabyte).
    public static let maximumEntrySize = 32 << 20
    private static let magic = Array("NADIALOG".utf8)

    public init(directory: URL) {
        self.directory = directory
    }

    /// Where the cache lives for this process's environment, or nil when `NOTICE_ASSISTANT_CACHE=off` or no home
    /// is known. (Reads the three variables alone: building the whole environment costs more than reading the cache.)
    public static func standard() -> DialogCache? {
        var environment: [String: String] = [:]
        for name in ["NOTICE_ASSISTANT_CACHE", "XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return standard(environment: environment)
    }

    public static func standard(environment: [String: String]) -> DialogCache? {
        if let setting = environment["NOTICE_ASSISTANT_CACHE"], !setting.isEmpty {
            return ["off", "no", "0", "false"].contains(setting.lowercased()) ? nil : DialogCache(directory: URL(fileURLWithPath: setting))
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return DialogCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("notice-assistant"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return DialogCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/notice-assistant"))
        }
        return nil
    }

    /// How a `load` was served.
    public enum Source: Sendable, Equatable {
        /// Read from the cache.
        case cache
        /// Loaded from YAML; the entry was written (or could not be, which is not an error).
        case files
    }

    public struct Result: Sendable {
        public var compiled: CompiledDialog
        public var warnings: [Diagnostic]
        public var source: Source
    }

    /// The dialog in `folder`, from the cache when the entry is current, else loaded and compiled (and cached).
    /// Throws exactly what `DialogLoader.load` throws: a broken dialog is never served from the cache.
    public func load(folder: URL) throws(DialogLoadFailure) -> Result {
        let key = Key(folder: folder)
        if let key, let hit = read(key) {
            return Result(compiled: hit.compiled, warnings: hit.warnings, source: .cache)
        }
        let loaded = try DialogLoader.load(folder: folder)
        let compiled = CompiledDialog(loaded.dialog)
        if let key { write(key, compiled: compiled, loaded: loaded) }
        return Result(compiled: compiled, warnings: loaded.warnings, source: .files)
    }

    /// What an entry is for: this executable, this folder, this working directory.
    struct Key {
        var folder: String
        var workingDirectory: String
        var executable: String

        init?(folder: URL) {
            guard let executable = Self.executableStamp() else { return nil }
            self.folder = folder.standardizedFileURL.path
            self.workingDirectory = FileManager.default.currentDirectoryPath
            self.executable = executable
        }

        var fileName: String {
            var hasher = ContentHasher()
            hasher.add(folder)
            hasher.add(workingDirectory)
            return hasher.hex + ".dialog"
        }

        /// Identifies the running executable's build: device, inode, size and modification time of its file.
        static func executableStamp() -> String? {
            var info = stat()
            #if os(Linux)
            guard stat("/proc/self/exe", &info) == 0 else { return nil }
            let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            #else
            guard let path = Bundle.main.executablePath, stat(path, &info) == 0 else { return nil }
            let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
            #endif
            return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified)"
        }
    }

    private func entryURL(_ key: Key) -> URL { directory.appendingPathComponent(key.fileName) }

    // Entry: magic, format version (UInt32), checksum of the rest (UInt64), then the rest, one `BinaryWriter` stream:
    // executable stamp, folder, working directory, the included files, the fingerprint of the dialog's files, the
    // warnings, the compiled dialog.

    private func read(_ key: Key) -> (compiled: CompiledDialog, warnings: [Diagnostic])? {
        guard let bytes = try? FileBytes.contents(entryURL(key).path, limit: Self.maximumEntrySize, privateOnly: true) else {
            return nil
        }
        let headerSize = Self.magic.count + 4 + 8
        guard bytes.count > headerSize, bytes[0..<Self.magic.count].elementsEqual(Self.magic) else { return nil }
        let (version, checksum, actual) = bytes.withUnsafeBytes { raw in
            (UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt32.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: Self.magic.count + 4, as: UInt64.self)),
             Self.checksum(UnsafeRawBufferPointer(rebasing: raw[headerSize...])))
        }
        guard version == Self.formatVersion, checksum == actual else { return nil }
        do {
            var r = try BinaryReader(bytes, from: headerSize)
            guard try r.string() == key.executable, try r.string() == key.folder, try r.string() == key.workingDirectory
            else { return nil }
            let includes = try r.strings()
            let fingerprint = try r.fixed(UInt64.self)
            guard Self.fingerprint(folder: URL(fileURLWithPath: key.folder), includes: includes) == fingerprint else { return nil }
            var warnings: [Diagnostic] = []
            for _ in 0..<(try r.length()) {
                let isError = try r.bool()
                warnings.append(Diagnostic(isError ? .error : .warning, try r.value(), try r.string()))
            }
            r.skipsPhraseText = skipsPhraseText
            let compiled: CompiledDialog = try r.value()
            guard r.isAtEnd else { return nil }
            return (compiled, warnings)
        } catch {
            return nil
        }
    }

    /// What the dialog's files hold now — `dialog.yaml` and each included file, names and bytes — as one number;
    /// nil when a file cannot be read. Equal fingerprints mean the same bytes, hence the dialog the entry holds.
    static func fingerprint(folder: URL, includes: [String]) -> UInt64? {
        hashes(folder: folder, includes: includes, contentHash: false)?.fingerprint
    }

    /// The fingerprint and, when asked, the content hash `DialogLoader` computes, from one read of each file.
    private static func hashes(folder: URL, includes: [String], contentHash: Bool) -> (fingerprint: UInt64, contentHash: String)? {
        var h: UInt64 = 0
        var hasher = ContentHasher()
        for (index, name) in (["dialog.yaml"] + includes).enumerated() {
            guard let contents = FileBytes.read(folder.appendingPathComponent(name).path) else { return nil }
            h = (h ^ checksum(Array(name.utf8))) &* 0x100_0000_01b3
            h = (h ^ contents.withUnsafeBytes { checksum($0) }) &* 0x100_0000_01b3
            if contentHash {
                if index > 0 { hasher.add(name) }
                hasher.add(bytes: contents)
            }
        }
        return (h, contentHash ? hasher.hex : "")
    }

    /// Best effort: a cache that cannot be written (read-only home, full disk) only costs the next start its time.
    private func write(_ key: Key, compiled: CompiledDialog, loaded: LoadedDialog) {
        // The files were read once by the loader and once here; if they changed in between, the entry would describe
        // files that are no longer there: their content hash must be the one of what was loaded.
        guard let (fingerprint, contentHash) = Self.hashes(folder: URL(fileURLWithPath: key.folder), includes: loaded.includes,
                                                           contentHash: true),
              contentHash == loaded.dialog.contentHash else { return }
        var w = BinaryWriter()
        w.string(key.executable)
        w.string(key.folder)
        w.string(key.workingDirectory)
        w.strings(loaded.includes)
        w.fixed(fingerprint)
        w.unsigned(UInt64(loaded.warnings.count))
        for warning in loaded.warnings {
            w.bool(warning.severity == .error)
            w.value(warning.location)
            w.string(warning.message)
        }
        w.value(compiled)
        let rest = w.bytes
        var entry = Self.magic
        withUnsafeBytes(of: Self.formatVersion.littleEndian) { entry += $0 }
        withUnsafeBytes(of: rest.withUnsafeBytes { Self.checksum($0) }.littleEndian) { entry += $0 }
        entry += rest
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return
        }
        if PrivateFile.replace(entryURL(key).path, with: entry) { prune() }
    }

    /// FNV-1a over 8-byte words (then the tail byte by byte): catches a damaged entry at an eighth of the cost of
    /// hashing byte by byte.
    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = raw.count / 8
        for i in 0..<words {
            h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) &* 0x100_0000_01b3
        }
        for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
        return h ^ UInt64(raw.count)
    }

    /// Keeps the newest `maximumEntries` entries.
    private func prune() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        let entries = names.filter { $0.hasSuffix(".dialog") }
        guard entries.count > Self.maximumEntries else { return }
        let dated = entries.map { name -> (String, Date) in
            let path = directory.appendingPathComponent(name).path
            let date = (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            return (path, date)
        }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.maximumEntries) {
            try? manager.removeItem(atPath: path)
        }
    }
}
