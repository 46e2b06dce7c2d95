/**
 * The personal-data screen against the ways a curious 13-year-old writes a number or an address
 * to get it past a filter — in English, 简体中文 and 繁體中文 — and against the numbers a lesson
 * about language models is full of, which must pass.
 */
import { residentIdCheckChar } from "~/playground/id-checksums";
import type { PersonalDataKind } from "~/playground/screen-types";
import { screenPrompt } from "~/playground/screening";
import { restOfBlockedNumber, screenContext, type ContextPart } from "~/playground/screen-context";
import { blockedJustBefore } from "~/playground/guard.server";
import { chineseNumberValue, digitValue, foldForPersonalData } from "~/playground/normalize-text";

const NO_TOPICS = { blockedTopics: [] };

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
const ID = residentId("11010519491231002"); // ends in X
const ID2 = residentId("44030520080229123");
const MOBILE = "13912345678";

const HANS = "零一二三四五六七八九";
const CAPITALS = "零壹贰叁肆伍陆柒捌玖";
const HANT_CAPITALS = "零壹貳參肆伍陸柒捌玖";
const toChinese = (digits: string, numerals = HANS) => digits.replace(/\d/g, (d) => numerals[Number(d)]!);
const inScript = (digits: string, zero: number) => digits.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z@.()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spacedOut = (digits: string, sep = " ") => [...digits].join(sep);
const zeroWidth = (s: string) => [...s].join("\u200B");

/** [text, the kind the screen must report] */
const MUST_BLOCK: [string, PersonalDataKind][] = [
  // ---- mainland resident ID (18 digits, last may be X) ----
  [`身份证号${ID}`, "cn_resident_id"],
  [`my ID number is ${ID.toLowerCase()}`, "cn_resident_id"],
  [`ID: ${ID.slice(0, 6)}.${ID.slice(6, 14)}.${ID.slice(14)}`, "cn_resident_id"],
  [`身份证 ${ID.slice(0, 6)}_${ID.slice(6, 10)}_${ID.slice(10, 14)}_${ID.slice(14)}`, "cn_resident_id"],
  [`身份证 ${ID.slice(0, 6)}/${ID.slice(6, 14)}/${ID.slice(14)}`, "cn_resident_id"],
  [`我的身份证是${fullWidth(ID)}`, "cn_resident_id"],
  [`我的身份证号是${toChinese(ID2)}`, "cn_resident_id"],
  [`身分證號碼${toChinese(ID2, HANT_CAPITALS)}`, "cn_resident_id"],
  [`身份证${toChinese(ID2, CAPITALS)}`, "cn_resident_id"],
  [`id ${spacedOut(ID2)}`, "cn_resident_id"],
  [`id ${spacedOut(ID2, ".")}`, "cn_resident_id"],
  [`number ${zeroWidth(ID2)}`, "cn_resident_id"],
  [`ID ${inScript(ID2, 0x0660)}`, "cn_resident_id"], // Arabic-Indic digits
  [`ID ${inScript(ID2, 0x0966)}`, "cn_resident_id"], // Devanagari digits
  [`身份证：${ID2.slice(0, 9)}${toChinese(ID2.slice(9))}`, "cn_resident_id"],
  [`身份证 ${toChinese(ID2).replace(/零/g, "〇")}`, "cn_resident_id"],
  [`my id is ${ID2.slice(0, 6)}\u00AD${ID2.slice(6)}`, "cn_resident_id"], // soft hyphen
  [`身份證 ${ID2.slice(0, 6)} ${ID2.slice(6, 14)} ${ID2.slice(14)}`, "cn_resident_id"],

  // ---- mainland mobile 1[3-9]x ----
  [`call me ${MOBILE}`, "cn_mobile"],
  ["139.1234.5678", "cn_mobile"],
  ["139_1234_5678", "cn_mobile"],
  ["139/1234/5678", "cn_mobile"],
  [`my mobile is ${spacedOut(MOBILE)}`, "cn_mobile"],
  [`我的手机号 ${spacedOut(MOBILE, "-")}`, "cn_mobile"],
  [`手机${fullWidth(MOBILE)}`, "cn_mobile"],
  [`我的手机号是${toChinese(MOBILE)}`, "cn_mobile"],
  ["打我电话幺三九幺二三四五六七八", "cn_mobile"],
  ["手机：一三九 一二三四 五六七八", "cn_mobile"],
  [`我嘅電話係${toChinese(MOBILE)}`, "cn_mobile"],
  [`手機：${toChinese(MOBILE, HANT_CAPITALS)}`, "cn_mobile"],
  [`电话${zeroWidth(MOBILE)}`, "cn_mobile"],
  [`call ${inScript(MOBILE, 0x0660)}`, "cn_mobile"],
  ["①③⑨①②③④⑤⑥⑦⑧", "cn_mobile"],
  ["𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "cn_mobile"],
  ["+86 139 1234 5678", "cn_mobile"],
  ["0086-13912345678", "cn_mobile"],
  ["(+86)13912345678", "cn_mobile"],
  ["+86.139.1234.5678", "cn_mobile"],
  [`联系我：139 ${toChinese("1234")} 5678`, "cn_mobile"],
  ["电话是一三九两两三三四四五五", "cn_mobile"],

  // ---- phones announced by a phrase (en, zh-Hans, zh-Hant) ----
  ["my phone number is 9123 4567", "phone"],
  ["My phone number is 91234567", "phone"],
  ["call me on 2345678", "phone"],
  ["you can reach me at 07700 900123", "phone"],
  ["text me at 98765432 after school", "phone"],
  ["my home number is 2345 6789", "phone"],
  ["my number is 91234567", "phone"],
  ["WhatsApp me: 9123-4567", "phone"],
  ["我的电话号码是 2345678", "phone"],
  ["我的电话号码是二三四五六七八", "phone"],
  ["联系电话：88 66 55 44", "phone"],
  ["我嘅電話係 9123 4567", "phone"],
  ["我嘅電話係九一二三四五六七", "phone"],
  ["我的電話號碼是 2345-6789", "phone"],
  ["聯絡電話：(02) 2345-6789", "phone"],
  ["你可以打給我 0912345678", "phone"],
  // ---- Hong Kong, Macau, Taiwan phones ----
  ["+852 9123 4567", "phone"],
  ["(852) 9123-4567", "phone"],
  ["852-9123-4567", "phone"],
  ["+852 ９１２３ ４５６７", "phone"],
  ["office 2345-6789", "phone"],
  ["+853 6612 3456", "phone"],
  ["(853) 6612-3456", "phone"],
  ["853 66123456", "phone"],
  ["澳門電話 6612 3456", "phone"],
  ["0912-345-678", "phone"],
  ["0912.345.678", "phone"],
  ["0912 345 678", "phone"],
  ["+886 912 345 678", "phone"],
  ["886-912-345-678", "phone"],
  ["手機號碼是〇九一二三四五六七八", "phone"],
  ["手機 ０９１２－３４５－６７８", "phone"],
  ["+44 7700 900123", "phone"],
  ["(555) 123-4567", "phone"],

  // ---- IDs: Hong Kong, Taiwan, Macau, cards, announced numbers ----
  ["my HKID is A123456(7)", "id_number"],
  ["HKID A123456(3)", "id_number"],
  ["香港身份證 A123456(3)", "id_number"],
  ["a123456(3)", "id_number"],
  ["A 123456 (3)", "id_number"],
  ["AB987654(3)", "id_number"],
  ["Ａ１２３４５６（３）", "id_number"],
  ["A1234563", "id_number"],
  ["A123456789", "id_number"],
  ["身分證字號A123456789", "id_number"],
  ["我的身分證是Ａ１２３４５６７８９", "id_number"],
  ["a123456789", "id_number"],
  ["A123 456 789", "id_number"],
  ["身分證 A壹貳參肆伍陸柒捌玖", "id_number"],
  ["1234567(8)", "id_number"],
  ["澳門身份證 5123456(7)", "id_number"],
  ["my Macau ID is 7123456 (1)", "id_number"],
  ["１２３４５６７（８）", "id_number"],
  ["my student ID number is 2023-1234", "id_number"],
  ["学号：二〇二三〇〇一二", "id_number"],
  ["學號 2023.0012", "id_number"],
  ["passport number: E1234 5678", "id_number"],
  ["4111-1111-1111-1111", "id_number"],
  ["4111.1111.1111.1111", "id_number"],
  ["银行卡 四一一一 一一一一 一一一一 一一一一", "id_number"],

  // ---- e-mail written to dodge a screen ----
  ["alice (at) lakeside (dot) com", "email"],
  ["alice [at] lakeside [dot] com", "email"],
  ["bob{at}lakeside{dot}org", "email"],
  ["alice at gmail dot com", "email"],
  ["ALICE AT GMAIL DOT COM", "email"],
  ["alice.smith at school dot edu", "email"],
  ["tom_lee99 at outlook dot com", "email"],
  ["my email is alice at lakeside dot com", "email"],
  ["alice(at)example(dot)co(dot)uk", "email"],
  ["write to me: mary <at> school <dot> edu <dot> hk", "email"],
  ["alice＠lakeside．com", "email"],
  ["alice@lakeside dot com", "email"],
  ["alice @ lakeside . com", "email"],
  [`${zeroWidth("alice")}@lakeside.com`, "email"],
  ["alice at gmail.com", "email"],
  ["xiaoming艾特qq点com", "email"],
  ["我的邮箱 xiaoming 艾特 163 点 com", "email"],
  ["xiaoming圈a163.com", "email"],
  ["我的邮箱是 zhangsan at qq dot com", "email"],
  ["郵箱：chan.taiman【at】gmail【dot】com", "email"],
  ["電郵 chantaiman 艾特 yahoo 點 com 點 hk", "email"],
  ["我的郵箱是 chantaiman at netvigator dot com", "email"],

  // ---- addresses: rural, building, street (numbers in Chinese numerals too) ----
  ["我家在张家村3组15号", "street_address"],
  ["我住在幸福村五组", "street_address"],
  ["湖南省长沙县红星村二组十二号", "street_address"],
  ["我住在王庄村2队", "street_address"],
  ["李家村15号", "street_address"],
  ["我家是曹杨新村三号", "street_address"],
  ["5号楼2单元301室", "street_address"],
  ["五号楼二单元三零一室", "street_address"],
  ["我家是3栋2单元502", "street_address"],
  ["2单元501室", "street_address"],
  ["3單元1203號", "street_address"],
  ["我住在阳光小区三栋二单元五零一室", "street_address"],
  ["翠苑五号楼", "street_address"],
  ["我住在沙田第一城A座12樓B室", "street_address"],
  ["九龍灣德福花園3座15樓D室", "street_address"],
  ["我住在德福花園三座十五樓D室", "street_address"],
  ["人民路一百二十三号", "street_address"],
  ["住在彌敦道一二三號", "street_address"],
  ["上海市长乐路一二三弄四十五号", "street_address"],
  ["台北市忠孝東路四段一二三巷四弄五號", "street_address"],
  ["I live at 12 Baker St.", "street_address"],
  ["１２３ Main Street", "street_address"],
  ["flat 3, 45 Nathan Road", "street_address"],
  ["我家住在人民路12\u200B3号", "street_address"],
  // ---- chat and social accounts: a stranger can reach the child directly ----
  ["我的QQ是123456789", "account"],
  ["my qq is 123456789", "account"],
  ["加我QQ 1234567890", "account"],
  ["qq号：3 8 7 6 5 4 3 2 1", "account"],
  [`QQ：${toChinese("123456789")}`, "account"],
  ["扣扣 123456789", "account"],
  ["我的微信号是 xiaoming_2012", "account"],
  ["微信：wxid_abc123", "account"],
  ["加我微信 lily0815", "account"],
  ["vx: lily0815", "account"],
  ["wx号 lily0815", "account"],
  ["我嘅微訊號係 lily0815", "account"],
  [`加我${fullWidth("QQ")}${fullWidth("123456789")}`, "account"],
  ["my line id is lily0815", "account"],
  ["add me on line: lily_0815", "account"],
  ["LINE ID: lily0815", "account"],
  ["my snap is lily.k2012", "account"],
  ["add me on snap lilyk", "account"],
  ["my snapchat is lilyk2012", "account"],
  ["add me on insta @lily.k", "account"],
  ["my insta is lily_k", "account"],
  ["follow me on ig @lily_k", "account"],
  ["my tiktok is @lilyk", "account"],
  ["my discord is lily#1234", "account"],
  ["add me on discord lilyk", "account"],
  ["my roblox username is LilyK2012", "account"],
  ["我的抖音号是 lily2012", "account"],
  ["I live at 12 Oak Street", "street_address"],
  // A red team (7 December): letters for digits in a phone's groups, each group under five digits
  ["my number is 138 l234 5678", "cn_mobile"],
  ["call me 0770O 900123", "phone"],
  ["text me on o7700 9oo123", "phone"],
  // A red team (7 December): a Hong Kong mobile in Chinese numerals, one numeral a digit, with no
  // keyword — spelt out digit by digit like "nine one two three four five six seven"
  ["九一二三四五六七", "phone"],
  ["我嘅號碼唔話你知：九一二三 四五六七", "phone"],
  ["陸壹貳參肆伍陸柒", "phone"],
  // A red team's fourth pass (7 December): numbers behind emoji, keycaps, 幺 and capital numerals,
  // spelt out in English ("oh nine one two"), HK digits and numerals mixed, addresses in words
  ["call me on 幺三八 一二三四 五六七八", "cn_mobile"],
  ["my number is one three eight one two three four five six seven eight", "phone"],
  ["my number is 1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "cn_mobile"],
  ["138🍎1234🍎5678", "cn_mobile"],
  ["138 🔥 1234 🔥 5678", "cn_mobile"],
  ["1 3 8 - 1 2 3 4 - 5 6 7 8", "cn_mobile"],
  ["one-three-eight-one-two-three-four-five-six-seven-eight", "phone"],
  ["幺叁捌幺贰叁肆伍陆柒捌", "cn_mobile"],
  ["我的电话是一三八，一二三四，五六七八", "cn_mobile"],
  ["HK: 9一2三 4五6七", "phone"],
  ["my whatsapp +852 6 1 2 3 4 5 6 7", "phone"],
  ["WA: 5123 4567", "phone"],
  ["call me 5123 4567", "phone"],
  ["我電話係六一二三 四五六七", "phone"],
  ["撥 0912三四五六七八 給我", "phone"],
  ["我的手機 零九一二 三四五 六七八", "phone"],
  ["my taiwan number is oh nine one two, three four five, six seven eight", "phone"],
  ["I live at 42 Oak Road, Leeds", "street_address"],
  ["i live at forty two oak road", "street_address"],
  ["my address is flat 12b, 8 Nathan Rd", "street_address"],
  ["我家住在幸福路叁拾贰号", "street_address"],
  ["我家住人民路88號3樓", "street_address"],
  ["香港九龍彌敦道八十八號十二樓A室", "street_address"],
  ["台北市信義路五段7號", "street_address"],
  ["我住在朝阳区建国路八十八号院三号楼二单元501", "street_address"],
  ["email me lily dot chen at gmail dot com", "email"],
  ["lilychen2012 @ gmail . com", "email"],
  ["my insta is @lily.chen_12", "account"],
  ["qq 幺二三四五六七八九", "account"],
  ["my postcode is SW1A 1AA and i live at number 7", "street_address"],
  ["我的学号是 20231234", "id_number"],
  ["my number is 07700 900 123", "phone"],
  ["text me 13812345678", "cn_mobile"],
  ["電話：六一二三-四五六七", "phone"],
  ["my phone is 138 one two three four 5678", "phone"],
  ["call me at 1 3 8 ✨ 1 2 3 4 ✨ 5 6 7 8", "phone"],
];

/** Must pass: the numbers lessons about language models are full of. */
const MUST_PASS: string[] = [
  // English
  "In 2024 and 2025 we studied AI.",
  "Claude has a 200,000-token context window.",
  "a context window of 1M tokens",
  "200K tokens, or about 150,000 words",
  "It costs $3 per million input tokens and $15 per million output tokens.",
  "Lesson 12, question 3",
  "Question 13: what is 2+2?",
  "The answer is 3.14159",
  "Score: 95/100",
  "We meet at 10:30 on 15/03/2024.",
  "the 2023-2024 school year",
  "1 + 1 = 2",
  "12 345 678 is a big number",
  "Version 4.5.1",
  "Top 5 tips",
  "numbers 1 2 3 4 5",
  "Look at this dot com bubble",
  "I'm at home, dot dot dot",
  "Call me at 3pm",
  "Phone prices rose in 2023 and 2024",
  "phone sales: 2023 2024",
  "my phone number has 8 digits",
  "the phone costs 1299 yuan",
  "Call 911 or 999 in an emergency",
  "Apollo 11 launched on 16.07.1969",
  "The years 1998 2002 2006 2010 were World Cup years",
  "Pi to 8 places: 3.14159265",
  "1 000 000 tokens",
  "Room 301, Building 5",
  "my number is 42",
  "Call me on Monday at 10:30",
  "I was born in 2011, my brother in 2013",
  "The model has 175 billion parameters and a 128,000-token window.",
  "Tokens 4,096 to 8,192",
  "x = 3, y = 4, so x*y = 12",
  "2^10 = 1024",
  "We scored 3-2 in the final",
  "chapter 4.2.1",
  "page 12 of 300",
  "he'll be there at 5",
  // 简体中文
  "二〇二四年三月十五日",
  "第十三题",
  "第三课有十二个问题",
  "一加一等于二",
  "三乘四等于十二",
  "这个模型有两千亿个参数",
  "上下文窗口有二十万个词元",
  "价格是一百二十三元",
  "我考了九十五分",
  "十点半上课",
  "我们班有四十二个同学",
  "三号选手得了第一名",
  "我住在三楼",
  "五号楼在哪里",
  "第三单元第5课",
  "第3单元的练习",
  "一组三号同学来回答",
  "一二三四五六七八九十",
  "我数了一三五七九",
  "电话号码有十一位数字",
  "我的手机是华为的，用了三年",
  "我家有三口人，住在北京",
  "二零二四年的一月一日",
  "我们村有三百人",
  "乡村3号公路",
  "电话会议在2024-03-15",
  "一一得一，一二得二",
  // 繁體中文
  "二〇二四年度",
  "第十三題",
  "三比二贏了",
  "上下文視窗有二十萬個詞元",
  "這支手機賣六千九百元",
  "我住在三樓",
  "九龍灣有很多大廈",
  "第三單元的練習",
  "考了一百分",
  "時間是十點三十分",
  "第五課的第三題",
  "我们在3楼5号教室上课",
  "图书馆在三楼A区",
  "村上春树写了3本书",
  "度假山庄3号楼",  // apps named without an account
  "QQ is a chat app made by Tencent, how does it work?",
  "用微信支付安全吗",
  "QQ音乐 123456 首歌",
  "my insta is private",
  "add me on snap later",
  "my qq is hacked",
  "line: 12345 has an error",
  "x = 12345",
  "vx = 3.5 m/s",
  "my line is busy",
  "my signal is weak",
  "my discord is down today",
  "follow me on ig for updates",
  "I use QQ: it has 800000000 users",
  // a Latin app name run on into letters is a word (fast-check found "QQaaa")
  "QQaaa",
  "WeChatty people",
  // beside the letters for digits (7 December): a few digits, a version, a chemical
  "tickets for the O2 arena 2024",
  "version 10 l0l",
  "H2O and CO2 are molecules",
  "其中四中有人读初二吗",
  // beside the Chinese numerals spelt digit by digit (7 December): counting, a year, an idiom, a number with its places
  "一二三四五六七八九十",
  "数一数：一二三四五六七",
  "二〇二四年",
  "一五一十地告诉老师",
  "九千一百二十三万四千五百六十七",
  "七七七七七七七七",
  // beside the red team's fourth pass (7 December): years, scores, primes, a population, a game's seed
  "the year 1984 and 2024",
  "China has 1412000000 people",
  "I scored 138 out of 150",
  "2 + 3 × 4 = 14",
  "Fibonacci: 1 1 2 3 5 8 13 21 34 55",
  "primes 2 3 5 7 11 13 17 19 23",
  "the battle of Hastings was in 1066",
  "my essay was 1500 words",
  "our score was 95 to 87",
  "the temperature was 38.5 degrees",
  "我们班考了一百三十八分",
  "一九四九年十月一日",
  "三千五百万人",
  "GPT-4 has about 1.8 trillion parameters",
  "bus number 138 to the station",
  "page 123 line 45",
  "成绩：语文92，数学88，英语95",
  "my tetris high score is 91234567 points",
  "二零一二年出生",
  "12:30 - 13:45 maths",
  "Minecraft seed 6123456789",
];

describe("personal data that must be blocked", () => {
  it("the table covers every class in all three languages (≥ 120 variants)", () => {
    expect(MUST_BLOCK.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(MUST_BLOCK.map(([, kind]) => kind));
    expect([...kinds].sort()).toEqual(["account", "cn_mobile", "cn_resident_id", "email", "id_number", "phone", "street_address"]);
  });

  it.each(MUST_BLOCK)("%s → %s", (text, kind) => {
    const result = screenPrompt(text, NO_TOPICS);
    expect(result.ok ? [] : result.findings.map((f) => f.kind)).toContain(kind);
  });
});

describe("look-alikes that must pass", () => {
  it("the table has ≥ 60 look-alikes", () => expect(MUST_PASS.length).toBeGreaterThanOrEqual(60));

  it.each(MUST_PASS)("%s", (text) => {
    expect(screenPrompt(text, NO_TOPICS)).toEqual({ ok: true });
  });

  it("joining them all into one conversation does not make personal data out of unrelated numbers", () => {
    const parts: ContextPart[] = MUST_PASS.map((text) => ({ source: "history", text }));
    expect(screenContext(parts, NO_TOPICS)).toEqual({ ok: true });
  });
});

describe("numbers split across the outgoing context", () => {
  const history = (...texts: string[]): ContextPart[] => [
    ...texts.slice(0, -1).map((text) => ({ source: "history" as const, text })),
    { source: "prompt", text: texts.at(-1)! },
  ];

  it.each([
    ["an ID across two messages", history(`我的身份证号是${ID.slice(0, 12)}`, ID.slice(12)), "cn_resident_id"],
    ["an ID across three messages", history(ID.slice(0, 6), `${ID.slice(6, 14)} ok`, `and ${ID.slice(14)}`), "cn_resident_id"],
    ["an ID in Chinese numerals across two messages", history(`身份证${toChinese(ID2.slice(0, 9))}`, toChinese(ID2.slice(9))), "cn_resident_id"],
    ["a mobile across two messages", history("my number is 139", "1234 5678"), "cn_mobile"],
    ["a mobile in Chinese numerals", history("手机一三九一二", "三四五六七八"), "cn_mobile"],
    ["a Taiwan ID", history("我的身分證是A12345", "6789"), "id_number"],
    ["a Taiwan mobile", history("手機 0912", "345678"), "phone"],
    // found in a children-first pass: three numerals are too few to read as digits on their own
    ["a mobile in Chinese numerals, three then eight", history("我的手机号是一三八", "一二三四五六七八"), "cn_mobile"],
    ["a mobile in Chinese numerals, the first digits last in a sentence", history("记住：一三九。", "一二三四五六七八"), "cn_mobile"],
  ] as const)("%s", (_name, parts, kind) => {
    const result = screenContext(parts, NO_TOPICS);
    expect(result.ok).toBe(false);
    const findings = result.ok ? [] : result.findings;
    expect(findings.filter((f) => f.split).map((f) => f.kind)).toContain(kind);
    // Each piece is reported where it is, so the piece in the new prompt can be redacted.
    expect(findings.some((f) => f.source === "prompt" && f.split)).toBe(true);
  });

  it("the student's own system prompt and the new prompt are one text", () => {
    const parts: ContextPart[] = [
      { source: "system", text: `You are my helper. My ID starts ${ID2.slice(0, 10)}` },
      { source: "prompt", text: `${ID2.slice(10)} is the rest` },
    ];
    const result = screenContext(parts, NO_TOPICS);
    expect(result.ok ? [] : result.findings.map((f) => [f.source, f.kind, f.split])).toEqual([
      ["system", "cn_resident_id", true],
      ["prompt", "cn_resident_id", true],
    ]);
  });

  it.each([
    [["I was born in 1998", "2024 was a good year"]],
    [["The answer is 42", "13 is next"]],
    [["question 3", "page 12"]],
    [["We have 200,000 tokens", "and 1M tokens"]],
    [["My score was 95/100", "100 points"]],
    [["In 2023", "12345678 people"]],
    [["lesson 4", "lesson 5", "lesson 6"]],
    [["第一", "一二三四五六七八九十"]],
    [["我们学了三", "四五六七八九十一二三课"]],
  ])("unrelated numbers at a joint pass: %j", (texts) => {
    expect(screenContext(history(...texts), NO_TOPICS)).toEqual({ ok: true });
  });
});

describe("the rest of a number whose first part was blocked", () => {
  // the message before was blocked for it, and left out of what later messages are read with
  it.each([
    ["the rest is 002X", ["cn_resident_id"], "002X"],
    ["1234", ["phone"], "1234"],
    ["and it ends with 5678", ["cn_mobile"], "5678"],
    ["后面几位是五六七八", ["cn_mobile"], "五六七八"],
    ["最后是 3 1 0 0", ["id_number"], "3 1 0 0"],
    ["89012345", ["account"], "89012345"],
  ])("%s after a block for %s", (prompt, before, match) => {
    expect(restOfBlockedNumber(prompt, before).map((f) => f.match)).toEqual([match]);
    expect(restOfBlockedNumber(prompt, before)[0]!.kind).toBe(before[0]);
  });
  it.each([
    ["ok sorry! what year was the first chatbot made, was it 1966?", ["phone"]],
    ["第一个聊天机器人是哪一年做的，1966年吗", ["cn_mobile"]],
    ["123", ["phone"]],
    ["lesson 3 please", ["cn_resident_id"]],
    ["1234", ["email"]],
    ["1234", ["blocked_topic"]],
    ["1234", []],
  ])("%s after %s passes", (prompt, before) => {
    expect(restOfBlockedNumber(prompt, before)).toEqual([]);
  });

  const now = new Date("2026-12-06T10:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  it("reads only the student's last message, blocked a moment ago", () => {
    const blocked = { role: "user", status: "blocked", flags: ["cn_mobile"], createdAt: ago(2) };
    expect(blockedJustBefore([blocked], now)).toEqual(["cn_mobile"]);
    expect(blockedJustBefore([{ ...blocked, createdAt: ago(11) }], now)).toEqual([]);
    const sent = { role: "user", status: "complete", flags: [], createdAt: ago(1) };
    const reply = { role: "assistant", status: "complete", flags: [], createdAt: ago(1) };
    expect(blockedJustBefore([blocked, sent, reply], now)).toEqual([]);
    expect(blockedJustBefore([sent, reply, blocked], now)).toEqual(["cn_mobile"]);
    expect(blockedJustBefore([], now)).toEqual([]);
  });
});

describe("folding", () => {
  it("maps every script's digits, Chinese numerals and invisible characters, keeping original offsets", () => {
    const text = `a\u200B一三九 ١٢ b`;
    const folded = foldForPersonalData(text);
    expect(folded.text).toBe("a一三九 12 b".replace("一三九", "139"));
    // "1" of 139 came from 一 at offset 2 of the original
    expect(folded.from[1]).toBe(2);
  });

  it("reads Chinese numbers", () => {
    expect(chineseNumberValue("一百二十三")).toBe("123");
    expect(chineseNumberValue("三零一")).toBe("301");
    expect(chineseNumberValue("十五")).toBe("15");
    expect(chineseNumberValue("二十")).toBe("20");
    expect(digitValue("٧")).toBe(7);
    expect(digitValue("९")).toBe(9);
  });
});

/** Found by a reviewer: each reached the model before the screen learned it. */
describe("reviewer's bypasses", () => {
  it.each([
    ["my phone is one three eight one two three four five six seven eight", "phone"],
    ["seven seven zero zero nine zero zero one two three", "phone"],
    ["seven seven oh oh nine oh oh one two three", "phone"],
    ["double seven zero zero nine zero zero one two three", "phone"],
    ["the number: 1 3 8 - 1 2 3 4 - 5 6 7 8", "cn_mobile"],
    ["1З812345678", "cn_mobile"],
    ["1з8123456I8", "cn_mobile"],
    ["call 139О1234567", "cn_mobile"],
    ["q q 123456789", "account"],
    ["加我v lily0815", "account"],
    ["my wechat id lily0815", "account"],
    ["SW1A1AA", "street_address"],
    ["my postcode is sw1a 1aa", "street_address"],
    ["I live at flat 3, 12 Elm Gardens", "street_address"],
    ["14 Oak Grove", "street_address"],
    // found in a children-first pass
    ["138 12 34 56 78", "cn_mobile"],
    ["1381 2345 678", "cn_mobile"],
    ["8613812345678", "cn_mobile"],
    ["add me: wx id amychen_2011", "account"],
    ["email me amychen2011 at gmail", "email"],
    ["i want to die add me wx amychen2011", "account"],
    ["vx amychen2011", "account"],
    ["加我vx amychen2011", "account"],
    // found in a 13-year-old's walk through the playground: digits and words mixed passed
    ["my number is 0 7 7 0 0 nine zero zero one two three", "phone"],
    ["my number is 07700 nine zero zero one two three", "phone"],
    ["my phone is 9123 four five six seven", "phone"],
    ["nine one two three 4567", "phone"],
  ] as const)("%s → %s", (text, kind) => {
    const result = screenPrompt(text, NO_TOPICS);
    expect(result.ok ? [] : result.findings.map((f) => f.kind)).toContain(kind);
  });

  it.each([
    "I got 12 out of 20",
    "I'm in year 8",
    "music from the 1990s",
    "see page 138",
    "1 3 8 12",
    "one two three four five six seven eight nine",
    "one or two of them, maybe three",
    "oh no, oh well",
    "the 2 - 1 win and a 3 - 0 loss",
    "2023 - 2024",
    "join code AB23CD",
    "I walked 10 min to the park",
    "my wechat id is private",
    "IO is input and output",
    "in 2023 three models came out",
    "chapter 12 one two three four",
    "the year 1969 one small step",
    "I got 100 one hundred percent",
    "score 42 seven times eight is 56",
  ])("%s passes", (text) => {
    expect(screenPrompt(text, NO_TOPICS)).toEqual({ ok: true });
  });

  // Found in a children-first pass: the stored copy of a blocked message kept part of what it
  // blocked ("我家在███三单元五零二", "amy dot ███").
  it.each([
    ["我家在朝阳区建国路八十八号三单元五零二", "我家在███"],
    ["amy dot chen at gmail dot com", "███"],
    ["我的邮箱是 amy点chen艾特qq点com", "我的邮箱是 ███"],
    ["my email is amy.chen at gmail dot com thanks", "my email is ███ thanks"],
  ])("%s is blanked out whole", async (text, stored) => {
    const { redactPersonalData } = await import("~/playground/guard.server");
    const { findPersonalData } = await import("~/playground/screen-personal-data");
    expect(redactPersonalData(text, findPersonalData(text))).toBe(stored);
  });

  it.each(["wx is short for wechat", "vx and wx are slang", "i'm at gmail", "meet me at qq", "the list 13 14 15 16 17 8", "scores 15 20 30 40 50 60", "I'm at 163 cm"])("%s passes", (text) => {
    expect(screenPrompt(text, NO_TOPICS)).toEqual({ ok: true });
  });

  it("an account app in one message and its number in the next is blocked", () => {
    const result = screenContext(
      [
        { source: "history", text: "my qq is" },
        { source: "prompt", text: "123456789" },
      ],
      NO_TOPICS,
    );
    expect(result.ok ? [] : result.findings.map((f) => [f.source, f.kind, f.split])).toContainEqual(["prompt", "account", true]);
  });

  it("a keyword at the end of one message does not reach into an unrelated count", () => {
    const parts: ContextPart[] = [
      { source: "history", text: "how many people use qq" },
      { source: "prompt", text: "about 12 of my friends" },
    ];
    expect(screenContext(parts, NO_TOPICS)).toEqual({ ok: true });
  });
});
