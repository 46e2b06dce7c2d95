/**
 * Help lines for children and young people, as they publish them: a child who asks about one or
 * quotes it ("childline is 0800 1111", 香港撒瑪利亞防止自殺會 2389 2222) gives away no one's
 * personal data, and must never be blocked for it. The personal-data screen lets these numbers
 * through (screen-personal-data.ts). Pure: no I/O, safe in the browser.
 *
 * The app has no list of its own: the support card shows the help line each school types into its
 * safeguarding settings (free text, read only when a card is shown). Most schools will type one of
 * these; a line only one school uses is still screened like any number.
 */
export const HELP_LINES: readonly { name: string; number: string }[] = [
  // United Kingdom
  { name: "Childline", number: "0800 1111" },
  { name: "Samaritans", number: "116 123" },
  { name: "NSPCC", number: "0808 800 5000" },
  { name: "Shout", number: "85258" },
  { name: "YoungMinds Crisis Messenger", number: "85258" },
  { name: "Beat (eating disorders)", number: "0808 801 0677" },
  { name: "Beat Youthline", number: "0808 801 0711" },
  { name: "Papyrus HOPELINE247", number: "0800 068 4141" },
  { name: "Papyrus HOPELINE247 (text)", number: "07860 039967" },
  { name: "The Mix", number: "0808 808 4994" },
  { name: "Mind Infoline", number: "0300 123 3393" },
  // United States, Canada, Australia
  { name: "988 Suicide & Crisis Lifeline", number: "988" },
  { name: "Childhelp", number: "1-800-422-4453" },
  { name: "Crisis Text Line", number: "741741" },
  { name: "Kids Help Phone", number: "1-800-668-6868" },
  { name: "The Trevor Project", number: "1-866-488-7386" },
  { name: "Kids Helpline", number: "1800 55 1800" },
  { name: "Lifeline Australia", number: "13 11 14" },
  // Hong Kong, Macau
  { name: "香港撒瑪利亞防止自殺會", number: "2389 2222" },
  { name: "香港撒瑪利亞會", number: "2896 0000" },
  { name: "生命熱線", number: "2382 0000" },
  { name: "明愛向晴熱線", number: "18288" },
  { name: "社會福利署熱線", number: "2343 2255" },
  { name: "Open Up", number: "9101 2012" },
  { name: "明愛生命熱線", number: "2852 5222" },
  // Mainland China
  { name: "12355青少年服务台", number: "12355" },
  { name: "心理援助热线", number: "12356" },
  { name: "希望24热线", number: "400-161-9995" },
  { name: "北京心理危机研究与干预中心", number: "010-82951332" },
  // Taiwan
  { name: "安心專線", number: "1925" },
  { name: "生命線", number: "1995" },
  { name: "張老師專線", number: "1980" },
  { name: "保護專線", number: "113" },
];

/**
 * Each line's digits as published, and a North American number without its leading 1 as well
 * ("800-668-6868" is how Kids Help Phone is often written).
 */
const HELP_LINE_DIGITS = new Set(
  HELP_LINES.flatMap(({ number }) => {
    const digits = number.replace(/\D/g, "");
    return /^1\d{10}$/.test(digits) ? [digits, digits.slice(1)] : [digits];
  }),
);

/** Country codes of the lines above. */
const COUNTRY_CODE = /^(?:00)?(?:1|44|61|852|853|86|886)(\d{7,})$/;

/**
 * Whether `digits` (a number's digits, nothing else) dial a help line: as published, or after a
 * country code in place of the trunk 0 ("+852 2389 2222", "+44 800 1111", "+44 808 800 5000").
 */
export function isHelpLineNumber(digits: string): boolean {
  if (HELP_LINE_DIGITS.has(digits)) return true;
  const national = COUNTRY_CODE.exec(digits)?.[1];
  return national !== undefined && (HELP_LINE_DIGITS.has(national) || HELP_LINE_DIGITS.has(`0${national}`));
}

/**
 * A country code written just before a number ("+44 ", "0044 ", "(+44) ", "+44 (0)"), as digits,
 * or "". A detector may read the number after it alone ("808 800 5000" has a North American
 * shape): with its country code it is NSPCC's.
 */
export function countryCodeBefore(text: string, index: number): string {
  return /(?:\+|(?<!\d)00)\s?(\d{1,3})\)?[\s.-]*(?:\(0\)[\s.-]*)?\(?$/.exec(text.slice(Math.max(0, index - 14), index))?.[1] ?? "";
}
