@testable import DialogCore
import Foundation
import Testing

@testable import DialogFiles

/// The compiled-dialog cache: what it serves, when it refuses an entry, and that nothing it reads can crash it.
@Suite struct DialogCacheTests {
    /// A fresh copy of a fixture dialog and an empty cache folder, both removed at the end.
    final class Sandbox {
        let root: URL
        let dialog: URL
        let cacheFolder: URL
        var cache: DialogCache { DialogCache(directory: cacheFolder) }

        init(fixture: String = "mini") throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dialog-cache-\(UUID().uuidString)")
            dialog = root.appendingPathComponent("dialog")
            cacheFolder = root.appendingPathComponent("cache")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: dialog)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var entries: [URL] {
            ((try? FileManager.default.contentsOfDirectory(at: cacheFolder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "dialog" }
        }

        func append(_ text: String, to file: String) throws {
            let url = dialog.appendingPathComponent(file)
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    @Test func theSecondLoadComesFromTheCacheAndIsTheSameDialog() throws {
        let box = try Sandbox()
        let first = try box.cache.load(folder: box.dialog)
        #expect(first.source == .files)
        #expect(box.entries.count == 1)
        let second = try box.cache.load(folder: box.dialog)
        #expect(second.source == .cache)
        let fresh = try DialogLoader.load(folder: box.dialog)
        #expect(second.compiled.dialog == fresh.dialog)
        #expect(second.warnings == fresh.warnings)
        #expect(second.compiled.matcher.meaningCount == CompiledDialog(fresh.dialog).matcher.meaningCount)
    }

    @Test func warningsAreKeptWithTheEntry() throws {
        let box = try Sandbox(fixture: "unused-slot")
        let first = try box.cache.load(folder: box.dialog)
        #expect(!first.warnings.isEmpty)
        let second = try box.cache.load(folder: box.dialog)
        #expect(second.source == .cache)
        #expect(second.warnings == first.warnings)
    }

    @Test func aChangedFileIsLoadedAgain() throws {
        let box = try Sandbox()
        _ = try box.cache.load(folder: box.dialog)
        try box.append("\n# a comment changes the content hash\n", to: "slots.yaml")
        let again = try box.cache.load(folder: box.dialog)
        #expect(again.source == .files)
        #expect(again.compiled.dialog.contentHash == (try DialogLoader.load(folder: box.dialog)).dialog.contentHash)
        #expect(try box.cache.load(folder: box.dialog).source == .cache)
    }

    @Test func aDialogBrokenSinceItWasCachedIsRefusedWithItsDiagnostics() throws {
        let box = try Sandbox()
        _ = try box.cache.load(folder: box.dialog)
        try box.append("\n  orphan:\n    say: {zh-Hans: 孤, zh-Hant: 孤, en: alone}\n    next: nowhere\n", to: "states.yaml")
        #expect(throws: DialogLoadFailure.self) { try box.cache.load(folder: box.dialog) }
        let direct: [Diagnostic]
        do { _ = try DialogLoader.load(folder: box.dialog); direct = [] } catch { direct = error.diagnostics }
        do {
            _ = try box.cache.load(folder: box.dialog)
        } catch {
            #expect(error.diagnostics == direct)
        }
    }

    @Test func aDamagedEntryIsIgnoredAndRewritten() throws {
        let box = try Sandbox()
        _ = try box.cache.load(folder: box.dialog)
        let entry = try #require(box.entries.first)
        var bytes = [UInt8](try Data(contentsOf: entry))
        bytes[bytes.count / 2] ^= 0x5a
        try Data(bytes).write(to: entry)
        #expect(try box.cache.load(folder: box.dialog).source == .files)
        #expect(try box.cache.load(folder: box.dialog).source == .cache)

        try Data(bytes.prefix(100)).write(to: entry)
        #expect(try box.cache.load(folder: box.dialog).source == .files)
        try Data("not a cache entry".utf8).write(to: entry)
        #expect(try box.cache.load(folder: box.dialog).source == .files)
    }

    @Test func aCacheThatCannotBeWrittenOnlyCostsTime() throws {
        let box = try Sandbox()
        try Data("a file where the cache folder should be".utf8).write(to: box.cacheFolder)
        #expect(try box.cache.load(folder: box.dialog).source == .files)
        #expect(try box.cache.load(folder: box.dialog).source == .files)
    }

    @Test func theCacheFolderIsPrivateAndKeepsAtMostItsLimit() throws {
        let box = try Sandbox()
        _ = try box.cache.load(folder: box.dialog)
        let mode = try FileManager.default.attributesOfItem(atPath: box.cacheFolder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        for index in 0..<(DialogCache.maximumEntries + 5) {
            try Data().write(to: box.cacheFolder.appendingPathComponent("old-\(index).dialog"))
        }
        try box.append("\n# changed\n", to: "slots.yaml")
        _ = try box.cache.load(folder: box.dialog)
        #expect(box.entries.count == DialogCache.maximumEntries)
    }

    @Test func theStandardPlaceFollowsTheEnvironment() {
        #expect(DialogCache.standard(environment: ["NOTICE_ASSISTANT_CACHE": "off", "HOME": "/home/x"]) == nil)
        #expect(DialogCache.standard(environment: ["NOTICE_ASSISTANT_CACHE": "/tmp/c"])?.directory.path == "/tmp/c")
        #expect(DialogCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/x"])?.directory.path == "/x/cache/notice-assistant")
        #expect(DialogCache.standard(environment: ["HOME": "/home/x"])?.directory.path == "/home/x/.cache/notice-assistant")
        #expect(DialogCache.standard(environment: [:]) == nil)
    }
}

/// The binary form itself: every dialog of the fixtures survives the round trip, and damaged bytes are refused.
@Suite struct CompiledDialogBinaryTests {
    static let loadable = ["mini", "valid", "unused-slot"]

    @Test(arguments: loadable)
    func roundTrip(_ fixture: String) throws {
        let dialog = try DialogLoader.load(folder: fixtures.appendingPathComponent(fixture)).dialog
        let compiled = CompiledDialog(dialog)
        let bytes = compiled.binary()
        let decoded = try CompiledDialog(binary: bytes)
        #expect(decoded.dialog == dialog)
        #expect(decoded.binary() == bytes, "the same dialog writes the same bytes")
    }

    /// The shipped dialog uses every key the binary form carries: topics with conditions, `always_ask`, `advise`
    /// states, `unnamed`, `announced`, the word lists, phrases with a number, `home`/`homes`, `not_after`.
    @Test func theShippedDialogRoundTrips() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs/notice-help")
        let dialog = try DialogLoader.load(folder: folder).dialog
        #expect(!dialog.topics.isEmpty && dialog.states.contains { $0.alwaysAsk } && dialog.slots.contains { $0.countsAnnounced })
        #expect(dialog.slots.contains { $0.home != nil && !$0.homes.isEmpty })
        #expect(dialog.slots.contains { $0.values.contains { !$0.notAfter.isEmpty } })
        let bytes = CompiledDialog(dialog).binary()
        let decoded = try CompiledDialog(binary: bytes)
        #expect(decoded.dialog == dialog)
        #expect(decoded.binary() == bytes)
    }

    /// A process that only talks reads the cache without the phrase text the automaton was compiled from: the slots'
    /// and topics' phrase lists come back empty, the names shown to people (a platform's spellings) are kept, and every
    /// line is read and answered exactly as with the full dialog — phrases with a number in them too.
    @Test func aSessionReadsTheShippedDialogAlikeWithoutItsPhraseText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs/notice-help")
        let bytes = CompiledDialog(try DialogLoader.load(folder: folder).dialog).binary()
        let full = try CompiledDialog(binary: bytes)
        var r = try BinaryReader(bytes)
        r.skipsPhraseText = true
        let lean = try CompiledDialog(from: &r)
        #expect(r.isAtEnd)
        #expect(lean.dialog.slots.allSatisfy { $0.yes.isEmpty && $0.no.isEmpty && $0.cues.isEmpty })
        #expect(lean.dialog.topics.allSatisfy { $0.asked.isEmpty })
        #expect(lean.dialog.slots.contains { $0.kind == .text && $0.values.contains { !$0.synonyms.isEmpty } })
        #expect(lean.numberPhrases.count == full.numberPhrases.count && !lean.numberPhrases.isEmpty)
        let conversations: [(String, [String])] = [
            ("zh-Hans", ["分期乐天天打电话说我逾期45天了，我怕他们起诉我", "没有", "电话", "有", "是", "总结", "草稿"]),
            ("zh-Hant", ["我喺借唄借咗錢，逾期咗兩個月，佢哋打俾我阿媽", "冇", "更多", "第1步"]),
            ("en", ["Jiebei says I'm 3 months overdue and they called my mom", "no", "a phone call", "summary", "why"]),
        ]
        for (language, lines) in conversations {
            let a = Engine(full), b = Engine(lean)
            var (x, y) = (a.start(language: language).session, b.start(language: language).session)
            for line in lines {
                let (nextX, eventsX) = a.step(x, line)
                let (nextY, eventsY) = b.step(y, line)
                #expect(eventsX == eventsY, "\(language): \(line)")
                #expect(nextX == nextY, "\(language): \(line)")
                (x, y) = (nextX, nextY)
            }
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let dialog = try DialogLoader.load(folder: fixtures.appendingPathComponent("valid")).dialog
        let bytes = CompiledDialog(dialog).binary()
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self) { try CompiledDialog(binary: Array(bytes.prefix(length))) }
        }
    }

    @Test func damagedBytesNeverTrap() throws {
        let dialog = try DialogLoader.load(folder: fixtures.appendingPathComponent("mini")).dialog
        let bytes = CompiledDialog(dialog).binary()
        let engineLine = Array("我没有注册过，短信说我逾期了".unicodeScalars)
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 1500)) {
            for flip: UInt8 in [0x01, 0x80, 0xff] {
                var damaged = bytes
                damaged[position] ^= flip
                // Either refused, or a dialog whose automaton still answers without trapping.
                if let decoded = try? CompiledDialog(binary: damaged) {
                    _ = decoded.matcher.matches(in: engineLine)
                }
                // The same bytes read as a talking process reads them, passing over the phrase text.
                if var r = try? BinaryReader(damaged) {
                    r.skipsPhraseText = true
                    if let decoded = try? CompiledDialog(from: &r) { _ = decoded.matcher.matches(in: engineLine) }
                }
            }
        }
    }
}
