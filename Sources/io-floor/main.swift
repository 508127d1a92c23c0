// The floor for the whole-process benchmark (Scripts/bench --whole-process): what any Swift program with Foundation
// pays to read the 10,000-line script, write one transcript record per line with its own write(2), as notice-assistant
// does before each reply, print a reply per line and fsync the transcript at the end, with no understanding at all.
// The record and the reply are the size of notice-assistant's average on that workload (~530 and ~310 bytes).
// Usage: io-floor SCRIPT TRANSCRIPT
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let script = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write("usage: io-floor SCRIPT TRANSCRIPT\n".data(using: .utf8)!)
    exit(2)
}
let transcript = open(arguments[2], O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
guard transcript >= 0 else {
    FileHandle.standardError.write("io-floor: cannot create \(arguments[2])\n".data(using: .utf8)!)
    exit(1)
}
/// Everything in one function: top-level variables would be the main actor's (Swift 6 language mode).
func run(script: Data, transcript: Int32) {
    let reply = Array(String(repeating: "A reply of the size the assistant prints on average. ", count: 5).utf8)
    let recordStart = Array(#"{"assistant":[""#.utf8) + reply + Array(#""],"schema":1,"slotsChanged":[],"stateAfter":"ask","stateBefore":"ask","time":"2026-12-06T00:00:00.000Z","type":"turn","user":""#.utf8)
    var record: [UInt8] = []
    var output: [UInt8] = []
    output.reserveCapacity(1 << 16)

    func flush() {
        output.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let n = write(1, bytes.baseAddress! + written, bytes.count - written)
                if n <= 0 { exit(1) }
                written += n
            }
        }
        output.removeAll(keepingCapacity: true)
    }

    script.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            let line = bytes[start..<index]
            start = index + 1
            record.removeAll(keepingCapacity: true)
            record += recordStart
            for byte in line {
                if byte == 0x22 || byte == 0x5C { record.append(0x5C) }
                record.append(byte < 0x20 ? 0x20 : byte)
            }
            record += Array(#""}"#.utf8)
            record.append(0x0A)
            let written = record.withUnsafeBytes { write(transcript, $0.baseAddress, $0.count) }
            if written != record.count { exit(1) }
            output += [0x3E, 0x20]
            output += line
            output.append(0x0A)
            output += reply
            output += [0x0A, 0x0A]
            if output.count > 60_000 { flush() }
        }
    }
    flush()
    fsync(transcript)
    close(transcript)
}

run(script: script, transcript: transcript)
