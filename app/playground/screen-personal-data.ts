/**
 * Personal data in what a student types: e-mail, phone numbers, ID numbers, street addresses,
 * chat accounts, a named school with the child's class, passwords. Pure: no I/O.
 *
 * Detectors run on folded text (normalize-text.ts: NFKC, every script's digits as ASCII, Chinese
 * numerals as digits, invisible characters removed, spaced-out digits joined); findings are
 * reported as spans of the text the student typed.
 *
 * Design rule: every personal-data finding contains a digit (of any script, or a Chinese numeral)
 * or an "@" (or "at" written to dodge a screen). A child's name or town alone is not screened;
 * numbers that locate or identify a person are — a home address, or a named school with the
 * child's class in it ("Riverside Middle School, class 8B", 育才中学初二3班), which finds one
 * child among a few dozen once a name is anywhere in the conversation. The one exception is a
 * password (screen-passwords.ts), found after its own word. Each detector is narrow on
 * purpose — years, prices, token counts, dates, versions and join codes must pass, because a
 * screen that cries wolf teaches students to ignore it.
 */
import { foldForScreening, phoneShaped } from "./digit-disguises";
import { countryCodeBefore, isHelpLineNumber } from "./helplines";
import { isValidHongKongId, isValidResidentId, isValidTaiwanId, passesLuhn } from "./id-checksums";
import { isNumberSequence, writtenAsAPhone } from "./number-sequences";
import { CHINESE_DIGIT_CHARACTERS, chineseNumberValue, foldForWords, matchesOf, originalSpan, sentenceAround, type MappedText } from "./normalize-text";
import { PASSWORD_DETECTORS } from "./screen-passwords";
import type { Finding, PersonalDataKind } from "./screen-types";

interface Detector {
  kind: PersonalDataKind;
  /** Global, with the `d` flag when `group` is set. */
  pattern: RegExp;
  /** Capture group holding the data when the pattern also matches a keyword before it. */
  group?: number;
  /** Rejects look-alikes the pattern alone cannot tell apart. */
  accept?: (match: string, folded: string, index: number) => boolean;
}

// Before a number: not part of a longer number, Latin word, decimal, version or model id, nor a
// price. Chinese characters may touch it ("手机13800138000").
const NUMBER_START = String.raw`(?<![A-Za-z\p{N}_.+\-/$¥£€])`;
// After a number: not followed by more digits or a decimal part ("3.14", "1,000").
const NUMBER_END = String.raw`(?![\p{N}]|[.,]\d)`;
const SEP = String.raw`[\s\-]`;
/** Between the groups of a mobile or ID number students also type dots, underscores and slashes. */
const WIDE_SEP = String.raw`[\s\-._/]`;

/** A count of something, not a phone number: "3000-4000 tokens", "15000000000 parameters". */
const UNIT_AFTER =
  /^\s*(?:tokens?|words?|characters?|chars?|letters?|pages?|people|students?|years?|dollars?|yuan|parameters?|params?|times|[KMB%]\b|%|字|个|個|年|元|块|塊|人|名|页|頁|词元|詞元|次|位)/iu;

function notFollowedByUnit(match: string, folded: string, index: number): boolean {
  return !UNIT_AFTER.test(folded.slice(index + match.length));
}

const digitsOf = (s: string) => s.replace(/\D/g, "");
const between = (n: number, lo: number, hi: number) => n >= lo && n <= hi;

/** An identifier after a keyword: optional letters, then digit-led groups ("E1234567", "123 456"). */
const ID_VALUE = String.raw`([A-Za-z]{0,3}\d[\dA-Za-z]*(?:[ \-._/]\d[\dA-Za-z]*)*)`;

const STOP_WORDS =
  "a|an|the|on|in|at|to|of|for|by|from|with|and|or|but|is|are|was|were|be|been|my|your|his|her|our|their|this|that|these|those|it|its|we|you|they|i|me|he|she|him|them|more|less|than|then|very|so|if|as|about|around|along|into|onto|over|under|up|down|out|off|only|just|also|not|no|yes|some|any|all|each|every|many|much|few|other|new|old|big|small|minutes?|hours?|days?|weeks?|months?|years?|times?|steps?|tokens?|words?|lessons?|pages?|people|students?|points?|miles?|km|ways?|things?";
/** A word of a street name: not an everyday word, so "3 on the way" is not an address. */
const NAME_WORD = String.raw`(?!(?:${STOP_WORDS})\b)[A-Za-z][A-Za-z'’\-]*`;
const STREET_WORD = String.raw`(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|way|close|crescent|gardens|grove|mews|square)`;
/** One to ninety-nine in words, and "a hundred and twelve": a house number spelt out. */
const NUMBER_WORDS_EN = String.raw`(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;

const OBFUSCATED_AT = String.raw`\s*[(\[{<【]\s*(?:at|@)\s*[)\]}>】]\s*|\s*@\s*|\s*(?:艾特|圈a|圈A)\s*|\s+at\s+`;
const OBFUSCATED_DOT = String.raw`\s*[(\[{<【]\s*(?:dot|\.)\s*[)\]}>】]\s*|\s+dot\s+|\s*[点點]\s*|\s*\.\s*`;
/**
 * The building, staircase and flat after a street number (人民路88号3单元五零二): left out, they
 * stayed in the stored copy of a blocked message ("我家在███三单元五零二").
 */
const FLAT_AFTER = String.raw`(?:\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:栋|棟|幢|座|号楼|號樓|单元|單元|层|層|楼|樓)){0,3}(?:(?<=[栋棟幢座楼樓元层層])\s*(?:\d{1,5}|[零〇一二三四五六七八九]{2,5})(?:\s*(?:室|房|号|號))?)?`;

/**
 * The name before an obfuscated "at": "amy.chen", and "amy dot chen" / "amy点chen" too (a
 * children-first pass found "amy dot ███" stored: the name's first word was left). Each word and
 * its " dot " alternate, so the pattern reads it in one way only.
 */
const OBFUSCATED_LOCAL = String.raw`(?:[A-Za-z0-9][A-Za-z0-9_%+-]{0,31}(?:\s+dot\s+|\s*[点點]\s*))*[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}`;
const EMAIL_TLDS =
  "com|net|org|edu|gov|info|biz|io|co|me|ai|app|dev|cn|hk|tw|mo|sg|my|uk|us|ca|au|nz|jp|kr|de|fr|es|it|nl|ch|ie|in";
/** Mail services a student might name: "tom at gmail dot com" is an address, "look at this dot com" not. */
const MAIL_PROVIDERS =
  /^(?:gmail|googlemail|qq|foxmail|163|126|yeah|sina|sohu|aliyun|139|189|outlook|hotmail|live|msn|yahoo|icloud|me|proton|protonmail|gmx|mail|ymail|netvigator|hknet)$/i;
const EMAIL_WORDS = /(?:e-?mail|mail|address|邮箱|郵箱|邮件|郵件|电邮|電郵|信箱)[^.!?。！？\n]{0,40}$/i;

/**
 * The obfuscated forms are certain ("(at)", "[at]", 艾特, 圈a, "@"); a plain " at " is common English,
 * so it counts only with a mail service, a handle-like name (digits, dots, underscores) or a
 * mention of e-mail just before.
 */
function isObfuscatedEmail(match: string, folded: string, index: number): boolean {
  const m = new RegExp(
    String.raw`^(${OBFUSCATED_LOCAL})(${OBFUSCATED_AT})((?:[A-Za-z0-9-]+(?:${OBFUSCATED_DOT}))+)`,
    "iu",
  ).exec(match);
  if (!m) return false;
  const [, local = "", at = "", domain = ""] = m;
  const labels = match.slice(local.length + at.length).split(new RegExp(OBFUSCATED_DOT, "iu"));
  if (isExampleAddress(local, labels.join("."))) return false;
  const plainAt = /^\s+at\s+$/i.test(at);
  if (!plainAt) return true;
  const firstLabel = domain.split(new RegExp(OBFUSCATED_DOT, "iu"))[0] ?? "";
  return (
    MAIL_PROVIDERS.test(firstLabel) || /[\d._]/.test(local) || EMAIL_WORDS.test(folded.slice(Math.max(0, index - 60), index))
  );
}

/**
 * Apps a student is reached on (QQ, WeChat, LINE, Snapchat, Instagram, TikTok, Discord…). Sharing
 * one lets a stranger contact a child directly, which is the point of the personal-data screen.
 */
const ACCOUNT_APPS_EN = String.raw`qq|wechat|we\s?chat|weixin|wx|vx|line\s+id|snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|discord|telegram|kik|roblox|fortnite|steam|xbox|psn|twitter|facebook|fb|messenger|whats\s?app|douyin|weibo|minecraft`;
/** "add me on line", but "my line is busy" and "line: 12" are not accounts. */
const ACCOUNT_APPS_ADD = String.raw`${ACCOUNT_APPS_EN}|line`;
const ACCOUNT_APPS_ZH = String.raw`qq|QQ|扣扣|企鹅号|企鵝號|微信|威信|薇信|微訊|v信|V信|抖音|快手|微博|小红书|小紅書|b站|B站|推特|脸书|臉書`;
/**
 * Names teens give the apps: 企鹅 for QQ after 我的/加 and before a number (not "企鹅 20000000只"
 * about penguins, nor 我的企鹅宝宝叫pingu), 扣
 * for QQ before a colon (扣：123456789; not 扣分), q right after 我 (我q 123456789), and 微 信
 * with a space. 扣 and q count only before a number (a QQ number): "我Q Street" is not an account
 * (found by the property test).
 */
const ACCOUNT_SLANG_ZH = String.raw`(?<=我的?\s{0,2}|我嘅\s{0,2}|加我?\s{0,2})企[鹅鵝](?=[^0-9\n]{0,6}\d)|扣(?=\s*[:：]\s*\d)|(?<=我的?\s{0,2})[qQ](?![A-Za-z])(?=[\s:：]{0,3}\d)|微\s{1,2}[信訊]`;
/** A handle named before its app, or in brackets: letters, digits, ".", "_", "-", "#". */
const HANDLE_VALUE = String.raw`@?[A-Za-z0-9][A-Za-z0-9._#\-]{1,31}[A-Za-z0-9]`;

/** Words after "my snap is" that are not a name: "my insta is private", "add me on line later". */
const NOT_A_HANDLE =
  /^(?:a|an|the|is|am|are|was|on|in|at|to|and|or|but|so|too|also|just|not|no|yes|private|public|down|broken|banned|blocked|deleted|hacked|new|old|boring|cool|fun|great|good|bad|fine|better|worse|same|please|pls|plz|now|later|soon|today|tomorrow|tonight|sometime|maybe|if|because|cuz|lol|lmao|haha|bro|too|really|very|full|empty|dead|gone|here|there|it|this|that|mine|yours|account|app|name|id|username|handle|number|what|why|how|when|where|who|which|for|with|from|by|of|me|you|him|her|them|us|we|they|i|he|she|ok|okay|idk|everything|nothing|something|about|around|like|every|since|until|than|all|some|more|less)$/i;

function looksLikeHandle(value: string): boolean {
  // spelt out one character at a time to slip past the screen: "a b c 1 2 3 4"
  const handle = value.replace(/^@/, "").replace(/ /g, "");
  if (handle.length < 3 || NOT_A_HANDLE.test(handle)) return false;
  // A name has a letter; a bare number must be long enough to be an account (QQ: 5 to 11 digits).
  return /[A-Za-z]/.test(handle) || (/^\d+$/.test(handle) && between(handle.length, 5, 12));
}

/**
 * Between the groups of a number a keyword announces: what a phone is written with, and what a
 * student puts there to slip it past (电话：9123，4567, "phone 9123|4567", "tel 9123😀4567").
 */
const KEYWORD_PHONE_SEP = String.raw`(?:[\s\-._/(),、|~*+]|\p{Extended_Pictographic}|\p{Emoji_Modifier})`;

/** A price is being talked about: "手机价格 2499，3999", "phone costs 2,499". */
const PRICE_BEFORE = /价|價|钱|錢|元|块|塊|price|cost|\$|¥|£|€/iu;

/**
 * Not a list, a sum, prices or thousands after the keyword: "my phone cost 1,299,000", "phone 3, 5,
 * 7, 11, 13", "call me 12+34+56+78", 手机价格 2499，3999，5999. Groups parted by anything but a
 * space, dash, dot, slash or bracket must each hold three digits or more, seven or eight in all
 * (a local number: 9123，4567) unless a phone's shape was read already (digit-disguises.ts).
 */
function readsAsOnePhoneNumber(value: string, before: string): boolean {
  if (!/[,、|~*+]|\p{Extended_Pictographic}/u.test(value.replace(/^\+/, ""))) return true;
  if (/^\d{1,3}(?:,\s?\d{3})+$/.test(value) || PRICE_BEFORE.test(before)) return false;
  const groups = value.split(/\D+/).filter(Boolean);
  return groups.every((group) => group.length >= 3) && between(groups.join("").length, 7, 8);
}

/**
 * A handle that says it is one without the app before it: "lilyk2011", "lily_k", "@lily", or a QQ
 * number (five to twelve digits). "python", "discord.js" and "@everyone" are not.
 */
function looksLikeAnnouncedHandle(value: string): boolean {
  const bare = value.replace(/^@/, "");
  if (!looksLikeHandle(value) || /^(?:everyone|here|channel|someone|all)$/i.test(bare) || /\.(?:js|ts|py|com|org|net|io|exe)$/i.test(bare)) return false;
  return value.startsWith("@") || /[\d_]/.test(bare) || /[A-Za-z]\.[A-Za-z]/.test(bare);
}

/** Which letter announced the value ("q: …"), and whether the value fits that app. */
function isSingleLetterAccount(value: string, folded: string, index: number): boolean {
  const app = /(q|v|sc)\s*:\s*$/i.exec(folded.slice(Math.max(0, index - 8), index))?.[1]?.toLowerCase();
  if (app === "q") {
    const after = folded.slice(index + value.length);
    // not a number a question is about: "Q: 123456 is divisible by 3?"
    return /^\d{5,12}$/.test(value) && !/^\s*(?:[+\-*/×÷=?？]|is\b|divisible\b|times\b|plus\b|minus\b|squared\b|even\b|odd\b|prime\b)/i.test(after) && notFollowedByUnit(value, folded, index);
  }
  return /^[A-Za-z]/.test(value) && /\d/.test(value) && /[A-Za-z].*[A-Za-z]/.test(value);
}

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SPELLED_DIGIT = String.raw`(?:(?:double|triple)\s+)?(?:${DIGIT_WORDS.join("|")}|oh|nought|\d)`;
/**
 * A group of up to five digits beside spelled ones: "07700 nine zero zero one two three", "9123 four
 * five six seven" (the fold joins "0 7 7 0 0" into 07700 first). Only with a word on one side.
 */
const DIGIT_GROUP = String.raw`\d{2,5}`;
const MIXED_DIGITS = String.raw`\b(?:${DIGIT_GROUP}(?:[\s,.\-]{1,3}${SPELLED_DIGIT})*[\s,.\-]{1,3}(?:${DIGIT_WORDS.join("|")}|oh|nought)|(?:${DIGIT_WORDS.join("|")}|oh|nought)(?:[\s,.\-]{1,3}${SPELLED_DIGIT})*[\s,.\-]{1,3}${DIGIT_GROUP})(?:[\s,.\-]{1,3}(?:${SPELLED_DIGIT}|${DIGIT_GROUP}))*\b`;

/**
 * The digits words say, as people read a number aloud: digit words and digits ("one three 8"),
 * "oh", "double"/"triple", and grouped (teens, tens, "X hundred": "twelve thirty-four", "nine
 * hundred one two three"). A word that says no digits makes the result not a number ("-1").
 */
function spelledDigits(words: string): string {
  let digits = "";
  let repeat = 1;
  const said = words
    .toLowerCase()
    // "thirty four" said as two words is one number, as "thirty-four" is; "one-three-eight" is three
    .replace(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+(one|two|three|four|five|six|seven|eight|nine)\b/g, "$1-$2")
    .split(/[\s,.]+/)
    .flatMap((w) => (TENS.includes(w.split("-")[0]!) ? [w] : w.split("-")))
    .filter(Boolean);
  for (const word of said) {
    if (word === "double" || word === "triple") {
      repeat = word === "double" ? 2 : 3;
      continue;
    }
    const [tens, unit] = word.split("-");
    const value = /^\d+$/.test(word)
      ? word
      : word === "hundred"
        ? "00"
        : TENS.includes(tens!)
          ? `${TENS.indexOf(tens!) + 2}${unit ? DIGIT_WORDS.indexOf(unit) : 0}`
          : TEENS.includes(word)
            ? `1${TEENS.indexOf(word)}`
            : word === "oh" || word === "nought"
              ? "0"
              : String(DIGIT_WORDS.indexOf(word));
    digits += value.repeat(repeat);
    repeat = 1;
  }
  return digits;
}

/** Digits with a phone's length, three different at least, not counting ("1234567"). */
function couldBeAPhone(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  const steps = [...digits].slice(1).map((d, i) => Number(d) - Number(digits[i]));
  const counting = steps.every((s) => s === 1) || steps.every((s) => s === -1);
  return between(digits.length, 7, 15) && new Set(digits).size >= 3 && !counting;
}

function isSpelledPhoneNumber(match: string): boolean {
  const digits = spelledDigits(match);
  // Digits alone with commas between them are a list ("sort 5, 3, 8, 1, 9, 2, 7", the digits of
  // pi): only a phone's shape makes them one ("0, 7, 7, 0, 0, 9, 0, 0, 1, 2, 3").
  if (!/\p{L}/u.test(match) && !phoneShaped(digits, false)) return false;
  return couldBeAPhone(digits);
}

/**
 * Chinese numerals one to a digit, seven to fifteen of them, as typed (九一二三四五六七, 陸壹貳參肆伍陸柒):
 * a number spelt out digit by digit, as "nine one two three four five six seven" is — a quantity
 * has its places (九千一百二十三万…), so none is one. Eight bare digits (a Hong Kong number) count only
 * after a keyword; spelt so they need none (a red team, 7 December). A space or two may part them.
 */
const NUMERAL_OR_PLACE = `${CHINESE_DIGIT_CHARACTERS}十拾百佰千仟万萬亿億0-9`;
const SPELLED_CHINESE_DIGITS = new RegExp(
  `(?<![${NUMERAL_OR_PLACE}])[${CHINESE_DIGIT_CHARACTERS}](?:[ \u3000]{0,2}[${CHINESE_DIGIT_CHARACTERS}]){6,14}(?![${NUMERAL_OR_PLACE}])`,
  "gu",
);
/** …unless they count (一二三四五六七) or hold fewer than three digits (七七七七七七七七). */
function isSpelledChineseNumber(run: string): boolean {
  const digits = chineseNumberValue(run.replace(/[ \u3000]/g, "")) ?? "";
  const steps = [...digits].slice(1).map((d, i) => Number(d) - Number(digits[i]));
  const counting = steps.every((step) => step === 1) || steps.every((step) => step === -1);
  return new Set(digits).size >= 3 && !counting;
}

/**
 * Words that name a phone, in both readings below: a number after one is a phone (the keyword
 * rule), and a list of numbers in a message with one is read as a phone, not a sequence
 * (CONTACT_WORD). Each adds the words only it can use: "call" is a contact word only as a verb,
 * "number" announces a phone only as "my number".
 */
const PHONE_WORDS_EN = String.raw`phone|mobile|tel|telephone|sms|whats\s?app|signal|telegram`;
const PHONE_WORDS_ZH = "电话|電話|手机|手機|手提|座机|座機|号码|號碼|联系方式|聯絡方式|聯繫方式|联系电话|聯絡電話|联络|聯絡|致电|致電|短信|簡訊|短訊";

/**
 * Five numbers or more with the same separator that are, all of them, a sequence a lesson or
 * homework asks about (number-sequences.ts: "0, 1, 1, 2, 3, 5, 8", "… 377 610 987 1597", "1 2 6
 * 24 120 720 5040"), in which three numbers have a phone's groups by chance. Read in the text as
 * typed (the fold joins "1 2 4 8" into one number). A list that is no such sequence hides a phone
 * however gently it rises ("10 50 212 555 1234", "1 2 138 1234 5678"), and a list in a message
 * with a contact word anywhere in it ("… is my number", "wechat …", 加我) is read as a phone.
 */
const NUMBER_LIST = /(?<![\d.])\d+(\s*[,，、;]\s*|\s+)\d+(?:\1\d+)+(?![\d.])/g;
/**
 * Words about reaching someone. "call", "ring" and "text" only as a verb with its object or a
 * number after it ("call me", "call 2 9 50…"; not "we call these triangular numbers", "a function
 * call", "the text"); 联系 only as 联系方式/联系我 (这些数有什么联系 asks how numbers relate).
 */
const CONTACT_WORD = new RegExp(
  String.raw`\b(?:${PHONE_WORDS_EN}|cell\s?phone|dial|wechat|we\s?chat|weixin|wx|vx|kik|contact\s+(?:me|us)|reach\s+(?:me|us)|number|(?:call|ring|text|txt|msg|message|dm)(?=\s*(?:(?:me|us|him|her|them|my|our|mum|mom|dad|on|at)\b|[:#+(]|\d)))\b|${PHONE_WORDS_ZH}|加我|微信|威信|联系我|聯絡我|聯繫我|打给|打給`,
  "iu",
);
/**
 * A phone number said aloud in grouped number words, after a word about reaching someone (a walk
 * with a model key, 7 December: each reached the model): "call me on one-three-eight, twelve
 * thirty-four, fifty-six seventy-eight", "my number is thirteen eight, twelve thirty four…", "oh
 * seven seven double oh, nine hundred one two three", 我的手机是十三八，十二三十四，五十六七十八. Only
 * after such a word: "twenty, thirty, forty, fifty" in a sum is no one's number.
 */
const SAID_NUMBER = String.raw`(?:(?:double|triple)\s+)?(?:(?:${DIGIT_WORDS.slice(1).join("|")})\s+hundred|${TENS.join("|")}|${TEENS.join("|")}|${DIGIT_WORDS.join("|")}|oh|nought)`;
const SAID_PHONE_EN = new RegExp(
  String.raw`(?:${PHONE_WORDS_EN}|number|call(?:\s+me)?|ring(?:\s+me)?|text(?:\s+me)?|reach\s+me)\b[^.!?\n\d]{0,25}?\b(${SAID_NUMBER}(?:[\s,\-]{1,3}${SAID_NUMBER}){2,})\b`,
  "giud",
);
const CHINESE_SAID_GROUP = /[一二三四五六七八九两兩]?十[一二三四五六七八九]?|[零〇○幺一二三四五六七八九两兩]/gu;
const SAID_PHONE_ZH = new RegExp(
  String.raw`(?:${PHONE_WORDS_ZH}|加我|微信)[^0-9${CHINESE_DIGIT_CHARACTERS}十。！？!?\n]{0,8}([${CHINESE_DIGIT_CHARACTERS}十兩两](?:[\s,，、.-]{0,2}[${CHINESE_DIGIT_CHARACTERS}十兩两])+)`,
  "gud",
);

/** The digits a number said aloud stands for ("twelve thirty-four" → 1234, 十二三十四 → 1234). */
function saidDigits(words: string): string {
  if (!/\p{Script=Han}/u.test(words)) return spelledDigits(words);
  const run = words.replace(/[\s,，、.-]/g, "");
  const parts = run.match(CHINESE_SAID_GROUP) ?? [];
  return parts.join("") === run ? parts.map((p) => chineseNumberValue(p.replace(/[两兩]/g, "二")) ?? "").join("") : "";
}

/** "number" in maths: "the next number", "each triangular number", "a number sequence". */
const MATHS_NUMBER =
  /\b(?:(?:next|missing|following|nth|which|what|prime|square|cube|triangular|fibonacci|lucas|even|odd|whole|natural|each|every)\s+number|number\s+(?:sequences?|patterns?|series|line|comes|goes))\b/giu;

/**
 * Whether a phone match at `[start, end)` of `text` stands in a number sequence. Each list, and
 * the contact words, are read once per message, however many matches stand in it.
 */
function numberSequenceReader(text: string): (start: number, end: number) => boolean {
  let lists: { start: number; end: number; numbers: string; sequence?: boolean }[] | undefined;
  let contact: boolean | undefined;
  return (start, end) => {
    lists ??= [...matchesOf(text, NUMBER_LIST)].map((m) => ({ start: m.index, end: m.index + m[0].length, numbers: m[0] }));
    const list = lists.find((l) => l.start <= start && end <= l.end);
    if (!list || writtenAsAPhone(list.numbers, text.slice(start, end))) return false;
    contact ??= CONTACT_WORD.test(text.replace(MATHS_NUMBER, " "));
    list.sequence ??= !contact && isNumberSequence(list.numbers.split(/\D+/).filter(Boolean).map(BigInt));
    return list.sequence;
  };
}

/**
 * Addresses the whole world knows, which are no child's home: "who lives at 10 Downing Street",
 * 1600 Pennsylvania Avenue, Sherlock Holmes's 221B Baker Street, 唐宁街10号, 宾夕法尼亚大道1600号.
 * Read at the end of a match folded for words (lower case, Traditional as Simplified).
 */
const FAMOUS_ADDRESS =
  /(?:(?<![\p{L}\d])(?:1[01]\s+downing\s+st(?:reet)?|1600\s+pennsylvania\s+ave(?:nue)?|221b\s+baker\s+st(?:reet)?)|唐宁街\s*1[01]\s*号|宾夕法尼亚大道\s*1600\s*号)\.?$/u;

/**
 * Domains kept for examples (RFC 2606, RFC 6761): example.com, .net and .org and every name under
 * .example, .test, .invalid and .localhost. "const email = 'test@example.com'" is nobody's address.
 */
const EXAMPLE_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid|localhost))$/i;
/**
 * …when its name is a placeholder too. A person's name there ("alex.lin.2012@example.com", lesson
 * 7's made-up student) reads as an address to a child, and the lesson teaches to take it out: the
 * screen must say so, as it would for a real one.
 */
const PLACEHOLDER_WORD = String.raw`test(?:ing)?|user(?:name)?|your?[._-]?name|name|you|me|someone|somebody|anyone|foo|bar|baz|example|e-?mail|mail|info|admin|hello|contact|support|no-?reply|john[._-]?doe|jane[._-]?doe|alice|bob|student|pupil|teacher|fake|demo|sample|dummy|first(?:[._-]?name)?[._-]?last(?:[._-]?name)?|[a-z]`;
/** One placeholder word or two ("test.user"), and any digits ("user1234"); a single letter ("a@…"). */
const PLACEHOLDER_NAME = new RegExp(String.raw`^(?:${PLACEHOLDER_WORD})(?:[._-](?:${PLACEHOLDER_WORD}))?\d*$`, "i");
function isExampleAddress(local: string, domain: string): boolean {
  return EXAMPLE_DOMAIN.test(domain) && PLACEHOLDER_NAME.test(local.trim());
}
const isExampleEmail = (address: string) => isExampleAddress(address.slice(0, address.lastIndexOf("@")), address.slice(address.lastIndexOf("@") + 1));

/**
 * Not a school's name either: a subject ("grade 10 math high school"), a kind of school ("a
 * typical secondary school", "a Catholic high school") or a school from a story or an anime
 * ("class 1-A at U.A. High School").
 */
const SCHOOL_NOT_A_NAME_EN = String.raw`maths?|science|history|geography|physics|chemistry|biology|pe|gym|sports?|football|soccer|drama|normal|regular|typical|average|good|bad|great|top|nice|strict|real|different|traditional|state|charter|religious|catholic|christian|international|grammar|comprehensive|military|police|khan|u\.a\.?|kunugigaoka|karasuno|ouran|shuchiin`;
// A named school with a class or year group in the same sentence. The school must have a name:
// "my school", 我们学校 and "at school in year 8" pass, as does a class without a school.
const SCHOOL_GENERIC_EN = `${STOP_WORDS}|schools?|high|middle|primary|secondary|new|summer|sunday|boarding|public|private|local|best|same|another|online|home|driving|art|music|dance|language|chinese|english|coding|night|elementary|junior|senior|go|goes|going|went|attend|attends|attending|study|studies|called|named|class|form|grade|am|im|i'?m|hi|hello|hey|name|is|our|whole|entire|favourite|favorite|after|before|during|magic|wizard|hogwarts|nevermore|moordale|beauxbatons|durmstrang|xavier'?s?|ua|${SCHOOL_NOT_A_NAME_EN}`;
const SCHOOL_KIND_EN = String.raw`international|grammar|high|middle|primary|secondary|junior\s+high|senior\s+high|elementary|community|comprehensive|catholic|christian|foreign\s+language`;
// Each word at most ~30 characters: a run of 我.我.我. read as one word made every position scan to
// its end (quadratic: 2 s for 4,000 characters; a red team's sixth pass, 8 December).
const SCHOOL_EN = String.raw`(?<![\p{L}'’-])(?!(?:${SCHOOL_GENERIC_EN})\b)[\p{L}][\p{L}'’.-]{0,30}\s+(?:(?!(?:${STOP_WORDS})\b(?!\.))[\p{L}\d][\p{L}\d'’.-]{0,30}\s+){0,3}(?:(?:${SCHOOL_KIND_EN})\s+)?(?:school|academy|college|high|middle|elementary|primary|secondary)\b(?!\s+(?:trips?|bus(?:es)?|holidays?|uniforms?|days?|dances?|plays?|reports?|run|lunch(?:es)?|musical|friends?|work|year))`;
/**
 * An academy or college in lower case is named by the word before it — UK secondary schools are
 * "harris academy", "ark academy" — unless that word says what it teaches or what kind it is
 * ("police academy", "football academy", "sixth form college", "community college").
 */
const ACADEMY_NOT_A_NAME_EN = String.raw`${SCHOOL_GENERIC_EN}|sixth|further|technical|tech|vocational|city|liberal|arts?|tennis|ballet|swim(?:ming)?|chess|golf|hockey|basketball|baseball|cricket|rugby|netball|gymnastics|karate|martial|cheer|flight|naval|air\s+force|coast\s+guard|fire|film|acting|theatre|theater|cooking|culinary|beauty|law|medical|nursing|junior|community|youth|kids|summer|ninja|game|games|gaming|esports|roblox|nevermore`;
const LOWER_CASE_ACADEMY_EN = String.raw`(?<![\p{L}'’-])(?<!\bthe\s)(?!(?:${ACADEMY_NOT_A_NAME_EN})\s)[\p{Ll}][\p{L}'’-]+\s+(?:academy|college)`;
/** "i go to", "i goto", "i go 2", "i study at": the words that say the student goes to a school. */
const GO_TO_EN = String.raw`(?:i|we)\s+(?:go\s*to|go\s+2|study\s+at)`;
/** "sky high", "knee high", "record high", "peak high": no school's name. */
const NOT_A_HIGH_NAME_EN = String.raw`${SCHOOL_GENERIC_EN}|all-time|record|historic|sky|knee|waist|shoulder|chest|head|mile|miles|feet|foot|riding|flying|running|peak`;
/** "… high score", "… high five", "high street": not a school. */
const NOT_A_HIGH_SCHOOL_AFTER_EN = String.raw`(?!\s+(?:scores?|fives?|marks?|grades?|jumps?|tea|noon|speed|quality|ground|levels?|points?|heels?|street|road|st|rd)\b)`;
/**
 * "a freshman at lincoln high", "in 9th grade at lincoln high", "year 8, i go to lincoln high":
 * lower case, right after the year (the words before it must be inside the match).
 */
const LOWER_CASE_HIGH_EN = String.raw`(?<=\b(?:(?:freshman|sophomore|junior|senior|grade\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)\s+grade(?:r)?)\s+(?:at|@)|${GO_TO_EN}|(?:i|we)\s+went\s+to|i\s+attend|(?:im|i'm|i\s+am)\s+at)\s+)(?!(?:${NOT_A_HIGH_NAME_EN})\s)[\p{Ll}][\p{L}'’-]+\s+high${NOT_A_HIGH_SCHOOL_AFTER_EN}`;
/**
 * A school's name is capitalised, or lower case with its kind or a saint: "riverside middle
 * school", "st marys school", not "magic school". US schools drop the word school: "Lincoln
 * High", "Sunnydale Elementary" (capitalised only: "a normal high" is no name).
 */
const NAMED_SCHOOL_EN = new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:(?!I\s)\p{Lu}[\p{L}'’.-]{0,30}\s+(?:[\p{L}\d'’.-]{1,31}\s+){0,3}|(?:(?!(?:${SCHOOL_GENERIC_EN})\s)[\p{L}\d'’.-]{1,31}\s+){1,3}(?:${SCHOOL_KIND_EN})\s+|[Ss](?:t\.?|aint)\s+[\p{L}'’]{1,31}\s+(?:[\p{L}'’]{1,31}\s+)?)(?:[Ss]chool|[Aa]cademy|[Cc]ollege|SCHOOL|ACADEMY|COLLEGE)|${LOWER_CASE_ACADEMY_EN}|${LOWER_CASE_HIGH_EN}|\p{Lu}[\p{L}'’.-]{0,30}\s+(?:\p{Lu}[\p{L}'’.-]{0,30}\s+){0,2}(?:High|Elementary|Primary|Secondary))\b`, "u");
/**
 * A school named without its kind, after the words that say the student goes there: "i go to st
 * marys, year 8", "year 9 at oakwood high", "i go to oakwood high, year 9", "im in 8c at st
 * marys", and the dedications Catholic schools are named for ("i go to sacred heart, year 8").
 * Alone, a saint's name or a lower-case "… high" is a church, a town or an adjective ("st marys is
 * a common name?"); so is a saint before a place or a club ("st katharine docks", "st johns
 * ambulance cadets"). SAINT_EN lets the detector's pattern find the saint; namesASchool reads the
 * words before.
 */
const DEDICATION_EN = String.raw`sacred\s+heart|holy\s+(?:cross|family|trinity|rosary|spirit|name|child|redeemer)|our\s+lady(?:['’]?s)?(?:\s+of\s+[\p{L}]+)?|christ\s+the\s+king|corpus\s+christi`;
const NOT_A_SCHOOL_AFTER_SAINT_EN = String.raw`(?!\s+(?:church|cathedral|chapel|abbey|priory|parish|hospital|hospice|island|beach|bay|street|road|lane|square|park|station|docks?|wharf|quay|pier|harbou?r|marina|bridge|market|centre|center|mall|museum|library|hall|theatre|theater|cemetery|university|ambulance|cadets|brigade|scouts|guides|fc|football|rugby|cricket|club|estate)\b)`;
/**
 * Saints' names known as a station, a resort or a country, said without the word for it: "im at st
 * pancras" is at the station (the year group's trip below would otherwise make it a school).
 */
const SAINT_PLACE_EN = String.raw`pancras|ives|tropez|moritz|petersburg|lucia|kitts`;
const SAINT_EN = String.raw`(?<![\p{L}'’-])(?:(?:st\.?|saint)\s+(?!(?:${STOP_WORDS}|${SAINT_PLACE_EN})\b)[\p{L}][\p{L}'’]*(?![\p{L}'’])|(?:${DEDICATION_EN})(?![\p{L}'’]))${NOT_A_SCHOOL_AFTER_SAINT_EN}`;
/**
 * A lower-case name with its kind after the words that say the student goes there ("year 9 at
 * riverside school", "in 7th grade at lincoln middle"; a red team's pass, 7 December) — not a kind
 * of school ("boarding school", "an all girls school", "football academy", "middle school").
 */
const NOT_A_LOWER_CASE_NAME_EN = String.raw`${NOT_A_HIGH_NAME_EN}|${ACADEMY_NOT_A_NAME_EN}|girls|boys|all|mixed|single|special|faith|free|village|dream|former|previous`;
const ATTENDED_SCHOOL_EN = new RegExp(
  String.raw`(?<=\b(?:${GO_TO_EN}|(?:i|we)\s+attend|(?:my|our)\s+school\s+is|(?:im|i['’]m|i\s+am|we['’]re|we\s+are)\s+at|(?:(?:year|yr|grade|class|form)\s+\d{1,2}[a-z]?|y(?:[5-9]|1[0-3])|in\s+(?:[5-9]|1[0-3])[a-z]|\d{1,2}(?:st|nd|rd|th)\s+grade)\s+(?:at|@))\s+)(?:${SAINT_EN}|(?!(?:${NOT_A_HIGH_NAME_EN})\s)[\p{L}][\p{L}'’-]+\s+(?:high|middle)\b${NOT_A_HIGH_SCHOOL_AFTER_EN}|(?!(?:${NOT_A_LOWER_CASE_NAME_EN})\s)[\p{L}][\p{L}'’-]+\s+(?:school|academy|college)\b)`,
  "giu",
);
/**
 * A place visited, not a school: "i go to st ives every summer", "year 9 at st ives was the best
 * trip". A school's trip says nothing of the kind, and neither does a year group's: "im at st
 * marys, year 9 trip" (a known gap, 7 December: the trip made the school a place visited).
 */
const VISIT_EN = /\b(?:(?<!\b(?:school|(?:year|yr|grade|form|class)\s+\d{1,2}[a-z]?|y(?:[5-9]|1[0-3]))\s)trips?|holidays?|vacations?|visit(?:s|ed|ing)?|sightseeing|excursions?|every\s+(?:summer|winter|spring|autumn|fall|year|weekend|holiday|christmas|easter)|each\s+(?:summer|winter|year)|(?:this|last|next)\s+(?:summer|winter|weekend))\b/i;

/** Whether ATTENDED_SCHOOL_EN finds a school inside `match`, reading up to 40 characters before it, in a sentence about no visit. */
function attendsASchool(match: string, folded: string, index: number): boolean {
  const from = Math.max(0, index - 40);
  for (const m of matchesOf(folded.slice(from, index + match.length), ATTENDED_SCHOOL_EN)) {
    if (from + m.index >= index) return !VISIT_EN.test(sentenceAround(folded, index, index + match.length));
  }
  return false;
}

/** "like Khan Academy", "an essay about Eton College", "compare Eton College": a school as a topic. */
const SCHOOL_AS_TOPIC_EN = /\b(?:about|on|like|compare|comparing|vs\.?|versus|than|use|using|watch|watched|watching)\s+$/i;
/** A school in history, someone else's: "The Little Rock Nine attended Central High School in grade 10". */
const SOMEONE_ELSES_PAST_EN = /\b(?:attended|went|was|were|did|graduated|(?:1[89]|20[01])\d)\b/i;
const FIRST_PERSON_EN = /\b(?:i|i['’]?m|im|me|my|we|we['’]?re|our|us)\b/i;
/**
 * "class 8B", "Year 9", "yr 9", "Y9", "8th grade", "a 7th grader", "in 9C", "Harris Academy 9C",
 * "Sam, 9C" (a secondary form: 5 to 13 and a letter, not 5G or 8K), and the US years: "a freshman
 * at", "sophomore year" (never "junior high"). Not a count: "year 9 students", "class 8 pupils".
 */
const CLASS_EN = String.raw`\b(?:(?:class|form|year|yr|grade)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b(?!\s*(?:students\b|kids|pupils|people|years?|of\s+the|times?))|(?:class|form|homeroom|tutor\s+group|year|yr|grade)\s*[-:#]?\s*\d{1,2}\s*[a-z]?\b(?!\s*(?:%|percent|students\b|kids|pupils|people|years?|lessons?|times?))|\broom\s*[-:#]?\s*\d{1,3}[a-z]?\b(?!\s*(?:%|percent|students\b|kids|pupils|people|years?|lessons?|times?))|y(?:[5-9]|1[0-3])\b|\d{1,2}(?:st|nd|rd|th)[\s-]+grade(?:rs?)?\b|(?:(?<=\b(?:in|from|school|academy|college)\s)|(?<=\p{L},\s))(?:[5-9]|1[0-3])(?![gk])[a-z]\b(?![\p{L}\d])|(?<=\b(?:a|an|am|im|i['’]m|as)\s)(?:freshman|sophomore|junior|senior)(?=\s+(?:at|in|from|@)\s)|\b(?:freshman|sophomore|junior|senior)\s+year\b)`;
const SCHOOL_SUFFIX_ZH = "(?:实验学校|實驗學校|外国语学校|外國語學校|中学|中學|小学|小學|学校|學校|国中|國中|国小|國小|高中|书院|書院|附中|附小)";
const SCHOOL_ZH = String.raw`\p{Script=Han}[\p{Script=Han}\d]{1,11}?${SCHOOL_SUFFIX_ZH}|\p{Script=Han}{1,6}?[一二三四五六七八九十]{1,2}中(?=(?:读|讀|念)?(?:初|高|中|小|[一二三四五六七八九\d(（]))`;
/**
 * A grade (初二, 高一, 中三, 小五, 八年级, a cohort: 2022级, 2025届) and/or a class (3班, (2)班,
 * 丙班, 3A班, B班): 初二3班, 八年级 3 班, 小五B班.
 */
const GRADE_ZH = String.raw`(?:(?:初|高|中|小学|小學|小)[一二三四五六\d](?!年)|[一二三四五六七八九\d]{1,2}\s?(?:年级|年級)|(?:19|20)\d\d\s?[级級届屆])`;
const CLASS_NUMBER_ZH = String.raw`[(（]?\s?(?:[\d一二三四五六七八九十甲乙丙丁]{1,3}[A-Za-z]?|(?<![A-Za-z])[A-Za-z])\s?[)）]?\s?班`;
const CLASS_ZH = String.raw`(?:${GRADE_ZH}(?:\s?${CLASS_NUMBER_ZH})?|${CLASS_NUMBER_ZH})`;
/** Not a school's name: 我们学校, 这所中学, 一所小学, 普通高中. */
const GENERIC_SCHOOL_ZH = /^(?:我们|我們|你们|你們|他们|他們|她们|她們|这是|這是|那是|这|這|那|一个|一個|某所?|某个|某個|任何|其他|别的|別的|什么|什麼|个|個|全国|全國|全市|每所|每个|每個|这所|這所|那所|一所|哪所|哪个|哪個|这个|這個|那个|那個|本|好|重点|重點|普通|公立|私立|寄宿|国际|國際|初级|初級|高级|高級|上|读|讀|考|去|在|的)*$/u;
/**
 * A name does not end in a word that asks or relates: 请用小学五年级的话, 帮我出一套高中一年级的题,
 * 这道题是小学三年级的, 香港的中學中一, 适合小学六年级.
 */
const NOT_A_NAME_END_ZH = /(?:的|个|個|间|間|位|名|用|给|給|是|上|读|讀|在|讲|講|到|像|对|對|跟|和|与|與|或|及|等|些|所|套|份|篇|于|於|适合|適合|关于|關於|针对|針對|写|寫|出|为|為|做|当|當|让|讓|请|請)$/u;
/** Asking about a school is not naming one's own: 我是初二学生，想知道衡水中学怎么样. */
const ASKS_ABOUT_ZH = /想|知道|问|問|听说|聽說|觉得|覺得|还是|還是|比/u;
/** Lead-in words before a Chinese school's name: 我在育才中学 → 育才中学, 我係聖保羅書院 → 聖保羅書院. */
const SCHOOL_LEAD_IN_ZH = /^(?:我们|我們|我叫\p{Script=Han}{1,3}|我是|我|他|她|係|喺|就读于|就讀於|就读|就讀|在|读|讀|上|是|来自|來自|的|,)+/u;

function namesASchool(match: string, folded: string, index: number): boolean {
  const zh = new RegExp(`(${SCHOOL_SUFFIX_ZH}|[一二三四五六七八九十]{1,2}中)`, "u").exec(match);
  if (!zh) {
    const named = NAMED_SCHOOL_EN.exec(match);
    if (!named) return attendsASchool(match, folded, index);
    if (SCHOOL_AS_TOPIC_EN.test(match.slice(0, named.index + 1))) return false;
    const sentence = sentenceAround(folded, index, index + match.length);
    return FIRST_PERSON_EN.test(sentence) || !SOMEONE_ELSES_PAST_EN.test(sentence);
  }
  const name = match.slice(0, zh.index).replace(SCHOOL_LEAD_IN_ZH, "");
  return !GENERIC_SCHOOL_ZH.test(name) && !NOT_A_NAME_END_ZH.test(name) && !ASKS_ABOUT_ZH.test(name);
}

const DETECTORS: Detector[] = [
  // A password or PIN after its word (screen-passwords.ts): the one kind with no digit required.
  ...PASSWORD_DETECTORS,
  {
    // "I'm in class 8B at Riverside Middle School", 育才中学初二3班, 九龍華仁書院中三丙班,
    // 北京四中高一(2)班.
    kind: "school_class",
    pattern: new RegExp(
      String.raw`(?:${SCHOOL_EN}|${SAINT_EN})[^.!?\n]{0,40}?${CLASS_EN}|${CLASS_EN}[^.!?\n]{0,40}?(?:${SCHOOL_EN}|${SAINT_EN})|(?:${SCHOOL_ZH})[^。！？!?\n]{0,8}?${CLASS_ZH}|${CLASS_ZH}[^。！？!?\n]{0,6}?(?:${SCHOOL_ZH})`,
      "giu",
    ),
    accept: namesASchool,
  },
  {
    // "my snap is lily.k", "add me on insta @lily_k", "follow me on ig", "my discord is lily#1234",
    // "LINE ID: lily0815", "qq: 123456789", "my wechat id lily0815" (no verb).
    kind: "account",
    pattern: new RegExp(
      String.raw`\b(?:(?:my|our)\s+(?:${ACCOUNT_APPS_EN})(?:\s+(?:id|username|user\s?name|handle|name|number|account|acc|code|tag))?(?:\s+(?:is|=|-|:)|\s*[:=])|(?:my|our)\s+(?:${ACCOUNT_APPS_EN})\s+(?:id|username|user\s?name|handle|number|account|acc|code|tag)\s+|add\s+my\s+(?:${ACCOUNT_APPS_EN})(?:\s+(?:id|username|handle))?(?:\s*[:,\-]|\s+(?:it'?s|its|is|=))|(?:add|follow|dm|message|msg|text|find|friend|hmu|hit\s+me\s+up)\s+(?:me\s+)?(?:on|at|in)\s+(?:${ACCOUNT_APPS_ADD})(?:\s*[:,\-]|\s+(?:it'?s|its|is|as|@|at|username|id))?|(?:${ACCOUNT_APPS_EN})\s*(?:id|username|handle|number|#)?\s*[:：]|(?:${ACCOUNT_APPS_EN})\s+(?:id|username|user\s?name|handle)\s+(?:is\s+)?)\s*(@?[A-Za-z0-9][A-Za-z0-9._#\-]{1,31}[A-Za-z0-9]|(?:[A-Za-z0-9] ){3,}[A-Za-z0-9]+)(?![A-Za-z0-9@])`,
      "giud",
    ),
    group: 1,
    accept: looksLikeHandle,
  },
  {
    // 我的QQ是123456789, 加我微信 lily0815, 微信号：wxid_abc, 扣扣 123456789, 我嘅微訊號係…,
    // "q q 123456789" spaced out, 加我v lily0815 (v for 微信 right after 加我), "vx amychen2011" and
    // "add me wx amychen2011" (wx and vx, WeChat's slang names, as words of their own).
    // A Latin name run on into more letters ("QQaaa") is a word, not a name and a handle.
    kind: "account",
    pattern: new RegExp(
      String.raw`(?:${ACCOUNT_APPS_ZH}|${ACCOUNT_SLANG_ZH}|(?<![A-Za-z])[qQ][\s._\-*]{1,2}[qQ]|[vVwW][xX](?=号|號)|(?<![A-Za-z])[vVwW][xX](?![A-Za-z])|(?<=加我?\s{0,2})[vV])(?!(?<=[A-Za-z])[A-Za-z])(?!音乐|音樂|空间|空間|支付|游戏|遊戲|群)(?:号|號|账号|賬號|帐号|帳號|id|ID|名)?[^A-Za-z0-9@\n。！？!?]{0,6}?(@?[A-Za-z0-9][A-Za-z0-9._#\-]{1,31}[A-Za-z0-9]|(?:[A-Za-z0-9] ){3,}[A-Za-z0-9]+)(?![A-Za-z0-9@])`,
      "gud",
    ),
    group: 1,
    accept: looksLikeHandle,
  },
  // The handle before the app (a red team's pass): "lilyk2011 is my snap", 123456789是我的QQ,
  // "加我 123456789 (QQ)". The value must look like a handle by itself — a digit, "_", "." or "@" —
  // as the app after it does less to say it is one: "python is my favourite", "lily是我的微信好友".
  {
    kind: "account",
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9@._#\-])(${HANDLE_VALUE})\s+(?:is|=)\s+(?:my|our)\s+(?:${ACCOUNT_APPS_EN})\b(?!\s+(?:streak|story|stories|friends?|group|server|chat|feed|app|filter|score)\b)`, "giud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    // "add lilyk2011 on discord", "find lily_k on insta" (not "add 5 on both sides": no app)
    kind: "account",
    pattern: new RegExp(String.raw`\b(?:add|follow|dm|message|msg|friend|find|text)\s+(${HANDLE_VALUE})\s+(?:on|at|in)\s+(?:${ACCOUNT_APPS_ADD})\b(?!\.\w)`, "giud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    // "@lilyk2011 on insta", "follow me @lilyk2011", "hmu @lily.k"
    kind: "account",
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9@._])(@[A-Za-z0-9][A-Za-z0-9._\-]{1,30}[A-Za-z0-9])(?![A-Za-z0-9@])(?=\s+(?:on|at|in)\s+(?:${ACCOUNT_APPS_ADD})\b(?!\.\w))`, "giud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    kind: "account",
    pattern: new RegExp(String.raw`\b(?:follow|add|dm|message|msg|find|hmu|text)\s+(?:me|us)\s+(?:at\s+)?(@[A-Za-z0-9][A-Za-z0-9._\-]{1,30}[A-Za-z0-9])(?![A-Za-z0-9@])`, "giud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    // 123456789是我的QQ, lily0815是我微信, 123456789係我嘅扣扣 (not 是我的QQ群, 是我的微信好友)
    kind: "account",
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9@._#\-])(${HANDLE_VALUE})\s*(?:就是|也是|是|係|系)\s*(?:我的|我嘅|我)\s*(?:${ACCOUNT_APPS_ZH}|${ACCOUNT_SLANG_ZH}|[vVwW][xX]|[vV](?![A-Za-z]))(?!群|好友|朋友|里|裡|上|音乐|音樂|空间|空間|支付)`, "gud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    // "加我 123456789 (QQ)", "lily0815（微信）", "lilyk2011 (snap)"
    kind: "account",
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9@._#\-])(${HANDLE_VALUE})\s*[(（]\s*(?:${ACCOUNT_APPS_ZH}|${ACCOUNT_SLANG_ZH}|${ACCOUNT_APPS_EN}|[vV])\s*[)）]`, "giud"),
    group: 1,
    accept: looksLikeAnnouncedHandle,
  },
  {
    // A single letter for the app before a colon — q for QQ, v for WeChat — and "sc" for Snapchat:
    // "q: 123456789", "V：lily0815", "sc: lilyk2011". A quiz's "Q: what is a token?" and "Q: 1234 +
    // 5678?" pass: a QQ number has five digits or more and is not a sum; a WeChat or Snapchat id
    // here needs letters and a digit ("v: 30m/s" is physics).
    kind: "account",
    pattern: new RegExp(String.raw`\b(?:[qQvV]|sc|SC|Sc)\s*:\s*([A-Za-z0-9][A-Za-z0-9._\-]{1,30}[A-Za-z0-9])(?![A-Za-z0-9@])`, "gud"),
    group: 1,
    accept: isSingleLetterAccount,
  },
  {
    kind: "email",
    pattern:
      /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g,
    accept: (m) => !isExampleEmail(m),
  },
  {
    // E-mail written to dodge a screen: "alice (at) example (dot) com", "bob [at] school [dot] edu",
    // "tom at gmail dot com", "xiaoming艾特qq点com", "小明 圈a 163.com".
    kind: "email",
    pattern: new RegExp(
      String.raw`(?<![\w.%+-])(${OBFUSCATED_LOCAL})(${OBFUSCATED_AT})((?:[A-Za-z0-9-]{1,63}(?:${OBFUSCATED_DOT}))+)(${EMAIL_TLDS})(?![A-Za-z0-9])`,
      "giu",
    ),
    accept: isObfuscatedEmail,
  },
  {
    // A mail service named without its ending: "email me amychen2011 at gmail", "lily_k@qq". Only a
    // handle-like name (digits, dots, underscores) or e-mail just before: "i'm at gmail" passes.
    kind: "email",
    pattern: new RegExp(
      String.raw`(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{2,63})(?:\s+at\s+|\s*@\s*|\s*(?:艾特|圈a|圈A)\s*|\s*[(\[]\s*at\s*[)\]]\s*)(gmail|googlemail|qq|foxmail|163|126|outlook|hotmail|yahoo|icloud|protonmail|proton)(?![A-Za-z0-9]|\s*(?:dot|\.|点|點))`,
      "giu",
    ),
    accept: (m, folded, index) => /[\d._]/.test(m.split(/\s|@|艾特|圈/)[0] ?? "") || EMAIL_WORDS.test(folded.slice(Math.max(0, index - 60), index)),
  },
  {
    // International "+CC …": 8 to 15 digits in all (E.164).
    kind: "phone",
    pattern: new RegExp(
      String.raw`(?<![\w+])\+\s?\d{1,3}[\s.\-_/]?\(?\d{1,4}\)?(?:[\s.\-_/]?\d{1,4}){1,5}${NUMBER_END}`,
      "gu",
    ),
    accept: (m) => between(digitsOf(m).length, 8, 15),
  },
  {
    // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199.
    kind: "phone",
    pattern: new RegExp(
      String.raw`${NUMBER_START}(?:1[\s.\-])?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}${NUMBER_END}`,
      "gu",
    ),
    accept: notFollowedByUnit,
  },
  {
    // UK: 0 and ten digits in the usual groupings: 020 7946 0958, 07700 900123, 0121 496 0000.
    kind: "phone",
    pattern: new RegExp(
      String.raw`${NUMBER_START}(?:0\d{2}${SEP}?\d{4}${SEP}?\d{4}|0\d{3}${SEP}?\d{3}${SEP}?\d{4}|0\d{4}${SEP}?\d{6}|0\d{4}${SEP}?\d{3}${SEP}?\d{3})${NUMBER_END}`,
      "gu",
    ),
    accept: notFollowedByUnit,
  },
  {
    // Hong Kong: 9123 4567, 2345-6789 (separator required: 8 bare digits are often a date).
    kind: "phone",
    pattern: new RegExp(String.raw`${NUMBER_START}[2-9]\d{3}${SEP}\d{4}${NUMBER_END}`, "gu"),
    accept: (m, folded, index) => {
      const [a = 0, b = 0] = m.split(/[\s-]/).map(Number);
      const yearRange = between(a, 1900, 2099) && between(b, 1900, 2099); // "2023-2024"
      const roundRange = a % 100 === 0 && b % 100 === 0; // "2000-3000"
      return !yearRange && !roundRange && notFollowedByUnit(m, folded, index);
    },
  },
  {
    // Taiwan mobile: 0912-345-678, 0912 345 678, 0912345678.
    kind: "phone",
    pattern: new RegExp(String.raw`${NUMBER_START}09\d{2}${WIDE_SEP}?\d{3}${WIDE_SEP}?\d{3}${NUMBER_END}`, "gu"),
  },
  {
    // Landlines with an area code (Taiwan, mainland): (02) 2345-6789, 02-2345-6789, 010-12345678.
    kind: "phone",
    pattern: new RegExp(
      String.raw`${NUMBER_START}(?:\(0\d{1,3}\)\s?|0\d{1,3}${SEP}?)\d{3,4}${SEP}?\d{4}${NUMBER_END}`,
      "gu",
    ),
    accept: (m, folded, index) =>
      (/[\s()-]/.test(m) || digitsOf(m).length >= 10) && notFollowedByUnit(m, folded, index),
  },
  {
    // Hong Kong, Macau and Taiwan numbers with their country code but no "+": (852) 9123 4567,
    // 853-6612-3456, 886 912 345 678.
    kind: "phone",
    pattern: new RegExp(
      String.raw`(?<![\w+])\(?(?:00)?(?:852|853)\)?${WIDE_SEP}?[2-9]\d{3}${WIDE_SEP}?\d{4}${NUMBER_END}|(?<![\w+])\(?(?:00)?886\)?${WIDE_SEP}?0?9\d{2}${WIDE_SEP}?\d{3}${WIDE_SEP}?\d{3}${NUMBER_END}`,
      "gu",
    ),
  },
  {
    // Any other number a keyword announces as a phone, however long the phrase between them:
    // "phone: 91234567", "my phone number is 9123 4567", "call me on 2345678", "电话 2345678",
    // 我的电话号码是…, 我嘅電話係…
    kind: "phone",
    pattern: new RegExp(
      String.raw`(?:\b(?:${PHONE_WORDS_EN}|cell|text\s+me|call\s+me|ring\s+me|reach\s+me|contact\s+me|my\s+(?:home\s+|mobile\s+|cell\s+|contact\s+)?number)|${PHONE_WORDS_ZH}|打给我|打給我|call我)[^\d\n.!?。！？]{0,30}?(\+?\(?\d(?:${KEYWORD_PHONE_SEP}{0,2}\d){6,14})${NUMBER_END}`,
      "giud",
    ),
    group: 1,
    accept: (m, folded, index) =>
      !/^(?:19|20)\d\d\D{1,3}(?:19|20)\d\d$/.test(m) && // "phone sales 2023 2024"
      !/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(m) && // a date
      notFollowedByUnit(m, folded, index) &&
      readsAsOnePhoneNumber(m, folded.slice(Math.max(0, index - 30), index)),
  },
  {
    // Mainland mobile: 1[3-9] and 9 more digits, optionally +86 / 0086 / 86 / (+86), in groups of
    // any size ("138 1234 5678", "138 12 34 56 78", "1381 2345 678": a children-first pass found the
    // last two, and "8613812345678", passing).
    kind: "cn_mobile",
    pattern: new RegExp(
      String.raw`${NUMBER_START}(?:(?:\+|00)?86${WIDE_SEP}?|\(\+?86\)\s?)?(?:1[3-9]\d${WIDE_SEP}?\d{4}${WIDE_SEP}?\d{4}|1[3-9]\d{0,2}(?:${WIDE_SEP}\d{2,4}){2,4})${NUMBER_END}`,
      "gu",
    ),
    // Eleven digits in all (groups of any size may hold more or fewer); "15000000000 parameters" is
    // a count, not a phone.
    accept: (m, folded, index) =>
      /^(?:(?:00)?86)?1[3-9]\d{9}$/.test(digitsOf(m)) && !digitsOf(m).endsWith("0000000") && notFollowedByUnit(m, folded, index),
  },
  {
    kind: "cn_resident_id",
    pattern: /(?<![\dA-Za-z])\d{6}[\s\-._/]?\d{4}[\s\-._/]?\d{4}[\s\-._/]?\d{3}[\dXx](?![\dA-Za-z])/g,
    accept: (m) => isValidResidentId(m.replace(/[\s\-._/]/g, "")),
  },
  {
    // Taiwan national ID / resident certificate: A123456789, validated by its check digit.
    kind: "id_number",
    pattern: /(?<![A-Za-z0-9])[A-Za-z][\s-]?[1289]\d{2}[\s-]?\d{3}[\s-]?\d{3}(?![A-Za-z0-9])/g,
    accept: (m) => isValidTaiwanId(m.replace(/[\s-]/g, "").toUpperCase()),
  },
  {
    // Hong Kong identity card: A123456(3), validated by its check digit.
    kind: "id_number",
    pattern: /(?<![A-Za-z0-9])[A-Z]{1,2}\d{6}(?:\([0-9A]\)|[0-9A])(?![A-Za-z0-9])/g,
    accept: isValidHongKongId,
  },
  {
    // Hong Kong identity card written with its check digit in brackets — A123456(7), AB 987654 (A):
    // nothing else looks like that, so it is blocked even when the check digit is wrong.
    kind: "id_number",
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{1,2}\s?\d{6}\s?\(\s?[0-9Aa]\s?\)/g,
  },
  {
    // Macau resident identity card: 1234567(8), first digit 1, 5 or 7.
    kind: "id_number",
    pattern: new RegExp(String.raw`${NUMBER_START}[157][\s\-/]?\d{6}\s?\(\s?\d\s?\)`, "gu"),
  },
  {
    // US Social Security number: 123-45-6789 (dashes required).
    kind: "id_number",
    pattern: new RegExp(
      String.raw`${NUMBER_START}(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}${NUMBER_END}`,
      "gu",
    ),
  },
  {
    // Payment cards: 16 digits in fours, or 4-6-5; network prefix and Luhn check.
    kind: "id_number",
    pattern: new RegExp(
      String.raw`${NUMBER_START}[2-6]\d{3}(?:(?:${WIDE_SEP}?\d{4}){3}|${SEP}?\d{6}${SEP}?\d{5})${NUMBER_END}`,
      "gu",
    ),
    accept: (m) => passesLuhn(digitsOf(m)),
  },
  {
    // Any other number a keyword announces: "passport number E1234567", "student ID is 20231234".
    kind: "id_number",
    pattern: new RegExp(
      String.raw`\b(?:passport(?:\s+(?:number|no\.?|num|#))?|(?:student|school|id|identity|national\s+id|id\s+card|identity\s+card|social\s+security|national\s+insurance|insurance|licen[cs]e|(?:bank\s+)?account|(?:credit\s+|debit\s+|library\s+)?card|member(?:ship)?|exam|candidate)\s*(?:number|no\.?|num|#)|student\s+id|ssn|hkid|nric|driver'?s\s+licen[cs]e)[^\d\n.!?]{0,20}?${ID_VALUE}`,
      "giud",
    ),
    group: 1,
    accept: (m) => digitsOf(m).length >= 4,
  },
  {
    kind: "id_number",
    pattern: new RegExp(
      String.raw`(?:(?:身份证|身份證|身分證)(?:号码|號碼|字号|字號|号|號)?|(?:证件|證件|护照|護照|准考证|准考證|学生证|學生證|社保卡?|银行卡|銀行卡|信用卡|会员|會員|借书证|借書證|居留证|居留證|回乡证|回鄉證|通行证|通行證)(?:号码|號碼|号|號)|学号|學號|工号|工號|卡号|卡號|证号|證號)[^\d\n。！？!?]{0,6}?${ID_VALUE}`,
      "gud",
    ),
    group: 1,
    accept: (m) => digitsOf(m).length >= 4,
  },
  {
    // "123 Main Street", "221B Baker St.", "12 lower kent road": a number, 1–4 name words that
    // are not everyday words ("3 on the way" must pass), and a street word.
    kind: "street_address",
    pattern: new RegExp(
      String.raw`(?<![\w.])\d{1,5}[A-Za-z]?(?:[\-/]\d{1,5}[A-Za-z]?)?,?\s+(?:${NAME_WORD}\s+){0,3}${NAME_WORD}\s+(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|way|close|crescent|gardens|gdns|grove|mews|highway|hwy|parkway|pkwy|square|sq)\b\.?`,
      "giu",
    ),
  },
  {
    // A house number in words, where the student says it is where they live: "i live at twelve
    // maple street", "i live on maple street number twelve" ("a one way street" has no "I live").
    kind: "street_address",
    pattern: new RegExp(
      String.raw`\b(?:i|we)\s+live\s+(?:at|on|in)\s+(?<!\b(?:says?|said|story|character|poem)\b[^.!?\n]{0,45})(?:(?:number\s+)?${NUMBER_WORDS_EN}\s+(?:${NAME_WORD}\s+){0,2}${NAME_WORD}\s+${STREET_WORD}|(?:${NAME_WORD}\s+){0,2}${NAME_WORD}\s+${STREET_WORD},?\s+(?:number|no\.?|#)\s*(?:${NUMBER_WORDS_EN}|\d{1,4}))\b(?!\s*(?:bus|buses|tram|train|route))|\bmy\s+address\s+is\s+(?:number\s+)?${NUMBER_WORDS_EN}\s+(?:${NAME_WORD}\s+){0,2}${NAME_WORD}\s+${STREET_WORD}\b`,
      "giu",
    ),
  },
  {
    // UK postcode, written with its space and in capitals: SW1A 1AA.
    kind: "street_address",
    pattern: /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![A-Za-z0-9])/g,
  },
  {
    // UK postcode run together, SW1A1AA. A class join code is 6 characters without 0, 1, I, L or
    // O (join-code.ts), so 5 or 7 characters, or 6 holding one of those, cannot be a join code.
    kind: "street_address",
    pattern: /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}(?![A-Za-z0-9])/g,
    accept: (m) => m.length === 7,
  },
  {
    // Any postcode a keyword announces, in any case: "my postcode is sw1a 1aa".
    kind: "street_address",
    pattern: /\b(?:post\s?code|postal\s+code|zip(?:\s?code)?)\b[^\d\n.!?]{0,20}?\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2})(?![A-Za-z0-9])/giud,
    group: 1,
  },
  {
    // A phone number spelled out digit by digit: "one three eight one two three…", "seven seven
    // oh oh nine…", "double seven…". Nobody writes seven digits out one word at a time except to
    // slip them past a screen; counting ("one two three … nine") and repeats ("oh oh oh") pass.
    kind: "phone",
    pattern: new RegExp(String.raw`\b${SPELLED_DIGIT}(?:[\s,.\-]{1,3}${SPELLED_DIGIT}){5,}\b`, "giu"),
    accept: isSpelledPhoneNumber,
  },
  {
    // …or in digits and words mixed: "my number is 07700 nine zero zero one two three".
    kind: "phone",
    pattern: new RegExp(MIXED_DIGITS, "giu"),
    accept: isSpelledPhoneNumber,
  },
  {
    // 人民路123号, 忠孝東路四段123巷4弄5號, 彌敦道123號 — not 一路/思路/知道/频道… followed by "3号".
    kind: "street_address",
    pattern: new RegExp(
      String.raw`\p{Script=Han}{1,12}(?:(?<![一思线線电電网網套出迷走])路|(?<![知频頻味难難报報车車跑赛賽通轨軌管渠隧弯彎一人])道|街|巷|胡同)\s*(?:[一二三四五六七八九十\d]{1,3}段)?\s*(?:\d{1,4}巷)?\s*(?:\d{1,4}弄)?\s*\d{1,5}(?:[\-之]\d{1,4})?\s*[号號]${FLAT_AFTER}`,
      "gu",
    ),
  },
  {
    // 阳光小区3栋2单元501室, 翠苑5号楼
    kind: "street_address",
    pattern: new RegExp(
      String.raw`\p{Script=Han}{1,8}(?:小区|小區|社区|社區|花园|花園|家园|家園|公寓|新村|大厦|大廈|苑|邨)\s*\d{1,3}\s*(?:栋|棟|幢|座|号楼|號樓)(?:\s*\d{1,2}\s*(?:单元|單元))?(?:\s*\d{1,5}\s*(?:室|号|號)?)?`,
      "gu",
    ),
  },
  {
    // 3栋2单元501室, 5号楼1203室 (a room in a building, without the estate's name).
    kind: "street_address",
    pattern: /(?<!\d)\d{1,3}\s*(?:栋|棟|幢|号楼|號樓)\s*(?:\d{1,2}\s*(?:单元|單元)\s*)?\d{2,5}\s*(?:室|房)/gu,
  },
  { kind: "street_address", pattern: /(?<!\d)\d{1,4}\s*弄\s*\d{1,4}\s*[号號]/gu },
  {
    // 5号楼2单元301室, 3栋2单元502 — a building and a staircase (单元) locate a flat even without 室;
    // "第3单元" alone is a unit of a textbook and passes.
    kind: "street_address",
    pattern: /(?<!\d)\d{1,3}\s*(?:栋|棟|幢|座|号楼|號樓)\s*\d{1,2}\s*(?:单元|單元)\s*\d{2,5}(?:\s*(?:室|号|號|房))?/gu,
  },
  {
    // 2单元501室, 3單元1203號 (a staircase and a room).
    kind: "street_address",
    pattern: /(?<![\d第])\d{1,2}\s*(?:单元|單元)\s*\d{3,4}\s*(?:室|号|號|房)/gu,
  },
  {
    // Hong Kong flats: A座12樓B室, 3座15樓D室, 12樓B室, 20楼3室 (not "3楼5号教室", a classroom).
    kind: "street_address",
    pattern: /(?<![A-Za-z\d])(?:[A-Za-z\d]{1,3}\s*(?:座|栋|棟)\s*)?\d{1,3}\s*(?:楼|樓|层|層)\s*(?:[A-Za-z]|\d{1,4})\s*室/gu,
  },
  {
    // Villages: 张家村3组, 幸福村五组15号, 王庄村2队, 李家村15号; not 乡村/农村/地球村 followed by a number.
    kind: "street_address",
    pattern: new RegExp(
      String.raw`\p{Script=Han}{1,8}(?<![乡鄉农農山渔漁球])(?:村|屯|庄|莊)\s*(?:\d{1,3}\s*(?:组|組|队|隊|社)(?:\s*\d{1,4}\s*[号號])?|\d{1,4}\s*[号號])`,
      "gu",
    ),
  },
];

/** Words before a Chinese address that are not part of it: 我家住在人民路123号 → 人民路123号. */
const ADDRESS_LEAD_IN = /^(?:我们|我們|我家|我的|我|他们|他們|他家|她家|他|她|家|住址|地址|住|在|是|于|於|的|就)+/u;

export function findPersonalData(text: string): Finding[] {
  return findPersonalDataIn(foldForScreening(text), text);
}

/** Runs every detector on folded text; findings are reported as spans of the original text. */
export function findPersonalDataIn(mapped: MappedText, original: string): Finding[] {
  const folded = mapped.text;
  const candidates: Finding[] = [];
  const inNumberSequence = numberSequenceReader(original);
  for (const detector of DETECTORS) {
    for (const m of matchesOf(folded, detector.pattern)) {
      let index = m.index;
      let value = m[0];
      if (detector.group !== undefined) {
        const span = m.indices?.[detector.group];
        if (!span) continue;
        [index, value] = [span[0], folded.slice(span[0], span[1])];
      }
      if (detector.accept && !detector.accept(value, folded, index)) continue;
      if (detector.kind === "street_address" && FAMOUS_ADDRESS.test(foldForWords(value).text)) continue;
      if (detector.kind === "phone" || detector.kind === "cn_mobile") {
        // a help line's number is public (helplines.ts); a sequence is maths unless a keyword said "phone"
        if (isHelpLineNumber(digitsOf(value)) || isHelpLineNumber(countryCodeBefore(folded, index) + digitsOf(value))) continue;
        const [start, end] = originalSpan(mapped, index, index + value.length);
        if (detector.group === undefined && inNumberSequence(start, end)) continue;
      }
      if (detector.kind === "street_address" || detector.kind === "school_class") {
        const leadIn = (detector.kind === "street_address" ? ADDRESS_LEAD_IN : SCHOOL_LEAD_IN_ZH).exec(value)?.[0].length ?? 0;
        if (leadIn < value.length) [index, value] = [index + leadIn, value.slice(leadIn)];
      }
      const [start, end] = originalSpan(mapped, index, index + value.length);
      candidates.push({ kind: detector.kind, match: original.slice(start, end), index: start });
    }
  }
  for (const m of matchesOf(original, SPELLED_CHINESE_DIGITS)) {
    if (isSpelledChineseNumber(m[0])) candidates.push({ kind: "phone", match: m[0], index: m.index });
  }
  for (const said of [SAID_PHONE_EN, SAID_PHONE_ZH]) {
    for (const m of matchesOf(original, said)) {
      const [start, end] = m.indices![1]!;
      if (couldBeAPhone(saidDigits(m[1]!))) candidates.push({ kind: "phone", match: original.slice(start, end), index: start });
    }
  }
  return keepMostSpecific(candidates);
}

/** When detectors overlap ("+86 138…" is a phone and a mainland mobile), keep the most specific. */
const SPECIFICITY: PersonalDataKind[] = [
  // the student said it was a password: "password: 13800138000" is one, whatever it looks like
  "password",
  "cn_resident_id",
  "id_number",
  "email",
  "cn_mobile",
  "phone",
  "street_address",
  "school_class",
  "account",
];

function keepMostSpecific(candidates: Finding[]): Finding[] {
  const rank = (f: Finding) => SPECIFICITY.indexOf(f.kind as PersonalDataKind);
  const ordered = [...candidates].sort(
    (a, b) => rank(a) - rank(b) || b.match.length - a.match.length || a.index - b.index,
  );
  const kept: Finding[] = [];
  for (const f of ordered) {
    const overlaps = kept.some(
      (k) => f.index < k.index + k.match.length && k.index < f.index + f.match.length,
    );
    if (!overlaps) kept.push(f);
  }
  return kept.sort((a, b) => a.index - b.index);
}

