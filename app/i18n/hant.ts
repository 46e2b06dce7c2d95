/**
 * 繁體中文 (Taiwan) derived from 简体中文 at build time, for the course and the interface catalog
 * alike (app/i18n/hant-catalog.ts). Authors write zh-Hans only; opencc-js converts with OpenCC's
 * s2twp configuration (`from: 'cn', to: 'twp'`: phrase segmentation, then Taiwan phrases such as
 * 软件→軟體, 视频→影片). Its phrase list is tuned for general text, not for a course about AI
 * for Taiwanese teenagers, and its segmentation errs at times (程序代码 → 程式程式碼), so some
 * terms are taken out of its hands (HANT_TERMS). Conversion runs on the server at build time only: opencc-js would cost
 * ~450 KB in a browser bundle.
 */
import * as OpenCC from "opencc-js/cn2t";

/**
 * Terms converted by this table instead of opencc. Each row: the 简体 term, what a Taiwanese
 * reader expects, and why opencc's own choice is wrong or stiff. They are fixed on the 简体 side
 * (swapped for placeholders around opencc) because opencc's Taiwan phrase step rewrites the
 * traditional form too: 进程 → 進程 → 程序, while a later 程序 → 進程 would also hit 程序正義.
 * Longer terms win over shorter ones (面向对象 before 对象).
 */
export const HANT_TERMS: ReadonlyArray<readonly [hans: string, hant: string, why: string]> = [
  ["参数", "參數", "a model's parameters; opencc writes 引數 (a function argument)"],
  ["质量", "品質", "quality; opencc keeps 質量, which means physical mass in Taiwan"],
  ["反馈", "回饋", "RLHF is 人類回饋強化學習 in Taiwan; opencc keeps 反饋"],
  ["大语言模型", "大型語言模型", "LLM is 大型語言模型 in Taiwan"],
  ["计算机", "電腦", "a computer; 計算機 is a pocket calculator in Taiwan"],
  ["智能手机", "智慧型手機", "the usual Taiwan word for smartphone"],
  ["发布", "發布", "announcing or releasing a model; opencc's 釋出 is stiff here"],
  ["对象", "對象", "the person or thing addressed; opencc picks the programming 物件"],
  ["面向对象", "物件導向", "…but object-oriented programming is 物件導向"],
  ["进程", "進程", "a course of events; opencc picks the operating-system 程序"],
  ["单词", "單字", "a word of a language is 單字 in Taiwan"],
  ["示例", "範例", "an example is 範例 in Taiwan"],
  ["数字化", "數位化", "digital is 數位 in Taiwan (數字 is a numeral)"],
  ["数字技术", "數位技術", "digital is 數位 in Taiwan"],
  ["数字时代", "數位時代", "digital is 數位 in Taiwan"],
  ["账号", "帳號", "Taiwan writes 帳號"],
  ["账户", "帳戶", "Taiwan writes 帳戶"],
  ["电子表格", "試算表", "a spreadsheet is 試算表 in Taiwan"],
  ["文本文件", "文字檔", "a text file is 文字檔 in Taiwan"],
  ["文本编辑器", "文字編輯器", "a text editor is 文字編輯器 in Taiwan; opencc keeps 文本"],
  ["像素", "像素", "pixels stay 像素; opencc writes 畫素"],
  ["数据泄露", "資料外洩", "a data leak is 資料外洩 in Taiwan"],
  ["事实核查", "事實查核", "fact-checking is 事實查核 in Taiwan"],
  ["二进制", "二進位", "binary; opencc writes 二進位制"],
  ["摄像头", "鏡頭", "a webcam is 鏡頭 in Taiwan"],
  ["报道", "報導", "a news report is 報導 in Taiwan"],
  ["邮箱", "信箱", "a mailbox is 信箱 in Taiwan"],
  ["了解", "了解", "opencc writes 瞭解 and also breaks 给出了解释 into 給出瞭解釋; 了解 is standard in Taiwan"],
  ["联系", "聯繫", "a connection or getting in touch; opencc's 聯絡 fits only the second"],
  ["搜索", "搜尋", "opencc leaves 搜索 in some phrases (接上搜索工具)"],
  ["窗口", "視窗", "a context window; opencc leaves 窗口 in some phrases (在窗口裡)"],
  ["帖子", "貼文", "a forum post is 貼文 in Taiwan"],
  ["二维码", "QR Code", "Taiwan says QR Code (掃描QR Code); 二維碼 is mainland usage"],
  // Phrase-level errors of opencc's s2twp on our text (issue 14, item 10).
  ["程序代码", "程式碼", "opencc converts 程序→程式 and then 代碼→程式碼: 程式程式碼"],
  ["被发", "被發", "被发出来 (be sent out); opencc's 被髮 is hair"],
  ["在线", "在線", "在+线 (on the line: 在线性, 在线下方) as often as online; opencc's 線上 also makes 一直在线 read 一直線上 (on a straight line)"],
  ["在线完成", "線上完成", "…but doing homework online is 線上完成"],
  ["今天在线", "今天上線", "…and a student who was online today 今天上線"],
  ["证据支持", "證據支持", "evidence supports a claim: 支持; opencc's 支援 is aid or tech support"],
  ["循环", "循環", "a cycle (水循环, the generation loop); opencc's 迴圈 is a program loop"],
  ["实例", "實例", "an example; opencc's 例項 is an object instance"],
  ["检查看", "檢查看", "检查 + 看 (the check looks at); opencc reads 查看 and writes 檢檢視"],
  // Mainland words opencc leaves as they are; Taiwan says otherwise.
  ["运营", "營運", "operating a service is 營運 in Taiwan"],
  ["渠道", "管道", "a channel to verify through is 管道 in Taiwan"],
  ["网上", "網路上", "online is 網路上 in Taiwan"],
  ["互联网", "網際網路", "…kept whole so 互联网上 is not split into 互聯 + 網路上"],
  ["群聊天", "群組聊天", "a group's chat (班级群聊天记录), not 群聊 + 天"],
  ["群聊", "群組", "a group chat is a 群組 in Taiwan (LINE)"],
  ["班级群", "班級群組", "the class group chat is the 班級群組"],
  ["群管理员", "群組管理員", "a group chat's admin"],
  ["私信", "私訊", "a private message is 私訊 in Taiwan…"],
  ["隐私", "隱私", "…but not inside 隐私信息 (private information)"],
  ["手机号", "手機號碼", "a phone number is 手機號碼 in Taiwan"],
  ["手机号码", "手機號碼", "…already whole (not 手機號碼碼)"],
  ["身份证", "身分證", "Taiwan writes 身分證"],
  ["身份证号", "身分證字號", "an ID card number is 身分證字號 in Taiwan"],
  ["身份证号码", "身分證字號", "an ID card number is 身分證字號 in Taiwan"],
  ["居民身份证号", "居民身分證號碼", "a mainland resident ID has no letter, so no 字號"],
  ["食堂", "餐廳", "the school canteen is the 餐廳 in Taiwan"],
  ["校医", "校護", "the school nurse (校護) is whom a Taiwanese student tells"],
  ["小测验", "小考", "a quiz is 小考 in Taiwan"],
  ["小测", "小考", "a quiz is 小考 in Taiwan"],
  ["公布", "公布", "公布 is Taiwan's standard form; opencc writes 公佈"],
  ["打印", "列印", "opencc leaves 打印 in some phrases (横向打印)"],
  ["初中", "國中", "junior high is 國中 in Taiwan…"],
  ["当初", "當初", "…but not inside 当初中国 or 最初中文"],
  ["最初", "最初", "…but not inside 当初中国 or 最初中文"],
  ["投屏", "投影", "showing a screen on the projector is 投影 in Taiwan"],
  ["联网", "連網", "being connected to the internet is 連網 in Taiwan"],
  ["回复", "回覆", "a reply; opencc writes 回復 (recovering) in some phrases (改变回复)"],
  ["水平", "水準", "a level of skill (我的水平) is 水準 in Taiwan…"],
  ["水平线", "水平線", "…but horizontal stays 水平"],
  ["水平轴", "水平軸", "…but horizontal stays 水平"],
  ["水平方向", "水平方向", "…but horizontal stays 水平"],
  ["自行车道", "自行車道", "a bike lane is 自行車道 in Taiwan; opencc writes 腳踏車道"],
  ["权限", "權限", "access rights are 權限 in Taiwan; opencc writes 許可權 (a licence)"],
  ["心理老师", "輔導老師", "the school counsellor a student at risk is sent to (the support card): 心理老師 is a mainland post; a Taiwanese (or Hong Kong) student goes to the 輔導老師"],
  ["如心理老师或德育主任", "如輔導老師或學務主任", "who handles a student at risk: 德育主任 is a mainland post; Taiwan has 輔導老師 and 學務主任"],
  [
    "遵守学校关于学术诚信的规定和教育部发布的《中小学生成式人工智能使用指南（2025年版）》",
    "遵守學校關於學術誠信和使用人工智慧的規定",
    "lesson 7's objective: mainland schools follow their ministry's guide; a Taiwanese student follows their school's rules (the step still tells of China's guide, as China's)",
  ],
  // A claim that must hold for 繁體 too (measured in tests/unit/hant-wording.test.ts): in the
  // widget's tokenizer over half of Traditional characters are one token, as in 简体, but about
  // 3 in 10 take several tokens, against under 1 in 10 in 简体.
  [
    "一个词元常常就是一个字",
    "一個詞元常常就是一個字（不過在小工具的分詞器裡，繁體字比簡體字更常被切成好幾個詞元）",
    "lesson 02's claim, qualified for Traditional characters",
  ],
  // "in …" after these nouns is 裡; opencc leaves 里 (a walk through the 繁體 lessons found them).
  ["文本里", "文本裡", "in a text: 裡, not the 里 of 公里"],
  ["样本里", "樣本裡", "in the samples: 裡"],
  ["模型卡里", "模型卡裡", "in the model card: 裡"],
  ["提示词里", "提示詞裡", "in the prompt: 裡"],
  ["词元里", "詞元裡", "in a token: 裡"],
  // found in a 13-year-old's walk through the 繁體 pages
  ["天后", "天後", "“30 天后删除”: opencc reads 天后, the goddess; days later is 天後"],
  ["采样", "取樣", "sampling: the course says 取樣 everywhere else"],
  ["退出登录", "登出", "signing out is 登出 in Taiwan"],
  ["布置", "指派", "assigning a lesson: 指派 in Taiwan, as Google Classroom's 指派作業 (布置 there is arranging a room; opencc writes 佈置)"],
  ["社交媒体", "社群媒體", "social media is 社群媒體 in Taiwan"],
  ["点击", "點選", "clicking is 點選 in Taiwan"],
  // found reading the help page's 繁體 (help/help.zh-Hans.md)
  ["只给", "只給", "only for (还是只给你选的学生): opencc writes 隻, the measure word for animals"],
  ["写明了", "寫明了", "写明 + 了 (has spelled out); opencc reads 明了 and writes 寫明瞭"],
  // A spreadsheet's column is 欄 in Taiwan, where 列 is a row: "姓名那一列" would send a Taiwanese
  // teacher to the wrong line (found reading the roster import's 繁體). A line of pasted text stays 行.
  ["一列", "一欄", "a column (加一列学号, 这一列, 表格里的一列)"],
  ["两列", "兩欄", "two columns (“姓”“名”两列)"],
  ["各列", "各欄", "each column"],
  ["其他列", "其他欄位", "other columns"],
  ["姓名列", "姓名欄", "the name column"],
  ["这些列", "這些欄位", "these columns"],
  ["的列数", "的欄數", "how many columns"],
  ["列的顺序", "欄位的順序", "the columns' order"],
  ["列名", "欄位名稱", "a column's name"],
  ["忽略的列", "忽略的欄位", "columns left out"],
  ["用不到的列", "用不到的欄位", "columns not used"],
  ["”列", "」欄", "the “{column}” column"],
  ["标题行", "標題列", "a spreadsheet's header row is its 標題列 (row: 列)"],
  ["单元格", "儲存格", "a spreadsheet's cell is 儲存格 in Taiwan"],
  // found walking the product as a Hong Kong or Taiwanese teacher new to AI
  // 通过 "by means of" is 透過 in Taiwan and Hong Kong; 通过 "passes" (检查通过, 即为通过) stays 通過
  ["通过模仿", "透過模仿", "fine-tuned by imitating good answers"],
  ["通过调整", "透過調整", "learning by adjusting parameters"],
  ["通过在", "透過在", "by adjusting parameters on vast text"],
  ["再通过", "再透過", "then through human feedback"],
  ["通过你本来", "透過你本來", "verify through a channel you already trust"],
  ["通过每次", "透過每次", "improve a prompt by changing one thing at a time"],
  ["正在通过", "正在透過", "the model talks to a student through Lantern"],
  ["通过学校账号", "透過學校帳號", "signing in through the school account"],
  ["通过同样的方式", "透過同樣的方式", "alerts arrive the same way"],
  ["万亿", "兆（萬億）", "10¹² is 兆 in Taiwan and 萬億 in Hong Kong, where 兆 can be read as a million: both, so neither reader misreads 1.4 兆 (萬億) tokens"],
  ["下划线", "底線", "an underscore (and an underline) is 底線 in Taiwan and Hong Kong"],
  ["短横线", "連字號", "a hyphen in a username is 連字號"],
  ["导航", "導覽", "a site's navigation is 導覽 in Taiwan (導航 is a car's GPS)"],
  ["主导航", "主要導覽", "the main navigation's name, read out by a screen reader"],
  ["模板", "範本", "a template to download is 範本 in Taiwan and Hong Kong"],
  ["退出", "登出", "every 退出 here is signing out (退出 Lantern, 都已退出): 登出 in Taiwan and Hong Kong"],
  ["联系学校", "聯絡學校", "getting in touch is 聯絡 (聯繫 stays for ideas linked together)"],
  ["联系家长", "聯絡家長", "getting in touch with parents: 聯絡"],
  ["联系方式", "聯絡方式", "contact details are 聯絡方式"],
  ["联系人", "聯絡人", "a contact person is 聯絡人"],
  ["联系她", "聯絡她", "getting in touch with her: 聯絡"],
  ["联系上她", "聯絡上她", "reaching her: 聯絡上"],
  ["联系我", "聯絡我", "“so people can contact me”: 聯絡"],
  ["生成登录卡", "產生登入卡", "making sign-in cards: 產生 (生成 stays for what a model generates)"],
  ["生成一张可打印的登录卡", "產生一張可列印的登入卡", "making a printable sign-in card"],
  ["已生成新密码", "已產生新密碼", "a new password made: 產生"],
  ["生成一个注册链接", "產生一個註冊連結", "making a sign-up link: 產生"],
  ["生成邀请链接", "產生邀請連結", "making an invitation link: 產生"],
  ["由学校网址生成", "由學校網址產生", "derived from the school's address: 產生"],
  ["由系统生成", "由系統產生", "a username made by the system: 產生"],
  ["重新生成的预览", "重新產生的預覽", "a preview made again: 產生"],
  ["自动生成", "自動產生", "made automatically from the quiz file: 產生"],
  ["发件人", "寄件者", "an e-mail's sender is 寄件者 in Taiwan"],
  ["发件地址", "寄件地址", "the sender's address"],
  ["发件服务器", "外寄郵件伺服器", "the outgoing (SMTP) server is 外寄郵件伺服器 in Taiwan"],
  ["复习", "複習", "revising is 複習; opencc writes 打開復習 in one phrase"],
  ["类型", "類型", "a kind (the responses export's column 类型: quiz or check); opencc writes 型別, a programming language's type"],
  ["Web 应用", "Web 應用程式", "a web application is 應用程式 in Taiwan"],
  ["教研组长", "課程負責人", "the head of a mainland teaching-research group: Taiwan's 領域召集人 and Hong Kong's 科主任 differ, so the plain 課程負責人"],
  // 教育部 alone is the reader's own ministry: in Taiwan and Hong Kong, China's must be named as China's
  ["教育部", "中國教育部", "China's Ministry of Education (its 2025 guides): bare 教育部 reads as Taiwan's own"],
  ["教育部门", "教育部門", "…but not education departments in general"],
  [
    "作业安排遵循教育部 2025 年发布的《中小学生成式人工智能使用指南（2025年版）》",
    "作業安排遵守學校關於學術誠信和使用人工智慧的規定",
    "the plan's homework note: a Taiwanese or Hong Kong school follows its own rules, as lesson 7's objective above",
  ],
  ["“", "「", "Taiwan quotes with 「」"],
  ["”", "」", "Taiwan quotes with 「」"],
];

type Convert = (text: string) => string;
let converter: Convert | null = null;

/** Building opencc's dictionaries takes ~100 ms: do it once, on first use. */
function opencc(): Convert {
  converter ??= OpenCC.Converter({ from: "cn", to: "twp" });
  return converter;
}

// Private-use characters: never in lesson text, left alone by opencc.
const PLACEHOLDER_BASE = 0xe000;
const termsLongestFirst = HANT_TERMS.map(([hans, hant], index) => ({ hans, hant, index })).sort(
  (a, b) => b.hans.length - a.hans.length,
);
const termPattern = new RegExp(termsLongestFirst.map((t) => escapeRegExp(t.hans)).join("|"), "g");
const termByHans = new Map(HANT_TERMS.map(([hans, hant], index) => [hans, { hant, index }]));
const placeholderPattern = new RegExp(
  `[\\u${hex(PLACEHOLDER_BASE)}-\\u${hex(PLACEHOLDER_BASE + HANT_TERMS.length - 1)}]`,
  "g",
);

/** 简体中文 → 繁體中文 (Taiwan): opencc, with HANT_TERMS taking precedence. */
export function toHant(text: string): string {
  if (text === "") return text;
  const shielded = text.replace(termPattern, (term) =>
    String.fromCharCode(PLACEHOLDER_BASE + (termByHans.get(term)?.index ?? 0)),
  );
  const converted = opencc()(shielded);
  const restored = converted.replace(placeholderPattern, (ch) => HANT_TERMS[ch.charCodeAt(0) - PLACEHOLDER_BASE]?.[1] ?? ch);
  return nestedQuotes(restored);
}

/**
 * Inner quotes ‘…’ become 『…』, but only around Chinese text: a lone ’ may be an English
 * apostrophe (Claude’s) and must stay as it is.
 */
function nestedQuotes(text: string): string {
  if (!text.includes("‘")) return text;
  return text.replace(/‘([^‘’\n]*)’/g, (match, inner: string) => (CHINESE.test(inner) ? `『${inner}』` : match));
}

const CHINESE = /[\u3400-\u9fff]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function hex(code: number): string {
  return code.toString(16).padStart(4, "0");
}
