/**
 * 繁體中文 (Taiwan) derived from 简体中文 at build time. Authors write zh-Hans only; opencc-js
 * converts characters and, with `to: 'twp'`, Taiwan phrases (软件→軟體, 视频→影片). Its phrase
 * list is tuned for general text, not for a course about AI, so a few terms are taken out of its
 * hands (HANT_TERMS). Conversion runs on the server at build time only: opencc-js would cost
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
