/**
 * Text from an uploaded roster file, whatever the spreadsheet saved it as. Chinese Excel saves
 * "CSV" as GB18030 (GBK), "Unicode text" as UTF-16 LE with a BOM; Sheets and most information
 * systems write UTF-8, sometimes with a BOM. Node's TextDecoder (full ICU) decodes all of them.
 *
 * Detection: a BOM decides; else bytes that look like UTF-16 (every other byte zero); else
 * UTF-8 when it is valid. A file that is UTF-8 in most lines but has a few broken ones stays
 * UTF-8 and the broken characters become U+FFFD, so the rows holding them are named as bad
 * encoding (rather than the whole file read as GB18030 mojibake). A file with no valid
 * multi-byte UTF-8 at all is GB18030.
 */
export type RosterEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export const REPLACEMENT = "\uFFFD";

export function decodeRosterBytes(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode("utf-8", bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", bytes.subarray(2)), encoding: "utf-16be" };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  if (isValidUtf8(bytes)) return { text: decode("utf-8", bytes), encoding: "utf-8" };
  if (hasMultiByteUtf8Line(bytes)) return { text: decode("utf-8", bytes), encoding: "utf-8" };
  return { text: decode("gb18030", bytes), encoding: "gb18030" };
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
