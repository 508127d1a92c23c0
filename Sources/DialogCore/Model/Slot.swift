/// Something the assistant wants to know, with what it listens for in a line.
public struct Slot: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable { case yesno, number, choice, text }

    /// The unit a number slot holds; quantities in other units are converted (weeks → days) or ignored.
    public enum Unit: String, Hashable, Codable, Sendable { case days, months, yuan, count }

    /// One value of a choice slot, or a known value of a text slot.
    public struct Value: Hashable, Codable, Sendable {
        public var id: String
        public var label: LocalizedText?
        public var synonyms: PhraseList
        /// The plain answer ("是", "no") that picks this value when its question is on screen; a value called `none`
        /// is picked by a plain no unless another value says otherwise.
        public var bareAnswer: SlotValue? = nil
        /// In a slot that holds one value, a line that names this value and another keeps this one, wherever each
        /// stands in the line: "my ex used my ID, he borrowed in my name" is the borrower of record speaking, though
        /// "he borrowed" alone would say someone the borrower knows.
        public var prevails: Bool = false
        /// The value says the debt is someone else's (YAML `others_debt`): in a line that names it, the person's own
        /// denials of paying ("我一分钱都没还", "I haven't paid them anything") say they paid nothing for the borrower;
        /// they are not the person's own overdue, account or purchase.
        public var othersDebt: Bool = false
        /// Phrases that name this value only in a clause that also holds one of the slot's `cues` or another of its
        /// phrases, or when its question is on screen (YAML `with_cue`): "我妈" answers "who was contacted?" and
        /// counts in "打给了我妈和我老婆", but "我弟用我手机借的" names a brother, not a brother who was contacted.
        public var cued: PhraseList = PhraseList()
        /// Phrases that name this value only while its slot's question is on screen (YAML `when_asked`): "电话" to "did
        /// they do any of these?" says only calls, no harassment; elsewhere it names no value at all.
        public var whenAsked: PhraseList = PhraseList()
        /// Phrases with a `*` where any word of the lexicon's `kin` list stands (YAML `with_kin`): "我*的贷款" is "我儿子的
        /// 贷款", "我表哥的贷款", "my * owes" is "my brother owes". One pattern instead of one phrase per relative.
        public var withKin: PhraseList = PhraseList()
        /// What a line that names this value also says, over anything else it says (YAML `implies`): someone who says
        /// another person borrowed in their name ("我前男友用我的身份证借了钱") has bought and borrowed nothing, though
        /// the line holds "借了".
        public var implies: [Implication] = []
        /// Words after which a phrase of this value does not name it, in the same clause (YAML `not_after`): "我爸**给我**
        /// 在平安普惠的贷款做了担保" is a guarantee given for the person, not by them; the person is the borrower.
        public var notAfter: PhraseList = PhraseList()
        /// The value of the same slot that this one is when someone only announces or threatens it (YAML
        /// `announced_as`): "说再不还就去我单位闹", "they will send someone to my kid's school" threaten a visit; nobody has
        /// come yet. For a slot whose announcements count (`announced: counts`), where the phrase would otherwise fill
        /// this value as done.
        public var announcedAs: String? = nil
        public var location: SourceLocation?

        /// One slot and the value a line naming this value gives it: `yes`/`no` for a yes/no slot, a value id for a
        /// choice slot; or `unset` (`Implication.unset`): what an earlier answer implied of the slot no longer holds,
        /// and its question is asked again (`id_consent: agreed` opens `overdue`, which `role: named` had closed).
        public struct Implication: Hashable, Codable, Sendable {
            /// The value that opens a slot again rather than filling it.
            public static let unset = "unset"
            public var slot: String
            public var value: String
            public init(slot: String, value: String) {
                self.slot = slot
                self.value = value
            }
        }

        public init(id: String, label: LocalizedText?, synonyms: PhraseList, location: SourceLocation? = nil) {
            self.id = id
            self.label = label
            self.synonyms = synonyms
            self.location = location
        }
    }

    /// How a text slot picks up names it does not know.
    public struct Capture: Hashable, Codable, Sendable {
        /// 【优品商城】 at the head of a pasted text message.
        public var brackets: Bool
        /// A name ending in one of these: 优品商城, 时光分期.
        public var suffixes: [String]
        /// Words a name follows: 一个叫**闪电借**的, an app called **QuickCash**.
        public var after: [String]
        /// Bracketed texts holding one of these are not names: 【法院通知】, 【12368】 are who the text claims to be.
        public var notNames: [String]
        /// Words after which, in the same clause, a name (known or captured) is not this slot's value: the person
        /// names another lender they mixed the notice's up with ("我**记成**花呗了", "I **confused it with** Huabei").
        public var notAfter: [String]
        public init(brackets: Bool = false, suffixes: [String] = [], after: [String] = [], notNames: [String] = [],
                    notAfter: [String] = []) {
            self.brackets = brackets
            self.suffixes = suffixes
            self.after = after
            self.notNames = notNames
            self.notAfter = notAfter
        }
    }

    /// See ``Slot/whenAnnounced``: the value of another slot that an announced value of this one gives.
    public struct AnnouncedMeaning: Hashable, Codable, Sendable {
        /// The slot that takes the value, and the value.
        public var slot: String
        public var value: String
        /// Values of this slot whose announcement means nothing more (an emergency contact a lender may reach).
        public var except: [String]
        public var location: SourceLocation?
        public init(slot: String, value: String, except: [String] = [], location: SourceLocation? = nil) {
            self.slot = slot
            self.value = value
            self.except = except
            self.location = location
        }
    }

    public var id: String
    public var kind: Kind
    public var label: LocalizedText
    public var placeholder: LocalizedText?
    /// How the advice names the slot's value when nobody gave it ("该平台", "the platform"); drafts keep the
    /// `placeholder` for the person to fill in.
    public var unnamed: LocalizedText? = nil
    /// A yes/no slot's label where its value is no, in the summary and in "label: value" facts (YAML `label_no`): for a
    /// slot whose yes says more than its no ("money or a code went: yes"; "没转钱" is only "money sent: no", while the
    /// code may still have gone).
    public var labelNo: LocalizedText? = nil
    /// Where the value's own official channel is, as the advice names it with `{slot.home}` (YAML `home`, with the
    /// slot's own hole inside: "{platform}官方App"), and for some known values their own words (YAML `homes`, by value
    /// id): a product that lives inside another company's app is found there, not by a store search for its name
    /// ("花呗" is in 支付宝; a search for "花呗" finds look-alikes).
    public var home: LocalizedText? = nil
    public var homes: [String: LocalizedText] = [:]
    /// What a caller announces or demands is what this slot listens for ("说要先交一笔费用" is the scam sign itself), so
    /// the lexicon's `announcements` do not cancel its phrases.
    public var countsAnnounced = false
    /// A guess in answer to this slot's question keeps its yes or no (YAML `guesses: count`): for a question where a
    /// "maybe yes" must be acted on at once ("好像转了" to "have you already sent money?"). For the same reason a yes
    /// in a line is not taken back by a no beside it ("验证码给了，没转钱": a code went).
    public var countsGuesses = false
    /// While this slot's question is on screen, the phrase that answers it answers only it (YAML `answers: alone`): the
    /// same words are not read again as other yes/no facts. "没付" / "haven't paid" to "have you sent them money?" is about
    /// the scammer, not an admission of a debt of one's own. On a choice slot, the phrase that names its value fills
    /// no yes/no slot beside it ("我没同意" to "did you agree to them using your ID?" is no promotion).
    public var answersAlone = false
    /// A yes or no of this slot still counts inside a story the person tells of their own people (YAML
    /// `kin_story: counts`; see `OwnKin`): "my mom got a call and she already sent 5000" is what the advice must act
    /// on, while "我儿子在安逸花借了钱" is no loan of the speaker's.
    public var countsKinStory = false
    /// What a value of this slot means when it is only announced or threatened ("they will tell my boss", "逾期将联系
    /// 您的家人"): nothing happened yet, but the announcement is itself a value of another slot (a threat).
    public var whenAnnounced: AnnouncedMeaning? = nil
    public var multiple: Bool
    public var values: [Value]
    public var yes: PhraseList
    public var no: PhraseList
    public var cues: PhraseList
    public var unit: Unit?
    public var capture: Capture?
    /// Ignore phrases inside reported speech ("短信说我逾期了" is the sender's claim, not the user's).
    public var skipsReportedSpeech: Bool
    /// With `skipsReportedSpeech`: the yes/no slot whose yes, said in the person's own words in the same line, makes
    /// the sender's claim about this slot the person's own (YAML `reported_owned_by`): "收到短信说我逾期两个月了，**是我
    /// 借的**" admits the overdue the text claims, while "短信说我逾期了，可我根本没借过" does not. Not when the person's
    /// own words in the line say otherwise of a slot the same claim speaks to ("…，是我借的，但上周已经还了").
    public var reportedOwnedBy: String? = nil
    /// Yes/no slots whose yes, in the person's own words in the same line, keeps the claim the sender's although the
    /// line says yes to `reportedOwnedBy` (YAML `reported_disowned_by`): paying it off or being enrolled without
    /// knowing implies a purchase, but disputes the overdue the text claims ("I paid it off but they say I owe 3000").
    public var reportedDisownedBy: [String] = []
    /// With `reportedOwnedBy`: the values that make a claim of this slot held from an earlier line the person's own
    /// (YAML `held_owned_by`): "【分期乐】您的账单已逾期45天" and a line later "是我借的" (`role: borrower`) is the person's
    /// overdue, while "买过" to "did you buy there?" says only that they use the platform, and the bill is still asked
    /// about (`Engine+HeldClaims`). Empty: such claims are not held.
    public var heldOwnedBy: [Value.Implication] = []
    /// A plain yes ("是", "yes", "對") does not answer this yes/no slot's question (YAML `plain_yes: asks_which`): the
    /// question asks two things at once ("already paid, or is the bill wrong?"), its yes leads to the advice that
    /// does harm when wrong (a dispute letter), so the line goes unanswered and the reprompt asks which.
    public var plainYesAsksWhich = false
    /// Yes/no slots whose no, in the same line, keeps this yes/no slot's held yes from a no of its own (YAML
    /// `no_kept_beside`), when this slot is not the question on screen and the line has no correction word: "No no,
    /// not me. I never use this app" after "they wrote my name" says "I am not the borrower", not "the notice names
    /// someone else".
    public var noKeptBeside: [String] = []
    /// Slots any value of which in the line lets the no through after all (YAML `no_kept_unless`): the line names
    /// someone else ("not me, my brother borrowed it, I never used it").
    public var noKeptUnless: [String] = []
    /// Yes/no slots whose no, in a line typed while this yes/no slot's question is on screen, answers it no (YAML
    /// `answered_no_by`): "我没开通过" / "I never signed up for it" at "could a promotion have switched it on?" says no,
    /// though it only repeats a denial already heard, rather than leaving the question to be asked again.
    /// On a choice slot with a `none`: a line that denies two of the things its question asks (its own values, or a no
    /// to one of these slots) and names none of them as happening says `none`, also before the question is asked:
    /// "我没有给过他们钱，也没点过什么链接" is no scam sign, and the scam question is not asked after it.
    public var answeredNoBy: [String] = []
    /// Phrases that say yes to this yes/no slot only while its question is on screen (YAML `yes_when_asked`): "交了"
    /// answers "did any money go to them?", but "这期我已经交了" elsewhere is a bill paid, not money lost to a scam.
    public var yesWhenAsked: PhraseList = PhraseList()
    /// Choice slots beside whose values the `yesWhenAsked` phrases say yes wherever they stand (YAML `yes_beside`): a
    /// line that names a value other than `none` of one of them, or a session that holds one. "网上找了个停息挂账的中介，
    /// 交了两千块" names a scam, so its "交了" is money gone, not a bill paid (notice-help's `money_lost` beside
    /// `scam_signs`).
    public var yesBeside: [String] = []
    /// What a yes to this yes/no slot says besides (YAML `yes_implies`), for the slots the same line says nothing of:
    /// "分期买了个手机" (a purchase) is an account there too.
    public var yesImplies: [Value.Implication] = []
    public var location: SourceLocation?

    public init(
        id: String, kind: Kind, label: LocalizedText, placeholder: LocalizedText? = nil, multiple: Bool = false,
        values: [Value] = [], yes: PhraseList = PhraseList(), no: PhraseList = PhraseList(),
        cues: PhraseList = PhraseList(), unit: Unit? = nil, capture: Capture? = nil,
        skipsReportedSpeech: Bool = false, location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.placeholder = placeholder
        self.multiple = multiple
        self.values = values
        self.yes = yes
        self.no = no
        self.cues = cues
        self.unit = unit
        self.capture = capture
        self.skipsReportedSpeech = skipsReportedSpeech
        self.location = location
    }

    public func value(_ id: String) -> Value? { values.first { $0.id == id } }
}
