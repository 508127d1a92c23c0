import DialogCore
import Foundation
import Yams

/// A dialog read from a folder and checked: ready to compile, with the warnings found on the way.
public struct LoadedDialog: Sendable {
    public var dialog: Dialog
    public var warnings: [Diagnostic]
    public var folder: URL
    /// The files `dialog.yaml` includes, as written there (relative to `folder`).
    public var includes: [String] = []
    /// Pairs of remedies the dialog declares must never be given together (a remedy's `conflicts`), for `explore`.
    /// Only the authoring tools read them, so they are not part of the model the engine runs.
    public var remedyConflicts: [RemedyConflict] = []
}

/// Two remedies that contradict each other ("negotiate a repayment" and "you owe nothing"): a path through the dialog
/// that gives both is a mistake of the dialog.
public struct RemedyConflict: Hashable, Sendable {
    public var remedy: String
    public var other: String
    public var location: SourceLocation

    public init(remedy: String, other: String, location: SourceLocation) {
        self.remedy = remedy
        self.other = other
        self.location = location
    }
}

/// Reads a dialog folder: `dialog.yaml` and the files it includes. Either the whole dialog loads without errors,
/// or loading fails with every diagnostic; there is no half-loaded dialog.
public enum DialogLoader {
    /// Files larger than this are refused before parsing: a dialog is text written by people, and a huge file is
    /// a mistake (or an attack) that would otherwise take the whole memory.
    public static let maximumFileSize = 4 * 1024 * 1024

    public static func load(folder: URL) throws(DialogLoadFailure) -> LoadedDialog {
        let folderPath = folder.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderPath, isDirectory: &isDirectory) else {
            throw failure(folderPath, "no such dialog folder; give the path of a folder that holds dialog.yaml")
        }
        guard isDirectory.boolValue else {
            throw failure(folderPath, "this is a file, not a dialog folder; give the folder that holds dialog.yaml")
        }
        let manifestPath = folder.appendingPathComponent("dialog.yaml").path
        let manifestText: String
        do {
            manifestText = try readText(manifestPath)
        } catch {
            // Keep the error's own position: a NUL byte is reported on its line, not at 1:1.
            throw DialogLoadFailure(diagnostics: [Diagnostic(.error, error.location, error.message)])
        }
        var diagnostics: [Diagnostic] = []
        var hasher = ContentHasher()
        hasher.add(manifestText)

        let manifestDoc = YAMLDocument(path: displayPath(manifestPath))
        guard let manifestRoot = parseYAML(manifestText, manifestDoc) else {
            throw DialogLoadFailure(diagnostics: manifestDoc.diagnostics)
        }
        let manifest = readManifest(manifestRoot, manifestDoc)
        diagnostics += manifestDoc.diagnostics
        guard let manifest else { throw DialogLoadFailure(diagnostics: diagnostics) }

        var parser = DialogParser(languages: manifest.languages)
        var unreadable: [Diagnostic] = []
        for (name, node) in manifest.includes {
            let path = folder.appendingPathComponent(name).path
            let doc = YAMLDocument(path: displayPath(path))
            let text: String
            do {
                text = try readText(path)
            } catch {
                let diagnostic = Diagnostic(.error, manifestDoc.location(node), "cannot include `\(name)`: \(error.message)")
                diagnostics.append(diagnostic)
                unreadable.append(diagnostic)
                continue
            }
            hasher.add(name)
            hasher.add(text)
            if let root = parseYAML(text, doc) { parser.read(root, in: doc) } else { unreadable += doc.diagnostics }
            diagnostics += doc.diagnostics
        }
        // A file that cannot be read as YAML takes its definitions with it; whatever else would be reported (an
        // undefined start, unreachable states) follows from that, so the syntax error is reported first and alone.
        guard unreadable.isEmpty else { throw DialogLoadFailure(diagnostics: sorted(unreadable)) }

        let dialog = Dialog(
            id: manifest.id, version: manifest.version, languages: manifest.languages, start: manifest.start,
            lexicon: parser.lexicon, messages: parser.messages, slots: parser.slots, flags: parser.flags,
            states: parser.states, remedies: parser.remedies, drafts: parser.drafts, topics: parser.topics, contentHash: hasher.hex)
        diagnostics += DialogValidator(dialog: dialog, conditions: parser.pendingConditions,
                                       manifestLocation: manifest.startLocation, remedyConflicts: parser.remedyConflicts).validate()
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw DialogLoadFailure(diagnostics: sorted(diagnostics)) }
        return LoadedDialog(dialog: dialog, warnings: sorted(diagnostics), folder: folder, includes: manifest.includes.map(\.0),
                            remedyConflicts: parser.remedyConflicts)
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.location.file, a.element.location.line, a.element.location.column, a.offset)
                < (b.element.location.file, b.element.location.line, b.element.location.column, b.offset)
        }.map(\.element)
    }

    private struct Manifest {
        var id: String
        var version: String
        var languages: [String]
        var start: String
        var startLocation: SourceLocation
        var includes: [(String, Node)]
    }

    private static func readManifest(_ root: Node, _ doc: YAMLDocument) -> Manifest? {
        let pairs = doc.mapping(root, "the manifest", allowed: DialogKeys.manifest.names)
        let field = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let known = DialogKeys.languages
        let id = doc.string(field["id"], "`id`")
        let languages = doc.strings(field["languages"], "`languages`")
        for (index, language) in languages.enumerated() where !known.contains(language) {
            if case .sequence(let sequence) = field["languages"]! {
                doc.error(sequence[index], "`\(language)` is not a supported language; use \(known.joined(separator: ", "))")
            }
        }
        let start = doc.string(field["start"], "`start`")
        if id == nil { doc.error(root, "the manifest needs an `id`") }
        if languages.isEmpty { doc.error(root, "the manifest needs `languages`, e.g. [zh-Hans, zh-Hant, en]") }
        if start == nil { doc.error(root, "the manifest needs `start`: the id of the first state") }
        var includes: [(String, Node)] = []
        if case .sequence(let sequence) = field["include"] {
            for node in sequence {
                guard let name = doc.string(node, "an included file") else { continue }
                if name.contains("..") || name.hasPrefix("/") {
                    doc.error(node, "`\(name)` is outside the dialog folder; include files inside it")
                } else {
                    includes.append((name, node))
                }
            }
        } else {
            doc.error(field["include"] ?? root, "the manifest needs `include`: the list of files that make up the dialog")
        }
        guard let id, let start, !languages.isEmpty, doc.diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }
        return Manifest(id: id, version: doc.string(field["version"], "`version`") ?? "0", languages: languages, start: start,
                        startLocation: doc.location(field["start"]), includes: includes)
    }

    struct ReadError: Error {
        var location: SourceLocation
        var message: String
    }

    /// Reads a file as UTF-8 text, refusing directories, unreadable files, huge files and invalid UTF-8 with a
    /// message that says what to do.
    static func readText(_ path: String) throws(ReadError) -> String {
        let location = SourceLocation(file: displayPath(path), line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(location: location, message: "no such file")
        }
        if isDirectory.boolValue { throw ReadError(location: location, message: "this is a folder, not a YAML file") }
        let data: [UInt8]
        do throws(FileBytes.Failure) {
            data = try FileBytes.contents(path, limit: maximumFileSize)
        } catch {
            switch error {
            case .notRegular(let kind):
                throw ReadError(location: location, message: "this is \(kind), not a file; a dialog file must be a plain YAML file")
            case .tooLarge:
                throw ReadError(location: location, message: "this file is larger than \(maximumFileSize / 1024 / 1024) MB; a dialog file should be a few hundred KB at most — split it or check it is the right file")
            case .cannotOpen, .notPrivate:
                throw ReadError(location: location, message: "cannot read this file (check its permissions)")
            case .readFailed(let code):
                throw ReadError(location: location, message: "cannot read this file: \(String(cString: strerror(code)))")
            }
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ReadError(location: location, message: "this file is not valid UTF-8 text; save it as UTF-8")
        }
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let line = text.unicodeScalars[..<nul].filter { $0 == "\n" }.count + 1
            throw ReadError(location: SourceLocation(file: location.file, line: line, column: 1), message: "this file contains a NUL byte; it is not a text file")
        }
        return text
    }

    private static func parseYAML(_ text: String, _ doc: YAMLDocument) -> Node? {
        do {
            let parser = try Parser(yaml: text)
            guard let root = try parser.singleRoot() else { return Node.mapping(Node.Mapping([])) }
            // Anchors are read from the parser's nodes while the parser (which keeps them) is alive.
            let anchor = withExtendedLifetime(parser) { YAMLAnchors.firstAnchorOrAlias(in: root) }
            if let anchor {
                doc.error(at: SourceLocation(file: doc.path, line: anchor.line, column: anchor.column),
                          "YAML anchors and aliases (`&name`, `*name`) are not allowed in dialog files: write each text out in full")
                return nil
            }
            return root
        } catch let error as YamlError {
            let diagnostic = YAMLSyntaxError.diagnostic(for: error, in: text, path: doc.path)
            doc.error(at: diagnostic.location, diagnostic.message)
        } catch {
            doc.error(at: SourceLocation(file: doc.path, line: 1, column: 1), "this is not valid YAML: \(error)")
        }
        return nil
    }

    static func location(of error: YamlError, in path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: path, line: 1, column: 1)
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            return "\(error)"
        }
    }

    /// Paths relative to the working directory read best in diagnostics.
    public static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(cwd + "/") ? String(standardized.dropFirst(cwd.count + 1)) : standardized
    }

    private static func failure(_ path: String, _ message: String) -> DialogLoadFailure {
        DialogLoadFailure(diagnostics: [Diagnostic(.error, SourceLocation(file: displayPath(path), line: 1, column: 1), message)])
    }
}

/// A stable 64-bit FNV-1a hash of the dialog's files, shown as hex: enough to tell that a dialog changed.
struct ContentHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        add(bytes: text.utf8)
    }

    /// The same as `add(_:)` for the text these UTF-8 bytes hold.
    mutating func add(bytes: some Sequence<UInt8>) {
        // Contiguous storage (Data, [UInt8], a native String's UTF-8) is read through a buffer: iterating `Data`
        // byte by byte cost ten times as much.
        let done: Void? = bytes.withContiguousStorageIfAvailable { add(buffer: $0) }
        if done == nil {
            for byte in bytes { mix(byte) }
            mix(0xff)
        }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var h = state
        for byte in buffer {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        state = h
        mix(0xff)
    }

    private mutating func mix(_ byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x100_0000_01b3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
