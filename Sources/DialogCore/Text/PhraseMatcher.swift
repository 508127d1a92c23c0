/// Finds every occurrence of many phrases in one pass over a line (Aho–Corasick), so the cost of a turn grows with
/// the length of the line, not with the number of phrases in the dialog.
public struct PhraseMatcher<Payload: Sendable>: Sendable {
    /// One occurrence: the folded scalars `range` hold a phrase, which carries `payloads`.
    public struct Match: Sendable {
        public var range: Range<Int>
        public var payloads: [Payload]
    }

    private struct Node: Sendable {
        var next: [UInt32: Int32] = [:]
        var fail: Int32 = 0
        /// Index into `outputs` of the phrase ending here, or -1.
        var output: Int32 = -1
        /// The nearest node on the fail chain that ends a phrase, or -1.
        var dictionaryLink: Int32 = -1
        var depth: Int32 = 0
    }

    private var nodes: [Node] = [Node()]
    private var outputs: [[Payload]] = []

    public init() {}

    /// Adds a phrase (already folded with `TextNormalizer`). Empty phrases are ignored.
    public mutating func add(_ phrase: String, _ payload: Payload) {
        let scalars = Array(phrase.unicodeScalars)
        guard !scalars.isEmpty else { return }
        var node = 0
        for scalar in scalars {
            if let child = nodes[node].next[scalar.value] {
                node = Int(child)
            } else {
                nodes.append(Node(depth: nodes[node].depth + 1))
                nodes[node].next[scalar.value] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        if nodes[node].output < 0 {
            outputs.append([])
            nodes[node].output = Int32(outputs.count - 1)
        }
        outputs[Int(nodes[node].output)].append(payload)
    }

    /// Links the automaton; call once after the last `add`.
    public mutating func compile() {
        var queue: [Int] = []
        for (_, child) in nodes[0].next {
            nodes[Int(child)].fail = 0
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (scalar, child) in nodes[node].next {
                var fail = Int(nodes[node].fail)
                while fail != 0, nodes[fail].next[scalar] == nil { fail = Int(nodes[fail].fail) }
                let target = nodes[fail].next[scalar].map(Int.init) ?? 0
                nodes[Int(child)].fail = Int32(target == Int(child) ? 0 : target)
                let failNode = nodes[Int(nodes[Int(child)].fail)]
                nodes[Int(child)].dictionaryLink = failNode.output >= 0 ? nodes[Int(child)].fail : failNode.dictionaryLink
                queue.append(Int(child))
            }
        }
    }

    /// Every occurrence of every phrase in `text`, ordered by end position, longer first at the same end.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        var result: [Match] = []
        var node = 0
        for (index, scalar) in text.enumerated() {
            let value = scalar.value
            while node != 0, nodes[node].next[value] == nil { node = Int(nodes[node].fail) }
            node = nodes[node].next[value].map(Int.init) ?? 0
            var hit = nodes[node].output >= 0 ? node : Int(nodes[node].dictionaryLink)
            while hit >= 0 {
                let end = index + 1
                result.append(Match(range: (end - Int(nodes[hit].depth))..<end, payloads: outputs[Int(nodes[hit].output)]))
                hit = Int(nodes[hit].dictionaryLink)
            }
        }
        return result
    }

    public var phraseCount: Int { outputs.count }
}
