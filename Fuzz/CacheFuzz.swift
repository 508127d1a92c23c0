// libFuzzer entry for the compiled-dialog cache's reader (`CompiledDialog(binary:)`). The first byte picks how the
// rest is used: even — as a whole cache payload; odd — as edits (position, xor) to the valid payload of the bench
// fixture, so that the search starts from entries that are almost right. Reading must end in a compiled dialog or a
// BinaryFormatError: never a trap, a huge allocation or a hang; a dialog that is read must answer `matches` on a line
// without trapping. Compiled by Scripts/fuzz against the instrumented DialogFiles objects (-enable-testing).
@testable import DialogCore
import DialogFiles
import Foundation

private let fuzzValid: [UInt8] = {
    guard let source = ProcessInfo.processInfo.environment["FUZZ_DIALOG_FOLDER"] else {
        fatalError("set FUZZ_DIALOG_FOLDER to a dialog folder (Scripts/fuzz does)")
    }
    do {
        return CompiledDialog(try DialogLoader.load(folder: URL(fileURLWithPath: source)).dialog).binary()
    } catch {
        fatalError("the fuzz dialog does not load: \(error)")
    }
}()

private let fuzzLine = Array(TextNormalizer.normalize("我没有在花呗借过钱，短信说逾期15天了，not mine").scalars)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var bytes: [UInt8]
    if data[0] & 1 == 0 {
        bytes = Array(input)
    } else {
        bytes = fuzzValid
        var i = 0
        while i + 2 < input.count {
            let position = (Int(input[i]) << 8 | Int(input[i + 1])) * 7 % bytes.count
            bytes[position] ^= input[i + 2]
            i += 3
        }
        if input.count % 3 == 1 { bytes.removeLast(Int(input[input.count - 1]) % 64) }
    }
    if let compiled = try? CompiledDialog(binary: bytes) {
        _ = compiled.matcher.matches(in: fuzzLine)
    }
    return 0
}
