extension Array {
    /// Sorts in place by `key`, keeping elements with equal keys in their order, by insertion: the arrays this serves
    /// (the words an automaton found, by where they end; `LineTriggers`, `WordsByEnd`) arrive nearly or wholly in order
    /// already, and then the loop moves nothing, where `sort` would still compare through a closure at every step.
    @inline(__always)
    mutating func sortNearlySorted(by key: (Element) -> Int) {
        var k = 1
        while k < count {
            let element = self[k]
            let value = key(element)
            var j = k
            while j > 0, key(self[j - 1]) > value {
                self[j] = self[j - 1]
                j -= 1
            }
            self[j] = element
            k += 1
        }
    }
}
