/// A compiled `PhraseMatcher`'s automaton laid out flat, its numbers held in the narrowest unsigned type they fit.
///
/// Every array is indexed by node, edge or phrase number. Numbers that may be -1 (an `output` or a `dictionaryLink`
/// that names nothing) are held plus one, so 0 stands for -1; all the node and phrase numbers are held that way, which
/// is also how the compiled-dialog cache writes them. Scalars are held as they are. A dialog's automaton (40,000 nodes,
/// BMP scalars) fits in 16 bits: half the memory of 32-bit arrays, and what the cache holds is used as it is read.
struct PhraseAutomaton<Number: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// Per node (one more at the end), where its edges start.
    let edgeStart: [Number]
    /// Per node, the node to go on from when no edge matches.
    let fail: [Number]
    /// Per node, the meaning of the phrase ending here (phrases with the same payloads share one), or -1.
    let output: [Number]
    /// Per node, the nearest node on the fail chain that ends a phrase, or -1.
    let dictionaryLink: [Number]
    /// Per node, how many scalars lead to it.
    let depth: [Number]
    /// Per edge, its scalar; each node's edges sorted by scalar.
    let edgeScalar: [Number]
    /// Per edge, the node it leads to.
    let edgeTarget: [Number]
    /// Per meaning (one more at the end), where its payloads start.
    let outputStart: [Number]
    /// The root's edges by their scalar modulo 4096 (worked out when the automaton is made, not stored): 0 when no
    /// edge of the root falls there, the edge plus one when one does, `UInt32.max` when several do. After a mismatch
    /// the walk falls back to the root, whose thousands of edges a binary search took ~12 steps to look through.
    private let rootSlots: [UInt32]

    /// The eight arrays as `PhraseMatcher.compile` made them (-1 where nothing is named), if they all fit `Number`.
    init?(edgeStart: [Int32], fail: [Int32], output: [Int32], dictionaryLink: [Int32], depth: [Int32],
          edgeScalar: [UInt32], edgeTarget: [Int32], outputStart: [Int32]) {
        func held(_ values: [Int32]) -> [Number]? {
            var result: [Number] = []
            result.reserveCapacity(values.count)
            for value in values {
                guard let number = Number(exactly: Int64(value) + 1) else { return nil }
                result.append(number)
            }
            return result
        }
        guard let edgeStart = held(edgeStart), let fail = held(fail), let output = held(output),
              let dictionaryLink = held(dictionaryLink), let depth = held(depth), let edgeTarget = held(edgeTarget),
              let outputStart = held(outputStart) else { return nil }
        var scalars: [Number] = []
        scalars.reserveCapacity(edgeScalar.count)
        for scalar in edgeScalar {
            guard let number = Number(exactly: scalar) else { return nil }
            scalars.append(number)
        }
        self.init(held: [edgeStart, fail, output, dictionaryLink, depth, scalars, edgeTarget, outputStart])
    }

    /// The eight arrays as they are held (node and phrase numbers plus one), in the order of the properties.
    init(held arrays: [[Number]]) {
        precondition(arrays.count == 8)
        edgeStart = arrays[0]
        fail = arrays[1]
        output = arrays[2]
        dictionaryLink = arrays[3]
        depth = arrays[4]
        edgeScalar = arrays[5]
        edgeTarget = arrays[6]
        outputStart = arrays[7]
        rootSlots = Self.rootSlots(edgeStart: arrays[0], edgeScalar: arrays[5])
    }

    private static func rootSlots(edgeStart: [Number], edgeScalar: [Number]) -> [UInt32] {
        var slots = [UInt32](repeatElement(0, count: 4096))
        // A damaged automaton (which `isConsistent` then rejects) gets no slots rather than a read out of bounds.
        guard edgeStart.count >= 2 else { return slots }
        let first = Int(edgeStart[0]) - 1, end = Int(edgeStart[1]) - 1
        guard first >= 0, first <= end, end <= edgeScalar.count else { return slots }
        for edge in first..<end {
            let slot = Int(edgeScalar[edge]) & 4095
            slots[slot] = slots[slot] == 0 ? UInt32(edge + 1) : UInt32.max
        }
        return slots
    }

    /// A number held plus one.
    @inline(__always)
    private static func number(_ held: Number) -> Int { Int(held) - 1 }

    var nodeCount: Int { fail.count }
    /// Where the payloads of meaning `meaning` stand among the matcher's payloads.
    func payloadRange(ofMeaning meaning: Int) -> Range<Int> { Self.number(outputStart[meaning])..<Self.number(outputStart[meaning + 1]) }
    var meaningCount: Int { outputStart.count - 1 }

    @inline(__always)
    private func child(of node: Int, _ scalar: UInt32) -> Int? {
        guard scalar <= Number.max else { return nil }
        let slot = node == 0 ? rootSlots[Int(scalar & 4095)] : UInt32.max
        let scalar = Number(truncatingIfNeeded: scalar)
        if slot != UInt32.max {
            guard slot > 0, edgeScalar[Int(slot) - 1] == scalar else { return nil }
            return Self.number(edgeTarget[Int(slot) - 1])
        }
        var low = Self.number(edgeStart[node]), high = Self.number(edgeStart[node + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = edgeScalar[middle]
            if value == scalar { return Self.number(edgeTarget[middle]) }
            if value < scalar { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Every occurrence of every phrase in `text`, ordered by end position, longer first at the same end.
    func matches<Payload>(in text: [Unicode.Scalar], payloads: [Payload]) -> [PhraseMatcher<Payload>.Match] {
        var result: [PhraseMatcher<Payload>.Match] = []
        forEachMatch(in: text) { range, meaning in
            result.append(PhraseMatcher<Payload>.Match(
                range: range, payloads: payloads[Self.number(outputStart[meaning])..<Self.number(outputStart[meaning + 1])]))
        }
        return result
    }

    /// Each occurrence of every phrase in `text`, in the order of `matches`, handed to `body` with the number of its
    /// meaning: no array is built, for a caller that keeps only a little of what it finds (`LineTriggers`).
    @inline(__always)
    func forEachMatch(in text: [Unicode.Scalar], _ body: (_ range: Range<Int>, _ meaning: Int) -> Void) {
        var node = 0
        for (index, scalar) in text.enumerated() {
            let value = scalar.value
            while true {
                if let next = child(of: node, value) { node = next; break }
                if node == 0 { break }
                node = Self.number(fail[node])
            }
            var hit = output[node] > 0 ? node : Self.number(dictionaryLink[node])
            while hit >= 0 {
                let end = index + 1
                body((end - Self.number(depth[hit]))..<end, Self.number(output[hit]))
                hit = Self.number(dictionaryLink[hit])
            }
        }
    }

    /// The arrays as `PhraseMatcher.compile` made them, for writing.
    var plain: (edgeStart: [Int32], fail: [Int32], output: [Int32], dictionaryLink: [Int32], depth: [Int32],
                edgeScalar: [UInt32], edgeTarget: [Int32], outputStart: [Int32]) {
        func plain(_ values: [Number]) -> [Int32] { values.map { Int32(truncatingIfNeeded: Self.number($0)) } }
        return (plain(edgeStart), plain(fail), plain(output), plain(dictionaryLink), plain(depth),
                edgeScalar.map { UInt32(truncatingIfNeeded: $0) }, plain(edgeTarget), plain(outputStart))
    }

    /// Whether every index stays inside the automaton and every link leads to a shallower node, so that a damaged
    /// input cannot make `matches` read out of bounds or loop; `payloadCount` is how many payloads there are. Runs on
    /// every cached start over ~40,000 nodes: one pass over buffers, in held numbers (plus one) throughout.
    func isConsistent(payloadCount: Int) -> Bool {
        let nodes = fail.count, edges = edgeScalar.count, phrases = outputStart.count - 1
        guard nodes > 0, edgeStart.count == nodes + 1, output.count == nodes, dictionaryLink.count == nodes,
              depth.count == nodes, edgeTarget.count == edges, phrases >= 0,
              Int(edgeStart[0]) == 1, Int(edgeStart[nodes]) == edges + 1, Int(outputStart[0]) == 1,
              Int(outputStart[phrases]) == payloadCount + 1
        else { return false }
        return edgeStart.withUnsafeBufferPointer { edgeStart in
            fail.withUnsafeBufferPointer { fail in
                output.withUnsafeBufferPointer { output in
                    dictionaryLink.withUnsafeBufferPointer { dictionaryLink in
                        depth.withUnsafeBufferPointer { depth in
                            edgeTarget.withUnsafeBufferPointer { edgeTarget in
                                outputStart.withUnsafeBufferPointer { outputStart in
                                    Self.isConsistent(
                                        nodes: nodes, phrases: phrases, edgeStart: edgeStart, fail: fail, output: output,
                                        dictionaryLink: dictionaryLink, depth: depth, edgeTarget: edgeTarget,
                                        outputStart: outputStart)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func isConsistent(
        nodes: Int, phrases: Int, edgeStart: UnsafeBufferPointer<Number>, fail: UnsafeBufferPointer<Number>,
        output: UnsafeBufferPointer<Number>, dictionaryLink: UnsafeBufferPointer<Number>,
        depth: UnsafeBufferPointer<Number>, edgeTarget: UnsafeBufferPointer<Number>,
        outputStart: UnsafeBufferPointer<Number>
    ) -> Bool {
        // Held numbers are the values plus one: a node is 1...nodes held, "none" is 0.
        var previous = 0
        for value in outputStart {
            if Int(value) < previous { return false }
            previous = Int(value)
        }
        // Edge runs ascend from the first edge to the last (checked before any is read: these are unchecked buffers).
        previous = 0
        for value in edgeStart {
            if Int(value) < previous { return false }
            previous = Int(value)
        }
        // The root ends no phrase and links to none: a damaged root link made `matches` index the phrases with -1
        // (found by DialogCacheTests.damagedBytesNeverTrap once the cache layout moved).
        guard depth[0] == 1, output[0] == 0, dictionaryLink[0] == 0 else { return false }
        for node in 0..<nodes {
            let held = Int(edgeStart[node]), next = Int(edgeStart[node + 1])
            // An output names a phrase or none; a depth is at least 0 (held at least 1) and at most the node count.
            guard Int(output[node]) <= phrases, depth[node] > 0, Int(depth[node]) <= nodes + 1 else { return false }
            let childDepth = Int(depth[node]) + 1
            // An edge goes one level deeper, so a match never starts before the line.
            for edge in (held - 1)..<(next - 1) {
                let target = Int(edgeTarget[edge]) - 1
                guard target > 0, target < nodes, Int(depth[target]) == childDepth else { return false }
            }
            guard node > 0 else { continue }
            // Fail and dictionary links lead to shallower nodes, so a damaged input cannot loop forever; a dictionary
            // link names a node that ends a phrase (found by fuzzing: one that did not made `matches` index the
            // phrases with -1; Fuzz/regressions/cache/dictionary-link-without-phrase).
            let f = Int(fail[node]) - 1, d = Int(dictionaryLink[node]) - 1
            guard f >= 0, f < nodes, depth[f] < depth[node], d < nodes,
                  d < 0 || (depth[d] < depth[node] && output[d] > 0) else { return false }
        }
        return true
    }
}
