/// Cuts a byte stream into protocol lines without ever holding more than one line's limit: a line longer than the
/// limit is reported once, as soon as it passes the limit, and its bytes are dropped up to its newline.
///
/// ```swift
/// var splitter = ProtocolLineSplitter()
/// for piece in splitter.feed(chunk) {
///     switch piece {
///     case .line(let bytes): responses += server.handle(line: bytes)
///     case .tooLong: responses += server.lineTooLong()
///     }
/// }
/// ```
public struct ProtocolLineSplitter: Sendable {
    /// A complete line (without its newline), or the news that a line was too long.
    public enum Piece: Hashable, Sendable {
        /// A line's bytes, without the newline.
        case line([UInt8])
        /// A line passed the limit; its bytes up to the next newline are dropped.
        case tooLong
    }

    /// The most bytes a line may have.
    public let maximumLineLength: Int
    private var partial: [UInt8] = []
    private var skipping = false

    /// A splitter that refuses lines longer than `maximumLineLength` bytes.
    public init(maximumLineLength: Int = ProtocolServer.maximumLineLength) {
        self.maximumLineLength = maximumLineLength
    }

    /// The lines that `chunk` completes.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [Piece] {
        var pieces: [Piece] = []
        var rest = chunk[...]
        while !rest.isEmpty {
            guard let newline = rest.firstIndex(of: 0x0A) else {
                take(rest, into: &pieces)
                break
            }
            take(rest[..<newline], into: &pieces)
            if !skipping { pieces.append(.line(partial)) }
            partial.removeAll(keepingCapacity: true)
            skipping = false
            rest = rest[rest.index(after: newline)...]
        }
        return pieces
    }

    /// The last line, when the stream ended without a newline.
    public mutating func finish() -> [Piece] {
        defer {
            partial.removeAll()
            skipping = false
        }
        return skipping || partial.isEmpty ? [] : [.line(partial)]
    }

    private mutating func take(_ bytes: some Collection<UInt8>, into pieces: inout [Piece]) {
        guard !skipping else { return }
        if partial.count + bytes.count > maximumLineLength {
            skipping = true
            partial.removeAll()
            pieces.append(.tooLong)
        } else {
            partial.append(contentsOf: bytes)
        }
    }
}
