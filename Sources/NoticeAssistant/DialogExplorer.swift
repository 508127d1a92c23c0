import DialogCore
import DialogFiles

/// Walks every distinct path through a dialog: each question answered with each of its values (`unknown` too;
/// numbers at the boundaries the conditions compare them with), and, at an open question such as "what happened?",
/// the story telling nothing or one fact of the slots no question asks. It drives the real engine, so what it finds
/// is what a person would meet.
///
/// ```swift
/// let report = DialogExplorer(assistant: assistant).explore()
/// for path in report.withoutAdvice { print(path.answers) }
/// ```
public struct DialogExplorer: Sendable {
    /// One answer on a path: the slot's value given at a state (nil `value`: the story told nothing).
    public struct Answer: Hashable, Sendable {
        public var state: String
        public var slot: String?
        public var value: SlotValue?
    }

    /// One complete path: the answers, where it ended, and the advice at the end.
    public struct Path: Sendable {
        public var answers: [Answer]
        /// The end state reached; nil when the walk stopped without reaching one (no `next` held).
        public var end: String?
        public var situations: [String]
        public var remedies: [String]
        /// Remedies given along the way (at an `advise` state) or at the end.
        public var given: Set<String>
        /// Questions asked (answers at `ask` states).
        public var questions: Int { answers.filter { $0.slot != nil && $0.state != storyState }.count }
        var storyState: String?
        /// The final session, to replay or to compare with a test's.
        public var session: Session
    }

    /// What the exploration found.
    public struct Report: Sendable {
        /// The distinct paths walked: a place in the walk that nothing ahead can tell from one already walked (the same
        /// state and advice so far, the values only as far as a condition still open reads them) is not walked again.
        public var paths: [Path]
        /// The exploration stopped at the bound before every path was walked.
        public var truncated: Bool
        /// Paths that reach no end state, or an end that gives no remedy.
        public var withoutAdvice: [Path]
        /// Situations (flags with `situation: true`) that hold at the end of no path.
        public var unreachableSituations: [String]
        /// Remedies no path gives.
        public var neverGivenRemedies: [String]
        /// Paths that give both remedies of a pair the dialog declares conflicting.
        public var contradictions: [(path: Path, conflict: RemedyConflict)]
        public var longest: Path?
        /// The remedies each end state gives on some path.
        public var remediesByEnd: [String: Set<String>]

        /// Findings: paths without advice, unreachable situations, never-given remedies, contradictions.
        public var findings: Int {
            withoutAdvice.count + unreachableSituations.count + neverGivenRemedies.count + contradictions.count
        }
    }

    public let assistant: Assistant
    public let conflicts: [RemedyConflict]

    public init(assistant: Assistant, conflicts: [RemedyConflict] = []) {
        self.assistant = assistant
        self.conflicts = conflicts
    }

    /// Every path, up to `maximumPaths`, in `language` (the dialog's default when nil), in the order of the stories.
    public func explore(maximumPaths: Int = 1_000_000, language: String? = nil) -> Report {
        let dialog = assistant.dialog
        let candidates = Candidates(dialog: dialog)
        let start = assistant.engine.start(language: language).session
        var paths = walkAll(from: start, candidates: candidates, onlyTold: nil, maximumPaths: maximumPaths)
        var truncated = paths.count >= maximumPaths
        // Second pass: for a remedy no path gave, the story that tells its facts at once (`Candidates.toldAlone`).
        // Only its paths that give the remedy are kept: the rest walk ground the first pass reported already.
        let givenFirst = Set(paths.flatMap(\.given))
        for alone in candidates.toldAlone where !givenFirst.contains(alone.remedy) && !truncated {
            let walked = walkAll(from: start, candidates: candidates, onlyTold: alone.facts, maximumPaths: maximumPaths)
            truncated = truncated || walked.count >= maximumPaths
            paths += walked.filter { $0.given.contains(alone.remedy) }
        }
        if paths.count > maximumPaths { paths.removeLast(paths.count - maximumPaths) }

        let withoutAdvice = paths.filter { $0.end == nil || $0.remedies.isEmpty }
        let situationsReached = Set(paths.filter { $0.end != nil }.flatMap(\.situations))
        let given = Set(paths.flatMap(\.given))
        var remediesByEnd: [String: Set<String>] = [:]
        for path in paths { if let end = path.end { remediesByEnd[end, default: []].formUnion(path.remedies) } }
        var contradictions: [(Path, RemedyConflict)] = []
        for path in paths {
            for conflict in conflicts where path.given.contains(conflict.remedy) && path.given.contains(conflict.other) {
                contradictions.append((path, conflict))
            }
        }
        return Report(
            paths: paths, truncated: truncated, withoutAdvice: withoutAdvice,
            unreachableSituations: truncated ? [] : dialog.flags.filter { $0.isSituation && !situationsReached.contains($0.id) }.map(\.id),
            neverGivenRemedies: truncated ? [] : dialog.remedies.map(\.id).filter { !given.contains($0) },
            contradictions: contradictions, longest: paths.max { $0.questions < $1.questions },
            remediesByEnd: remediesByEnd)
    }

    /// Walks from `start`, the stories of the opening question in their order, with one memory of the places walked:
    /// a place one story reaches that an earlier story reached already is not walked again, so a story whose fact
    /// stops counting (`Walk.Place`) costs only the places where it still does. One walk, in order, so a report is the
    /// same from run to run.
    private func walkAll(from start: Session, candidates: Candidates, onlyTold: [(slot: String, value: SlotValue)]?,
                         maximumPaths: Int) -> [Path] {
        let walk = Walk(engine: assistant.engine, candidates: candidates, onlyTold: onlyTold, maximumPaths: maximumPaths)
        walk.walk(start, [], given: [])
        return walk.paths
    }

    /// One walk's memory: the paths found and the places already walked.
    private final class Walk {
        let engine: Engine
        let candidates: Candidates
        let onlyTold: [(slot: String, value: SlotValue)]?
        let maximumPaths: Int
        let equivalence: FutureEquivalence
        var paths: [Path] = []
        var storyState: String?
        /// Two places in the walk that nothing ahead can tell apart (`Place`) lead on alike: the second is not walked
        /// again. Without this, every answer that only refines the advice multiplies the paths.
        var seen = Set<Place>()

        init(engine: Engine, candidates: Candidates, onlyTold: [(slot: String, value: SlotValue)]?, maximumPaths: Int) {
            self.engine = engine
            self.candidates = candidates
            self.onlyTold = onlyTold
            self.maximumPaths = maximumPaths
            equivalence = FutureEquivalence(engine: engine)
        }

        /// Where the walk is, as far as what follows is concerned: the state, the advice shown and holding, and what
        /// of the values a condition can still read (`FutureEquivalence`). A story's fact ("I can pay it now") keeps
        /// two places apart while a remedy, a flag or a `next` that reads it is undecided, and no longer. At the end
        /// (or where the walk stops) nothing lies ahead: only what the path reports tells two places apart (the advice,
        /// the situations, every remedy given on the way).
        struct Place: Hashable {
            var current: String?
            var shownAdvice: [String]?
            var ahead: FutureEquivalence.Key?
            var given: Set<String>?
            var remedies: [String]
            var situations: [String]
        }

        func place(_ session: Session, _ holding: (remedies: [String], situations: [String]), given: Set<String>) -> Place {
            let state = session.current.flatMap { engine.compiled.state($0) }
            let goesOn: Bool
            switch state?.kind {
            case .listen?, .ask?: goesOn = !session.ended
            default: goesOn = false
            }
            // A path that ends without advice is a finding of its own: two are told apart by their answers, as far as
            // the conditions read them, so each way of getting nothing is reported.
            let told = goesOn || holding.remedies.isEmpty
            return Place(current: session.current, shownAdvice: session.shownAdvice, ahead: told ? equivalence.key(session) : nil,
                         given: goesOn ? nil : given, remedies: holding.remedies, situations: holding.situations)
        }

        func finish(_ session: Session, _ answers: [Answer], given: Set<String>,
                    holding known: (remedies: [String], situations: [String])? = nil) {
            let state = session.current.flatMap { engine.compiled.state($0) }
            let end = state?.isEnd == true ? state?.id : nil
            let holding = known ?? engine.holding(session)
            let remedies = end == nil ? [] : holding.remedies
            paths.append(Path(answers: answers, end: end, situations: holding.situations,
                              remedies: remedies, given: given.union(remedies), storyState: storyState, session: session))
        }

        /// The story: nothing, or one fact of a slot no question asks, or the facts one situation or remedy names
        /// together, told at once ("我儿子借的逾期了…我自己的花呗也逾期了": a relative who is overdue too; "she is
        /// sharing her screen with them right now": a relative's scam still going on). Questions do not reach those:
        /// a relative is never asked whether they are overdue themselves.
        func stories(at id: String, _ session: Session) -> [(session: Session, answers: [Answer])] {
            var variants: [[(slot: String, value: SlotValue)]] = [[]]
            if let only = onlyTold {
                variants = [only]
            } else {
                for slot in candidates.storySlots where session.values[slot] == nil {
                    for value in candidates.values(of: slot) where value != .unknown { variants.append([(slot, value)]) }
                }
                for told in candidates.toldTogether where told.allSatisfy({ session.values[$0.slot] == nil }) { variants.append(told) }
            }
            return variants.map { told in
                var next = session
                next.heard.insert(id)
                for (slot, value) in told { next.values[slot] = value }
                let walked = engine.rewalked(next, quietly: true).session
                let said = told.isEmpty ? [Answer(state: id, slot: nil, value: nil)] : told.map { Answer(state: id, slot: $0.slot, value: $0.value) }
                return (walked, said)
            }
        }

        func walk(_ session: Session, _ answers: [Answer], given: Set<String>) {
            guard paths.count < maximumPaths else { return }
            let holding = engine.holding(session)
            var given = given
            if session.advised || session.shownAdvice != nil { given.formUnion(session.shownAdvice ?? []) }
            guard seen.insert(place(session, holding, given: given)).inserted else { return }
            guard let id = session.current, let state = engine.compiled.state(id), !session.ended else {
                return finish(session, answers, given: given, holding: holding)
            }
            switch state.kind {
            case .end:
                return finish(session, answers, given: given, holding: holding)
            case .listen:
                storyState = id
                for (next, said) in stories(at: id, session) { walk(next, answers + said, given: given) }
            case .ask(let slots, _):
                let open = slots.filter { session.values[$0] == nil }
                guard !open.isEmpty else { return finish(session, answers, given: given, holding: holding) }
                var combinations: [[(String, SlotValue)]] = [[]]
                for slot in open {
                    combinations = combinations.flatMap { partial in candidates.values(of: slot).map { partial + [(slot, $0)] } }
                }
                for combination in combinations {
                    var next = session
                    for (slot, value) in combination { next.values[slot] = value }
                    let walked = engine.rewalked(next, quietly: true).session
                    let step = combination.map { Answer(state: id, slot: $0.0, value: $0.1) }
                    // A walk that does not move on has nowhere to go: the path ends here, without advice.
                    if walked.current == id {
                        finish(walked, answers + step, given: given)
                    } else {
                        walk(walked, answers + step, given: given)
                    }
                }
            default:
                finish(session, answers, given: given, holding: holding)
            }
        }
    }

    /// The values worth trying for each slot.
    struct Candidates {
        let dialog: Dialog
        /// Slots no `ask` state asks: only a story (or a fact said in passing) fills them.
        let storySlots: [String]
        /// The facts a situation or a remedy names together as plain equalities (`role == contact and overdue == yes`,
        /// flags and negated terms left to the rest of the path), when there are two or more: a story can tell them
        /// at once where no sequence of questions would.
        private(set) var toldTogether: [[(slot: String, value: SlotValue)]] = []
        /// A remedy that names one fact of an asked slot beside flags, with that fact, or whose flags name facts of their
        /// own, with all of them: told in the first message, they may meet flags no question's path does (walked only for
        /// a remedy no path gave).
        private(set) var toldAlone: [(remedy: String, facts: [(slot: String, value: SlotValue)])] = []
        private var numbers: [String: Set<Double>] = [:]
        /// The words each slot is compared with: values no condition names all lead the same way, so one of them
        /// stands for the rest.
        private var named: [String: Set<String>] = [:]

        init(dialog: Dialog) {
            self.dialog = dialog
            let asked = Set(dialog.states.flatMap(\.askedSlots))
            storySlots = dialog.slots.map(\.id).filter { !asked.contains($0) }
            let flags = Dictionary(dialog.flags.map { ($0.id, $0.condition) }, uniquingKeysWith: { a, _ in a })
            var conditions: [Condition] = dialog.flags.map(\.condition) + dialog.remedies.map(\.condition)
            conditions += dialog.states.flatMap { $0.transitions.compactMap(\.condition) }
            conditions += dialog.drafts.compactMap(\.condition) + dialog.topics.compactMap(\.condition) + dialog.topics.flatMap { $0.answers.compactMap(\.condition) }
            func collect(_ c: Condition) {
                switch c {
                case .compare(let name, _, .number(let n), _, _):
                    numbers[name, default: []].formUnion([n - 1, n, n + 1].filter { $0 >= 0 })
                case .compare(let name, _, let literal, _, _):
                    named[name, default: []].insert(literal.text)
                case .member(let name, let literals, _, _):
                    for literal in literals {
                        if case .number(let n) = literal { numbers[name, default: []].insert(n) } else { named[name, default: []].insert(literal.text) }
                    }
                case .not(let a): collect(a)
                case .and(let a, let b), .or(let a, let b): collect(a); collect(b)
                default: break
                }
            }
            conditions.forEach(collect)
            let slotsByID = Dictionary(dialog.slots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            func equalities(_ c: Condition) -> [(String, SlotValue)]? {
                switch c {
                case .and(let a, let b):
                    guard let left = equalities(a), let right = equalities(b) else { return nil }
                    return left + right
                case .not, .name: return []
                case .compare(let name, .equal, let literal, _, _):
                    guard let slot = slotsByID[name] else { return [] }
                    switch slot.kind {
                    case .yesno: return [(name, literal.text == "yes" || literal.text == "true" ? .yes : .no)]
                    case .choice: return [(name, .choices([literal.text]))]
                    case .text: return [(name, .text(literal.text))]
                    case .number:
                        if case .number(let n) = literal { return [(name, .number(n))] }
                        return nil
                    }
                default: return nil
                }
            }
            // A fact a remedy names beside flags may be told in the first message with whatever the flags read from it:
            // "我已经还清了" beside a scam link (`scam_paid_check`), though the paid question comes only on another path.
            // Walked only for a remedy no other path gives (`explore`'s second pass), so it costs nothing otherwise.
            let askedSlots = Set(dialog.states.flatMap(\.askedSlots))
            var oneFactAlone: [(remedy: String, facts: [(slot: String, value: SlotValue)])] = []
            for remedy in dialog.remedies {
                guard let facts = equalities(remedy.condition), facts.count == 1, askedSlots.contains(facts[0].0),
                      remedy.condition.names.contains(where: { flags[$0.name] != nil }) else { continue }
                oneFactAlone.append((remedy: remedy.id, facts: [(slot: facts[0].0, value: facts[0].1)]))
            }
            // A remedy whose flags themselves name facts as plain equalities ("spouse_contact and ex_spouse == yes", where
            // spouse_contact holds with borrower_spouse == yes): those facts and its own, told together. A list stands for
            // its first value, `is known` for a value the conditions do not name: "我住在香港，用借呗借的" (`region in
            // [hk, …] and platform is known`), a platform the region keeps the questions from asking. Also walked only
            // for a remedy no other path gives.
            var expanding = Set<String>()
            func someValue(of name: String) -> [(String, SlotValue)] {
                guard let slot = slotsByID[name] else { return [] }
                switch slot.kind {
                case .yesno: return [(name, .yes)]
                case .choice: return slot.values.first.map { [(name, .choices([$0.id]))] } ?? []
                case .text: return [(name, .text("?"))]
                case .number: return [(name, .number(1))]
                }
            }
            func factsThroughFlags(_ c: Condition) -> [(String, SlotValue)]? {
                switch c {
                case .and(let a, let b):
                    guard let left = factsThroughFlags(a), let right = factsThroughFlags(b) else { return nil }
                    return left + right
                case .name(let name, _):
                    guard let flag = flags[name], expanding.insert(name).inserted else { return [] }
                    defer { expanding.remove(name) }
                    return factsThroughFlags(flag) ?? []
                case .member(let name, let literals, let offset, let offsets):
                    guard let first = literals.first else { return nil }
                    return equalities(.compare(name, .equal, first, offset: offset, literalOffset: offsets.first ?? offset))
                case .known(let name, true, _): return someValue(of: name)
                // An "or" stands for its first branch, as a list for its first value: `third_party` (role == contact
                // or …) is told as a contact.
                case .or(let a, _): return factsThroughFlags(a)
                default: return equalities(c)
                }
            }
            // The facts through flags win over the one fact of the remedy itself when they are more: "outside_mainland
            // and already_paid == yes" needs the place told beside the payment, or the story walks the mainland's path.
            for remedy in dialog.remedies {
                guard var facts = factsThroughFlags(remedy.condition) else { continue }
                var named = Set<String>()
                facts = facts.filter { named.insert($0.0).inserted }
                guard facts.count >= 2, facts.count > (equalities(remedy.condition)?.count ?? 0) else { continue }
                toldAlone.append((remedy: remedy.id, facts: facts.map { (slot: $0.0, value: $0.1) }))
            }
            toldAlone += oneFactAlone.filter { alone in !toldAlone.contains { $0.remedy == alone.remedy } }
            let told = dialog.flags.filter(\.isSituation).map(\.condition) + dialog.remedies.map(\.condition)
            var seenGroups = Set<String>()
            for condition in told {
                guard let facts = equalities(condition), facts.count >= 2 else { continue }
                let key = facts.map { "\($0.0)=\($0.1)" }.sorted().joined(separator: ",")
                if seenGroups.insert(key).inserted { toldTogether.append(facts.map { (slot: $0.0, value: $0.1) }) }
            }
        }

        func values(of id: String) -> [SlotValue] {
            guard let slot = dialog.slots.first(where: { $0.id == id }) else { return [.unknown] }
            switch slot.kind {
            case .yesno: return [.yes, .no, .unknown]
            case .choice:
                let words = named[id] ?? []
                let distinct = slot.values.filter { words.contains($0.id) }
                let other = slot.values.first { !words.contains($0.id) }
                return (distinct + (other.map { [$0] } ?? [])).map { .choices([$0.id]) } + [.unknown]
            case .number:
                let bounds = numbers[id].map { $0.sorted() } ?? [1]
                return bounds.map { .number($0) } + [.unknown]
            case .text:
                let words = named[id] ?? []
                return slot.values.filter { words.contains($0.id) }.map { .text($0.id) } + [.text("?"), .unknown]
            }
        }
    }
}
