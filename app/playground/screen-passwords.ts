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

const PASSWORD_WORD_EN = String.raw`(?:pass\s?words?|passwd|pwd|pw|pass\s?code|pass\s?phrase)`;
const PIN_WORD_EN = String.raw`pin(?:\s?(?:code|number|no\.?))?`;
/** "for roblox", "on my ipad", "to the wifi": which password it is, between the word and its verb. */
const WHOSE_EN = String.raw`(?:\s+(?:for|on|to|of)\s+(?:my\s+|the\s+|our\s+)?[\w'’.\-]{1,30}(?:\s+(?:account|acc|login|app|game))?)?`;
const IS_EN = String.raw`(?:\s*[:：=]|\s+(?:is|was|will\s+be|would\s+be|should\s+be|=)(?:\s+(?:like|just|literally|still|now|actually))?)`;
/** A quoted value may hold spaces ("'i love cats'"); an unquoted one is one word, its last character no punctuation. */
const VALUE = String.raw`["“'‘「『]?((?<=["“'‘「『])[^"”'’」』\n]{3,40}(?=["”'’」』])|[^\s"“”'‘’「」『』]{2,39}[^\s"“”'‘’「」『』.,!?;:)）。，！？、])`;
const IS_ZH = String.raw`\s*(?:就是|是|係|系|为|為|[设設](?:置)?成了?|改成了?|[:：=])\s*["“'‘「『]?`;
/** Chinese text around it: the value is Latin letters, digits and symbols. */
const VALUE_ZH = String.raw`([A-Za-z0-9!@#$%^&*_+=~\-][A-Za-z0-9!@#$%^&*_+=~.\-]{1,38}[A-Za-z0-9!@#$%^&*_+=~\-])(?![A-Za-z0-9])`;

/** "my password is fluffy123", "password: Tiger2011", "my roblox pw = sunny_day". */
export const PASSWORD_EN = new RegExp(String.raw`\b${PASSWORD_WORD_EN}${WHOSE_EN}${IS_EN}\s*${VALUE}`, "giud");
/** "my pin is 4821", "PIN code: 0815". */
export const PIN_EN = new RegExp(String.raw`\b${PIN_WORD_EN}${WHOSE_EN}${IS_EN}\s*${VALUE}`, "giud");
/** 我的密码是abc123, 密碼：happy2012, 开机密码设成了 qwerty. */
export const PASSWORD_ZH = new RegExp(String.raw`(?:密码|密碼|口令|解锁码|解鎖碼|登录码|登錄碼)${IS_ZH}${VALUE_ZH}`, "gud");
/** pin码是四八二一 (folded to 4821). */
export const PIN_ZH = new RegExp(String.raw`(?<![A-Za-z])[pP][iI][nN]\s?(?:码|碼)${IS_ZH}${VALUE_ZH}`, "gud");

/** "fluffy123 is my password", "Tiger2011 is my roblox password": here the value must look like one by itself. */
export const PASSWORD_BEFORE_EN = new RegExp(
  String.raw`(?<![\w@.#\-])([A-Za-z0-9!@#$%^&*_+=~.\-]{3,40})\s+(?:is|was)\s+(?:my|our)\s+(?:[\w'’\-]+\s+)?${PASSWORD_WORD_EN}\b`,
  "giud",
);

/**
 * Words that say what a password is like, or start a sentence about it, not one: "my password is
 * too weak", "password: required", "my password is the name of my dog", "my password is 8 letters";
 * and code's words ("password: string", "password = None").
 */
const DESCRIBES_A_PASSWORD =
  /^(?:a|an|the|is|was|my|your|his|her|their|our|its|it|this|that|these|those|what|how|why|when|where|which|who|whatever|not|too|so|very|really|super|kinda|pretty|quite|just|only|still|also|always|never|now|then|weak|strong|wrong|incorrect|correct|right|long|short|safe|unsafe|secure|insecure|easy|hard|simple|complex|complicated|same|different|changed|reset|expired|forgotten|forgot|lost|stolen|hacked|leaked|required|needed|necessary|optional|case|sensitive|hidden|stored|saved|encrypted|hashed|private|secret|personal|good|bad|great|fine|ok|okay|better|worse|best|worst|new|old|random|unique|common|obvious|guessable|like|about|in|on|at|for|of|to|and|or|but|with|because|cuz|since|used|using|being|been|based|made|set|written|typed|shown|visible|working|broken|blocked|locked|invalid|valid|empty|blank|something|anything|nothing|everything|somewhere|here|there|please|pls|plz|lol|idk|yes|no|none|null|nil|true|false|undefined|needs|has|have|had|must|should|can|could|will|would|might|may|keeps|does|doesn't|doesnt|isn't|isnt|wasn't|all|some|more|less|longer|shorter|stronger|weaker|one|two|three|four|five|six|seven|eight|nine|ten|twelve|characters?|letters?|digits?|numbers?|words?|symbols?|\d{1,2}|\*+|x+|[.…]+|\?+|password|passwords|pin|example|sample|placeholder|string|str|text|int|integer|char|varchar|bytes|input|getpass|hash|field|value|variable)$/i;

/** The value is a password, not a word about one nor a piece of code. */
export function looksLikeAPassword(value: string): boolean {
  const v = value.trim();
  if (!/[\p{L}\p{N}]/u.test(v) || /[()[\]{}<>]/.test(v)) return false;
  // "my password is 'i love cats'": a quoted phrase is read by its first word too
  const first = v.split(/\s+/)[0]!.replace(/[.,!?;:]+$/, "");
  return !DESCRIBES_A_PASSWORD.test(first) && !DESCRIBES_A_PASSWORD.test(v);
}

/** A PIN is four to twelve digits. */
export const looksLikeAPin = (value: string): boolean => /^\d{4,12}$/.test(value.trim());

/** Before "is my password", the value has to carry its own proof: letters and digits, or a symbol. */
export function looksLikeAnnouncedPassword(value: string): boolean {
  return looksLikeAPassword(value) && ((/\p{L}/u.test(value) && /\d/.test(value)) || /[!@#$%^&*_+=~]/.test(value));
}
