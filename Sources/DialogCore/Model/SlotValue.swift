/// What the session knows about one slot.
public enum SlotValue: Hashable, Codable, Sendable {
    case yes
    case no
    case number(Double)
    /// Value ids of a choice slot, sorted; one for a single choice.
    case choices([String])
    /// A known value id or free text of a text slot.
    case text(String)
    /// The user said they do not know, or gave no usable answer within the state's limit.
    case unknown

    public var isUnknown: Bool { self == .unknown }
}
