// libFuzzer entry for what a person types: the input is split into lines, each line is a turn of one conversation
// with the dialog in $FUZZ_DIALOG_FOLDER (the bench fixture; Scripts/fuzz sets it). Also runs the text folding and
// the quantity scanner on the whole input. Compiled by Scripts/fuzz and linked against the instrumented DialogCore,
// DialogFiles and Yams objects; not a SwiftPM target.
import DialogCore
import DialogFiles
import Foundation

private let fuzzEngine: Engine = {
    guard let path = ProcessInfo.processInfo.environment["FUZZ_DIALOG_FOLDER"] else {
        fatalError("set FUZZ_DIALOG_FOLDER to a dialog folder (Scripts/fuzz does)")
    }
    do {
        return Engine(CompiledDialog(try DialogLoader.load(folder: URL(fileURLWithPath: path)).dialog))
    } catch {
        fatalError("the dialog in \(path) does not load: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngineLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let normalized = TextNormalizer.normalize(text)
    precondition(normalized.scalars.count == normalized.origin.count)
    _ = QuantityScanner.scan(normalized.scalars)
    let languages = fuzzEngine.compiled.dialog.languages
    var session = fuzzEngine.start(language: languages[size % max(languages.count, 1)]).session
    for piece in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
        let line = String(piece)
        let (next, events) = fuzzEngine.step(session, line)
        // What Engine.step promises (the same properties as Tests/NoticeAssistantTests/PropertyTests.swift).
        let command = fuzzEngine.compiled.commandName(for: String(line.unicodeScalars.prefix(Engine.maximumLineScalars)))
        let restarted = next.turn == 0 && next.values.isEmpty && next.answers.isEmpty
        let loses = !session.answers.isEmpty || !session.values.isEmpty
        if session.ended {
            precondition(events.isEmpty && next == session, "an ended session changed")
        } else if command == "restart", loses, session.restartPending != true {
            // Answers would be lost: restart asks first and changes nothing else (as PropertyTests checks).
            precondition(next.restartPending == true && next.values == session.values, "restart with answers to lose did not ask first")
        } else if command == "restart" {
            precondition(restarted, "restart kept something")
        } else if session.restartPending == true, restarted {
            // The line confirmed the restart that was asked for.
        } else if session.restartPending == true, next.beforeRestart != nil, next.turn <= 1 {
            // The line told another story: the restart, and the line read as the new conversation's first message.
        } else {
            precondition(next.turn == session.turn || next.turn == session.turn + 1, "turn \(session.turn) → \(next.turn)")
        }
        if let current = next.current, let state = fuzzEngine.compiled.state(current) {
            switch state.kind {
            case .ask, .listen, .end: break
            default: preconditionFailure("stopped at \(current), which is not a question or an end")
            }
        }
        for event in events {
            let bad = event.text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            precondition(bad == nil, "a reply holds the control U+\(String(bad?.value ?? 0, radix: 16))")
        }
        session = next
    }
    if let data = try? JSONEncoder().encode(session) {
        precondition((try? JSONDecoder().decode(Session.self, from: data)) == session, "the session does not survive a JSON round trip")
    }
    _ = fuzzEngine.summary(of: session)
    _ = fuzzEngine.recommendation(for: session)
    return 0
}
