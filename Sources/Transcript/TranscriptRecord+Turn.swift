import Foundation

extension TranscriptRecord {
    /// One exchange: what the user said, where the dialog went, what the assistant answered and which slots changed.
    public struct Turn: Sendable, Hashable, Codable {
        static let type = "turn"

        /// A slot whose value a turn set, changed or cleared, with values as shown to people.
        public struct SlotChange: Sendable, Hashable, Codable {
            public var slot: String
            /// The value before the turn; `nil` when the slot was unknown.
            public var old: String?
            /// The value after the turn; `nil` when the turn cleared it (for example by going back).
            public var new: String?

            public init(slot: String, old: String?, new: String?) {
                self.slot = slot
                self.old = old
                self.new = new
            }
        }

        public var time: Date
        /// Counts from 1 within a session; the assistant's greeting before any input may be turn 0.
        public var number: Int
        /// The state id before the turn.
        public var stateBefore: String
        /// The state id after the turn.
        public var stateAfter: String
        /// What the user typed; `nil` for a turn the assistant starts (the greeting). Redacted by the sink.
        public var userLine: String?
        /// The assistant's messages in the order shown. Redacted by the sink.
        public var assistantMessages: [String]
        public var slotsChanged: [SlotChange]
        /// A global intent the line was understood as, such as `help` or `back`; `nil` for an ordinary answer.
        public var intent: String?
        /// `false` when the assistant found nothing in the line (no answer, fact, question or command), so a help-desk
        /// reader can find the lines it did not understand; `nil` otherwise (and in records written before it existed).
        public var understood: Bool?
        /// `true` when the line started the conversation over: the recommendations before it no longer stand; `false`
        /// when it undid the last restart (`back` right after it), so they stand again; `nil` otherwise.
        public var restarted: Bool?
        /// What the help desk should see first about this line, from the dialog (a topic's `alert`, such as "spoke of
        /// ending their life"); `nil` when there is none.
        public var alerts: [String]?

        public init(
            time: Date, number: Int, stateBefore: String, stateAfter: String, userLine: String?,
            assistantMessages: [String], slotsChanged: [SlotChange] = [], intent: String? = nil,
            understood: Bool? = nil, restarted: Bool? = nil, alerts: [String]? = nil
        ) {
            self.time = time
            self.number = number
            self.stateBefore = stateBefore
            self.stateAfter = stateAfter
            self.userLine = userLine
            self.assistantMessages = assistantMessages
            self.slotsChanged = slotsChanged
            self.intent = intent
            self.understood = understood
            self.restarted = restarted
            self.alerts = alerts
        }

        private enum CodingKeys: String, CodingKey {
            case number, stateBefore, stateAfter, userLine = "user", assistantMessages = "assistant", slotsChanged
            case intent, understood, restarted, alerts
        }

        public func encode(to encoder: any Encoder) throws {
            var header = encoder.container(keyedBy: RecordHeaderKey.self)
            try header.encodeHeader(type: Self.type, time: time)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(stateBefore, forKey: .stateBefore)
            try container.encode(stateAfter, forKey: .stateAfter)
            try container.encodeIfPresent(userLine, forKey: .userLine)
            try container.encode(assistantMessages, forKey: .assistantMessages)
            try container.encode(slotsChanged, forKey: .slotsChanged)
            try container.encodeIfPresent(intent, forKey: .intent)
            try container.encodeIfPresent(understood, forKey: .understood)
            try container.encodeIfPresent(restarted, forKey: .restarted)
            try container.encodeIfPresent(alerts, forKey: .alerts)
        }

        public init(from decoder: any Decoder) throws {
            time = try decoder.container(keyedBy: RecordHeaderKey.self).decodeTime()
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            stateBefore = try container.decode(String.self, forKey: .stateBefore)
            stateAfter = try container.decode(String.self, forKey: .stateAfter)
            userLine = try container.decodeIfPresent(String.self, forKey: .userLine)
            assistantMessages = try container.decode([String].self, forKey: .assistantMessages)
            slotsChanged = try container.decodeIfPresent([SlotChange].self, forKey: .slotsChanged) ?? []
            intent = try container.decodeIfPresent(String.self, forKey: .intent)
            understood = try container.decodeIfPresent(Bool.self, forKey: .understood)
            restarted = try container.decodeIfPresent(Bool.self, forKey: .restarted)
            alerts = try container.decodeIfPresent([String].self, forKey: .alerts)
        }
    }
}
