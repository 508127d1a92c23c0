/// Finds every occurrence of many phrases in one pass over a line (Aho–Corasick), so the cost of a turn grows with
/// the length of the line, not with the number of phrases in the dialog.
///
/// Phrases are added to a trie; `compile` links it and lays it out flat: each node's edges are one sorted run of
/// `(scalar, child)` in two shared arrays, found by binary search. Flat arrays take a fraction of the memory of a
/// dictionary per node, and the compiled-dialog cache reads them back with one copy each.
public struct PhraseMatcher<Payload: Hashable & Sendable>: Sendable {
    /// One occurrence: the folded scalars `range` hold a phrase, which carries `payloads`.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var payloads: ArraySlice<Payload>
    }

    /// The trie while phrases are added; nil once compiled.
    private var building: Trie? = Trie()

    /// The trie while phrases are added: per node its edges, how many scalars lead to it, and its phrase (an index
    /// into `outputs`) or -1.
    fileprivate struct Trie {
        var edges: [[UInt32: Int32]] = [[:]]
        var outputs: [[Payload]] = []
        var depth: [Int32] = [0]
        var output: [Int32] = [-1]
    }

    /// The compiled automaton and its payloads, held by reference: a matcher is handed to every rule that reads a
    /// stretch of the line as a phrase, and a copy of it is one retain, not one per array (~2.5k instructions a line
    /// while the eight arrays and the payloads were held in the struct). Before `compile`, the automaton of no phrase
    /// (a root alone; numbers held plus one), so `matches` finds nothing rather than trapping.
    private var compiled = Compiled(
        automaton: .narrow(PhraseAutomaton(held: [[1, 1], [1], [0], [0], [1], [], [], [1]])), payloads: [])

    private final class Compiled: Sendable {
        /// 16-bit numbers while they fit (every dialog so far), else 32-bit.
        let automaton: Automaton
        /// The payloads of meaning i: payloads[outputStart[i]..<outputStart[i + 1]]. A node's `output` is a meaning,
        /// not a phrase: phrases that carry the same payloads (the hundreds of synonyms of one value) share one
        /// meaning, so the payloads are held once per meaning (~2,000) rather than once per phrase (~14,000).
        let payloads: [Payload]
        init(automaton: Automaton, payloads: [Payload]) {
            self.automaton = automaton
            self.payloads = payloads
        }
    }

    private enum Automaton: Sendable {
        case narrow(PhraseAutomaton<UInt16>)
        case wide(PhraseAutomaton<UInt32>)
    }

    public init() {}

    /// Adds a phrase (already folded with `TextNormalizer`). Empty phrases are ignored. Call before `compile`.
    public mutating func add(_ phrase: String, _ payload: Payload) {
        precondition(building != nil, "PhraseMatcher.add after compile")
        building!.add(phrase, payload)
    }

    /// Links the automaton and lays it out flat; call once after the last `add`.
    public mutating func compile() {
        precondition(building != nil, "PhraseMatcher.compile twice")
        let trie = building!
        building = nil
        let building = trie.edges, buildingOutputs = trie.outputs, buildingOutput = trie.output, buildingDepth = trie.depth
        let count = building.count
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var edgeScalar: [UInt32] = []
        var edgeTarget: [Int32] = []
        for node in 0..<count {
            edgeStart[node] = Int32(edgeScalar.count)
            for (scalar, child) in building[node].sorted(by: { $0.key < $1.key }) {
                edgeScalar.append(scalar)
                edgeTarget.append(child)
            }
        }
        edgeStart[count] = Int32(edgeScalar.count)
        var outputStart: [Int32] = [0]
        var payloads: [Payload] = []
        var meaningOf: [[Payload]: Int32] = [:]
        var meaningOfPhrase: [Int32] = []
        meaningOfPhrase.reserveCapacity(buildingOutputs.count)
        for list in buildingOutputs {
            if let meaning = meaningOf[list] { meaningOfPhrase.append(meaning); continue }
            let meaning = Int32(outputStart.count - 1)
            meaningOf[list] = meaning
            meaningOfPhrase.append(meaning)
            payloads += list
            outputStart.append(Int32(payloads.count))
        }
        let output = buildingOutput.map { $0 < 0 ? $0 : meaningOfPhrase[Int($0)] }, depth = buildingDepth

        func edges(of node: Int) -> Range<Int> { Int(edgeStart[node])..<Int(edgeStart[node + 1]) }
        var fail = [Int32](repeating: 0, count: count)
        var dictionaryLink = [Int32](repeating: -1, count: count)
        var queue: [Int] = []
        for edge in edges(of: 0) { queue.append(Int(edgeTarget[edge])) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in edges(of: node) {
                let scalar = edgeScalar[edge], child = Int(edgeTarget[edge])
                var f = Int(fail[node])
                while f != 0, PhraseMatcherBuild.child(of: f, scalar, edgeStart, edgeScalar, edgeTarget) == nil {
                    f = Int(fail[f])
                }
                let target = PhraseMatcherBuild.child(of: f, scalar, edgeStart, edgeScalar, edgeTarget) ?? 0
                fail[child] = Int32(target == child ? 0 : target)
                let failNode = Int(fail[child])
                dictionaryLink[child] = output[failNode] >= 0 ? Int32(failNode) : dictionaryLink[failNode]
                queue.append(child)
            }
        }
        if let narrow = PhraseAutomaton<UInt16>(
            edgeStart: edgeStart, fail: fail, output: output, dictionaryLink: dictionaryLink, depth: depth,
            edgeScalar: edgeScalar, edgeTarget: edgeTarget, outputStart: outputStart)
        {
            compiled = Compiled(automaton: .narrow(narrow), payloads: payloads)
        } else {
            // Node and phrase numbers are below 2^31 and scalars below 2^21: they always fit 32 bits.
            compiled = Compiled(automaton: .wide(PhraseAutomaton<UInt32>(
                edgeStart: edgeStart, fail: fail, output: output, dictionaryLink: dictionaryLink, depth: depth,
                edgeScalar: edgeScalar, edgeTarget: edgeTarget, outputStart: outputStart)!), payloads: payloads)
        }
    }

    /// Every occurrence of every phrase in `text`, ordered by end position, longer first at the same end.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        switch compiled.automaton {
        case .narrow(let tables): tables.matches(in: text, payloads: compiled.payloads)
        case .wide(let tables): tables.matches(in: text, payloads: compiled.payloads)
        }
    }

    /// Each occurrence of every phrase in `text`, as `matches` finds them, with the number of its meaning (the phrases
    /// that carry the same payloads share one: `payloads(ofMeaning:)`); no array is built.
    @inline(__always)
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ range: Range<Int>, _ meaning: Int) -> Void) {
        switch compiled.automaton {
        case .narrow(let tables): tables.forEachMatch(in: text, body)
        case .wide(let tables): tables.forEachMatch(in: text, body)
        }
    }

    /// Each occurrence of every phrase in `text`, as `matches` finds them, with its payloads: no array of matches and
    /// no slice of the payloads is built (a retain each), for the reading of a line, which keeps every match.
    @inline(__always)
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ range: Range<Int>, _ payloads: Slice<UnsafeBufferPointer<Payload>>) -> Void) {
        let compiled = self.compiled
        compiled.payloads.withUnsafeBufferPointer { payloads in
            switch compiled.automaton {
            case .narrow(let tables): tables.forEachMatch(in: text) { body($0, payloads[tables.payloadRange(ofMeaning: $1)]) }
            case .wide(let tables): tables.forEachMatch(in: text) { body($0, payloads[tables.payloadRange(ofMeaning: $1)]) }
            }
        }
    }

    /// The payloads of meaning `meaning` (below `meaningCount`).
    func payloads(ofMeaning meaning: Int) -> ArraySlice<Payload> {
        switch compiled.automaton {
        case .narrow(let tables): compiled.payloads[tables.payloadRange(ofMeaning: meaning)]
        case .wide(let tables): compiled.payloads[tables.payloadRange(ofMeaning: meaning)]
        }
    }

    /// How many different payload lists the phrases carry (phrases with the same payloads count once).
    public var meaningCount: Int {
        switch compiled.automaton {
        case .narrow(let tables): tables.meaningCount
        case .wide(let tables): tables.meaningCount
        }
    }

    /// Whether the automaton's numbers are held in 16 bits.
    var isNarrow: Bool {
        if case .narrow = compiled.automaton { true } else { false }
    }

    public var nodeCount: Int {
        switch compiled.automaton {
        case .narrow(let tables): tables.nodeCount
        case .wide(let tables): tables.nodeCount
        }
    }
}

extension PhraseMatcher.Trie {
    mutating func add(_ phrase: String, _ payload: Payload) {
        var node = 0
        for scalar in phrase.unicodeScalars {
            if let child = edges[node][scalar.value] {
                node = Int(child)
            } else {
                edges.append([:])
                depth.append(depth[node] + 1)
                output.append(-1)
                edges[node][scalar.value] = Int32(edges.count - 1)
                node = edges.count - 1
            }
        }
        guard node != 0 else { return }
        if output[node] < 0 {
            outputs.append([])
            output[node] = Int32(outputs.count - 1)
        }
        outputs[Int(output[node])].append(payload)
    }
}

/// The binary search for an edge while the automaton is linked (`compile`), over its 32-bit arrays.
private enum PhraseMatcherBuild {
    static func child(of node: Int, _ scalar: UInt32, _ edgeStart: [Int32], _ edgeScalar: [UInt32], _ edgeTarget: [Int32]) -> Int? {
        var low = Int(edgeStart[node]), high = Int(edgeStart[node + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = edgeScalar[middle]
            if value == scalar { return Int(edgeTarget[middle]) }
            if value < scalar { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

extension PhraseMatcher {
    /// Writes the compiled automaton; `writePayload` writes one payload.
    public func write(to w: inout BinaryWriter, _ writePayload: (Payload, inout BinaryWriter) -> Void) {
        precondition(building == nil, "PhraseMatcher.write before compile")
        // Two bytes a number while the automaton has fewer than 65,535 nodes, edges and phrases (and, for the
        // scalars, none beyond the Basic Multilingual Plane); -1 is stored as 0.
        let plain = switch compiled.automaton {
        case .narrow(let tables): tables.plain
        case .wide(let tables): tables.plain
        }
        w.smallIntegers(plain.edgeStart, bias: 1)
        w.smallIntegers(plain.fail, bias: 1)
        w.smallIntegers(plain.output, bias: 1)
        w.smallIntegers(plain.dictionaryLink, bias: 1)
        w.smallIntegers(plain.depth, bias: 1)
        w.smallIntegers(plain.edgeScalar, bias: 0)
        w.smallIntegers(plain.edgeTarget, bias: 1)
        w.smallIntegers(plain.outputStart, bias: 1)
        w.unsigned(UInt64(compiled.payloads.count))
        for payload in compiled.payloads { writePayload(payload, &w) }
    }

    /// Reads what `write` wrote, checking that every index stays inside the automaton, so a damaged input cannot make
    /// `matches` read out of bounds or loop. Arrays written with two bytes a number are kept as they were read (one
    /// copy); if any was written with four, all are widened.
    public init(from r: inout BinaryReader, _ readPayload: (inout BinaryReader) throws(BinaryFormatError) -> Payload) throws(BinaryFormatError) {
        building = nil
        var arrays: [BinaryReader.SmallIntegers] = []
        arrays.reserveCapacity(8)
        // Every array but the scalars (the sixth) holds node or phrase numbers, written plus one.
        for _ in 0..<8 { arrays.append(try r.smallIntegerArray()) }
        let payloadCount = try r.length()
        var payloads: [Payload] = []
        payloads.reserveCapacity(payloadCount)
        for _ in 0..<payloadCount { payloads.append(try readPayload(&r)) }

        let narrow = arrays.compactMap { if case .narrow(let values) = $0 { values } else { nil } }
        let consistent: Bool
        if narrow.count == 8 {
            let tables = PhraseAutomaton<UInt16>(held: narrow)
            consistent = tables.isConsistent(payloadCount: payloads.count)
            compiled = Compiled(automaton: .narrow(tables), payloads: payloads)
        } else {
            let tables = PhraseAutomaton<UInt32>(held: arrays.enumerated().map { $1.wide(bias: $0 == 5 ? 0 : 1) })
            consistent = tables.isConsistent(payloadCount: payloads.count)
            compiled = Compiled(automaton: .wide(tables), payloads: payloads)
        }
        guard consistent else { throw BinaryFormatError("the phrase automaton is inconsistent") }
    }
}
