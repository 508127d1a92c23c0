import Foundation
import NoticeAssistant
import PropertyBased
import Testing

/// Property-based tests of the engine: random utterances (dialog phrases, numbers, CJK, emoji, control and escape
/// codes, combining marks, bidi controls, huge lines), global commands and language switches, from every state a
/// conversation can stop at. The engine must never crash, every `step` must return, and a person who answers nothing
/// must still reach the advice within a bound that the dialog's `limit`s give.
///
/// The dialogs: the bench fixture (always), and Dialogs/notice-help when it loads without errors (it is being written
/// alongside; a broken draft is reported by `notice-assistant check`, not here).
@Suite(.timeLimit(.minutes(2)))
struct PropertyTests {
    // MARK: - Properties over random conversations

    /// Random lines from a random stopping state: every step returns a session the engine can go on with, stops
    /// only at a question or an end, shows something for every non-blank line, never shows a control character,
    /// and survives a snapshot round trip.
    @Test(arguments: PropertyDialogs.names)
    func randomLinesFromEveryState(_ name: String) async throws {
        let fixture = try #require(PropertyDialogs.fixture(name))
        await propertyCheck(count: 200, input: Gen.int(in: 0...10_000), PropertyDialogs.linesGenerator) { seed, lines in
            var session = fixture.seeds[seed % fixture.seeds.count]
            for pieces in lines {
                let line = fixture.decode(pieces)
                let before = session
                let (after, events) = fixture.assistant.respond(to: line, in: before)
                fixture.checkStep(line: line, before: before, after: after, events: events)
                session = after
            }
        }
    }

    /// Every global command and language switch, from every state: the commands that only show something change
    /// nothing but the turn counter (and the language); `back` undoes one answer; `restart` forgets everything once
    /// confirmed (it asks first when there are answers to lose), and `back` then brings them all back; `quit` ends, and
    /// an ended session ignores every further line.
    @Test(arguments: PropertyDialogs.names)
    func globalCommandsFromEveryState(_ name: String) throws {
        let fixture = try #require(PropertyDialogs.fixture(name))
        let compiled = fixture.assistant.engine.compiled
        for seed in fixture.seeds {
            for line in fixture.commandLines {
                let (after, events) = fixture.assistant.respond(to: line, in: seed)
                fixture.checkStep(line: line, before: seed, after: after, events: events)
                let command = try #require(compiled.commandName(for: line), "\(line) should be a command")
                switch command {
                case "quit":
                    #expect(after.ended)
                    let (ignored, none) = fixture.assistant.respond(to: "短信", in: after)
                    #expect(none.isEmpty && ignored == after, "an ended session must ignore further lines")
                case "restart":
                    if seed.answers.isEmpty && seed.values.isEmpty {
                        #expect(after.answers.isEmpty && after.values.isEmpty && after.language == seed.language)
                    } else {
                        #expect(after.restartPending == true && after.values == seed.values && after.answers == seed.answers,
                                "`restart` with answers to lose must ask first")
                        let (confirmed, confirmation) = fixture.assistant.respond(to: line, in: after)
                        fixture.checkStep(line: line, before: after, after: confirmed, events: confirmation)
                        #expect(confirmed.answers.isEmpty && confirmed.values.isEmpty && confirmed.language == seed.language)
                        let back = try #require(fixture.commandLines.first { compiled.commandName(for: $0) == "back" })
                        let undone = fixture.assistant.respond(to: back, in: confirmed).session
                        #expect(undone.values == seed.values && undone.answers == seed.answers, "`back` right after a restart undoes it")
                    }
                case "back":
                    #expect(after.answers.count == max(seed.answers.count - 1, 0))
                default:
                    #expect(after.values == seed.values, "`\(line)` changed the answers at \(seed.current ?? "-")")
                    #expect(after.current == seed.current, "`\(line)` moved the conversation from \(seed.current ?? "-")")
                    #expect(after.noMatchCount == seed.noMatchCount, "`\(line)` counted towards the limit")
                    #expect(!events.isEmpty, "`\(line)` showed nothing at \(seed.current ?? "-")")
                    if command.hasPrefix("language:") { #expect(after.language == String(command.dropFirst("language:".count))) }
                }
            }
        }
    }

    /// The limit rule: from every state, a person who only says "不知道" or answers nothing still reaches the advice,
    /// within the sum of the dialog's limits.
    @Test(arguments: PropertyDialogs.names)
    func noMatchLinesReachTheAdvice(_ name: String) async throws {
        let fixture = try #require(PropertyDialogs.fixture(name))
        let bound = fixture.turnBound
        await propertyCheck(count: 200, input: Gen.int(in: 0...10_000), Gen.int(in: 0...1_000).array(of: bound...bound)) { seed, picks in
            var session = fixture.seeds[seed % fixture.seeds.count]
            var turns = 0
            for pick in picks where !fixture.isAtEnd(session) {
                session = fixture.assistant.respond(to: PropertyDialogs.noMatchLines[pick % PropertyDialogs.noMatchLines.count], in: session).session
                turns += 1
            }
            #expect(fixture.isAtEnd(session), "after \(turns) lines that answer nothing, the session is still at \(session.current ?? "-") (bound \(bound))")
        }
    }

    /// A line at the engine's length limit that repeats one phrase (a paste gone wrong, a stuck key), from the start
    /// and from a question, gets a consistent answer. How long it takes is measured by `Scripts/bench` ("adversarial
    /// lines at the length limit"), not asserted here: these machines are too noisy for a timed test. (Such a line once
    /// took 3 s in a release build and 49 s in a debug one — SlotExtractor compared every phrase with every other.)
    @Test(arguments: PropertyDialogs.names)
    func linesAtTheLengthLimitAreAnswered(_ name: String) throws {
        let fixture = try #require(PropertyDialogs.fixture(name))
        let sample = stride(from: 0, to: fixture.phrases.count, by: max(fixture.phrases.count / 16, 1)).map { fixture.phrases[$0] }
        let pool = sample + ["還沒", "无", "没有", "不是，", "逾期100天，", "说", "，", " ", ":", "a", "😭", "e\u{301}"]
        let seeds = [fixture.seeds[0], fixture.seeds[min(1, fixture.seeds.count - 1)]]
        var slowest: (Duration, String) = (.zero, "")
        for phrase in pool {
            let line = String(repeating: phrase, count: Engine.maximumLineScalars / max(phrase.unicodeScalars.count, 1) + 1)
            for seed in seeds {
                let started = ContinuousClock.now
                let (after, events) = fixture.assistant.respond(to: line, in: seed)
                let elapsed = ContinuousClock.now - started
                fixture.checkStep(line: line, before: seed, after: after, events: events)
                if elapsed > slowest.0 { slowest = (elapsed, phrase) }
            }
        }
        print("\(name): the slowest line at the length limit repeats “\(slowest.1)”: \(slowest.0) (debug build)")
    }

    /// Every stopping state of the dialog is reached by the explorer, so "from every state" means what it says.
    @Test(arguments: PropertyDialogs.names)
    func explorerReachesEveryStoppingState(_ name: String) throws {
        let fixture = try #require(PropertyDialogs.fixture(name))
        let stops = fixture.assistant.dialog.states.filter {
            switch $0.kind { case .ask, .listen, .end: return true; default: return false }
        }.map(\.id)
        let reached = Set(fixture.seeds.compactMap(\.current))
        let missing = stops.filter { !reached.contains($0) }
        // A state reachable only through answers the explorer does not try is possible; most must be reached.
        #expect(Double(missing.count) <= Double(stops.count) * 0.25, "states the explorer never reached: \(missing)")
    }
}

// MARK: - The dialogs and their generators

/// A loaded dialog with what the properties need: a session stopped at each state, the phrase pool random lines
/// are made of, and the command lines.
struct PropertyDialog: Sendable {
    let assistant: Assistant
    let seeds: [Session]
    let phrases: [String]
    let commandLines: [String]
    let turnBound: Int

    init(_ assistant: Assistant) {
        self.assistant = assistant
        let dialog = assistant.dialog
        var phrases: [String] = []
        for slot in dialog.slots {
            phrases += slot.yes.all + slot.no.all + slot.cues.all + (slot.capture?.suffixes ?? [])
            for value in slot.values { phrases += value.synonyms.all + [value.id] }
        }
        let lexicon = dialog.lexicon
        phrases += lexicon.yes.all + lexicon.no.all + lexicon.hedges.all + lexicon.negations.all + lexicon.reported.all + lexicon.breaks.all
        self.phrases = phrases.isEmpty ? ["短信"] : phrases
        var commands: [String] = Command.allCases.map(\.rawValue) + Command.allCases.map { ":" + $0.rawValue }
        for list in lexicon.commands.values { commands += list.all.prefix(2) }
        for list in lexicon.languageSwitches.values { commands += list.all.prefix(2) }
        commands += dialog.languages
        for draft in dialog.drafts { commands += draft.triggers.all.prefix(1) }
        self.commandLines = commands.filter { assistant.engine.compiled.commandName(for: $0) != nil }
        // Each question takes at most `limit` lines that answer nothing, an open question one line.
        turnBound = dialog.states.reduce(2) { total, state in
            switch state.kind {
            case .ask: return total + max(state.limit, 1)
            case .listen: return total + 1
            default: return total
            }
        }
        seeds = Self.explore(assistant)
    }

    /// A session stopped at every state reachable by plain answers: a breadth-first search over states and the
    /// situations that hold there, which tries, at each question, every value of the asked slots, a yes and a no, a
    /// number, a name, and "I don't know".
    static func explore(_ assistant: Assistant) -> [Session] {
        let dialog = assistant.dialog
        var found: [String: Session] = [:]
        var order: [String] = []
        var queue: [Session] = []
        var seen = Set<String>()
        for language in dialog.languages {
            let start = assistant.start(language: language).session
            if language == dialog.defaultLanguage, let current = start.current {
                found[current] = start
                order.append(current)
            }
            queue.append(start)
        }
        var head = 0
        while head < queue.count, head < 4_000 {
            let session = queue[head]
            head += 1
            guard let state = session.current.flatMap({ assistant.engine.compiled.state($0) }) else { continue }
            var lines: [String] = ["不知道"]
            switch state.kind {
            // Stories of the kinds the dialog tells apart (the borrower's, a relative's, a scam's, a court paper's, one
            // Stories of the kinds the dialog tells apart (the borrower's, a relative's, a scam's, a court paper's, one
            // from outside mainland China, a mainland platform's borrower living in Hong Kong, a relative in crisis, a
            // worry before the due date, a worry with no notice yet, a relative wiring "bail" right now), so that the
            // states only such a story reaches are explored too.
            case .listen: lines = ["我收到一条通知", "I got a text saying I owe 800 yuan", "催收打电话给我，说我表哥借了钱不还",
                                   "有人让我把钱转到安全账户", "我老公在借呗借了钱逾期了", "我收到了法院的传票", "我妈正在和对方视频，共享着屏幕",
                                   "我住在香港，银行的催收天天打电话", "我住在香港，用支付宝借呗借了钱，现在逾期了",
                                   "催收天天打给我儿子，他说他不想活了", "我花呗下周才到期，我怕还不上",
                                   "如果有人冒用我的身份证借了钱，我需要还吗？现在还没收到通知",
                                   "我奶奶接到电话说孙子被抓了，要汇五万去保释，她已经去银行了"]
            case .ask(let slots, _):
                for slot in slots.compactMap({ assistant.engine.compiled.slot($0) }) {
                    switch slot.kind {
                    case .choice, .text: lines += slot.values.compactMap { $0.synonyms.all.first }
                    case .yesno: lines += [slot.yes.all.first, slot.no.all.first, dialog.lexicon.yes.all.first, dialog.lexicon.no.all.first].compactMap { $0 }
                    case .number: lines += ["100", "3000元", "15天"]
                    }
                    if slot.kind == .text { lines.append("某某商城") }
                }
            default: continue
            }
            for line in lines {
                let next = assistant.respond(to: line, in: session).session
                guard let current = next.current else { continue }
                // A place is a state and the situations that hold there: the first session at a question may be a
                // relative's, whose answers never lead to the borrower's advice.
                let place = current + "|" + assistant.engine.holding(next).situations.joined(separator: ",")
                guard seen.insert(place).inserted else { continue }
                queue.append(next)
                guard found[current] == nil else { continue }
                found[current] = next
                order.append(current)
            }
        }
        // A seed in each language too, and one with the advice given.
        var seeds = order.compactMap { found[$0] }
        for language in dialog.languages where language != dialog.defaultLanguage {
            if var copy = seeds.first {
                copy.language = language
                seeds.append(copy)
            }
        }
        return seeds
    }

    func isAtEnd(_ session: Session) -> Bool {
        session.ended || (session.advised && session.current.flatMap { assistant.engine.compiled.state($0) }?.isEnd == true)
    }

    /// What every step must satisfy, whatever the line.
    func checkStep(line: String, before: Session, after: Session, events: [DialogEvent], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if before.ended {
            #expect(events.isEmpty && after == before, "an ended session changed", sourceLocation: sourceLocation)
            return
        }
        // The turn counter, as Engine.step promises it: a command counts one (`restart` starts again at 0); a line with
        // nothing in it once folded (spaces, controls, invisible characters) counts none and changes nothing; every
        // other line counts one.
        let command = assistant.engine.compiled.commandName(for: String(line.unicodeScalars.prefix(Engine.maximumLineScalars)))
        let blank = PropertyDialogs.isBlank(line)
        let restarted = after.turn == 0 && after.values.isEmpty && after.answers.isEmpty
        let loses = !before.answers.isEmpty || !before.values.isEmpty
        if command == "restart", loses, before.restartPending != true {
            #expect(after.restartPending == true && after.values == before.values && after.turn == before.turn + 1,
                    "restart with answers to lose must ask first", sourceLocation: sourceLocation)
        } else if command == "restart" {
            #expect(restarted, "restart keeps something", sourceLocation: sourceLocation)
        } else if before.restartPending == true, restarted {
            // The line confirmed a restart that was asked for (a yes).
        } else if before.restartPending == true, after.beforeRestart != nil, after.turn <= 1 {
            // The line told another story (it contradicts an answer held): the restart, and the line read as the new
            // conversation's first message.
        } else if command == nil, blank, before.restartPending != true {
            #expect(after.turn == before.turn, "a blank line counted a turn", sourceLocation: sourceLocation)
            #expect(after.values == before.values && after.answers == before.answers && after.current == before.current
                    && after.noMatchCount == before.noMatchCount, "a blank line changed the session", sourceLocation: sourceLocation)
        } else {
            #expect(after.turn == before.turn + 1, "turn \(before.turn) → \(after.turn) for \(command ?? "a line")", sourceLocation: sourceLocation)
        }
        if let current = after.current {
            let state = assistant.engine.compiled.state(current)
            let stops: Bool
            switch state?.kind {
            case .ask?, .listen?, .end?: stops = true
            default: stops = false
            }
            #expect(stops, "the session stopped at `\(current)`, which is not a question or an end", sourceLocation: sourceLocation)
        }
        if !blank || command != nil, !after.ended {
            #expect(!events.isEmpty, "no reply to \(line.debugDescription.prefix(80)) at \(before.current ?? "-")", sourceLocation: sourceLocation)
        }
        for event in events {
            let bad = event.text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            #expect(bad == nil, "a reply holds the control U+\(String(bad?.value ?? 0, radix: 16)): \(event.text.debugDescription.prefix(120))", sourceLocation: sourceLocation)
        }
        // A session is a value that snapshots write and read back: it must survive the round trip.
        if let data = try? JSONEncoder().encode(after) {
            #expect((try? JSONDecoder().decode(Session.self, from: data)) == after, "the session does not survive a JSON round trip", sourceLocation: sourceLocation)
        } else {
            Issue.record("the session cannot be encoded", sourceLocation: sourceLocation)
        }
    }

    /// Turns a generated list of numbers into a line: each number picks a kind of piece and which one.
    func decode(_ pieces: [Int]) -> String {
        var line = ""
        for n in pieces {
            let pick = n / 16
            switch n % 16 {
            case 0, 1, 2, 3: line += phrases[pick % phrases.count]
            case 4: line += PropertyDialogs.numbers[pick % PropertyDialogs.numbers.count]
            case 5:
                line += String(String.UnicodeScalarView((0..<(1 + pick % 12)).map { Unicode.Scalar(0x4E00 + UInt32((pick &* 7919 &+ $0 &* 104_729) % 0x5200))! }))
            case 6: line += PropertyDialogs.emoji[pick % PropertyDialogs.emoji.count]
            case 7: line += PropertyDialogs.controls[pick % PropertyDialogs.controls.count]
            case 8:
                line += "e" + String(String.UnicodeScalarView((0..<(pick % 40)).map { Unicode.Scalar(0x300 + UInt32($0 % 0x70))! }))
            case 9: return commandLines.isEmpty ? line : commandLines[pick % commandLines.count]
            case 10: line += PropertyDialogs.noise[pick % PropertyDialogs.noise.count]
            case 11: line += String(repeating: phrases[pick % phrases.count], count: 1 + pick % 1500)
            case 12: line += ["，", "。", " ", "、", "！", "？", ",", ".", "\n"][pick % 9]
            case 13: line += PropertyDialogs.noMatchLines[pick % PropertyDialogs.noMatchLines.count]
            case 14: line += ["但是", "说", "没", "不", "短信说", "never", "says"][pick % 7]
            default: line += String(pick)
            }
        }
        return line
    }
}

enum PropertyDialogs {
    static let names = ["bench-fixture", "notice-help"]

    /// A line the engine reads as nothing: empty once folded (the part it reads, up to its length limit).
    static func isBlank(_ line: String) -> Bool {
        TextNormalizer.normalize(String(line.unicodeScalars.prefix(Engine.maximumLineScalars))).isEmpty
    }

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    private static let benchFixture: PropertyDialog? = {
        (try? Assistant(folder: testsFolder.appendingPathComponent("Fixtures/bench-dialog"))).map(PropertyDialog.init)
    }()

    private static let noticeHelp: PropertyDialog? = {
        (try? Assistant(folder: packageFolder.appendingPathComponent("Dialogs/notice-help"))).map(PropertyDialog.init)
    }()

    /// The fixture dialog must load; the real dialog is skipped (nil → the test records nothing) while it has errors.
    static func fixture(_ name: String) -> PropertyDialog? {
        if name == "bench-fixture" { return benchFixture }
        if let noticeHelp { return noticeHelp }
        return benchFixture
    }

    /// 1 to 25 lines of 1 to 6 pieces each.
    static let linesGenerator = Gen.int(in: 0...40_000).array(of: 1...6).array(of: 1...25)

    static let numbers = ["15", "十五天", "一千二百元", "1.2万", "￥800", "3k", "1,200元", "两个月", "-5", "0", "99999999999999999999999",
                          "1e308", "0.0000001", "９９９", "三周", "半年", "一百万亿", "NaN", "∞", "2.5.3", "１２００元", "12期", "逾期100000000天"]
    static let emoji = ["😀", "👨‍👩‍👧‍👦", "🇨🇳", "👍🏽", "1️⃣", "🏳️‍🌈", "😭😭😭", "🤬", "\u{1F9D1}\u{200D}\u{1F4BB}", "❤️", "🀄"]
    static let controls = ["\u{1B}[31m", "\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}[2J\u{1B}[H", "\u{0}", "\r", "\t", "\u{7F}", "\u{85}",
                           "\u{9B}31m", "\u{8}\u{8}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{1B}c", "\u{2028}", "\u{1B}P1;2q\u{1B}\\",
                           "\u{E000}", "\u{FFFD}", "\u{10FFFF}", "\u{D7FF}"]
    static let noise = ["【优品商城】", "优(yōu)品商城", "（", "）", "(", ")", "[", "]", "{", "}", "{platform}", "{{", "%s%n", "'; DROP TABLE",
                        "ＡＢＣ", "ｈｕａｂｅｉ", "   ", "………", "???", "!!!", ":", "/", "\\", "\"", "'", "<script>", "\u{3000}"]
    static let noMatchLines = ["不知道", "不清楚", "???", "😶", "……", "not sure", "hmm", "啊？", "no idea", "说不清", "asdf qwer", "12:30?"]
}
