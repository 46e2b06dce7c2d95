/**
 * Text from an uploaded roster file, whatever the spreadsheet saved it as. Chinese Excel saves
 * "CSV" as GB18030 (GBK), "Unicode text" as UTF-16 LE with a BOM; Sheets and most information
 * systems write UTF-8, sometimes with a BOM. Node's TextDecoder (full ICU) decodes all of them.
 *
 * Detection: a BOM decides; else bytes that look like UTF-16 (every other byte zero); else UTF-8
 * or GB18030. Many common characters' GB18030 bytes are valid UTF-8 too (郑 is D6 A3, read as
 * Hebrew ֣; 伟 CE B0, Greek ΰ): a file of such names is valid UTF-8 and was read as nonsense.
 * So GB18030 wins when its reading is clean — no broken character, and its two-byte characters
 * nearly all GB2312's punctuation and its 6,763 characters (both bytes A1–FE, rows A1–A3 and B0–F7) —
 * and the UTF-8 reading is not (broken, or holding the letters such bytes make as UTF-8: Greek,
 * Cyrillic, Hebrew, Arabic, control characters). Names in those scripts written as UTF-8 read the other way
 * as rare characters outside GB2312 (a UTF-8 continuation byte is 80–BF), so they stay UTF-8. A
 * file that is UTF-8 in most lines but has a few broken ones stays UTF-8 and the broken
 * characters become U+FFFD, so the rows holding them are named as bad encoding.
 *
 * Traditional-Chinese Excel (Taiwan, Hong Kong) saves "CSV" as Big5, not GB18030: read as GB18030
 * its names were nonsense without a single broken character (陳大文 → 朝ゅ…), found walking the
 * roster import as a Hong Kong teacher. Big5's second byte is often 40–7E, so such a file is never
 * GB2312-shaped; it is Big5 when every pair is Big5-shaped and nearly all are its punctuation or
 * its 5,401 frequently used characters (lead byte A1–C6).
 */
export type RosterEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

export const REPLACEMENT = "\uFFFD";

export function decodeRosterBytes(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode("utf-8", bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", bytes.subarray(2)), encoding: "utf-16be" };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  const utf8 = isValidUtf8(bytes) ? decode("utf-8", bytes) : null;
  if (utf8 !== null && !LETTERS_OF_MISREAD_GB18030.test(utf8)) return { text: utf8, encoding: "utf-8" };
  if (readsAsEverydayChinese(bytes)) {
    const gb = decode("gb18030", bytes);
    if (!gb.includes(REPLACEMENT)) return { text: gb, encoding: "gb18030" };
  }
  if (utf8 === null && readsAsEverydayBig5(bytes)) {
    const big5 = decode("big5", bytes);
    if (!big5.includes(REPLACEMENT)) return { text: big5, encoding: "big5" };
  }
  if (utf8 !== null || hasMultiByteUtf8Line(bytes)) return { text: utf8 ?? decode("utf-8", bytes), encoding: "utf-8" };
  return { text: decode("gb18030", bytes), encoding: "gb18030" };
}

/**
 * What GB18030 bytes read as UTF-8 turn into: C1 controls (lead byte C2), Latin Extended-B, IPA
 * and combining marks (C6–CD), Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac and Thaana
 * (CE–DF). Latin-1's letters and symbols and Latin Extended-A's letters are left out: they are
 * names and class names ("José", "1º ESO", "O´Brien" — a review found those read as GB18030).
 */
const LETTERS_OF_MISREAD_GB18030 = /[\u0080-\u009f\u0180-\u07ff]/;

/** Two-byte GB18030 characters nearly all GB2312's punctuation or characters: text in everyday Chinese. */
function readsAsEverydayChinese(bytes: Uint8Array): boolean {
  let pairs = 0;
  let everyday = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    // a four-byte character (second byte a digit) is GB18030's own, far from everyday text
    if (trail >= 0x30 && trail <= 0x39) {
      pairs++;
      i += 3;
      continue;
    }
    pairs++;
    // punctuation and full-width forms (rows A1–A3) or a character (rows B0–F7); not the kana,
    // Greek, Cyrillic, pinyin and box-drawing rows (A4–A9), which Big5's characters read as
    if (trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7))) everyday++;
    i++;
  }
  return pairs > 0 && everyday >= pairs * 0.9;
}

/** Every two-byte character Big5-shaped, nearly all punctuation or frequently used characters: Big5 text in everyday Chinese. */
function readsAsEverydayBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let everyday = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    if (lead === 0x80 || lead === 0xff || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return false;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xc6) everyday++;
    i++;
  }
  return pairs > 0 && everyday >= pairs * 0.9;
}

function decode(encoding: RosterEncoding, bytes: Uint8Array): string {
  // ignoreBOM: the BOM (if any) was already cut off above; a second one would be data
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Some line is valid UTF-8 and holds a non-ASCII character: the file was meant as UTF-8. */
function hasMultiByteUtf8Line(bytes: Uint8Array): boolean {
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i);
      if (line.some((b) => b >= 0x80) && isValidUtf8(line)) return true;
      start = i + 1;
    }
  }
  return false;
}

/** UTF-16 without a BOM: ASCII characters (commas, tabs, line ends, letters) have one zero byte, always on the same side. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  // Chinese characters fill both bytes (and 一, U+4E00, has a zero one): ASCII separators and
  // digits are enough to tell the order, as long as one side clearly has more zeros
  if (oddZero > pairs * 0.3 && evenZero * 4 < oddZero) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero * 4 < evenZero) return "utf-16be";
  return null;
}
