import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a program with posix_spawn, writes `input` to its stdin, and times the first byte it writes to stdout
/// (the first prompt) and its exit. Its peak RSS comes from wait4's rusage.
struct SpawnTiming {
    var firstOutput: UInt64
    var exit: UInt64
    var maxRSSKiB: Int
    var status: Int32
    var output: [UInt8]

    static func run(_ arguments: [String], input: String) -> SpawnTiming? {
        var stdinPipe: [Int32] = [0, 0]
        var stdoutPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, stdinPipe[1])
        posix_spawn_file_actions_addclose(&actions, stdoutPipe[0])
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Measure.now()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            return nil
        }
        // The input fits in the pipe's buffer: write it all now, as `printf 'quit\n' | …` does.
        let bytes = Array(input.utf8)
        _ = bytes.withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
        close(stdinPipe[1])
        var output: [UInt8] = []
        var firstOutput: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(stdoutPipe[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if firstOutput == 0 { firstOutput = Measure.now() - start }
            output += buffer[..<count]
        }
        close(stdoutPipe[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let exit = Measure.now() - start
        return SpawnTiming(firstOutput: firstOutput, exit: exit, maxRSSKiB: Int(usage.ru_maxrss), status: status, output: output)
    }
}
