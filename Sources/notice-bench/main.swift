// notice-bench: the in-process half of Scripts/bench. Each subcommand measures one thing and prints one
// `name: key=value …` line that Scripts/bench collects into docs/performance.md. Build it in release to measure.
//
//   notice-bench load      --dialog DIR [--runs N]                 read + parse + validate, and compile, times
//   notice-bench turns     --dialog DIR [--rounds N] [--conversation K]   Engine.step latency over the corpus
//   notice-bench workload  --dialog DIR [--conversations N] [--transcript-dir DIR]
//                                                                  Conversation (Assistant + SessionRecorder) throughput
//   notice-bench sessions  --dialog DIR [--count N]                bytes per idle session held in memory
//   notice-bench worst     --dialog DIR [--phrases N]               Engine.step on adversarial lines at the length limit
//   notice-bench grow      --dialog DIR --scale K --out DIR        writes the dialog grown K times
//   notice-bench dump      --dialog DIR --out FILE                the dialog as JSON, for the engine fuzzer
//   notice-bench script    [--conversations N] [--closing LINE]    prints the CLI workload (10 lines per conversation)
//   notice-bench spawn     [--runs N] [--input TEXT] -- PROGRAM ARGS…
//                                                                  exec → first stdout byte, exec → exit, peak RSS
import Foundation
import NoticeAssistant

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var values: [String: String] = [:]
    var rest: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--" {
                while let more = iterator.next() { rest.append(more) }
                break
            }
            if argument.hasPrefix("--") {
                values[String(argument.dropFirst(2))] = iterator.next() ?? ""
            } else {
                rest.append(argument)
            }
        }
    }

    func string(_ key: String, _ fallback: String) -> String { values[key] ?? fallback }
    func int(_ key: String, _ fallback: Int) -> Int { values[key].flatMap(Int.init) ?? fallback }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(("notice-bench: " + message + "\n").data(using: .utf8)!)
    exit(2)
}

func loadAssistant(_ path: String) -> Assistant {
    do {
        return try Assistant(folder: URL(fileURLWithPath: path))
    } catch {
        for diagnostic in error.diagnostics.prefix(10) { FileHandle.standardError.write((diagnostic.description + "\n").data(using: .utf8)!) }
        fail("the dialog in \(path) does not load (\(error.diagnostics.count) diagnostics)")
    }
}

/// The language a corpus conversation starts in: English when its first line is mostly ASCII letters.
func language(of conversation: [String]) -> String? {
    let first = conversation.first ?? ""
    let letters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
    let ascii = letters.filter(\.isASCII).count
    return letters.isEmpty || ascii * 2 < letters.count ? nil : "en"
}

let arguments = CommandLine.arguments
guard arguments.count > 1 else { fail("give a subcommand: load, turns, worst, workload, sessions, grow, dump, script, spawn") }
let options = Options(arguments.dropFirst(2))
let dialogPath = options.string("dialog", "Dialogs/notice-help")

switch arguments[1] {
case "load":
    let runs = options.int("runs", 20)
    var loads: [UInt64] = []
    var compiles: [UInt64] = []
    var last: Dialog?
    for _ in 0..<runs {
        let t0 = Measure.now()
        let loaded: LoadedDialog
        do { loaded = try DialogLoader.load(folder: URL(fileURLWithPath: dialogPath)) } catch {
            fail("the dialog in \(dialogPath) does not load: \(error.diagnostics.first?.description ?? "")")
        }
        let t1 = Measure.now()
        let compiled = CompiledDialog(loaded.dialog)
        let t2 = Measure.now()
        blackHole(compiled)
        loads.append(t1 - t0)
        compiles.append(t2 - t1)
        last = loaded.dialog
    }
    // The compiled-dialog cache: one entry written, then read back `runs` times (hashing the files included).
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-bench-cache-\(getpid())")
    defer { try? FileManager.default.removeItem(at: cacheFolder) }
    let cache = DialogCache(directory: cacheFolder)
    var cacheReads: [UInt64] = []
    var fromCache = true
    for run in 0...runs {
        let t0 = Measure.now()
        let result: DialogCache.Result
        do { result = try cache.load(folder: URL(fileURLWithPath: dialogPath)) } catch { fail("the dialog in \(dialogPath) does not load") }
        let t1 = Measure.now()
        blackHole(result.compiled)
        if run > 0 {
            cacheReads.append(t1 - t0)
            fromCache = fromCache && result.source == .cache
        }
    }
    let cacheBytes = ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []).reduce(0) { total, name in
        total + ((try? FileManager.default.attributesOfItem(atPath: cacheFolder.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
    }
    let size = Grow.size(of: last!)
    let load = Stats(loads), compile = Stats(compiles), cached = Stats(cacheReads)
    report("load", ["dialog": dialogPath, "runs": "\(runs)", "states": "\(size.states)", "slots": "\(size.slots)",
                    "phrases": "\(size.phrases)", "load_ms_median": ms(load.median), "load_ms_min": ms(load.min),
                    "load_ms_max": ms(load.max), "compile_ms_median": ms(compile.median), "compile_ms_min": ms(compile.min),
                    "compile_ms_max": ms(compile.max), "cache_ms_median": ms(cached.median), "cache_ms_min": ms(cached.min),
                    "cache_ms_max": ms(cached.max), "cache_bytes": "\(cacheBytes)", "cache_hit": "\(fromCache)",
                    "peak_rss_kib": "\(Measure.peakRSSKiB())"])

case "turns":
    let assistant = loadAssistant(dialogPath)
    let rounds = options.int("rounds", 200)
    var samples: [UInt64] = []
    var long: [UInt64] = []
    // Per corpus line, its samples over the rounds: the slowest lines (by their median) are named in the report.
    var byLine: [[UInt64]] = Array(repeating: [], count: Corpus.allLines.count)
    samples.reserveCapacity(rounds * Corpus.allLines.count)
    let only = options.values["conversation"].flatMap(Int.init)  // one conversation of the corpus, for profiles
    let firstLines = options.int("lines", .max)  // only its first N lines
    for round in -1..<rounds {  // round -1 warms up caches and lazily built tables
        var lineNumber = 0
        for (index, conversation) in Corpus.conversations.enumerated() {
            if let only, only != index {
                lineNumber += conversation.count
                continue
            }
            var session = assistant.start(language: language(of: conversation)).session
            defer { lineNumber += max(conversation.count - firstLines, 0) }
            for line in conversation.prefix(firstLines) {
                let t0 = Measure.now()
                let (next, events) = assistant.respond(to: line, in: session)
                let t1 = Measure.now()
                blackHole(events)
                session = next
                lineNumber += 1
                guard round >= 0 else { continue }
                samples.append(t1 - t0)
                byLine[lineNumber - 1].append(t1 - t0)
                if line.unicodeScalars.count > 80 { long.append(t1 - t0) }
            }
        }
    }
    let all = Stats(samples), longStats = Stats(long)
    let slowest = byLine.indices.filter { !byLine[$0].isEmpty }.map { ($0, Stats(byLine[$0]).median) }.sorted { $0.1 > $1.1 }.prefix(3)
        .map { "\(us($0.1))us:" + String(Corpus.allLines[$0.0].prefix(12)).replacingOccurrences(of: " ", with: "_") }
    report("turns", ["dialog": dialogPath, "steps": "\(all.count)", "median_us": us(all.median), "p99_us": us(all.p99),
                     "min_us": us(all.min), "max_us": us(all.max), "mean_us": us(all.mean),
                     "long_lines": "\(longStats.count)", "long_median_us": us(longStats.median), "long_p99_us": us(longStats.p99),
                     "slowest_lines": slowest.joined(separator: ",")])

case "workload":
    let assistant = loadAssistant(dialogPath)
    let count = options.int("conversations", 1000)
    let transcriptDir = options.values["transcript-dir"].map { URL(fileURLWithPath: $0) }
    let script = Corpus.workload(conversations: count, closing: "quit")
    var lines = 0
    let t0 = Measure.now()
    for (index, conversation) in script.enumerated() {
        let destination: TranscriptDestination = transcriptDir.map { .directory($0) } ?? .none
        var chat: Conversation
        do {
            chat = try Conversation(assistant: assistant, id: String(format: "b%05x", index), language: language(of: conversation),
                                    transcript: destination)
        } catch { fail("cannot start a conversation: \(error)") }
        blackHole(chat.opening)
        for line in conversation {
            blackHole(chat.respond(to: line))
            lines += 1
        }
        chat.end(.completed)
        if let error = chat.transcriptError { fail("a transcript write failed: \(error)") }
    }
    let elapsed = Measure.now() - t0
    report("workload", ["dialog": dialogPath, "conversations": "\(count)", "lines": "\(lines)",
                        "transcript": transcriptDir == nil ? "off" : "on", "seconds": String(format: "%.3f", Double(elapsed) / 1e9),
                        "lines_per_s": String(format: "%.0f", Double(lines) / (Double(elapsed) / 1e9)),
                        "us_per_line": us(Double(elapsed) / Double(max(lines, 1))), "peak_rss_kib": "\(Measure.peakRSSKiB())"])

case "sessions":
    let assistant = loadAssistant(dialogPath)
    let count = options.int("count", 10_000)
    let turns = options.int("turns", 4)
    // Warm up: the first session builds lazily initialised tables that must not count against the sessions.
    blackHole(assistant.respond(to: Corpus.conversations[0][0], in: assistant.start().session))
    // Resident memory before and after `count` values are made and held, per value. The array that holds them is
    // reserved first, so its own growth does not count. Every set stays held to the end: freed pages would be reused
    // by the next set, which would then seem to cost nothing.
    var everything: [Any] = []
    func held<T>(_ make: (Int) -> T) -> Double {
        var keep: [T] = []
        keep.reserveCapacity(count)
        let rss0 = Measure.currentRSSKiB()
        for i in 0..<count { keep.append(make(i)) }
        let rss1 = Measure.currentRSSKiB()
        everything.append(keep)
        return Double(rss1 - rss0) * 1024 / Double(count)
    }
    let fresh = held { _ in assistant.start().session }
    let midway = held { i -> Session in
        let conversation = Corpus.conversations[i % Corpus.conversations.count]
        var session = assistant.start(language: language(of: conversation)).session
        for line in conversation.prefix(turns) { session = assistant.respond(to: line, in: session).session }
        return session
    }
    let conversations = held { i -> Conversation in
        var chat = try! Conversation(assistant: assistant, id: String(format: "s%05x", i), transcript: .none)
        blackHole(chat.respond(to: Corpus.conversations[i % Corpus.conversations.count][0]))
        return chat
    }
    blackHole(everything)
    report("sessions", ["dialog": dialogPath, "count": "\(count)", "fresh_bytes": String(format: "%.0f", fresh),
                        "after_\(turns)_lines_bytes": String(format: "%.0f", midway),
                        "conversation_bytes": String(format: "%.0f", conversations),
                        "session_inline_bytes": "\(MemoryLayout<Session>.stride)", "peak_rss_kib": "\(Measure.peakRSSKiB())"])

case "worst":
    // The slowest lines a person (or a script) can send: every phrase of the dialog, and a few separators and
    // numbers, repeated up to the engine's cut (Engine.maximumLineScalars), each stepped from the start and from
    // the first question. What is printed is the slowest of them, and the median of all.
    let assistant = loadAssistant(dialogPath)
    let dialog = assistant.dialog
    var phrases: [String] = []
    for slot in dialog.slots {
        phrases += slot.yes.all + slot.no.all + slot.cues.all + (slot.capture?.suffixes ?? [])
        for value in slot.values { phrases += value.synonyms.all }
    }
    let lexicon = dialog.lexicon
    phrases += lexicon.yes.all + lexicon.no.all + lexicon.hedges.all + lexicon.negations.all + lexicon.reported.all + lexicon.breaks.all
    var seen = Set<String>()
    phrases = phrases.filter { !$0.isEmpty && seen.insert($0).inserted }
    let limit = options.int("phrases", phrases.count)
    if phrases.count > limit { phrases = stride(from: 0, to: phrases.count, by: max(phrases.count / limit, 1)).map { phrases[$0] } }
    phrases += ["，", " ", ":", "逾期100天，", "欠款3000元", "没有", "不是，", "【优品商城】", "12", "a", "😭", "是的，我没有逾期，"]
    let cut = Engine.maximumLineScalars
    func repeated(_ phrase: String) -> String {
        let count = max(phrase.unicodeScalars.count, 1)
        return String(repeating: phrase, count: cut / count + 1)
    }
    let opening = assistant.start().session
    let asked = assistant.respond(to: "短信", in: opening).session
    var samples: [UInt64] = []
    var slowest: (time: UInt64, phrase: String) = (0, "")
    for phrase in phrases {
        let line = repeated(phrase)
        for session in [opening, asked] {
            let t0 = Measure.now()
            let result = assistant.respond(to: line, in: session)
            let t1 = Measure.now()
            blackHole(result)
            samples.append(t1 - t0)
            if t1 - t0 > slowest.time { slowest = (t1 - t0, phrase) }
        }
    }
    let stats = Stats(samples)
    report("worst", ["dialog": dialogPath, "lines": "\(samples.count)", "scalars": "\(cut)", "median_ms": ms(stats.median),
                     "p99_ms": ms(stats.p99), "max_ms": ms(stats.max),
                     "slowest_phrase": slowest.phrase.replacingOccurrences(of: " ", with: "_")])

case "grow":
    let scale = options.int("scale", 10)
    guard let out = options.values["out"] else { fail("grow needs --out DIR") }
    let base = URL(fileURLWithPath: dialogPath)
    let dialog: Dialog
    do { dialog = try DialogLoader.load(folder: base).dialog } catch { fail("the base dialog does not load") }
    do { try Grow.write(base: base, dialog: dialog, scale: scale, to: URL(fileURLWithPath: out)) } catch { fail("cannot write \(out): \(error)") }
    report("grow", ["base": dialogPath, "scale": "\(scale)", "out": out])

case "dump":
    // The dialog as JSON (Dialog is Codable): what the engine fuzzer (Fuzz/EngineFuzz.swift) loads without Yams.
    let loaded: LoadedDialog
    do { loaded = try DialogLoader.load(folder: URL(fileURLWithPath: dialogPath)) } catch { fail("the dialog in \(dialogPath) does not load") }
    guard let out = options.values["out"] else { fail("dump needs --out FILE") }
    do { try JSONEncoder().encode(loaded.dialog).write(to: URL(fileURLWithPath: out)) } catch { fail("cannot write \(out): \(error)") }

case "script":
    let count = options.int("conversations", 1000)
    let closing = options.string("closing", "restart")
    var text = ""
    for conversation in Corpus.workload(conversations: count, closing: closing) {
        for line in conversation { text += line + "\n" }
    }
    FileHandle.standardOutput.write(text.data(using: .utf8)!)

case "spawn":
    guard !options.rest.isEmpty else { fail("spawn needs -- PROGRAM ARGS…") }
    let runs = options.int("runs", 20)
    let input = options.string("input", "quit\n")
    var program = options.rest
    if !program[0].contains("/") { fail("give the program's path, e.g. ./.build-bench/release/notice-assistant") }
    program[0] = URL(fileURLWithPath: program[0]).standardizedFileURL.path
    var first: [UInt64] = [], exits: [UInt64] = [], rss: [UInt64] = []
    for run in -2..<runs {  // two warm-up runs bring the binary and the dialog into the page cache
        guard let timing = SpawnTiming.run(program, input: input) else { fail("cannot start \(program[0])") }
        if timing.status != 0 { fail("\(program[0]) exited with status \(timing.status): \(String(decoding: timing.output.prefix(400), as: UTF8.self))") }
        guard run >= 0 else { continue }
        first.append(timing.firstOutput)
        exits.append(timing.exit)
        rss.append(UInt64(timing.maxRSSKiB))
    }
    let f = Stats(first), e = Stats(exits), r = Stats(rss)
    report("spawn", ["program": program.joined(separator: " ").replacingOccurrences(of: " ", with: "_"), "runs": "\(runs)",
                     "first_output_ms_median": ms(f.median), "first_output_ms_min": ms(f.min), "first_output_ms_max": ms(f.max),
                     "exit_ms_median": ms(e.median), "exit_ms_min": ms(e.min), "exit_ms_max": ms(e.max),
                     "peak_rss_kib_median": "\(r.median)", "peak_rss_kib_min": "\(r.min)", "peak_rss_kib_max": "\(r.max)"])

default:
    fail("unknown subcommand \(arguments[1])")
}
