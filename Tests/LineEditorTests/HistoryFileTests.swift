import Foundation
import Testing
@testable import LineEditor

@Suite("History file") struct HistoryFileTests {
    private func temporaryPath() -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("line-editor-tests-\(UUID().uuidString)")
        return directory.appendingPathComponent("state/history").path
    }

    @Test func linesAreRedactedAndStoredPrivately() throws {
        let path = temporaryPath()
        let file = HistoryFile(path: path, limit: 10, redact: { $0.replacingOccurrences(of: "13800138000", with: "138****8000") })
        try file.append("我的电话是13800138000")
        try file.append("优品商城")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "我的电话是138****8000\n优品商城\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let directoryMode = try FileManager.default.attributesOfItem(
            atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(try file.load() == ["我的电话是138****8000", "优品商城"])
    }

    @Test func aRedactorThatReturnsSeveralLinesCannotSplitAnEntry() {
        let file = HistoryFile(path: "/unused", limit: 10, redact: { $0 + "\n注入" })
        #expect(file.storedForm(of: "优品") == "优品 注入")
    }

    @Test func loadingKeepsTheNewestLinesAndCompactsALongFile() throws {
        let path = temporaryPath()
        let file = HistoryFile(path: path, limit: 3, redact: { $0 })
        for number in 1...7 { try file.append("第\(number)行") }
        #expect(try file.load() == ["第5行", "第6行", "第7行"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "第5行\n第6行\n第7行\n")
    }

    @Test func aMissingFileIsAnEmptyHistory() throws {
        #expect(try HistoryFile(path: temporaryPath(), limit: 3, redact: { $0 }).load() == [])
    }

    @Test func anUnwritableLocationIsReportedWithThePath() {
        let file = HistoryFile(path: "/proc/no-such-dir/history", limit: 3, redact: { $0 })
        #expect(throws: HistoryFileError.self) { try file.append("优品") }
    }
}
