import ArgumentParser
import Foundation

/// Where the dialog is. Named by `--dialog` or `$NOTICE_ASSISTANT_DIALOG`, it is that folder; otherwise it travels with
/// the program: an installed program (`PREFIX/bin/notice-assistant`) reads `PREFIX/share/notice-assistant/dialogs/
/// notice-help`, and one built in the repository (`.build/<config>/notice-assistant`) reads the repository's
/// `Dialogs/notice-help`, wherever either is run from. The current directory's `Dialogs/notice-help` is the last resort,
/// for a program built with a scratch path outside the repository.
struct DialogLocation {
    /// Where a folder came from, for the message that says it is missing.
    enum Source: Equatable {
        case option, environment, installed, repository, currentDirectory
    }

    /// A folder that does not hold a dialog, with every place that was looked in.
    struct Missing: Error, CustomStringConvertible {
        var looked: [(URL, Source)]

        var description: String {
            if let (folder, source) = looked.first, source == .option || source == .environment {
                let named = source == .option ? "the command line" : "NOTICE_ASSISTANT_DIALOG"
                return "notice-assistant: no dialog in \(folder.path) (named by \(named)): there is no \(folder.appendingPathComponent("dialog.yaml").path). Name a folder that holds a dialog.yaml."
            }
            let places = looked.map { "  \($0.0.path)  (\(Self.words($0.1)))" }.joined(separator: "\n")
            return """
                notice-assistant: the dialog is missing: no dialog.yaml in any of
                \(places)
                Reinstall the program (Scripts/install), or name a dialog folder with --dialog FOLDER or NOTICE_ASSISTANT_DIALOG=FOLDER.
                """
        }

        private static func words(_ source: Source) -> String {
            switch source {
            case .option: return "--dialog"
            case .environment: return "NOTICE_ASSISTANT_DIALOG"
            case .installed: return "installed with the program"
            case .repository: return "the repository the program was built in"
            case .currentDirectory: return "the current directory"
            }
        }
    }

    /// The program's own path: Linux's /proc/self/exe, else Foundation's idea of it, else argv[0] (searched in $PATH
    /// when it is a bare name); symbolic links resolved, so a link in /usr/local/bin finds the real prefix.
    var executable: URL?
    var environment: [String: String]
    var currentDirectory: URL

    static var current: DialogLocation {
        DialogLocation(executable: ownExecutable(), environment: ProcessInfo.processInfo.environment,
                       currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    /// The places to look, in order.
    func candidates(explicit: String?) -> [(URL, Source)] {
        if let explicit { return [(URL(fileURLWithPath: explicit, relativeTo: currentDirectory).standardizedFileURL, .option)] }
        if let value = environment["NOTICE_ASSISTANT_DIALOG"], !value.isEmpty {
            return [(URL(fileURLWithPath: value, relativeTo: currentDirectory).standardizedFileURL, .environment)]
        }
        var places: [(URL, Source)] = []
        if let executable {
            let bin = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            places.append((bin.deletingLastPathComponent().appendingPathComponent("share/notice-assistant/dialogs/notice-help"), .installed))
            // .build/<triple>/<config>/notice-assistant, or .build/<config>/…: the repository is a few folders up.
            var folder = bin
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                if folder.path == "/" { break }
                places.append((folder.appendingPathComponent("Dialogs/notice-help"), .repository))
            }
        }
        places.append((currentDirectory.appendingPathComponent("Dialogs/notice-help").standardizedFileURL, .currentDirectory))
        return places
    }

    /// The first candidate that holds a `dialog.yaml`.
    func resolve(_ explicit: String?) -> Result<URL, Missing> {
        let places = candidates(explicit: explicit)
        for (folder, _) in places where FileManager.default.fileExists(atPath: folder.appendingPathComponent("dialog.yaml").path) {
            return .success(folder)
        }
        return .failure(Missing(looked: places))
    }

    /// The dialog folder, or the message on stderr and exit 1.
    static func resolveOrExit(_ explicit: String?) throws -> URL {
        switch current.resolve(explicit) {
        case .success(let folder): return folder
        case .failure(let missing):
            Console.error(missing.description)
            throw ExitCode(1)
        }
    }

    static func ownExecutable() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        if let url = Bundle.main.executableURL { return url }
        let zero = CommandLine.arguments.first ?? ""
        if zero.contains("/") { return URL(fileURLWithPath: zero) }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(zero)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
