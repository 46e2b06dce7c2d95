/**
 * Claude's published tokenizer, for the tokenizer widget, token counts and the mini model.
 *
 * Which tokenizer this is: `@anthropic-ai/tokenizer` 0.0.4 ships the Claude 2 era vocabulary
 * (~65k BPE ranks). Newer Claude models use a newer tokenizer that Anthropic has not published,
 * so for them these counts are an approximation (the API's `usage` numbers are the truth).
 * Lessons and the widget say so.
 *
 * Server-only (docs/stack.md, trap 11): the package imports a `.wasm` file the browser bundle cannot
 * load and its ranks weigh ~316 KB gzipped, so the server tokenizes and sends pieces to the widget.
 */
import { getTokenizer } from "@anthropic-ai/tokenizer";

/**
 * Longest input we tokenize. BPE cost grows with the square of the longest run of letters
 * (measured: 20,000 identical Chinese characters ≈ 2.4 s, 20,000 ordinary characters a few ms),
 * so an unbounded input could block the event loop. `tokenize` truncates to this length and says
 * so (`truncated`); `countTokens` refuses longer input, because a silent undercount would let a
 * prompt slip past a token budget — callers bound their input first (the guard caps prompts).
 */
export const MAX_TOKENIZE_CHARS = 20_000;

/**
 * One piece of text as the widget shows it: usually one token, but several when a single
 * character is spread over more than one token (common for Chinese characters and emoji), so a
 * piece never shows half a character while `ids.length` still tells the truth ("3 tokens").
 */
export interface TokenPiece {
  ids: number[];
  /** The exact slice of the input; all pieces' `text` joined give back the input. */
  text: string;
  /** What the tokenizer actually read when NFKC normalisation changed it (e.g. "，" → ","). */
  normalized?: string;
}

export interface Tokenization {
  pieces: TokenPiece[];
  /** Number of tokens: the sum of every piece's `ids.length`; equals the library's count. */
  count: number;
  /** True when the input was longer than MAX_TOKENIZE_CHARS and only its start was tokenized. */
  truncated: boolean;
}

type Tokenizer = ReturnType<typeof getTokenizer>;

// One instance for the life of the process: the library's own countTokens() rebuilds the
// tokenizer from 700k ranks on every call (≈46 ms) where a reused one takes ≈70 µs.
let sharedTokenizer: Tokenizer | undefined;
function tokenizer(): Tokenizer {
  sharedTokenizer ??= getTokenizer();
  return sharedTokenizer;
}

const utf8 = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Tokens in `text`, exactly as the library's countTokens() counts them (NFKC first). */
export function countTokens(text: string): number {
  if (text.length > MAX_TOKENIZE_CHARS) {
    throw new RangeError(
      `countTokens: input of ${text.length} characters exceeds ${MAX_TOKENIZE_CHARS}`,
    );
  }
  return tokenizer().encode(text.normalize("NFKC"), "all").length;
}

export function tokenize(input: string): Tokenization {
  const truncated = input.length > MAX_TOKENIZE_CHARS;
  const text = truncated ? cutAtCodePoint(input, MAX_TOKENIZE_CHARS) : input;
  const chunks = normalizationChunks(text);
  const ids = tokenizer().encode(chunks.map((c) => c.normalized).join(""), "all");

  // Pieces as chunk ranges first; text is filled in at the end.
  const ranges: { ids: number[]; firstChunk: number; endChunk: number }[] = [];
  let bytePosition = 0;
  let chunkIndex = 0;
  let chunkBytesEnd = 0; // byte offset in the normalised text where chunks[0..chunkIndex) end
  let pending: number[] = [];
  let pendingFirstChunk = 0;

  for (const id of ids) {
    bytePosition += tokenizer().decode_single_token_bytes(id).length;
    pending.push(id);
    while (chunkIndex < chunks.length && chunkBytesEnd + chunks[chunkIndex]!.bytes <= bytePosition) {
      chunkBytesEnd += chunks[chunkIndex]!.bytes;
      chunkIndex++;
    }
    // Close a piece only where a token ends exactly on a character boundary.
    if (chunkBytesEnd === bytePosition && chunkIndex > pendingFirstChunk) {
      ranges.push({ ids: pending, firstChunk: pendingFirstChunk, endChunk: chunkIndex });
      pending = [];
      pendingFirstChunk = chunkIndex;
    }
  }
  // Trailing characters that normalise to nothing carry no token: they join the last piece.
  const last = ranges.at(-1);
  if (last && pending.length === 0) last.endChunk = chunks.length;
  else if (pendingFirstChunk < chunks.length || pending.length > 0) {
    ranges.push({ ids: pending, firstChunk: pendingFirstChunk, endChunk: chunks.length });
  }

  const pieces = ranges.map((r) => makePiece(r.ids, chunks.slice(r.firstChunk, r.endChunk)));
  return { pieces, count: ids.length, truncated };
}

interface Chunk {
  original: string;
  normalized: string;
  bytes: number;
}

/**
 * Splits text into user-perceived characters with their NFKC form, so token boundaries (which
 * live in the normalised text) can be mapped back onto the original. If normalising piecewise
 * differs from normalising the whole (a composition across characters), one chunk is used:
 * still exact, just coarser.
 */
function normalizationChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const normalized = segment.normalize("NFKC");
    chunks.push({ original: segment, normalized, bytes: utf8.encode(normalized).length });
  }
  const whole = text.normalize("NFKC");
  if (chunks.map((c) => c.normalized).join("") === whole) return chunks;
  return [{ original: text, normalized: whole, bytes: utf8.encode(whole).length }];
}

function makePiece(ids: number[], chunks: Chunk[]): TokenPiece {
  const text = chunks.map((c) => c.original).join("");
  const normalized = chunks.map((c) => c.normalized).join("");
  return normalized === text ? { ids, text } : { ids, text, normalized };
}

/** Cuts to at most `max` UTF-16 units without leaving half a surrogate pair. */
function cutAtCodePoint(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  const endsOnHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, endsOnHighSurrogate ? max - 1 : max);
}
