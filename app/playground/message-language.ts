/**
 * The language a student wrote a message in, among the interface's. The support card speaks it:
 * a child who types 我不想活了 on a page set to English (the school's choice, or a shared
 * computer's) reads the card in Chinese, in the script they wrote, and a child writing English on
 * a Chinese page reads it in English. Pure: no I/O.
 */
import type { Locale } from "~/i18n/locales";
import { hanScriptOf } from "./normalize-text";

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
/**
 * Written Cantonese's own characters (咗, 嘅, 唔, 冇…) are the same in both scripts, but most
 * who write them are in Hong Kong or Macau and read Traditional: each leans that way once.
 */
const CANTONESE = new Set("咗嘅唔冇佢啲喺嘢噉乜嚟攞畀咩嗰哋");

/**
 * Chinese when the message has at least as many Han characters as Latin words ("我想die" is
 * Chinese, "i want to 自杀" English), English when it has Latin words, otherwise the page's
 * language (emoji, digits, nothing). Chinese is Traditional when its characters lean that way
 * (hanScriptOf; a Traditional-only character counts twice, since some "Simplified" ones are
 * Traditional's too: 台灣 leans Traditional, 台湾 Simplified; Cantonese's own count once), Simplified when they lean the other
 * way; when they do not lean (我想死), the page's Chinese if it has one, else Simplified, the
 * script most of Lantern's schools write.
 */
export function languageOfMessage(text: string, pageLocale: Locale): Locale {
  const han = text.match(HAN) ?? [];
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han.length === 0) return latinWords > 0 ? "en" : pageLocale;
  if (han.length < latinWords) return "en";
  let lean = 0;
  for (const ch of han) {
    const script = hanScriptOf(ch);
    if (script === "traditional") lean += 2;
    else if (CANTONESE.has(ch)) lean += 1;
    else if (script === "simplified") lean -= 1;
  }
  if (lean > 0) return "zh-Hant";
  if (lean < 0) return "zh-Hans";
  return pageLocale === "en" ? "zh-Hans" : pageLocale;
}
