import ArgumentParser
import Foundation
import NoticeAssistant

/// `transcript delete` and `transcript purge`: for a person who wants one conversation gone, and for a help desk with
/// a retention rule. Only files that read as transcripts (their first record is a `start`) are ever deleted.
extension TranscriptCommand {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete transcripts: each FILE must be a transcript (its first record a `start`); anything else is left alone.")

        @Argument(help: "The transcript files (.jsonl).", completion: .file(extensions: ["jsonl"]))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one transcript file") }
        }

        func run() throws {
            var failed = false
            for file in files {
                do {
                    try TranscriptRetention.checkIsTranscript(URL(fileURLWithPath: file))
                    try FileManager.default.removeItem(atPath: file)
                    Console.out("deleted \(file)")
                } catch {
                    Console.error("notice-assistant: \(file) was not deleted: \(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete every transcript last written more than a given time ago, e.g. --older-than 30d.",
            discussion: "Looks in --dir, else $XDG_STATE_HOME/notice-assistant/transcripts (where chat and serve write). A transcript's age is counted from its last record (the file's modification time). Files that are not transcripts are left alone.")

        @Option(name: .long, help: ArgumentHelp("How old a transcript must be to go: a number and a unit, d (days), h (hours) or w (weeks), e.g. 30d.", valueName: "age"))
        var olderThan: String

        @Option(name: .long, help: "The transcript directory (default: the one chat and serve write to).", completion: .directory)
        var dir: String?

        @ArgumentParser.Flag(name: .long, help: "List what would be deleted, and delete nothing.")
        var dryRun = false

        func validate() throws {
            if TranscriptRetention.seconds(olderThan) == nil {
                throw ValidationError("--older-than takes a number and d, h or w (e.g. 30d, 12h, 2w), not “\(olderThan)”")
            }
        }

        func run() throws {
            let directory: URL
            do {
                directory = try dir.map { URL(fileURLWithPath: $0, isDirectory: true) }
                    ?? TranscriptLocation.defaultDirectory(environment: ProcessInfo.processInfo.environment)
            } catch {
                Console.error("notice-assistant: \(error)")
                throw ExitCode(1)
            }
            let limit = Date().addingTimeInterval(-(TranscriptRetention.seconds(olderThan) ?? 0))
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
            } catch CocoaError.fileReadNoSuchFile {
                Console.out("no transcripts in \(directory.path): the directory does not exist")
                return
            } catch {
                Console.error("notice-assistant: cannot list \(directory.path): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            var deleted = 0, kept = 0, failed = false
            for name in names {
                let file = directory.appendingPathComponent(name)
                let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
                guard attributes?[.type] as? FileAttributeType == .typeRegular,
                      let modified = attributes?[.modificationDate] as? Date else { continue }
                guard modified < limit else {
                    kept += 1
                    continue
                }
                do {
                    try TranscriptRetention.checkIsTranscript(file)
                    if !dryRun { try FileManager.default.removeItem(at: file) }
                    Console.out("\(dryRun ? "would delete" : "deleted") \(file.path)")
                    deleted += 1
                } catch {
                    Console.error("notice-assistant: \(file.path) was not deleted: \(error)")
                    failed = true
                }
            }
            Console.out("\(dryRun ? "would delete" : "deleted") \(deleted) transcript\(deleted == 1 ? "" : "s") last written before \(ISO8601DateFormatter().string(from: limit)); kept \(kept) newer")
            if failed { throw ExitCode(1) }
        }
    }
}

/// What the retention commands share.
enum TranscriptRetention {
    struct NotATranscript: Error, CustomStringConvertible {
        var description: String
    }

    /// Throws unless the file reads as a transcript whose first record is a `start`.
    static func checkIsTranscript(_ file: URL) throws {
        let contents: TranscriptContents
        do {
            contents = try TranscriptReader().read(contentsOf: file)
        } catch {
            throw NotATranscript(description: "it is not a transcript (\(error))")
        }
        guard case .start = contents.records.first else {
            throw NotATranscript(description: "it is not a transcript: its first record is not a `start`")
        }
    }

    /// `30d`, `12h`, `2w` in seconds; nil for anything else.
    static func seconds(_ age: String) -> TimeInterval? {
        guard let unit = age.last, let count = Double(age.dropLast()), count >= 0, count.isFinite else { return nil }
        switch unit {
        case "h": return count * 3_600
        case "d": return count * 86_400
        case "w": return count * 7 * 86_400
        default: return nil
        }
    }
}
