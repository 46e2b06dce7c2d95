/**
 * A password a child types to a model: "my password is fluffy123", "my roblox password: Tiger2011",
 * "pin is 4821", 我的密码是abc123, 密碼係 happy2012. No one helping a child needs it, and what is
 * typed to an AI can be stored and read later — the lesson the block message teaches.
 *
 * Unlike the screen's other kinds (screen-personal-data.ts), a password need not hold a digit, so
 * it is found only after the word itself and a verb or colon, and a word that describes a password
 * rather than being one passes: "my password is too weak", "the password is wrong", 密码是多少.
 * Read on the folded text, where 一二三四 are already digits.
 */
import { sentenceAround } from "./normalize-text";

/**
 * The word, as a 13-year-old types it to get past a filter too: passw0rd, pasword, passwrd,
 * pass-word, pword, p a s s w o r d; "my pass is" (not a bus pass).
 */
const PASSWORD_WORD_EN = String.raw`(?:p[a@4][s$]{1,2}[\s\-]?w[o0]?r?d|p[a@4]ss?wr[o0]d|pswd|p\s?a\s?s\s?s\s?w\s?o\s?r\s?d|passwd|pwd|p-?word|pw|pass\s?code|pass\s?phrase|(?<=\b(?:my|the)\s)pass(?=\s*(?:is|was|=|:|['’]s)\b|\s*[:=])|(?<=\b(?:login|user(?:\s?name)?|id)\b[^\n]{1,40}?)pass(?=\s*[:=]))s?`;
const PIN_WORD_EN = String.raw`(?:pin(?:\s?(?:code|number|no\.?))?|code\s+(?:to|for|of)\s+(?:my|our|the)\s+(?:\w+\s+)?(?:phone|ipad|tablet|laptop|computer|locker|door|house|safe|bike\s+lock)|(?:phone|ipad|tablet|screen|lock|unlock|door|locker)\s+(?:code|pin|passcode))`;
/** "for roblox", "on my ipad", "to the wifi": which password it is, between the word and its verb. */
const WHOSE_EN = String.raw`(?:\s+(?:for|on|to|of|at|in)\s+(?:my\s+|the\s+|our\s+)?[\w'’.\-]{1,30}(?:\s+(?:account|acc|login|app|game))?)`;
/**
 * "is", "'s", "is:", "=", an arrow or a spaced dash, then perhaps a filler word that says nothing
 * about the password ("is also", "is pretty much", "used to be") and dots before a next message.
 */
const IS_EN = String.raw`(?:\s*[:：=]|['’]s|\s+(?:is|was|used\s+to\s+be|will\s+be|would\s+be|should\s+be|=)(?:\s*[:：])?|\s*(?:👉|→|->|=>|➡️?|⇒)|\s+[-–—]\s|\s*\?)(?:\s+(?:like|just|literally|still|now|actually|also|always|currently|basically|mostly|probably|definitely|pretty\s+much|kind\s+of|kinda|sort\s+of))*(?:\s*[.…]+)?`;
/** A PIN or password said in number words ("four eight two one"), or digits in groups ("48 21"). */
const SAID_DIGITS = String.raw`(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,\-]+){3,11}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b|\d{2,4}(?:[\s\-]\d{2,4}){1,3}(?![\d\w])`;
/** A quoted value may hold spaces ("'i love cats'"); an unquoted one is one word, its last character no punctuation. */
const VALUE = String.raw`["“'‘「『]?(${SAID_DIGITS}|(?<=["“'‘「『])[^"”'’」』\n]{3,40}(?=["”'’」』])|[^\s"“”'‘’「」『』]{2,39}[^\s"“”'‘’「」『』.,!?;:)）。，！？、])`;
const IS_ZH = String.raw`\s*(?:也|以前|之前|一直|一直都|都|还|還|好似|好像|应该|應該|大概|其实|其實)?\s*(?:就是|就係|即係|是|係|系|为|為|叫做?|[设設](?:置)?(?:成|为|為)了?|改成了?|[:：=？?]|→|👉|->|=>)\s*(?:→|👉)?\s*[:：]?\s*["“'‘「『]?`;
/** Chinese text around it: the value is Latin letters, digits and symbols. */
const VALUE_ZH = String.raw`([A-Za-z0-9!@#$%^&*_+=~\-][A-Za-z0-9!@#$%^&*_+=~.\-]{1,38}[A-Za-z0-9!@#$%^&*_+=~\-])(?![A-Za-z0-9])`;
/** Not a cipher (凯撒密码, 摩斯密码) nor cryptography (密码学). */
const PASSWORD_WORD_ZH = "(?<!凯撒|凱撒|摩斯|替换|替換|维吉尼亚|維吉尼亞|古典|加密)(?:密码|密碼|口令|解锁码|解鎖碼|登录码|登錄碼|(?<=我的|我嘅)(?:\u{1F511}|\u{1F510}))(?!学|學)";

/**
 * "my password is fluffy123", "password: Tiger2011", "my roblox pw = sunny_day", "my password's
 * fluffy123". "The password is swordfish" alone is a story's line: "the" needs a password that is
 * someone's ("the wifi password is", "the password for my account is").
 */
const PASSWORD_EN = new RegExp(
  String.raw`(?:\b(?:(?<!\bthe\s+)${PASSWORD_WORD_EN}${WHOSE_EN}?|${PASSWORD_WORD_EN}${WHOSE_EN}))${IS_EN}\s*${VALUE}`,
  "giud",
);
/**
 * "my 🔑 is fluffy123", "my roblox 🔑: Tiger2011", "🔑: sunny123" (a message that starts with it),
 * 我的🔑是abc123 (PASSWORD_WORD_ZH): a key emoji for the word. A key is a house
 * key too ("my 🔑 is under the mat"), so the value has to carry its own proof, as before "is my password".
 * The emoji comes first in the pattern, so a long text is scanned for it, not for "my" at every place.
 */
const MY_KEY_EMOJI_EN = new RegExp(String.raw`(?:\u{1F511}|\u{1F510}|\u{1F5DD}\uFE0F?)(?<=(?:\bmy\s{0,3}(?:[\w'’\-]{1,20}\s{1,3})?|^\s{0,3})\p{Extended_Pictographic}\uFE0F?)${WHOSE_EN}?${IS_EN}\s*${VALUE}`, "giud");
/** "the password is fluffy123": a bare "the password" counts when the value looks like one by itself. */
const THE_PASSWORD_EN = new RegExp(String.raw`\bthe\s+${PASSWORD_WORD_EN}${IS_EN}\s*${VALUE}`, "giud");
/** "i changed my password to fluffy123", "i use fluffy123 as my password". */
const PASSWORD_CHANGED_EN = new RegExp(
  String.raw`\b(?:changed|change|changing|set|reset|made|make|updated|update)\s+(?:my|our|the)\s+(?:[\w'’\-]+\s+)?${PASSWORD_WORD_EN}\s+(?:to|as|into)\s+${VALUE}`,
  "giud",
);
const PASSWORD_USED_AS_EN = new RegExp(
  String.raw`\b(?:use|used|using|have|had)\s+([A-Za-z0-9!@#$%^&*_+=~.\-]{3,40})\s+(?:as|for)\s+(?:my|our)\s+(?:[\w'’\-]+\s+)?${PASSWORD_WORD_EN}\b`,
  "giud",
);
/** "PIN 4821", "PIN: 0815": four digits or more straight after the word. */
const PIN_BARE_EN = new RegExp(String.raw`\bpin(?:\s?(?:code|number|no\.?))?\s*[:#]?\s*(\d{4,12})(?![\d.,])`, "giud");
/** "username sam2011 password fluffy123": after a login name, the word alone announces a value with a digit. */
const PASSWORD_AFTER_LOGIN_EN = new RegExp(
  String.raw`(?<=\b(?:user\s?name|login|user|id|e-?mail)\b[^\n]{1,40}?)\b${PASSWORD_WORD_EN}\s*[:=]?\s+((?=[^\s]*\d)[^\s"“”'‘’]{3,40})`,
  "giud",
);
/** "my pin is 4821", "PIN code: 0815", "my phone code is 4821", "my pin is four eight two one". */
const PIN_EN = new RegExp(String.raw`\b${PIN_WORD_EN}${WHOSE_EN}?${IS_EN}\s*${VALUE}`, "giud");
/** 我的密码是abc123, 密碼：happy2012, 开机密码设成了 qwerty, 密码叫abc123, 密碼就係lily0815. */
const PASSWORD_ZH = new RegExp(String.raw`${PASSWORD_WORD_ZH}${IS_ZH}${VALUE_ZH}`, "gud");
/** 银行卡密码482193: the word, then a value with a digit and nothing between. */
const PASSWORD_BARE_ZH = new RegExp(String.raw`${PASSWORD_WORD_ZH}\s*((?=[A-Za-z]*\d)[A-Za-z0-9]{4,40})(?![A-Za-z0-9])`, "gud");
/** pin码是四八二一 (folded to 4821), 我的PIN是4821. */
const PIN_ZH = new RegExp(String.raw`(?<![A-Za-z])[pP][iI][nN]\s?(?:码|碼)?${IS_ZH}${VALUE_ZH}`, "gud");

/** What may stand between a value and "my password" after it: is, =, "that's", a comma, a bracket. */
const BEFORE_EN = String.raw`(?:\s+(?:is|was)\s+|\s*=\s*|\s+[-–—]\s+(?:that['’]?s\s+|thats\s+|it['’]?s\s+|its\s+)?|\s*[,，]?\s*(?:that['’]?s|thats|it['’]?s|its)\s+|\s*[,，]\s*|\s*[(（]\s*(?:this\s+is\s+|that['’]?s\s+|it['’]?s\s+)?)`;
/** "fluffy123 is my password", "Tiger2011 is my roblox password", "Secret: fluffy123 (this is my roblox password)". */
const PASSWORD_BEFORE_EN = new RegExp(
  String.raw`(?<![\w@.#\-])([A-Za-z0-9!@#$%^&*_+=~.\-]{3,40})${BEFORE_EN}(?:my|our|the)\s+(?:[\w'’\-]+\s+)?(?:${PASSWORD_WORD_EN}|pass)\b(?!\s+(?:in|for|from|of)\s+(?:my|the|this|a|our)\s+(?:\w+\s+)?(?:coding|code|exercise|example|homework|game|story|book|film|movie|lesson|quiz|puzzle|level))`,
  "giud",
);
/** "4821 is my pin", "its 4821, my pin". */
const PIN_BEFORE_EN = new RegExp(String.raw`(?<![\w.])(\d{4,12})(?![\w.])${BEFORE_EN}(?:my|our)\s+(?:[\w'’\-]+\s+)?(?:pin|pin\s+code|passcode|pass\s+code)\b`, "giud");
/** 我一直用abc123当密码. */
const PASSWORD_USED_AS_ZH = new RegExp(String.raw`用\s*${VALUE_ZH}\s*(?:当|當|做|作为|作為)\s*(?:我的|我嘅)?\s*${PASSWORD_WORD_ZH}`, "gud");
/** abc123是我的密码, lily0815係我嘅密碼, abc123，这是我的密码. */
const PASSWORD_BEFORE_ZH = new RegExp(
  String.raw`(?<![A-Za-z0-9])([A-Za-z0-9!@#$%^&*_+=~.\-]{3,40})\s*(?:[,，]\s*)?(?:(?:这|這|那|呢个|呢個|嗰个|嗰個)(?:个|個)?\s*)?(?:就是|是|係|系|就係)\s*(?:我的|我嘅|我)\s*\p{Script=Han}{0,4}?(?:${PASSWORD_WORD_ZH}|[pP][iI][nN]\s?(?:码|碼))`,
  "gud",
);

/**
 * Words that say what a password is like, or start a sentence about it, not one: "my password is
 * too weak", "password: required", "my password is the name of my dog", "my password is 8 letters";
 * and code's words ("password: string", "password = None").
 */
const DESCRIBES_A_PASSWORD =
  /^(?:a|an|the|is|was|my|your|his|her|their|our|its|it|this|that|these|those|what|how|why|when|where|which|who|whatever|not|too|so|very|really|super|kinda|pretty|quite|just|only|still|also|always|never|now|then|weak|strong|wrong|incorrect|correct|right|long|short|safe|unsafe|secure|insecure|easy|hard|simple|complex|complicated|same|different|changed|reset|expired|forgotten|forgot|lost|stolen|hacked|leaked|required|needed|necessary|optional|case|sensitive|hidden|stored|saved|encrypted|hashed|private|secret|personal|good|bad|great|fine|ok|okay|better|worse|best|worst|new|old|random|unique|common|obvious|guessable|like|about|basically|mostly|probably|definitely|currently|actually|literally|kind|sort|in|on|at|for|of|to|and|or|but|with|because|cuz|since|used|using|being|been|based|made|set|written|typed|shown|visible|working|broken|blocked|locked|invalid|valid|empty|blank|something|anything|nothing|everything|somewhere|here|there|please|pls|plz|lol|idk|yes|no|none|null|nil|true|false|undefined|needs|has|have|had|must|should|can|could|will|would|might|may|keeps|does|doesn't|doesnt|isn't|isnt|wasn't|all|some|more|less|longer|shorter|stronger|weaker|one|two|three|four|five|six|seven|eight|nine|ten|twelve|characters?|letters?|digits?|numbers?|words?|symbols?|\d{1,2}|\*+|x+|[.…]+|\?+|password|passwords|pin|example|sample|placeholder|string|str|text|int|integer|char|varchar|bytes|input|getpass|hash|field|value|variable|problem|problems|issue|issues|hint|hints|manager|checker|strength|requirements?|rules?|policy|recovery)$/i;

/** The value is a password, not a word about one nor a piece of code. */
function looksLikeAPassword(value: string): boolean {
  const v = value.trim();
  if (saidDigitCount(v) >= 4) return true;
  if (!/[\p{L}\p{N}]/u.test(v) || /[()[\]{}<>]/.test(v)) return false;
  // "my password is 'i love cats'": a quoted phrase is read by its first word too
  const first = v.split(/\s+/)[0]!.replace(/[.,!?;:]+$/, "");
  return !DESCRIBES_A_PASSWORD.test(first) && !DESCRIBES_A_PASSWORD.test(v);
}

const NUMBER_WORD = /^(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)$/i;

/** The value is said digits ("four eight two one", "48 21"): four to twelve of them. */
function saidDigitCount(value: string): number {
  const parts = value.trim().split(/[\s,-]+/);
  if (parts.every((p) => NUMBER_WORD.test(p))) return parts.length;
  return /^[\d\s-]+$/.test(value) ? value.replace(/\D/g, "").length : 0;
}

/** A PIN is four to twelve digits, written or said. */
function looksLikeAPin(value: string): boolean {
  const digits = saidDigitCount(value);
  return digits >= 4 && digits <= 12;
}

/**
 * A question about a password as an example is not one's own: 为什么密码是123456很危险？,
 * 密码是ABC123这样的好吗？
 */
const ASKS_ABOUT_A_PASSWORD_ZH = /为什么|為什麼|为何|危险|危險|安全吗|安全嗎|安不安全|好吗|好嗎|好不好|强不强|強不強|够不够|夠不夠|太弱|太简单|太簡單|常见|常見|容易被|这样的|這樣的|哪个|哪個|更弱|更强|更強|比较|比較/u;
/** The student's own password ("我的密码是abc123，安全吗？") is theirs, whatever they ask about it. */
const OWN_PASSWORD_ZH = /(?:我的|我嘅|我)[^。！？!?]{0,6}(?:密码|密碼|口令)[^。！？!?]*$/u;

/** A password in Chinese text, unless the sentence asks about it as an example. */
function looksLikeAPasswordZh(value: string, folded: string, index: number): boolean {
  if (!looksLikeAPassword(value)) return false;
  const own = OWN_PASSWORD_ZH.test(folded.slice(Math.max(0, index - 20), index));
  return own || !ASKS_ABOUT_A_PASSWORD_ZH.test(sentenceAround(folded, index, index + value.length));
}

/** Before "is my password", the value has to carry its own proof: letters and digits, or a symbol. */
function looksLikeAnnouncedPassword(value: string): boolean {
  return looksLikeAPassword(value) && ((/\p{L}/u.test(value) && /\d/.test(value)) || /[!@#$%^&*_+=~]/.test(value));
}

/**
 * Every way a password is written, each with the test its value must pass; the value is the
 * pattern's first group. screen-personal-data.ts runs them with its other detectors.
 */
export const PASSWORD_DETECTORS = [
  { pattern: PASSWORD_EN, accept: looksLikeAPassword },
  { pattern: PASSWORD_AFTER_LOGIN_EN, accept: looksLikeAPassword },
  { pattern: THE_PASSWORD_EN, accept: looksLikeAnnouncedPassword },
  { pattern: MY_KEY_EMOJI_EN, accept: looksLikeAnnouncedPassword },
  { pattern: PASSWORD_CHANGED_EN, accept: looksLikeAPassword },
  { pattern: PASSWORD_USED_AS_EN, accept: looksLikeAnnouncedPassword },
  { pattern: PASSWORD_USED_AS_ZH, accept: looksLikeAPassword },
  { pattern: PIN_BARE_EN, accept: looksLikeAPin },
  { pattern: PASSWORD_ZH, accept: looksLikeAPasswordZh },
  { pattern: PASSWORD_BARE_ZH, accept: looksLikeAPasswordZh },
  { pattern: PASSWORD_BEFORE_EN, accept: looksLikeAnnouncedPassword },
  { pattern: PASSWORD_BEFORE_ZH, accept: looksLikeAnnouncedPassword },
  { pattern: PIN_EN, accept: looksLikeAPin },
  { pattern: PIN_BEFORE_EN, accept: looksLikeAPin },
  { pattern: PIN_ZH, accept: looksLikeAPin },
].map((detector) => ({ kind: "password" as const, group: 1, ...detector }));

/**
 * The next message says the one before was a password: "thats my password", "yeah this is my
 * pin", "what i just typed is my password", 这是我的密码, 呢個係我嘅密碼 — said as the message, or
 * followed by a new sentence ("thats my password, is it strong?"), not going on about something
 * else ("its my password that doesnt work"). Without "that" or "this" it is the whole message
 * ("my password btw"): "hello" ⏎ "my password, how do i make it stronger?" asks about one.
 */
const PASSWORD_NAME_EN = String.raw`(?:${PASSWORD_WORD_EN}|pin|passcode|\u{1F511})`;
const NAMES_THE_ONE_BEFORE_EN = new RegExp(
  String.raw`^\s*(?:(?:yeah|yes|ye|ok|okay|so|and|btw|fyi|lol|lmao|oops|wait|omg|\^|↑)[\s,]*)*(?:(?:(?:that|this|it)(?:\s+one)?(?:\s+(?:is|was)|['’]?s)|its|what\s+i\s+(?:just\s+)?(?:typed|wrote|sent)\s+(?:is|was))\s*(?:also\s+)?(?:my|our)\s+(?:[\w'’\-]+\s+)?${PASSWORD_NAME_EN}(?:\s+(?:btw|lol|lmao|haha|ok))?\s*(?:$|[.,!?;:…]|\s+(?:is|was)\s+it\b)|(?:my|our)\s+(?:[\w'’\-]+\s+)?${PASSWORD_NAME_EN}(?:\s+(?:btw|lol|lmao|haha))?\s*[.!…]*\s*$)`,
  "iu",
);
const NAMES_THE_ONE_BEFORE_ZH = new RegExp(
  String.raw`^\s*(?:这|這|那|上面|上面那个|上面嗰個|呢個|呢个|嗰個|嗰个)?(?:个|個)?\s*(?:就是|是|係|系|就係)\s*(?:我的|我嘅|我)\s*(?:[A-Za-z]{1,12}|\p{Script=Han}{1,4})?\s*(?:的|嘅)?\s*(?:${PASSWORD_WORD_ZH}|[pP][iI][nN]\s?(?:码|碼)?|password)\s*(?:$|[。，,！!？?~～…])`,
  "iu",
);
/** The message before is the value alone: "fluffy123", "\"fluffy123\"", 4821. */
const A_VALUE_ALONE = /^\s*["“'‘「『]?([^\s"“”'‘’「」『』]{3,40}?)["”'’」』]?[.!]*\s*$/u;

/** The password in `before`, when `after` says that is what it was; null otherwise. */
export function passwordNamedAfter(before: string, after: string): { match: string; index: number } | null {
  if (!NAMES_THE_ONE_BEFORE_EN.test(after) && !NAMES_THE_ONE_BEFORE_ZH.test(after)) return null;
  const alone = A_VALUE_ALONE.exec(before);
  if (!alone || !looksLikeAPassword(alone[1]!)) return null;
  return { match: alone[1]!, index: before.indexOf(alone[1]!) };
}
