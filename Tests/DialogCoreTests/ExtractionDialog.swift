@testable import DialogCore

/// A dialog built in code for the extractor's tests: one slot of every kind, and a lexicon like the real one's
/// (plain answers, hedges, negations, reported speech, clause breaks) in zh-Hans, zh-Hant and en.
enum ExtractionDialog {
    static func phrases(_ hans: [String], hant: [String] = [], en: [String] = []) -> PhraseList {
        var byLanguage: [String: [String]] = [:]
        if !hans.isEmpty { byLanguage["zh-Hans"] = hans }
        if !hant.isEmpty { byLanguage["zh-Hant"] = hant }
        if !en.isEmpty { byLanguage["en"] = en }
        return PhraseList(byLanguage)
    }

    static func text(_ hans: String, _ hant: String, _ en: String) -> LocalizedText {
        LocalizedText(["zh-Hans": hans, "zh-Hant": hant, "en": en])
    }

    static func value(_ id: String, _ synonyms: PhraseList) -> Slot.Value {
        Slot.Value(id: id, label: text(id, id, id), synonyms: synonyms)
    }

    static let slots: [Slot] = [
        Slot(id: "has_account", kind: .yesno, label: text("是否注册", "是否註冊", "registered"),
             yes: phrases(["注册过", "有账号"], hant: ["註冊過"], en: ["registered", "have an account"]),
             no: phrases(["没注册过", "没有账号"], hant: ["沒註冊過"], en: ["never registered", "no account"])),
        Slot(id: "repaid", kind: .yesno, label: text("已还款", "已還款", "repaid"),
             yes: phrases(["还了", "已还", "还清了"], en: ["repaid", "paid back"]),
             no: phrases(["没还", "没有还"], hant: ["沒還"], en: ["not repaid", "haven't paid"]),
             skipsReportedSpeech: true),
        Slot(id: "overdue", kind: .yesno, label: text("逾期", "逾期", "overdue"),
             yes: phrases(["逾期", "拖了#了"], en: ["overdue", "late", "haven't paid", "owe them", "i'm # behind", "im # behind"]),
             skipsReportedSpeech: true),
        Slot(id: "claimed_days", kind: .number, label: text("通知称逾期天数", "通知稱逾期天數", "days claimed"),
             cues: phrases(["逾期", "超期"], en: ["overdue", "late"]), unit: .days),
        Slot(id: "amount", kind: .number, label: text("金额", "金額", "amount"),
             cues: phrases(["欠", "金额", "要还"], hant: ["金額"], en: ["owe", "amount"]), unit: .yuan),
        Slot(id: "channel", kind: .choice, label: text("通知方式", "通知方式", "channel"), values: [
            value("sms", phrases(["短信", "信息"], hant: ["簡訊", "短訊"], en: ["sms", "text message", "a text"])),
            value("call", phrases(["电话", "打电话"], hant: ["電話"], en: ["call", "phoned"])),
        ]),
        Slot(id: "contacts", kind: .choice, label: text("联系了谁", "聯繫了誰", "contacts"), multiple: true, values: [
            value("family", phrases(["家人", "父母", "家里人"], hant: ["家人", "爸媽"], en: ["family", "parents"])),
            value("colleagues", phrases(["同事", "领导"], hant: ["同事", "上司"], en: ["colleague", "coworker", "boss"])),
            value("none", phrases(["谁也没"], en: ["nobody"])),
        ]),
        Slot(id: "platform", kind: .text, label: text("平台", "平台", "platform"), values: [
            Slot.Value(id: "花呗", label: text("花呗", "花唄", "Huabei"), synonyms: phrases(["花呗", "蚂蚁花呗"], en: ["huabei", "ant credit pay"])),
        ], capture: Slot.Capture(brackets: true, suffixes: ["商城", "分期", "钱包"], after: ["一个叫", "app called", "named"], notNames: ["法院"])),
    ]

    static let lexicon = Lexicon(lists: [
        .yes: phrases(["是", "是的", "对", "嗯", "有"], hant: ["係", "對"], en: ["yes", "yeah", "right"]),
        .no: phrases(["不是", "不", "没有", "没", "不对"], hant: ["沒有", "唔係"], en: ["no", "nope", "never"]),
        .hedges: phrases(["不知道", "不清楚", "记不清"], hant: ["不曉得", "唔知"], en: ["not sure", "don't know", "no idea"]),
        .negations: phrases(["没", "没有", "不", "不是", "从来没", "从没", "未"], hant: ["沒", "沒有", "從來沒"], en: ["never", "not", "didn't", "haven't", "no"]),
        .announcements: phrases(["将会", "扬言要"], hant: ["揚言要"], en: ["will", "going to"]),
        .conditions: phrases(["怕", "如果", "要是", "会不会"], hant: ["擔心"], en: ["if", "afraid", "can they"]),
        .reported: phrases(["说", "显示", "称", "他还"], hant: ["說", "顯示"], en: ["says", "said", "claims"]),
        .breaks: phrases(["但是", "可是"], hant: ["但是"], en: ["but"]),
        .corrections: phrases(["不对", "其实"], hant: ["其實"], en: ["actually", "i mean"])])

    static let dialog = Dialog(
        id: "extraction", version: "1", languages: ["zh-Hans", "zh-Hant", "en"], start: "end",
        lexicon: lexicon, messages: [:], slots: slots, flags: [],
        states: [DialogState(id: "end", kind: .end(text("完", "完", "done"), remedies: nil))],
        remedies: [], drafts: [])

    static let compiled = CompiledDialog(dialog)
}
