/// Where the trigger words of the rules of understanding (`LineRule`) stand in one line: found once, in one pass of an
/// automaton of every rule's words (built on first use), before any rule runs. A rule asks `has` before it looks at
/// the line at all, and walks `starts(of:)` instead of every position: a line that holds none of a rule's words costs
/// the rule nothing, however many rules there are.
struct LineTriggers {
    /// One trigger word found: where it starts, and the rules whose word it is (a bit per `LineRule`).
    fileprivate struct Hit {
        var start: Int
        var rules: UInt64
    }

    /// The rules with at least one word in the line.
    private(set) var rules: UInt64 = 0
    /// The words found, by where they start.
    private var hits: [Hit] = []

    /// Every rule's trigger words, and per meaning of the automaton the rules whose words carry it.
    private static let words: (matcher: PhraseMatcher<LineRule>, rules: [UInt64]) = {
        var matcher = PhraseMatcher<LineRule>()
        for rule in LineRule.allCases {
            for word in rule.triggers { matcher.add(String(String.UnicodeScalarView(word)), rule) }
        }
        matcher.compile()
        let rules = (0..<matcher.meaningCount).map { meaning in
            matcher.payloads(ofMeaning: meaning).reduce(UInt64(0)) { $0 | 1 << UInt64($1.rawValue) }
        }
        return (matcher, rules)
    }()

    init(_ scalars: [Unicode.Scalar]) {
        let words = Self.words
        var rules: UInt64 = 0
        var hits: [Hit] = []
        words.matcher.forEachMatch(in: scalars) { range, meaning in
            // A Latin word as a whole word: no letter just before or just after it.
            if scalars[range.lowerBound].isASCIILetter, range.lowerBound > 0, scalars[range.lowerBound - 1].isASCIILetter { return }
            if scalars[range.upperBound - 1].isASCIILetter, range.upperBound < scalars.count, scalars[range.upperBound].isASCIILetter { return }
            let found = words.rules[meaning]
            rules |= found
            hits.append(Hit(start: range.lowerBound, rules: found))
        }
        // Found by where they end; the rules walk them by where they start. Mostly in order already.
        hits.sortNearlySorted { $0.start }
        self.rules = rules
        self.hits = hits
    }

    /// Whether the line holds a word of `rule`.
    @inline(__always) func has(_ rule: LineRule) -> Bool { rules & (1 << UInt64(rule.rawValue)) != 0 }

    /// Where the words of `rule` start, in order, each place once.
    func starts(of rule: LineRule) -> Starts { Starts(hits: hits, rule: 1 << UInt64(rule.rawValue)) }

    struct Starts: Sequence, IteratorProtocol {
        fileprivate let hits: [Hit]
        fileprivate let rule: UInt64
        private var position = 0
        private var last = -1

        fileprivate init(hits: [Hit], rule: UInt64) {
            self.hits = hits
            self.rule = rule
        }

        mutating func next() -> Int? {
            while position < hits.count {
                let hit = hits[position]
                position += 1
                if hit.rules & rule != 0, hit.start != last {
                    last = hit.start
                    return hit.start
                }
            }
            return nil
        }
    }
}
