// The floor for the cold-start benchmark: a Swift program with Foundation, built and started exactly like
// notice-assistant (same package, same configuration), that prints a greeting and a prompt and reads lines until
// `quit`. Whatever notice-assistant takes beyond this is its own work: loading, validating and compiling the dialog.
import Foundation

FileHandle.standardOutput.write("您好！这是空白对照程序。\n请用自己的话说说发生了什么。\n".data(using: .utf8)!)
while let line = readLine() {
    if line.trimmingCharacters(in: .whitespaces) == "quit" {
        FileHandle.standardOutput.write("再见。\n".data(using: .utf8)!)
        break
    }
    FileHandle.standardOutput.write("> \(line)\n".data(using: .utf8)!)
}
