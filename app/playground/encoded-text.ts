/**
 * Text written in base64 to get past the screens: "bXkgcGhvbmUgaXMgMTM4MDAxMzgwMDA=" is "my phone
 * is 13800138000", and "aSB3YW50IHRvIGRpZQ==" is "i want to die". A model reads base64 as easily as
 * plain text (Claude answers it), so the screens and crisis detection read it too: each run that
 * decodes to readable text is followed, in the text they read, by what it says. Everything found
 * in the decoded words is reported as the whole run the student typed, so it is blanked out whole.
 *
 * Narrow on purpose: a run must be 12 characters or more, hold capitals and small letters (base64 of
 * any text does; words, numbers, join codes and shouted words do not), and decode to valid UTF-8
 * that reads as words — letters, digits and spaces, a space or a Chinese character among them, no
 * control characters. A hash, a key or a camelCase name decodes to bytes that are none of these.
 * The original run stays in the text as well, so whatever it holds as typed is still read.
 *
 * Pure: no I/O; `atob` and `TextDecoder` exist in Node and in browsers.
 */
import { matchesOf, replaceMapped, unfolded, type MappedText } from "./normalize-text";

/**
 * Standard or URL-safe base64, padded or not, not inside a longer run of such characters. Whether
 * it holds capitals and small letters is checked after (as lookaheads here, the expression took 20
 * times as long over a page of English).
 */
const BASE64_RUN = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{12,}={0,2}(?![A-Za-z0-9+/=_-])/g;

// Not `fatal`: an exception for every run that is not UTF-8 cost 14 µs; U+FFFD says the same.
const utf8 = new TextDecoder("utf-8");

/** What `run` says in base64, when that is readable text; otherwise null. */
export function decodedBase64(run: string): string | null {
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run)) return null;
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

function readsAsWords(text: string): boolean {
  const chars = [...text];
  if (chars.length < 4 || /[\p{Cc}\p{Cn}\p{Co}]/u.test(text.replace(/[\n\r\t]/g, ""))) return false;
  const wordy = chars.filter((c) => /[\p{L}\p{N}\s]/u.test(c)).length;
  return wordy >= chars.length * 0.8 && /[\s\p{Script=Han}]/u.test(text);
}

/** Each readable base64 run's place in `text`, with what it says. */
function readableRuns(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of matchesOf(text, BASE64_RUN)) {
    const words = decodedBase64(m[0]);
    if (words !== null) found.set(m.index, words);
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
