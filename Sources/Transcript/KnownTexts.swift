import Atomics
import Foundation

/// The sentences a host says in its own words (a dialog's prompts, messages and titles), recognised by their storage
/// and each redacted once, the first time a record holds it.
///
/// Most of a transcript is the assistant's own sentences, and the redactor read every byte of them at every record
/// (the pre-check alone, ~9 instructions a byte, was two thirds of a record's redaction). A reply the dialog says as it
/// is written is the very string the dialog holds, not a copy: the table knows it by the address and length of its
/// UTF-8 bytes, and gives back what the redactor made of it the first time.
///
/// It promises:
/// - a text is known only when it is one of the strings the table was given, the same storage, never by its content:
///   the table keeps those strings alive, so no other text can come to live at their address while it is in use, and
///   a string's bytes never change while another holds it. A person's line that reads like a prompt, or a prompt with
///   a hole filled, is a new string, and is redacted like any other;
/// - what a known text redacts to is worked out by ``Redactor`` from the text itself, the first time it is asked: the
///   table makes redaction cheaper, never different;
/// - the strings are listed when a text is first looked up, not when the table is made, so a program that writes no
///   transcript, or has not written a turn yet, pays nothing for it.
///
/// Texts shorter than 16 bytes are left out: Swift keeps them inside the string value itself, where they have no
/// address of their own, and redacting them costs little anyway.
public final class KnownTexts: Sendable, Hashable {
    /// A known text, and what the redactor made of it (nil inside when it masks nothing; nil until first asked).
    private struct Entry {
        let text: String
        var masked: String??
    }

    /// The known texts by the address of their UTF-8 bytes. A class of its own, made at the first look-up: a table
    /// typed in the field itself made the runtime look up `UInt: Hashable` when the assistant was made (its first
    /// such look-up scans every conformance record, ~0.4M instructions), which a start without a transcript paid.
    private final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [UInt: Entry]

        init(_ entries: [UInt: Entry]) {
            self.entries = entries
        }

        func withLock<Result>(_ body: (inout [UInt: Entry]) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&entries)
        }
    }

    private let list: @Sendable () -> [String]
    private let table = ManagedAtomicLazyReference<Table>()

    /// A table of the strings `list` gives, called once, at the first look-up. `list` must give the strings the host
    /// will put in its records (the dialog's own, not copies rebuilt from them), or the table finds nothing.
    public init(_ list: @escaping @Sendable () -> [String]) {
        self.list = list
    }

    /// What `redactor` makes of `text` when it is one of the known strings (nil inside when nothing is masked), or
    /// nil when it is not known.
    func masked(_ text: String, by redactor: (String) -> String?) -> String?? {
        guard let address = Self.address(of: text) else { return nil }
        let table = self.table.load() ?? self.table.storeIfNilThenLoad(Table(Self.entries(list())))
        guard let known = table.withLock({ $0[address] }), known.text.utf8.count == text.utf8.count else { return nil }
        if let masked = known.masked { return masked }
        let masked = redactor(known.text)
        table.withLock { $0[address]?.masked = masked }
        return masked
    }

    private static func entries(_ texts: [String]) -> [UInt: Entry] {
        var table: [UInt: Entry] = [:]
        table.reserveCapacity(texts.count)
        for text in texts {
            guard let address = address(of: text) else { continue }
            table[address] = Entry(text: text)
        }
        return table
    }

    /// Where the text's UTF-8 bytes are stored, for a text long enough to be stored outside the string value.
    private static func address(of text: String) -> UInt? {
        guard text.utf8.count >= 16 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }

    public static func == (a: KnownTexts, b: KnownTexts) -> Bool { a === b }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
