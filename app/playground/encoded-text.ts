/**
 * Text written in base64 to get past the screens: "bXkgcGhvbmUgaXMgMTM4MDAxMzgwMDA=" is "my phone
 * is 13800138000", and "aSB3YW50IHRvIGRpZQ==" is "i want to die". A model reads base64 as easily as
 * plain text (Claude answers it), so the screens and crisis detection read it too: each run that
 * decodes to readable text is followed, in the text they read, by what it says. Everything found
 * in the decoded words is reported as the whole run the student typed, so it is blanked out whole.
 *
 * Narrow on purpose: a run must be 12 characters or more and decode to valid UTF-8 that reads as
 * text — no control characters, mostly letters, digits and spaces, and words (a space, a Chinese
 * character) or what the screens look for alone (five digits, an @). A hash, a key, a camelCase
 * name or an ordinary word decodes to bytes that are none of these. Not read: base64 broken over
 * lines or messages, base64 of base64, UTF-16 — each would be another decoder with false alarms.
 * The original run stays in the text as well, so whatever it holds as typed is still read.
 *
 * Pure: no I/O; `atob` and `TextDecoder` exist in Node and in browsers.
 */
import { matchesOf, replaceMapped, unfolded, type MappedText } from "./normalize-text";

/**
 * Standard or URL-safe base64, padded or not, not inside a longer run of such characters. A run may
 * follow "=" or "/" (a link's query or path: "?q=aSB3…"); any padding after it is taken.
 */
const BASE64_RUN = /(?<![A-Za-z0-9+_-])[A-Za-z0-9+/_-]{12,}=*(?![A-Za-z0-9+/_-])/g;

// Not `fatal`: an exception for every run that is not UTF-8 cost 14 µs; U+FFFD says the same.
const utf8 = new TextDecoder("utf-8");

/** What `run` says in base64, when that is readable text; otherwise null. */
export function decodedBase64(run: string): string | null {
  // a word in small letters (the commonest run by far) or a number is never base64 of text
  // (digits alone encode bytes from 0xD3 up): skip the decoding
  if (/^(?:[a-z]+|\d+)$/.test(run)) return null;
  const body = run.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (body.length % 4 === 1) return null;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(body + "=".repeat((4 - (body.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const text = utf8.decode(bytes);
  return !text.includes("\uFFFD") && readsAsWords(text) ? text : null;
}

/**
 * Text, not bytes: no control characters, mostly letters, digits and spaces, and either words (a
 * space, a Chinese character) or the shape of what the screens look for alone (five digits, an @).
 */
function readsAsWords(text: string): boolean {
  const chars = [...text];
  if (chars.length < 4 || /[\p{Cc}\p{Cn}\p{Co}]/u.test(text.replace(/[\n\r\t]/g, ""))) return false;
  const wordy = chars.filter((c) => /[\p{L}\p{N}\s]/u.test(c)).length;
  return wordy >= chars.length * 0.6 && /[\s\p{Script=Han}@]|\d{5}/u.test(text);
}

/** Each readable base64 run's place in `text`, with what it says. */
function readableRuns(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of matchesOf(text, BASE64_RUN)) {
    // "/" is base64 and a path's separator: "x.com/aSB3…" is read whole, then piece by piece
    const words = decodedBase64(m[0]) ?? (m[0].includes("/") ? m[0].split("/").map(decodedBase64).find((w) => w !== null) : null);
    if (words) found.set(m.index, words);
  }
  return found;
}

/** What each readable base64 run in `text` says, for an adult reading the message. */
export function decodedRuns(text: string): string[] {
  return [...readableRuns(text).values()];
}

/**
 * `text` with what each readable base64 run says after it, mapped to the whole run; null when it
 * holds none (nearly always: the caller then reads `text` as it is, with no mapping to build).
 */
export function revealEncoded(text: string): MappedText | null {
  const runs = readableRuns(text);
  if (runs.size === 0) return null;
  return replaceMapped(unfolded(text), BASE64_RUN, (m) => {
    const words = runs.get(m.index);
    return words === undefined ? m[0] : `${m[0]}\n${words}\n`;
  });
}
