/// Finds every occurrence of many phrases in one pass over a line (Aho–Corasick), so the cost of a turn grows with
/// the length of the line, not with the number of phrases in the dialog.
///
/// Phrases are added to a trie; `compile` links it and lays it out flat: each node's edges are one sorted run of
/// `(scalar, child)` in two shared arrays, found by binary search. Flat arrays take a fraction of the memory of a
/// dictionary per node, and the compiled-dialog cache reads them back with one copy each.
public struct PhraseMatcher<Payload: Sendable>: Sendable {
    /// One occurrence: the folded scalars `range` hold a phrase, which carries `payloads`.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var payloads: ArraySlice<Payload>
    }

    /// The trie while phrases are added; empty once compiled.
    private var building: [[UInt32: Int32]] = [[:]]
    private var buildingOutputs: [[Payload]] = []

    // Per node, indexed by node number (0 is the root).
    private var edgeStart: [Int32] = [0, 0]
    private var fail: [Int32] = [0]
    /// Index into `outputStart` of the phrase ending here, or -1.
    private var output: [Int32] = [-1]
    /// The nearest node on the fail chain that ends a phrase, or -1.
    private var dictionaryLink: [Int32] = [-1]
    private var depth: [Int32] = [0]
    // Edges, sorted by scalar within each node's run.
    private var edgeScalar: [UInt32] = []
    private var edgeTarget: [Int32] = []
    // Payloads of phrase i: payloads[outputStart[i]..<outputStart[i + 1]].
    private var outputStart: [Int32] = [0]
    private var payloads: [Payload] = []

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
                depth.append(depth[node] + 1)
                output.append(-1)
                building[node][scalar.value] = Int32(building.count - 1)
                node = building.count - 1
            }
        }
        guard node != 0 else { return }
        if output[node] < 0 {
            buildingOutputs.append([])
            output[node] = Int32(buildingOutputs.count - 1)
        }
        buildingOutputs[Int(output[node])].append(payload)
    }

    /// Links the automaton and lays it out flat; call once after the last `add`.
    public mutating func compile() {
        let count = building.count
        edgeStart = [Int32](repeating: 0, count: count + 1)
        edgeScalar = []
        edgeTarget = []
        for node in 0..<count {
            edgeStart[node] = Int32(edgeScalar.count)
            for (scalar, child) in building[node].sorted(by: { $0.key < $1.key }) {
                edgeScalar.append(scalar)
                edgeTarget.append(child)
            }
        }
        edgeStart[count] = Int32(edgeScalar.count)
        outputStart = [0]
        payloads = []
        for list in buildingOutputs {
            payloads += list
            outputStart.append(Int32(payloads.count))
        }
        building = []
        buildingOutputs = []

        fail = [Int32](repeating: 0, count: count)
        dictionaryLink = [Int32](repeating: -1, count: count)
        var queue: [Int] = []
        for edge in edges(of: 0) { queue.append(Int(edgeTarget[edge])) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in edges(of: node) {
                let scalar = edgeScalar[edge], child = Int(edgeTarget[edge])
                var f = Int(fail[node])
                while f != 0, self.child(of: f, scalar) == nil { f = Int(fail[f]) }
                let target = self.child(of: f, scalar) ?? 0
                fail[child] = Int32(target == child ? 0 : target)
                let failNode = Int(fail[child])
                dictionaryLink[child] = output[failNode] >= 0 ? Int32(failNode) : dictionaryLink[failNode]
                queue.append(child)
            }
        }
    }

    private func edges(of node: Int) -> Range<Int> { Int(edgeStart[node])..<Int(edgeStart[node + 1]) }

    @inline(__always)
    private func child(of node: Int, _ scalar: UInt32) -> Int? {
        var low = Int(edgeStart[node]), high = Int(edgeStart[node + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = edgeScalar[middle]
            if value == scalar { return Int(edgeTarget[middle]) }
            if value < scalar { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Every occurrence of every phrase in `text`, ordered by end position, longer first at the same end.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        var result: [Match] = []
        var node = 0
        for (index, scalar) in text.enumerated() {
            let value = scalar.value
            while true {
                if let next = child(of: node, value) { node = next; break }
                if node == 0 { break }
                node = Int(fail[node])
            }
            var hit = output[node] >= 0 ? node : Int(dictionaryLink[node])
            while hit >= 0 {
                let end = index + 1
                let phrase = Int(output[hit])
                result.append(Match(range: (end - Int(depth[hit]))..<end,
                                    payloads: payloads[Int(outputStart[phrase])..<Int(outputStart[phrase + 1])]))
                hit = Int(dictionaryLink[hit])
            }
        }
        return result
    }

    public var phraseCount: Int { outputStart.count - 1 }
    public var nodeCount: Int { fail.count }
}

extension PhraseMatcher {
    /// Writes the compiled automaton; `writePayload` writes one payload.
    public func write(to w: inout BinaryWriter, _ writePayload: (Payload, inout BinaryWriter) -> Void) {
        precondition(building.isEmpty, "PhraseMatcher.write before compile")
        // Two bytes a number while the automaton has fewer than 65,535 nodes, edges and phrases (and, for the
        // scalars, none beyond the Basic Multilingual Plane); -1 is stored as 0.
        w.smallIntegers(edgeStart, bias: 1)
        w.smallIntegers(fail, bias: 1)
        w.smallIntegers(output, bias: 1)
        w.smallIntegers(dictionaryLink, bias: 1)
        w.smallIntegers(depth, bias: 1)
        w.smallIntegers(edgeScalar, bias: 0)
        w.smallIntegers(edgeTarget, bias: 1)
        w.smallIntegers(outputStart, bias: 1)
        w.unsigned(UInt64(payloads.count))
        for payload in payloads { writePayload(payload, &w) }
    }

    /// Reads what `write` wrote, checking that every index stays inside the automaton, so a damaged input cannot make
    /// `matches` read out of bounds or loop.
    public init(from r: inout BinaryReader, _ readPayload: (inout BinaryReader) throws(BinaryFormatError) -> Payload) throws(BinaryFormatError) {
        building = []
        edgeStart = try r.smallIntegers(Int32.self, bias: 1)
        fail = try r.smallIntegers(Int32.self, bias: 1)
        output = try r.smallIntegers(Int32.self, bias: 1)
        dictionaryLink = try r.smallIntegers(Int32.self, bias: 1)
        depth = try r.smallIntegers(Int32.self, bias: 1)
        edgeScalar = try r.smallIntegers(UInt32.self, bias: 0)
        edgeTarget = try r.smallIntegers(Int32.self, bias: 1)
        outputStart = try r.smallIntegers(Int32.self, bias: 1)
        let payloadCount = try r.length()
        payloads.reserveCapacity(payloadCount)
        for _ in 0..<payloadCount { payloads.append(try readPayload(&r)) }

        let nodes = fail.count, edges = edgeScalar.count, phrases = outputStart.count - 1
        guard nodes > 0, edgeStart.count == nodes + 1, output.count == nodes, dictionaryLink.count == nodes,
              depth.count == nodes, edgeTarget.count == edges, phrases >= 0, edgeStart.first == 0,
              edgeStart.last == Int32(edges), outputStart.first == 0, outputStart.last == Int32(payloads.count),
              Self.isNonDecreasing(edgeStart), Self.isNonDecreasing(outputStart),
              edgeTarget.allSatisfy({ $0 > 0 && $0 < nodes }),
              output.allSatisfy({ $0 >= -1 && $0 < phrases }),
              dictionaryLink.allSatisfy({ $0 >= -1 && $0 < nodes }),
              depth.allSatisfy({ $0 >= 0 })
        else { throw BinaryFormatError("the phrase automaton is inconsistent") }
        // An edge goes one level deeper, so a match never starts before the line; fail and dictionary links lead to
        // shallower nodes, so a damaged input cannot loop forever.
        // The root ends no phrase and links to none: a damaged root link made `matches` index the phrases with -1
        // (found by DialogCacheTests.damagedBytesNeverTrap once the cache layout moved).
        guard depth[0] == 0, output[0] == -1, dictionaryLink[0] == -1 else {
            throw BinaryFormatError("the phrase automaton is inconsistent")
        }
        for node in 0..<nodes {
            for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where depth[Int(edgeTarget[edge])] != depth[node] + 1 {
                throw BinaryFormatError("the phrase automaton is inconsistent")
            }
        }
        for node in 1..<nodes {
            let f = Int(fail[node]), d = Int(dictionaryLink[node])
            // A dictionary link names a node that ends a phrase (found by fuzzing: one that did not made `matches`
            // index the phrases with -1; Fuzz/regressions/cache/dictionary-link-without-phrase).
            guard f >= 0, f < nodes, depth[f] < depth[node], d < 0 || (depth[d] < depth[node] && output[d] >= 0),
                  depth[node] <= Int32(nodes) else { throw BinaryFormatError("the phrase automaton is inconsistent") }
        }
    }

    /// An index loop, not `zip(a, a.dropFirst())`: the zip's generic type is instantiated at run time on first use,
    /// a conformance lookup that cost ~1.1M instructions of every cached start.
    private static func isNonDecreasing(_ values: [Int32]) -> Bool {
        var previous = Int32.min
        for value in values {
            if value < previous { return false }
            previous = value
        }
        return true
    }
}
