import type { en, MessageKey } from "./catalog/en";
import type { Locale } from "./locales";
import { pluralForm, type Message, type PluralForms } from "./plural";

/** A locale's catalog (or one area of it): English's keys, plural wherever English is plural. */
export type CatalogOf<T> = { [K in keyof T]: T[K] extends string ? string : PluralForms };
export type Messages = CatalogOf<typeof en>;
export type Params = Record<string, string | number>;

/** Keys whose entry is plural: they need a numeric `count`, which chooses the form. */
export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];
/** Keys whose entry is plain text. */
export type PlainKey = Exclude<MessageKey, PluralKey>;
type ParamsOf<K extends MessageKey> = K extends PluralKey ? [params: Params & { count: number }] : [params?: Params];
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/**
 * A template split at its placeholders, kept per template: texts at even places, names at odd.
 * The class page fills a few hundred labels per load, and splitting once beats a regular
 * expression and a callback per label. Templates come from the catalogs, so the map stays small.
 */
const splitTemplates = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** Chinese characters and full-width punctuation: no space goes between two of them. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

/**
 * Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing.
 * 简体中文 puts a half-width space between Chinese and Latin letters or digits, and only there:
 * "把学生导入 {name}" keeps its space for "7B 班" but reads 把学生导入初一（3）班, so a space
 * beside a placeholder goes when the value's own character there is Chinese too.
 */
export function format(template: string, params?: Params): string {
  if (!params || !template.includes("{")) return template;
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = name in params ? String(params[name]) : `{${name}}`;
    let after = parts[i + 1]!;
    if (value !== "") {
      if (text.endsWith(" ") && isCjk(text.at(-2)) && isCjk(value[0])) text = text.slice(0, -1);
      if (after.startsWith(" ") && isCjk(after[1]) && isCjk(value.at(-1))) after = after.slice(1);
    }
    text += value + after;
  }
  return text;
}

/** The text of one entry for these parameters: a plural entry takes the form its `count` calls for. */
export function textOf(message: Message | undefined, key: string, locale: Locale, params?: Params): string {
  if (message === undefined) return key;
  if (typeof message === "string") return format(message, params);
  return format(pluralForm(message, Number(params?.count), locale), params);
}

export function makeTranslate(messages: Partial<Messages>, locale: Locale): Translate {
  return (key, ...[params]) => textOf(messages[key], key, locale, params);
}
