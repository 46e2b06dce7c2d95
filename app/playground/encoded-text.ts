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
 * name or an ordinary word decodes to bytes that are none of these. Base64 broken over lines (as
 * encoders and e-mail wrap it, or a student breaks it by hand) is read joined up. Not read: base64
 * broken over messages, base64 of base64, UTF-16 — each would be another decoder with false alarms.
 * The original run stays in the text as well, so whatever it holds as typed is still read.
 *
 * Pure: no I/O; `atob` and `TextDecoder` exist in Node and in browsers.
 */
import { matchesOf, replaceMapped, unfolded, type MappedText } from "./normalize-text";

/**
 * Standard or URL-safe base64, padded or not, not inside a longer run of such characters, and
 * carried on over line breaks (spaces around them aside) while the next line starts with more. A
 * run may follow "=" or "/" (a link's query or path: "?q=aSB3…"); any padding after it is taken.
 * A run on one line must be 12 characters or more; one over lines, its pieces together (readRun).
 */
const BASE64_RUN =
  /(?<![A-Za-z0-9+_-])(?:[A-Za-z0-9+/_-]{12,}|[A-Za-z0-9+/_-]+(?=[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]))(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]+)*=*(?![A-Za-z0-9+/_-])/g;
const LINE_BREAK = /[ \t]*\r?\n[ \t]*/;

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

/** What a run on one line says: whole, or (a link's path) one "/"-separated piece. */
function readLine(run: string): string | null {
  if (run.length < 12) return null;
  // "/" is base64 and a path's separator: "x.com/aSB3…" is read whole, then piece by piece
  return decodedBase64(run) ?? (run.includes("/") ? (run.split("/").map(decodedBase64).find((w) => w !== null) ?? null) : null);
}

/**
 * What a run says. Over lines, its pieces joined up — the first line's piece may be a word that
 * ends a sentence ("my phone is\nMTM4…") and the last line's one that starts the next, so each
 * is also left out — or else what each line says alone.
 */
function readRun(run: string): string | null {
  const lines = run.split(LINE_BREAK);
  if (lines.length === 1) return readLine(run);
  const last = lines.length - 1;
  for (const [from, to] of [[0, last], [1, last], [0, last - 1], [1, last - 1]] as const) {
    const joined = lines.slice(from, to + 1).join("");
    if (to > from && joined.length >= 12) {
      const words = decodedBase64(joined);
      if (words) return words;
    }
  }
  const alone = lines.map(readLine).filter((w) => w !== null);
  return alone.length > 0 ? alone.join("\n") : null;
}

/** Each readable base64 run's place in `text`, with what it says. */
function readableRuns(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of matchesOf(text, BASE64_RUN)) {
    const words = readRun(m[0]);
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
