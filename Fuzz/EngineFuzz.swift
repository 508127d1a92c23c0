// libFuzzer entry for what a person types: the input is split into lines, each line is a turn of one conversation
// with the dialog in $FUZZ_DIALOG_JSON (a Dialog encoded as JSON by `notice-bench dump`). Also runs the text folding
// and the quantity scanner on the whole input. Compiled by Scripts/fuzz with Sources/DialogCore/**/*.swift.
import Foundation

private let fuzzEngine: Engine = {
    guard let path = ProcessInfo.processInfo.environment["FUZZ_DIALOG_JSON"],
          let data = FileManager.default.contents(atPath: path),
          let dialog = try? JSONDecoder().decode(Dialog.self, from: data) else {
        fatalError("set FUZZ_DIALOG_JSON to a dialog encoded by `notice-bench dump` (Scripts/fuzz does)")
    }
    return Engine(CompiledDialog(dialog))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngineLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let normalized = TextNormalizer.normalize(text)
    precondition(normalized.scalars.count == normalized.origin.count)
    _ = QuantityScanner.scan(normalized.scalars)
    let languages = fuzzEngine.compiled.dialog.languages
    var session = fuzzEngine.start(language: languages[size % max(languages.count, 1)]).session
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
        let (next, events) = fuzzEngine.step(session, String(line))
        precondition(next.turn >= session.turn)
        for event in events { _ = event.text }
        session = next
    }
    _ = fuzzEngine.summary(of: session)
    _ = fuzzEngine.recommendation(for: session)
    return 0
}
