// libFuzzer entry for the dialog loader: the input replaces one file of a small dialog folder (the first byte picks
// which) and the folder is loaded and, if it loads, compiled. Loading must end in a dialog or a DialogLoadFailure with
// at least one error that has a position: never a trap, a stack overflow or a hang. Compiled by Scripts/fuzz against
// the objects of `swift build --target DialogFiles` built with -sanitize=fuzzer.
import DialogCore
import DialogFiles
import Foundation

private let fuzzFolder: URL = {
    guard let source = ProcessInfo.processInfo.environment["FUZZ_DIALOG_FOLDER"] else {
        fatalError("set FUZZ_DIALOG_FOLDER to a dialog folder to copy (Scripts/fuzz does)")
    }
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = URL(fileURLWithPath: base).appendingPathComponent("notice-fuzz-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try! FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: folder)
    return folder
}()

private let fuzzFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fuzzFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
}()

private let fuzzOriginals: [String: Data] = {
    var originals: [String: Data] = [:]
    for name in fuzzFiles { originals[name] = FileManager.default.contents(atPath: fuzzFolder.appendingPathComponent(name).path) }
    return originals
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, !fuzzFiles.isEmpty else { return 0 }
    let name = fuzzFiles[Int(data[0]) % fuzzFiles.count]
    let file = fuzzFolder.appendingPathComponent(name)
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    FileManager.default.createFile(atPath: file.path, contents: body)
    defer { FileManager.default.createFile(atPath: file.path, contents: fuzzOriginals[name]) }
    do {
        let loaded = try DialogLoader.load(folder: fuzzFolder)
        _ = CompiledDialog(loaded.dialog)
    } catch {
        precondition(error.diagnostics.contains { $0.severity == .error }, "a failed load without an error")
        for diagnostic in error.diagnostics { precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "a diagnostic without a position: \(diagnostic)") }
    }
    return 0
}
