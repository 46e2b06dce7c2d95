/**
 * Context windows over time, from lessons/FACTS.md (each checked against its source; the
 * long-context lesson cites them). `tokens` is the standard window; `extra` a larger one that
 * only some users could get. Labels are the figures as published ("8K"), sizes are for drawing.
 */
export interface ContextWindowFact {
  model: string;
  year: number;
  /** 1–12, or 0 when only the year is given. */
  month: number;
  tokens: number;
  label: string;
  extra?: { tokens: number; label: string; kind: "limited" | "preview" };
}

export const CONTEXT_WINDOWS: readonly ContextWindowFact[] = [
  { model: "GPT-2", year: 2019, month: 0, tokens: 1_024, label: "1,024" },
  { model: "GPT-3", year: 2020, month: 0, tokens: 2_048, label: "2,048" },
  { model: "GPT-4", year: 2023, month: 3, tokens: 8_192, label: "8K", extra: { tokens: 32_768, label: "32K", kind: "limited" } },
  { model: "Claude", year: 2023, month: 5, tokens: 100_000, label: "100K" },
  { model: "Claude 2.1", year: 2023, month: 11, tokens: 200_000, label: "200K" },
  {
    model: "Gemini 1.5 Pro",
    year: 2024,
    month: 2,
    tokens: 128_000,
    label: "128K",
    extra: { tokens: 1_000_000, label: "1M", kind: "preview" },
  },
  { model: "Claude 3", year: 2024, month: 3, tokens: 200_000, label: "200K" },
];

/** Anthropic: 200K tokens ≈ 500 pages, so about 400 tokens to a page of English. */
export const TOKENS_PER_PAGE = 400;

export function pagesOf(tokens: number): number {
  const pages = tokens / TOKENS_PER_PAGE;
  return pages < 10 ? Math.round(pages * 10) / 10 : Math.round(pages);
}

export type Scale = "linear" | "log";
export const SCALE_MAX = 1_000_000;
const LOG_MIN = 100;

/** Where a window of `tokens` ends, as a fraction of the chart's width. */
export function barFraction(tokens: number, scale: Scale): number {
  if (scale === "linear") return tokens / SCALE_MAX;
  return (Math.log10(tokens) - Math.log10(LOG_MIN)) / (Math.log10(SCALE_MAX) - Math.log10(LOG_MIN));
}

/** Grid lines for each scale: token counts. */
export const GRID: Record<Scale, number[]> = {
  linear: [0, 250_000, 500_000, 750_000, 1_000_000],
  log: [100, 1_000, 10_000, 100_000, 1_000_000],
};
