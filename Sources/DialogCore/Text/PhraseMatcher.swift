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

    /// The trie while phrases are added; empty once compiled.
    private var building: [[UInt32: Int32]] = [[:]]
    private var buildingOutputs: [[Payload]] = []
    /// Per trie node while phrases are added: how many scalars lead to it, and its phrase (an index into
    /// `buildingOutputs`) or -1.
    private var buildingDepth: [Int32] = [0]
    private var buildingOutput: [Int32] = [-1]

    /// The compiled automaton: 16-bit numbers while they fit (every dialog so far), else 32-bit. Before `compile`, the
    /// automaton of no phrase (a root alone; numbers held plus one), so `matches` finds nothing rather than trapping.
    private var automaton: Automaton = .narrow(PhraseAutomaton(held: [[1, 1], [1], [0], [0], [1], [], [], [1]]))
    // The payloads of meaning i: payloads[outputStart[i]..<outputStart[i + 1]]. A node's `output` is a meaning, not a
    // phrase: phrases that carry the same payloads (the hundreds of synonyms of one value) share one meaning, so the
    // payloads are held once per meaning (~2,000) rather than once per phrase (~14,000).
    private var payloads: [Payload] = []

    private enum Automaton: Sendable {
        case narrow(PhraseAutomaton<UInt16>)
        case wide(PhraseAutomaton<UInt32>)
    }

    public init() {}

    /// Adds a phrase (already folded with `TextNormalizer`). Empty phrases are ignored. Call before `compile`.
    public mutating func add(_ phrase: String, _ payload: Payload) {
        precondition(!building.isEmpty, "PhraseMatcher.add after compile")
        var node = 0
        for scalar in phrase.unicodeScalars {
            if let child = building[node][scalar.value] {
                node = Int(child)
            } else {
                building.append([:])
                buildingDepth.append(buildingDepth[node] + 1)
                buildingOutput.append(-1)
                building[node][scalar.value] = Int32(building.count - 1)
                node = building.count - 1
            }
        }
        guard node != 0 else { return }
        if buildingOutput[node] < 0 {
            buildingOutputs.append([])
            buildingOutput[node] = Int32(buildingOutputs.count - 1)
        }
        buildingOutputs[Int(buildingOutput[node])].append(payload)
    }

    /// Links the automaton and lays it out flat; call once after the last `add`.
    public mutating func compile() {
        precondition(!building.isEmpty, "PhraseMatcher.compile twice")
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
        payloads = []
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
        building = []
        buildingOutputs = []
        buildingOutput = []
        buildingDepth = []

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
            automaton = .narrow(narrow)
        } else {
            // Node and phrase numbers are below 2^31 and scalars below 2^21: they always fit 32 bits.
            automaton = .wide(PhraseAutomaton<UInt32>(
                edgeStart: edgeStart, fail: fail, output: output, dictionaryLink: dictionaryLink, depth: depth,
                edgeScalar: edgeScalar, edgeTarget: edgeTarget, outputStart: outputStart)!)
        }
    }

    /// Every occurrence of every phrase in `text`, ordered by end position, longer first at the same end.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        switch automaton {
        case .narrow(let tables): tables.matches(in: text, payloads: payloads)
        case .wide(let tables): tables.matches(in: text, payloads: payloads)
        }
    }

    /// Each occurrence of every phrase in `text`, as `matches` finds them, with the number of its meaning (the phrases
    /// that carry the same payloads share one: `payloads(ofMeaning:)`); no array is built.
    @inline(__always)
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ range: Range<Int>, _ meaning: Int) -> Void) {
        switch automaton {
        case .narrow(let tables): tables.forEachMatch(in: text, body)
        case .wide(let tables): tables.forEachMatch(in: text, body)
        }
    }

    /// The payloads of meaning `meaning` (below `meaningCount`).
    func payloads(ofMeaning meaning: Int) -> ArraySlice<Payload> {
        switch automaton {
        case .narrow(let tables): payloads[tables.payloadRange(ofMeaning: meaning)]
        case .wide(let tables): payloads[tables.payloadRange(ofMeaning: meaning)]
        }
    }

    /// How many different payload lists the phrases carry (phrases with the same payloads count once).
    public var meaningCount: Int {
        switch automaton {
        case .narrow(let tables): tables.meaningCount
        case .wide(let tables): tables.meaningCount
        }
    }

    /// Whether the automaton's numbers are held in 16 bits.
    var isNarrow: Bool {
        if case .narrow = automaton { true } else { false }
    }

    public var nodeCount: Int {
        switch automaton {
        case .narrow(let tables): tables.nodeCount
        case .wide(let tables): tables.nodeCount
        }
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
        precondition(building.isEmpty, "PhraseMatcher.write before compile")
        // Two bytes a number while the automaton has fewer than 65,535 nodes, edges and phrases (and, for the
        // scalars, none beyond the Basic Multilingual Plane); -1 is stored as 0.
        let plain = switch automaton {
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
        w.unsigned(UInt64(payloads.count))
        for payload in payloads { writePayload(payload, &w) }
    }

    /// Reads what `write` wrote, checking that every index stays inside the automaton, so a damaged input cannot make
    /// `matches` read out of bounds or loop. Arrays written with two bytes a number are kept as they were read (one
    /// copy); if any was written with four, all are widened.
    public init(from r: inout BinaryReader, _ readPayload: (inout BinaryReader) throws(BinaryFormatError) -> Payload) throws(BinaryFormatError) {
        building = []
        buildingDepth = []
        buildingOutput = []
        var arrays: [BinaryReader.SmallIntegers] = []
        arrays.reserveCapacity(8)
        // Every array but the scalars (the sixth) holds node or phrase numbers, written plus one.
        for _ in 0..<8 { arrays.append(try r.smallIntegerArray()) }
        let payloadCount = try r.length()
        payloads.reserveCapacity(payloadCount)
        for _ in 0..<payloadCount { payloads.append(try readPayload(&r)) }

        let narrow = arrays.compactMap { if case .narrow(let values) = $0 { values } else { nil } }
        let consistent: Bool
        if narrow.count == 8 {
            let tables = PhraseAutomaton<UInt16>(held: narrow)
            consistent = tables.isConsistent(payloadCount: payloads.count)
            automaton = .narrow(tables)
        } else {
            let tables = PhraseAutomaton<UInt32>(held: arrays.enumerated().map { $1.wide(bias: $0 == 5 ? 0 : 1) })
            consistent = tables.isConsistent(payloadCount: payloads.count)
            automaton = .wide(tables)
        }
        guard consistent else { throw BinaryFormatError("the phrase automaton is inconsistent") }
    }
}
