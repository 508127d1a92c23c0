import Foundation
import Testing

@testable import Transcript

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Serialized because one test changes the process-wide umask, which would disturb the others' temporary directories.
@Suite(.serialized) struct FileTranscriptSinkTests {
    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func theSameSessionIDTwiceGetsTwoFiles() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let first = try FileTranscriptSink(directory: directory, startedAt: Fixtures.startTime, sessionID: "c1")
            let second = try FileTranscriptSink(directory: directory, startedAt: Fixtures.startTime, sessionID: "c1")
            #expect(first.file != second.file)
            try first.close()
            try second.close()
        }
    }

    @Test func holdsNoDescriptorBetweenRecordsAndRefusesAReplacedFile() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(directory: directory, startedAt: Fixtures.startTime, sessionID: "3f9a1c")
            try sink.write(Fixtures.session[0])
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            let targets = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
            #expect(!targets.contains(sink.file.path))
            // Someone swaps the file: the sink stops rather than write into the new one.
            try FileManager.default.moveItem(at: sink.file, to: directory.appendingPathComponent("moved.jsonl"))
            try Data().write(to: sink.file)
            #expect(throws: TranscriptError.self) { try sink.write(Fixtures.session[1]) }
            #expect(try Data(contentsOf: sink.file).isEmpty)
        }
    }

    /// The paths this process has open, from /proc.
    private func openPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
    }

    @Test func keepingTheFileOpenHoldsOneDescriptorFromTheFirstRecordToClose() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(
                directory: directory, startedAt: Fixtures.startTime, sessionID: "3f9a1c", keepsFileOpen: true)
            #expect(try !openPaths().contains(sink.file.path))
            for record in Fixtures.session { try sink.write(record) }
            #expect(try openPaths().filter { $0 == sink.file.path }.count == 1)
            try sink.close()
            #expect(try !openPaths().contains(sink.file.path))
            #expect(throws: TranscriptError.self) { try sink.write(Fixtures.session[0]) }
            let contents = try TranscriptReader().read(contentsOf: sink.file)
            #expect(contents.warnings.isEmpty)
            #expect(contents.records == Fixtures.session.map { $0.redacted(by: Redactor()) })
        }
    }

    @Test func keepingTheFileOpenStillRefusesAFileReplacedBeforeTheFirstRecord() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("t.jsonl"), keepsFileOpen: true)
            try FileManager.default.moveItem(at: sink.file, to: directory.appendingPathComponent("moved.jsonl"))
            try Data().write(to: sink.file)
            #expect(throws: TranscriptError.self) { try sink.write(Fixtures.session[0]) }
            #expect(try Data(contentsOf: sink.file).isEmpty)
        }
    }

    @Test func keepingTheFileOpenWritesIntoItsOwnFileEvenWhenItIsReplacedLater() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("t.jsonl"), keepsFileOpen: true)
            try sink.write(Fixtures.session[0])
            let moved = directory.appendingPathComponent("moved.jsonl")
            try FileManager.default.moveItem(at: sink.file, to: moved)
            try Data().write(to: sink.file)
            try sink.write(Fixtures.session[1])
            try sink.close()
            #expect(try Data(contentsOf: sink.file).isEmpty)
            #expect(try TranscriptReader().read(contentsOf: moved).records.count == 2)
        }
    }

    @Test func anAbandonedSinkThatKeptItsFileOpenGivesTheDescriptorBack() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("abandoned.jsonl")
            do {
                let sink = try FileTranscriptSink(file: file, keepsFileOpen: true)
                try sink.write(Fixtures.start)
            }
            #expect(try !openPaths().contains(file.path))
            #expect(try TranscriptReader().read(contentsOf: file).records == [Fixtures.start])
        }
    }

    @Test func manyThreadsWriteWholeLinesThroughAHeldFile() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("busy.jsonl"), keepsFileOpen: true)
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<25 { try? sink.write(Fixtures.firstAnswer) }
            }
            try sink.close()
            #expect(try TranscriptReader().read(contentsOf: sink.file).records.count == 200)
        }
    }

    @Test func writesRecordsThatReadBackRedacted() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(directory: directory, startedAt: Fixtures.startTime, sessionID: "3f9a1c")
            for record in Fixtures.session { try sink.write(record) }
            try sink.close()

            #expect(sink.file.lastPathComponent.hasPrefix("2026-11-24T21-30-05Z-3f9a1c-"))
            #expect(sink.file.lastPathComponent.hasSuffix(".jsonl"))
            let raw = try String(contentsOf: sink.file, encoding: .utf8)
            #expect(!raw.contains("13812345678"))
            #expect(raw.split(separator: "\n").count == Fixtures.session.count)

            let contents = try TranscriptReader().read(contentsOf: sink.file)
            #expect(contents.warnings.isEmpty)
            #expect(contents.records == Fixtures.session.map { $0.redacted(by: Redactor()) })
        }
    }

    @Test func keepsTheTranscriptPrivate() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let nested = directory.appendingPathComponent("state/notice-assistant/transcripts", isDirectory: true)
            // A umask this strict would make the file 0400 and the directories 0500 if we trusted open(2) and mkdir(2).
            let previous = umask(0o277)
            defer { umask(previous) }
            let sink = try FileTranscriptSink(directory: nested, startedAt: Fixtures.startTime, sessionID: "a1")
            try sink.close()
            #expect(try permissions(sink.file) == 0o600)
            #expect(try permissions(nested) == 0o700)
            #expect(try permissions(nested.deletingLastPathComponent()) == 0o700)
            #expect(try permissions(directory.appendingPathComponent("state")) == 0o700)
        }
    }

    @Test func doesNotChangeDirectoriesItDidNotCreate() throws {
        try Fixtures.withTemporaryDirectory { directory in
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("mine.jsonl"))
            try sink.close()
            #expect(try permissions(directory) == 0o755)
        }
    }

    @Test func neverOverwritesAnExistingFile() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("taken.jsonl")
            try Data("keep me\n".utf8).write(to: file)
            #expect(throws: TranscriptError.fileExists(path: file.path)) { try FileTranscriptSink(file: file) }
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        }
    }

    @Test func explainsAnUnusableDirectory() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let blocker = directory.appendingPathComponent("not-a-directory")
            try Data().write(to: blocker)
            let target = blocker.appendingPathComponent("transcripts")
            do throws(TranscriptError) {
                _ = try FileTranscriptSink(directory: target, startedAt: Fixtures.startTime, sessionID: "x")
                Issue.record("expected an error")
            } catch {
                #expect(error.description.contains(blocker.path))
                #expect(error.description.contains("--transcript PATH"))
                #expect(error.description.contains("--no-transcript"))
            }
        }
    }

    @Test func refusesWritesAfterClose() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("t.jsonl"))
            try sink.close()
            try sink.close()  // a second close does nothing
            #expect(throws: TranscriptError.writeAfterClose(path: sink.file.path)) { try sink.write(Fixtures.start) }
        }
    }

    @Test func storesOddCharactersEscapedAndReadsThemBackIntact() throws {
        let odd = "a\u{0}b \u{1B}[31mred\u{1B}[0m \u{202E}txt.exe \u{2028}next \u{7F}\u{85} \"quoted\" \\ 中文"
        let record = TranscriptRecord.turn(
            .init(
                time: Fixtures.startTime, number: 1, stateBefore: "a", stateAfter: "b", userLine: odd,
                assistantMessages: [odd]))
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("odd.jsonl"))
            try sink.write(record)
            try sink.close()

            let raw = try Data(contentsOf: sink.file)
            // Only printable text and the final newline are in the file itself.
            let hazards: Set<UInt32> = [0x00, 0x1B, 0x7F, 0x85, 0x202E, 0x2028]
            let text = String(decoding: raw, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { hazards.contains($0.value) })
            #expect(text.contains(#"\u001b[31m"#) || text.contains(#"\u001B[31m"#))
            #expect(text.contains(#"\u202E"#))
            #expect(text.contains("中文"))
            #expect(raw.filter { $0 == 0x0A }.count == 1)

            #expect(try TranscriptReader().read(contentsOf: sink.file).records == [record])
        }
    }

    @Test func anAbandonedSinkStillLeavesItsRecords() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("abandoned.jsonl")
            do {
                let sink = try FileTranscriptSink(file: file)
                try sink.write(Fixtures.start)
            }
            #expect(try TranscriptReader().read(contentsOf: file).records == [Fixtures.start])
        }
    }

    @Test func manyThreadsWriteWholeLines() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sink = try FileTranscriptSink(file: directory.appendingPathComponent("busy.jsonl"))
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<25 { try? sink.write(Fixtures.firstAnswer) }
            }
            try sink.close()
            #expect(try TranscriptReader().read(contentsOf: sink.file).records.count == 200)
        }
    }

    @Test func preflightAcceptsAWritableDirectoryAndLeavesNothing() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let target = directory.appendingPathComponent("new/transcripts")
            try FileTranscriptSink.preflight(directory: target)
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
            #expect(try permissions(target) == 0o700)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can write anywhere"))
    func preflightReportsAReadOnlyDirectory() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let readOnly = directory.appendingPathComponent("ro")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: readOnly.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly.path) }
            #expect {
                try FileTranscriptSink.preflight(directory: readOnly)
            } throws: { error in
                guard case TranscriptError.directoryNotWritable(let path, _) = error else { return false }
                return path == readOnly.path
            }
        }
    }
}

@Suite struct MemoryTranscriptSinkTests {
    @Test func keepsRedactedRecordsInOrder() throws {
        let sink = MemoryTranscriptSink()
        for record in Fixtures.session { try sink.write(record) }
        try sink.close()
        #expect(sink.isClosed)
        #expect(sink.records == Fixtures.session.map { $0.redacted(by: Redactor()) })
        #expect(throws: TranscriptError.writeAfterClose(path: nil)) { try sink.write(Fixtures.end) }
    }
}
