/**
 * Text written in base64 to get past the screens: "bXkgcGhvbmUgaXMgMTM4MDAxMzgwMDA=" is "my phone
 * is 13800138000", and "aSB3YW50IHRvIGRpZQ==" is "i want to die". A model reads base64 as easily as
 * plain text (Claude answers it), so the screens and crisis detection read it too: each run that
 * decodes to readable text is followed, in the text they read, by what it says. Everything found
 * in the decoded words is reported as the whole run the student typed, so it is blanked out whole.
 *
 * Narrow on purpose: a run must be 12 characters or more and decode to valid UTF-8 that reads as
 * text — no control characters, mostly letters, digits and spaces, and words (a space, a Chinese
 * character) or what the screens look for alone (five digits, an @); four characters at least, or
 * three Chinese ones (我想死). A hash, a key, a camelCase name or an ordinary word decodes to bytes
 * that are none of these. Base64 broken over lines (as encoders and e-mail wrap it, or a student
 * breaks it by hand, with blank lines, bullets or quote marks between) or parted by spaces between
 * pieces that look encoded is read joined up, with a few words of chat before or after left out.
 * Not read: base64 broken over messages, pieces padded one by one, base64 of base64, UTF-16 —
 * each would be another decoder with false alarms.
 * The original run stays in the text as well, so whatever it holds as typed is still read.
 *
 * Pure: no I/O; `atob` and `TextDecoder` exist in Node and in browsers.
 */
import { matchesOf, replaceMapped, unfolded, type MappedText } from "./normalize-text";

const CHAR = "[A-Za-z0-9+/_-]";
/** Before each line of a piece: a bullet, a number or a quote mark ("- MTM4…", "2. MzgwMDA=", "> …"). */
const BULLET = String.raw`(?:[-*•+][ \t]+|\d{1,3}[.)][ \t]+|(?:>[ \t]*)+)`;
/** Between lines of a piece: one line break or more (a blank line), spaces, a bullet. */
const LINE_GAP = String.raw`(?:[ \t]*\r?\n)+[ \t]*${BULLET}?`;
/**
 * A token that looks encoded, not like a word: a digit, "+" or "/", or a capital after its first
 * letter ("aSB3YW50", "IHRvIGRpZQ"; not "Hello", "pls"). Only such tokens are joined across a space.
 */
const LOOKS_ENCODED = String.raw`(?=${CHAR}*(?:[0-9+/]|${CHAR}[A-Z]))`;
/** The next piece after a space: encoded-looking, or ending in padding ("ZQ=="). */
const SPACED_PIECE = String.raw`(?:${LOOKS_ENCODED}${CHAR}{2,}|${CHAR}{2,}(?==))`;

/**
 * Standard or URL-safe base64, padded or not, not inside a longer run of such characters, and
 * carried on while more follows: over line breaks (blank lines, spaces and a bullet or quote mark
 * at a line's start aside) while the next line starts with more, and over a space between tokens
 * that look encoded ("aSB3YW50 IHRvIGRpZQ=="). A run may follow "=" or "/" (a link's query or
 * path: "?q=aSB3…"); any padding after it is taken. A run on one line must be 12 characters or
 * more; one in pieces, its pieces together (readRun).
 */
const BASE64_RUN = new RegExp(
  String.raw`(?<![A-Za-z0-9+_-])(?:${CHAR}{12,}|${CHAR}+(?=${LINE_GAP}${CHAR})|${LOOKS_ENCODED}${CHAR}{4,}(?=[ \t]+${SPACED_PIECE}))(?:${LINE_GAP}${CHAR}+|[ \t]+${SPACED_PIECE})*=*(?!${CHAR})`,
  "g",
);
/** Between the pieces of a run. */
const PIECE_GAP = new RegExp(`${LINE_GAP}|[ \\t]+`);

// Not `fatal`: an exception for every run that is not UTF-8 cost 14 µs; U+FFFD says the same.
const utf8 = new TextDecoder("utf-8");

/** What `run` says in base64, when that is readable text; otherwise null. */
export function decodedBase64(run: string): string | null {
  // a word in small letters (the commonest run by far) or a number is never base64 of text
  // (digits alone encode bytes from 0xD3 up): skip the decoding
  if (/^(?:[a-z]+|\d+)$/.test(run)) return null;
  const body = run.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (body.length % 4 === 1) return null;
  // bytes that are not text nearly always show it in their first few dozen: a run in many pieces
  // is joined several ways (readRun), each as long as the run
  if (body.length > PREFIX && !startsAsText(body.slice(0, PREFIX))) return null;
  const bytes = bytesOf(body);
  if (!bytes) return null;
  const text = utf8.decode(bytes);
  return !text.includes("\uFFFD") && readsAsWords(text) ? text : null;
}

/** How much of a long run is read first; a multiple of 4. */
const PREFIX = 64;

/** Whether the start of a run decodes to UTF-8 so far (a character cut at its end is no error). */
function startsAsText(prefix: string): boolean {
  const bytes = bytesOf(prefix);
  return bytes !== null && !new TextDecoder("utf-8").decode(bytes, { stream: true }).includes("\uFFFD");
}

/** The bytes `body` encodes, or null when it is not base64. */
function bytesOf(body: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(body + "=".repeat((4 - (body.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Text, not bytes: no control characters, mostly letters, digits and spaces, and either words (a
 * space, a Chinese character) or the shape of what the screens look for alone (five digits, an @).
 */
function readsAsWords(text: string): boolean {
  const chars = [...text];
  // three Chinese characters are words (我想死): nine bytes, too many to fall into place by chance
  const short = chars.length < 4 && (text.match(/\p{Script=Han}/gu) ?? []).length < 3;
  if (short || /[\p{Cc}\p{Cn}\p{Co}]/u.test(text.replace(/[\n\r\t]/g, ""))) return false;
  const wordy = chars.filter((c) => /[\p{L}\p{N}\s]/u.test(c)).length;
  return wordy >= chars.length * 0.6 && /[\s\p{Script=Han}@]|\d{5}/u.test(text);
}

/** What a run on one line says: whole, or (a link's path) one "/"-separated piece. */
function readLine(run: string): string | null {
  if (run.length < 12) return null;
  // "/" is base64 and a path's separator: "x.com/aSB3…" is read whole, then piece by piece
  return decodedBase64(run) ?? (run.includes("/") ? (run.split("/").map(decodedBase64).find((w) => w !== null) ?? null) : null);
}

/** How many pieces at each end of a run may be words around it ("my phone is", "thx", "bye"). */
const WORDS_AROUND = 3;

/**
 * What a run says. In pieces, the pieces joined up — the first pieces may be words that end a
 * sentence ("my phone is\nMTM4…") and the last ones words of chat after it ("thx\nbye"), so up to
 * three at each end are also left out, fewest first — or else what each piece says alone.
 */
function readRun(run: string): string | null {
  const pieces = run.split(PIECE_GAP);
  if (pieces.length === 1) return readLine(run);
  const last = pieces.length - 1;
  const ends = Math.min(WORDS_AROUND, last);
  for (let dropped = 0; dropped <= 2 * ends; dropped++) {
    for (let from = Math.max(0, dropped - ends); from <= Math.min(dropped, ends); from++) {
      const to = last - (dropped - from);
      const joined = pieces.slice(from, to + 1).join("");
      if (to > from && joined.length >= 12) {
        const words = decodedBase64(joined);
        if (words) return words;
      }
    }
  }
  const alone = pieces.map(readLine).filter((w) => w !== null);
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
