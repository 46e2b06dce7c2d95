/**
 * "Mini model (offline) — not Claude": a small n-gram language model trained at build time on
 * the course text. It predicts the next piece from the previous MINI_MODEL_CONTEXT_TOKENS pieces
 * only, which is the point of the "next-token prediction" lesson: the same idea as Claude, with
 * a context window of two pieces instead of hundreds of thousands of tokens.
 *
 * Its vocabulary is the display pieces of the tokenizer widget (tokenize() pieces, never half a
 * character), so what students see in one widget is what this model predicts in the other.
 *
 * Smoothing: interpolated absolute discounting (the core of Kneser–Ney, without continuation
 * counts). Every level keeps its full count total, so the mass of pruned rare n-grams flows to
 * the shorter context, and the probabilities over the whole vocabulary sum to exactly 1.
 *
 * The model is plain JSON (MiniModelData); the functions here are deterministic given `random`.
 * Server-only: it tokenizes with Claude's tokenizer (tokenizer.server.ts).
 */
import { tokenize } from "../course/tokenizer.server";
import type { ChatEvent, ChatProvider, ChatRequest } from "./provider";

export const MINI_MODEL_FORMAT = "lantern-mini-model/1";
export const DEFAULT_MINI_MODEL_ORDER = 3;
/** How many previous pieces the default mini model reads: its whole "context window". */
export const MINI_MODEL_CONTEXT_TOKENS = DEFAULT_MINI_MODEL_ORDER - 1;
export const DEFAULT_TOP_K = 40;

/** Piece id 0 marks the start and the end of a text; its display text is "". */
const BOUNDARY = 0;

export interface MiniModelData {
  format: typeof MINI_MODEL_FORMAT;
  /** n of the n-gram: the model reads the previous `order - 1` pieces. */
  order: number;
  discount: number;
  /** Display pieces; the index is the piece id. */
  vocab: string[];
  locales: Record<string, LocaleTable>;
}

export interface LocaleTable {
  /** [id, count, id, count, …], most frequent first; id 0 counts text ends. */
  unigrams: number[];
  /**
   * Context ids joined by "," → [total, id, count, id, count, …], most frequent first. `total`
   * counts every continuation seen, including those pruned from the list.
   */
  contexts: Record<string, number[]>;
}

export interface TrainingText {
  locale: string;
  text: string;
}

export interface TrainingOptions {
  order?: number;
  /** n-grams seen fewer times than this are dropped (their mass backs off). */
  minCount?: number;
  /** Longest continuation list kept per context. */
  maxContinuations?: number;
  discount?: number;
}

export interface NextPiece {
  piece: string;
  p: number;
  /** The model would end its text here. */
  end?: true;
}

// ---------------------------------------------------------------------------------------------
// Training

export function trainMiniModel(texts: TrainingText[], options: TrainingOptions = {}): MiniModelData {
  const { order = DEFAULT_MINI_MODEL_ORDER, minCount = 2, maxContinuations = 48, discount = 0.75 } =
    options;
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be ≥ 1, got ${order}`);
  const vocab = [""];
  const idOf = new Map<string, number>([["", BOUNDARY]]);
  const counts = new Map<string, NgramCounts>();

  for (const { locale, text } of texts) {
    for (const paragraph of splitForTokenizer(text)) {
      let table = counts.get(locale);
      if (!table) counts.set(locale, (table = { unigrams: new Map(), contexts: new Map() }));
      const ids = [BOUNDARY];
      for (const { text: piece } of tokenize(paragraph).pieces) {
        let id = idOf.get(piece);
        if (id === undefined) idOf.set(piece, (id = vocab.push(piece) - 1));
        ids.push(id);
      }
      ids.push(BOUNDARY);
      countNgrams(table, ids, order);
    }
  }

  const locales: Record<string, LocaleTable> = {};
  for (const [locale, table] of counts) {
    const contexts: Record<string, number[]> = {};
    for (const [key, continuations] of table.contexts) {
      const kept = byCountDescending(continuations)
        .filter(([, count]) => count >= minCount)
        .slice(0, maxContinuations);
      if (kept.length === 0) continue;
      const total = [...continuations.values()].reduce((a, b) => a + b, 0);
      contexts[key] = [total, ...kept.flat()];
    }
    locales[locale] = { unigrams: byCountDescending(table.unigrams).flat(), contexts };
  }
  return { format: MINI_MODEL_FORMAT, order, discount, vocab, locales };
}

interface NgramCounts {
  unigrams: Map<number, number>;
  /** Context key ("id,id") → next id → count. */
  contexts: Map<string, Map<number, number>>;
}

/** Counts every piece after each of its contexts of length 1 … order − 1 (and alone). */
function countNgrams(table: NgramCounts, ids: number[], order: number) {
  for (let i = 1; i < ids.length; i++) {
    increment(table.unigrams, ids[i]!);
    for (let length = 1; length < order && i - length >= 0; length++) {
      const key = ids.slice(i - length, i).join(",");
      let continuations = table.contexts.get(key);
      if (!continuations) table.contexts.set(key, (continuations = new Map()));
      increment(continuations, ids[i]!);
    }
  }
}

/** Tokenizer input is bounded: train on paragraphs, cutting any giant one into slices. */
function splitForTokenizer(text: string, max = 4_000): string[] {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return paragraphs.flatMap((p) => {
    const slices = [];
    for (let start = 0; start < p.length; ) {
      let end = Math.min(start + max, p.length);
      if (/[\uD800-\uDBFF]/.test(p[end - 1] ?? "") && end < p.length) end--; // keep pairs whole
      slices.push(p.slice(start, end));
      start = end;
    }
    return slices;
  });
}

function increment(map: Map<number, number>, id: number) {
  map.set(id, (map.get(id) ?? 0) + 1);
}

function byCountDescending(map: Map<number, number>): [number, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Checks that parsed JSON is a mini model of this format (not a full validation). */
export function parseMiniModel(json: string | unknown): MiniModelData {
  const data = (typeof json === "string" ? JSON.parse(json) : json) as Partial<MiniModelData>;
  if (
    data?.format !== MINI_MODEL_FORMAT ||
    !Number.isInteger(data.order) ||
    typeof data.discount !== "number" ||
    !Array.isArray(data.vocab) ||
    typeof data.locales !== "object" ||
    data.locales === null
  ) {
    throw new Error(`not a ${MINI_MODEL_FORMAT} file: rebuild it with scripts/build-mini-model.ts`);
  }
  return data as MiniModelData;
}

// ---------------------------------------------------------------------------------------------
// Prediction

interface ContextEntry {
  total: number;
  counts: Map<number, number>;
  /** Weight given to the shorter context: the discounted and the pruned mass. */
  backoff: number;
}

interface LocaleIndex {
  unigramTotal: number;
  unigramCounts: Map<number, number>;
  /** Ids by unigram count, most frequent first. */
  byFrequency: number[];
  contexts: Map<string, ContextEntry>;
}

interface ModelIndex {
  idOf: Map<string, number>;
  locales: Map<string, LocaleIndex>;
}

// Derived lookups, built once per model object: the model itself stays plain JSON.
const indexes = new WeakMap<MiniModelData, ModelIndex>();

function indexOf(model: MiniModelData): ModelIndex {
  let index = indexes.get(model);
  if (index) return index;
  const locales = new Map<string, LocaleIndex>();
  for (const [locale, table] of Object.entries(model.locales)) {
    const unigramCounts = pairsToMap(table.unigrams);
    const contexts = new Map<string, ContextEntry>();
    for (const [key, [total = 0, ...pairs]] of Object.entries(table.contexts)) {
      const counts = pairsToMap(pairs);
      let kept = 0;
      for (const count of counts.values()) kept += Math.max(count - model.discount, 0);
      contexts.set(key, { total, counts, backoff: 1 - kept / total });
    }
    locales.set(locale, {
      unigramTotal: [...unigramCounts.values()].reduce((a, b) => a + b, 0),
      unigramCounts,
      byFrequency: [...unigramCounts.keys()],
      contexts,
    });
  }
  index = { idOf: new Map(model.vocab.map((piece, id) => [piece, id])), locales };
  indexes.set(model, index);
  return index;
}

function pairsToMap(pairs: number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  return map;
}

function probability(model: MiniModelData, table: LocaleIndex, context: number[], id: number): number {
  let p = (table.unigramCounts.get(id) ?? 0) / table.unigramTotal;
  for (let length = 1; length <= context.length; length++) {
    const entry = table.contexts.get(context.slice(-length).join(","));
    if (!entry) continue;
    const count = entry.counts.get(id) ?? 0;
    p = Math.max(count - model.discount, 0) / entry.total + entry.backoff * p;
  }
  return p;
}

/** The k most likely next pieces after `context` (ids), most likely first. */
function distributionAfter(
  model: MiniModelData,
  locale: string,
  contextIds: number[],
  topK: number,
): { id: number; p: number }[] {
  const table = indexOf(model).locales.get(locale);
  if (!table || topK <= 0) return [];
  const context = lastContext(model, contextIds);
  // Any piece not listed after a context scores in unigram order, so the listed pieces plus
  // that many frequent pieces always contain the true top k.
  const candidates = new Set<number>();
  for (let length = 1; length <= context.length; length++) {
    const entry = table.contexts.get(context.slice(-length).join(","));
    for (const id of entry?.counts.keys() ?? []) candidates.add(id);
  }
  for (const id of table.byFrequency.slice(0, topK + candidates.size)) candidates.add(id);
  return [...candidates]
    .map((id) => ({ id, p: probability(model, table, context, id) }))
    .sort((a, b) => b.p - a.p || a.id - b.id)
    .slice(0, topK);
}

/** The part of a piece sequence the model can see: its last `order - 1` ids. */
function lastContext(model: MiniModelData, ids: number[]): number[] {
  return model.order > 1 ? ids.slice(-(model.order - 1)) : [];
}

/** Piece ids of a text; pieces the model never saw become -1 (they match no context). */
function pieceIdsOf(model: MiniModelData, text: string): number[] {
  const { idOf } = indexOf(model);
  return tokenize(text).pieces.map((p) => idOf.get(p.text) ?? -1);
}

/**
 * How much more a text must fit another language than the reader's to be answered in it: e^3,
 * about 20 times. A piece one script has and the other lacks costs ~16 (its probability floor,
 * 1e-7), so one 这 or 這 settles it; text both scripts share (你好, 模型) is the reader's.
 */
const READER_LANGUAGE_PRIOR = 3;

/** The locale whose text best explains these pieces: the reader's where it fits as well, else the first locale. */
function likeliestLocale(model: MiniModelData, ids: number[], reader?: string): string {
  let best = Object.keys(model.locales)[0] ?? "en";
  let bestScore = -Infinity;
  for (const [locale, table] of indexOf(model).locales) {
    let score = locale === reader ? READER_LANGUAGE_PRIOR : 0;
    for (const id of ids) {
      if (id === BOUNDARY) continue;
      score += Math.log(Math.max((table.unigramCounts.get(id) ?? 0) / table.unigramTotal, 1e-7));
    }
    if (score > bestScore) [best, bestScore] = [locale, score];
  }
  return best;
}

function toNextPiece(model: MiniModelData, { id, p }: { id: number; p: number }): NextPiece {
  return id === BOUNDARY ? { piece: "", p, end: true } : { piece: model.vocab[id] ?? "", p };
}

export interface DistributionOptions {
  topK?: number;
  /** Which language's statistics to use; guessed from the context when absent. */
  locale?: string;
}

/**
 * The model's top-k guesses for the piece after `contextText` (read as the start of a text),
 * most likely first. Their probabilities sum to at most 1: the rest is spread over other pieces.
 */
export function nextTokenDistribution(
  model: MiniModelData,
  contextText: string,
  { topK = DEFAULT_TOP_K, locale }: DistributionOptions = {},
): NextPiece[] {
  const ids = pieceIdsOf(model, contextText);
  const chosen = locale ?? likeliestLocale(model, ids);
  // The context is read as the start of a text, so "" asks for a text's first piece.
  return distributionAfter(model, chosen, [BOUNDARY, ...ids], topK).map((e) => toNextPiece(model, e));
}

export interface SamplingOptions {
  /** 0 = always the most likely piece; 1 = the model's own probabilities. */
  temperature: number;
  topK?: number;
  /** Uniform in [0, 1); inject a seeded one for reproducible output. */
  random?: () => number;
  locale?: string;
}

/** Picks one next piece after `contextText`, honouring temperature and top-k. */
export function sampleNext(model: MiniModelData, contextText: string, options: SamplingOptions): NextPiece {
  const distribution = nextTokenDistribution(model, contextText, options);
  return pick(distribution, options.temperature, options.random ?? Math.random) ?? { piece: "", p: 1, end: true };
}

/**
 * Temperature reshapes p into p^(1/T), renormalised over the candidates (sorted, most likely
 * first); T = 0 is greedy. Scaled by the top p first so a tiny T cannot underflow every weight.
 */
function pick<T extends { p: number }>(candidates: T[], temperature: number, random: () => number): T | undefined {
  const top = candidates[0];
  if (!top || temperature <= 0 || top.p <= 0) return top;
  const weights = candidates.map((c) => Math.pow(c.p / top.p, 1 / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let threshold = random() * total;
  for (let i = 0; i < candidates.length; i++) {
    threshold -= weights[i]!;
    if (threshold < 0) return candidates[i];
  }
  return candidates.at(-1);
}

/** A small deterministic RNG (mulberry32) for tests and reproducible demos. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Chat provider

export interface MiniModelProviderOptions {
  /** Pause between pieces so the stream looks like one (0 in tests). */
  tokenDelayMs?: number;
  random?: () => number;
}

export function createMiniModelProvider(
  model: MiniModelData,
  { tokenDelayMs = 0, random = Math.random }: MiniModelProviderOptions = {},
): ChatProvider {
  return {
    id: "mini",
    stream: (request, signal) => streamReply(model, request, signal, tokenDelayMs, random),
  };
}

async function* streamReply(
  model: MiniModelData,
  request: ChatRequest,
  signal: AbortSignal,
  tokenDelayMs: number,
  random: () => number,
): AsyncGenerator<ChatEvent> {
  let inputTokens = 0;
  let outputTokens = 0;
  const usage = (): ChatEvent => ({ type: "usage", inputTokens, outputTokens });
  try {
    if (signal.aborted) {
      yield { type: "error", code: "aborted" };
      return;
    }
    const prompt = request.messages.findLast((m) => m.role === "user")?.content;
    if (prompt === undefined) {
      yield { type: "error", code: "bad_request" };
      return;
    }
    // The mini model reads only the last user message, and from it only the piece or two that
    // open the reply: that is its whole context window.
    const promptTokens = tokenize(prompt);
    inputTokens = promptTokens.count;
    const { idOf } = indexOf(model);
    const promptIds = promptTokens.pieces.map((p) => idOf.get(p.text) ?? -1); // -1: unknown
    const locale = likeliestLocale(model, promptIds, request.locale);
    const start = startingContext(model, locale, promptIds);
    const topK = Math.max(1, request.topK ?? DEFAULT_TOP_K);
    const temperature = Number.isFinite(request.temperature) ? Math.min(Math.max(request.temperature, 0), 1) : 1;

    let context = start.context;
    const opening = [...start.opening]; // the prompt's topical piece(s) open the reply
    let shownAnything = false;
    let stopReason = "max_tokens";

    while (outputTokens < request.maxTokens) {
      if (signal.aborted) {
        yield usage();
        yield { type: "error", code: "aborted" };
        return;
      }
      let id = opening.shift();
      if (id === undefined) {
        const canEnd = outputTokens >= MIN_REPLY_PIECES;
        const candidates = distributionAfter(model, locale, context, topK + 1)
          .filter((c) => canEnd || c.id !== BOUNDARY)
          .slice(0, topK);
        const next = pick(candidates, temperature, random);
        if (!next || next.id === BOUNDARY) {
          stopReason = "end_turn";
          break;
        }
        id = next.id;
      }
      context = lastContext(model, [...context, id]);
      outputTokens++;
      // Leading whitespace would look like a glitch at the start of a reply.
      const piece = model.vocab[id] ?? "";
      const text = shownAnything ? piece : piece.trimStart();
      if (text !== "") {
        shownAnything = true;
        yield { type: "text", text };
      }
      if (tokenDelayMs > 0) await sleep(tokenDelayMs, signal);
    }
    yield usage();
    yield { type: "done", stopReason };
  } catch {
    yield usage();
    yield { type: "error", code: "server" };
  }
}

/** Words that say nothing about what a question is about ("What is …?", "为什么…？"). */
const QUESTION_WORDS = new Set(
  (
    "a an the is are was were be do does did what why how who when where which whom whose me you i " +
    "my your it its to of in on at for about with and or tell explain describe please can could " +
    "would should will work works mean means happen happens this that these those there here " +
    "的 是 了 吗 嗎 呢 吧 啊 呀 什么 什麼 为什么 為什麼 为 為 怎么 怎麼 怎样 怎樣 如何 哪 哪里 哪裡 谁 誰 " +
    "请 請 告诉 告訴 我 你 他 她 它 解释 解釋 一下 会 會 能 可以 有 在 和 与 與 个 個 这 這 那 么 麼"
  ).split(" "),
);

/** A reply shorter than this would end before it says anything. */
const MIN_REPLY_PIECES = 6;

/**
 * Where a reply starts: it opens with the prompt's last topical piece the model can continue
 * (" token" in "What is a token?"), together with the piece before it when the model knows that
 * pair (" a token", "词元"); at the start of a text when the prompt shares nothing with the
 * course. `context` is what the model has read before `opening`.
 */
function startingContext(
  model: MiniModelData,
  locale: string,
  promptIds: number[],
): { context: number[]; opening: number[] } {
  const table = indexOf(model).locales.get(locale);
  const fromTheStart = { context: [BOUNDARY], opening: [] };
  if (!table || model.order < 2) return fromTheStart;
  for (let i = promptIds.length - 1; i >= 0; i--) {
    const seed = promptIds[i]!;
    const word = (model.vocab[seed] ?? "").trim().toLowerCase();
    const topical =
      seed > BOUNDARY &&
      /[\p{L}\p{N}]/u.test(word) &&
      !QUESTION_WORDS.has(word) &&
      table.contexts.has(String(seed));
    if (!topical) continue;
    const previous = promptIds[i - 1];
    const pairKnown =
      model.order > 2 && previous !== undefined && previous > BOUNDARY && table.contexts.has(`${previous},${seed}`);
    return pairKnown ? { context: [], opening: [previous, seed] } : { context: [], opening: [seed] };
  }
  return fromTheStart;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
