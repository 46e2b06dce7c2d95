/**
 * The order a learner sees a question's choices in. PURE (no I/O): the server orders choices
 * for the page it renders; grading never looks at positions, only at choice ids.
 *
 * Fairness: if the right answer always sat in the same place, students would learn the place,
 * not the idea. So every (learner, question, attempt) gets its own order, drawn from a seeded
 * generator: the same seed always gives the same order (a reload, the no-JavaScript post and the
 * results page all agree), a new attempt or another learner gets a different one. Choices the
 * author pinned ("none of these" → `pin: last`) keep their place at the start or the end.
 */
import type { Choice } from "./types";

/** What decides an order: who is answering and which attempt it is. */
export interface OrderSeed {
  /** A learner's user id; for visitors, a random token made once per page and sent back with the form. */
  learner: string;
  attempt: number;
}

/** FNV-1a: a 32-bit hash of the seed text, to start the generator. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and well spread for shuffling a handful of items. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The choices in the order this learner sees them at this attempt. */
export function orderChoices<C extends Choice>(questionId: string, choices: readonly C[], seed: OrderSeed): C[] {
  const random = generator(hash32(`${seed.learner}\u0000${questionId}\u0000${seed.attempt}`));
  const first = choices.filter((c) => c.pin === "first");
  const last = choices.filter((c) => c.pin === "last");
  const free = choices.filter((c) => c.pin === undefined);
  return [...first, ...shuffled(free, random), ...last];
}

/** A fresh visitor seed: unguessable is not needed, only different per page load. */
export function visitorSeed(): string {
  return `v-${Math.random().toString(36).slice(2, 12)}`;
}

/** A visitor seed as posted back by a form: short, plain, or null if missing or tampered with. */
export function parseVisitorSeed(value: unknown): string | null {
  return typeof value === "string" && /^v-[a-z0-9]{1,16}$/.test(value) ? value : null;
}
