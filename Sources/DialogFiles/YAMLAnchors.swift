import Yams

/// Finds YAML anchors (`&name`) and aliases (`*name`) as the YAML parser itself saw them, not by scanning the text:
/// no spelling (a tab before `&`, a quoted string over two lines before it) can hide one. Dialog files refuse them: a
/// few aliases can expand into billions of nodes ("billion laughs"), and a volunteer reading the file should see every
/// text written out where it is used.
///
/// The parser shares an aliased node instead of copying it, so composing a document is linear however the aliases
/// nest; the search stops at the first anchored node in document order, which comes before any alias to it, so it
/// never walks an expansion either.
enum YAMLAnchors {
    /// The line and column of the first anchored or aliased node, or nil when there is none. Yams keeps a node's
    /// anchor only while its `Parser` lives: call this before the parser goes away.
    static func firstAnchorOrAlias(in root: Node) -> (line: Int, column: Int)? {
        var pending = [root]
        while let node = pending.popLast() {
            if node.anchor != nil { return position(node.mark) }
            switch node {
            case .scalar: continue
            case .alias(let alias): return position(alias.mark)
            case .sequence(let sequence): pending.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { pending.append(value); pending.append(key) }
            }
        }
        return nil
    }

    private static func position(_ mark: Mark?) -> (line: Int, column: Int) {
        mark.map { ($0.line, $0.column) } ?? (1, 1)
    }
}
