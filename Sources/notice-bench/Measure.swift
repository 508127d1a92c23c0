import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Clocks, statistics and memory readings, with nothing but the C library.
enum Measure {
    /// A monotonic clock in nanoseconds.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// This process's peak resident set size, in KiB (getrusage).
    static func peakRSSKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// This process's current resident set size, in KiB (/proc/self/statm).
    static func currentRSSKiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

}

/// Order statistics of a set of durations in nanoseconds.
struct Stats {
    let sorted: [UInt64]

    init(_ samples: [UInt64]) {
        sorted = samples.sorted()
    }

    var count: Int { sorted.count }
    func percentile(_ p: Double) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
    }
    var median: UInt64 { percentile(50) }
    var p99: UInt64 { percentile(99) }
    var min: UInt64 { sorted.first ?? 0 }
    var max: UInt64 { sorted.last ?? 0 }
    var mean: Double { sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) }
}

/// Prints `key=value` pairs on one line, prefixed by the subcommand, for Scripts/bench to read.
func report(_ kind: String, _ pairs: KeyValuePairs<String, String>) {
    var line = kind + ":"
    for (key, value) in pairs { line += " \(key)=\(value)" }
    FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!)
}

func us(_ nanoseconds: UInt64) -> String { String(format: "%.2f", Double(nanoseconds) / 1000) }
func us(_ nanoseconds: Double) -> String { String(format: "%.2f", nanoseconds / 1000) }
func ms(_ nanoseconds: UInt64) -> String { String(format: "%.2f", Double(nanoseconds) / 1_000_000) }

/// Keeps the optimiser from deleting work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
