/// The utterances the benchmark plays: what people in the target situations actually type, in the three languages,
/// from one-word answers to pasted messages and long narratives, with the commands, hedges, corrections and lines
/// that answer nothing that real conversations contain.
///
/// Each conversation is nine lines; the workload adds a tenth (`quit` in-process, `restart` through the command
/// line) so that 1,000 conversations are exactly 10,000 lines.
enum Corpus {
    static let conversations: [[String]] = [
        // zh-Hans, the whole story at once (a long narrative), then short answers.
        [
            "我今天上午收到一条短信，说是优品商城发来的，说我在他们那里分期买的手机已经逾期十五天了，欠款三千二百元，要我今天之内还清，不然就要上报征信，还说会联系我的紧急联系人。可是我从来没有在优品商城注册过，也没买过什么手机，我都不知道这个平台是干什么的，短信里还有一个链接让我点进去处理，我没敢点。",
            "没有",
            "不知道",
            "没有人",
            "没有",
            "总结",
            "为什么",
            "申诉稿",
            "草稿",
        ],
        // zh-Hans, a pasted SMS with brackets, amounts and a link.
        [
            "【恒小花】尊敬的用户，您的账单已逾期30天，应还金额1,286.50元，请于今日24点前登录APP还款，逾期将影响您的个人征信并通知您的紧急联系人。回T退订",
            "短信",
            "注册过",
            "买过",
            "对，确实逾期了，上个月失业了一直还不上",
            "打给我妈了，我妈接到电话吓坏了",
            "没有传票",
            "再说一遍",
            "总结一下",
        ],
        // zh-Hant, a call to family.
        [
            "我媽昨天接到電話，對方說我在時光分期欠了兩萬塊，逾期三個月了，如果不還就要起訴我，還要到我公司找我。",
            "電話",
            "沒有，他們沒有要驗證碼",
            "時光分期",
            "我有註冊過，也借過錢",
            "不確定",
            "家人和同事",
            "沒有傳票",
            "總結",
        ],
        // English, a text message and a scam sign.
        [
            "I got a text this morning saying I'm 45 days overdue on Huabei and I owe 8,000 yuan. It says I must transfer the money to a safe account today or they will report me to the police.",
            "text message",
            "they asked me to transfer money to a personal account",
            "no",
            "summary",
            "why",
            "back",
            "yes",
            "drafts",
        ],
        // zh-Hans, hedges and lines that answer nothing (the limit rule).
        [
            "就是有人打电话给我",
            "嗯……我也说不好",
            "啊？",
            "不知道",
            "不清楚",
            "你好",
            "？？？",
            "不知道",
            "帮助",
        ],
        // Mixed languages and switches.
        [
            "english",
            "My mom got a call from someone collecting for JD Baitiao, 5000 yuan, 60 days late",
            "phone call",
            "none of these",
            "繁體",
            "我有帳號",
            "買過",
            "简体",
            "没有传票，也没有起诉",
        ],
        // Corrections and back.
        [
            "收到京东白条的电话，说我欠了4500元，逾期20天",
            "电话",
            "都没有",
            "不对，是花呗，不是京东白条",
            "返回",
            "注册过",
            "没买过，我没有借过钱",
            "不是，我买过",
            "总结",
        ],
        // Emoji, full-width text, pinyin annotations and spacing noise.
        [
            "😭😭 收到ＳＭＳ说我欠款１２００元 逾期７天 😡",
            "短信 📱",
            "都没有 👌",
            "優(yōu)品商城",
            "１２００元，７天",
            "有账号 ✅",
            "借过 💸",
            "我爸 👴 接到电话了",
            "😶",
        ],
        // A long English narrative.
        [
            "Hi. Last week I started getting calls from a number I don't know. They say they are collecting for a platform called Fenqile and that I owe 3,600 yuan and I'm 90 days past due. I have never registered with Fenqile, I never bought anything there, and I don't know how they got my number. Yesterday they called my boss at work and told him I'm a deadbeat, and they also sent messages to people in my phonebook. I'm really scared. What should I do?",
            "phone call",
            "none of these",
            "never registered",
            "my boss and my family",
            "no summons",
            "summary",
            "dispute letter",
            "repeat",
        ],
        // Numbers in many shapes.
        [
            "短信说我逾期两个月，欠一千二百五十元",
            "短信",
            "没有",
            "洋钱罐",
            "1.2万元，逾期三个星期",
            "我注册过",
            "借过",
            "没有人",
            "没有",
        ],
        // Very short answers only.
        [
            "短信",
            "短信",
            "没",
            "花呗",
            "800元 10天",
            "是",
            "是",
            "没",
            "没",
        ],
        // A long zh-Hant narrative with reported speech.
        [
            "事情是這樣的：上週開始我一直收到簡訊，簡訊說我在小花錢包借了一筆錢，已經逾期四十五天，欠款六千八百元，說如果三天內不還就會寄傳票到我家，還說已經通知了我的家人。但是我從來沒有在小花錢包註冊過，我也沒有借過錢，我懷疑是有人冒用了我的身分證。",
            "簡訊",
            "沒有，他們只是叫我還款",
            "沒有帳號",
            "家人",
            "不知道",
            "總結",
            "為什麼",
            "申訴稿",
        ],
    ]

    /// The same utterances without the commands, for tests of extraction alone (unused by the workload).
    static var allLines: [String] { conversations.flatMap { $0 } }

    /// `count` conversations of ten lines each: the nine lines of a conversation, cycled, and `closing`.
    static func workload(conversations count: Int, closing: String) -> [[String]] {
        (0..<count).map { conversations[$0 % conversations.count] + [closing] }
    }
}
