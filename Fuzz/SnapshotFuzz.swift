// libFuzzer entry for the snapshot decoder: what a host hands back to `start` (or `Assistant.resume(from:)`), which
// may have been tampered with. The input is the snapshot's JSON; a snapshot that is read must be one the engine can
// run: a few lines are stepped on it, and nothing may trap (counters at Int.max, states the dialog does not have,
// values of the wrong kind). Uses the dialog in $FUZZ_DIALOG_FOLDER (the bench fixture; Scripts/fuzz sets it).
// Compiled by Scripts/fuzz and linked against the instrumented library objects; not a SwiftPM target.
import DialogCore
import Foundation
import NoticeAssistant

private let fuzzAssistant: Assistant = {
    guard let path = ProcessInfo.processInfo.environment["FUZZ_DIALOG_FOLDER"] else {
        fatalError("set FUZZ_DIALOG_FOLDER to a dialog folder (Scripts/fuzz does)")
    }
    do {
        return try Assistant(folder: URL(fileURLWithPath: path))
    } catch {
        fatalError("the dialog in \(path) does not load: \(error)")
    }
}()

private let lines = ["没有", "是", "不知道", "返回", "我收到花呗的短信说逾期十五天", "summary", "hmm", "退出"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let resumed = try? fuzzAssistant.resume(from: bytes) else { return 0 }
    var session = resumed.session
    precondition(!session.ended, "an ended session was resumed")
    _ = fuzzAssistant.reminder(for: session)
    _ = fuzzAssistant.summary(of: session)
    for line in lines.prefix(1 + size % lines.count) {
        session = fuzzAssistant.respond(to: line, in: session).session
    }
    let again = fuzzAssistant.snapshot(session)
    precondition((try? fuzzAssistant.resume(from: again)) != nil || session.ended, "a session the engine made is refused")
    return 0
}
