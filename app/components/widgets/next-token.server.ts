/**
 * The next-token widget's server side: the mini model's top guesses after a text, the chance of
 * each being picked at a temperature, and adding pieces (greedy or sampled). The sampling rule
 * mirrors the playground's mini model (p^(1/T) over the top-k candidates, T = 0 greedy), so
 * what the bars say is what the buttons do.
 */
import { tokenize } from "~/course/tokenizer.server";
import { getMiniModel } from "~/playground/mini-model.server";
import { nextTokenDistribution, seededRandom, type NextPiece } from "~/playground/mini-model-engine.server";
import type { NextTokenCandidate, NextTokenResponse, NextTokenView } from "../../course/widgets/widget-data";

/** Bars the widget shows. */
export const SHOWN_CANDIDATES = 8;

export interface NextTokenRequest {
  context: string;
  temperature: number;
  topK: number;
  mode: "peek" | "top" | "sample";
  count: number;
  /** Pieces to add before the text may end (so a reply says something before it stops). */
  minPieces?: number;
  /** The reader's locale: which statistics to use for an empty text (otherwise guessed). */
  locale?: string;
  seed?: number;
}

/** Chance of each candidate at `temperature`, renormalised over the candidates (as sampling does). */
export function chancesAt(candidates: NextPiece[], temperature: number): number[] {
  const top = candidates[0];
  if (!top || top.p <= 0) return candidates.map(() => 0);
  if (temperature <= 0) return candidates.map((_, i) => (i === 0 ? 1 : 0));
  const weights = candidates.map((c) => Math.pow(c.p / top.p, 1 / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function localeHint(text: string, locale: string | undefined): string | undefined {
  const model = getMiniModel();
  return text.trim() === "" && locale && locale in model.locales ? locale : undefined;
}

/** The top guesses after `text`, with the window of pieces the model actually reads. */
export function viewAfter(text: string, temperature: number, topK: number, locale?: string): NextTokenView {
  const model = getMiniModel();
  const distribution = nextTokenDistribution(model, text, { topK, locale: localeHint(text, locale) });
  const chances = chancesAt(distribution, temperature);
  const candidates: NextTokenCandidate[] = distribution.slice(0, SHOWN_CANDIDATES).map((c, i) => ({
    piece: c.piece,
    ...(c.end ? { end: true as const } : {}),
    p: c.p,
    chance: chances[i] ?? 0,
  }));
  const windowSize = Math.max(0, model.order - 1);
  const window = windowSize === 0 ? [] : tokenize(text).pieces.slice(-windowSize).map((p) => p.text);
  return { window, candidates };
}

/** One candidate drawn with the chances `chancesAt` shows (the playground's sampling rule). */
function pickAt(candidates: NextPiece[], temperature: number, random: () => number): NextPiece | undefined {
  const chances = chancesAt(candidates, temperature);
  let threshold = random();
  for (let i = 0; i < candidates.length; i++) {
    threshold -= chances[i]!;
    if (threshold < 0) return candidates[i];
  }
  return candidates.at(-1);
}

export function nextTokenStep(request: NextTokenRequest): NextTokenResponse {
  const model = getMiniModel();
  const random = request.seed === undefined ? Math.random : seededRandom(request.seed);
  let text = request.context;
  const added: NextTokenResponse["added"] = [];
  const steps = request.mode === "peek" ? 0 : request.count;
  for (let i = 0; i < steps; i++) {
    const candidates = nextTokenDistribution(model, text, { topK: request.topK, locale: localeHint(text, request.locale) });
    const allowed = added.length < (request.minPieces ?? 0) ? candidates.filter((c) => !c.end) : candidates;
    const next = request.mode === "top" ? allowed[0] : pickAt(allowed, request.temperature, random);
    if (!next || next.end) {
      added.push({ piece: "", end: true });
      break;
    }
    added.push({ piece: next.piece });
    text += next.piece;
  }
  return {
    text,
    added,
    temperature: request.temperature,
    topK: request.topK,
    ...viewAfter(text, request.temperature, request.topK, request.locale),
  };
}
