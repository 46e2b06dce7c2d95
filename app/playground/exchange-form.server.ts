/**
 * The chat form that the stream route and the page's no-JavaScript form both post, parsed: the
 * pipeline's first step (pipeline.server.ts). In a server module on purpose: zod stays out of
 * the browser bundle.
 */
import { z } from "zod";
import { MAX_PROMPT_CHARS, MAX_SYSTEM_CHARS, type RefusalCode } from "./guard.server";

export interface ExchangeInput {
  conversationId: string | null;
  /** null with `regenerate`. */
  prompt: string | null;
  regenerate: boolean;
  model: string;
  /** Explore mode only: the student's own system prompt. */
  system: string | null;
  temperature: number | null;
  maxTokens: number | null;
  /** "lessonSlug:tryitId": a lesson's "try it" may fix the system prompt. */
  tryit: string | null;
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().max(max).optional());
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().pipe(schema).optional());

const ExchangeForm = z.object({
  intent: z.enum(["send", "regenerate"]).default("send"),
  conversationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  prompt: z.string().default(""),
  model: z.string().trim().min(1).max(100),
  system: optionalText(MAX_SYSTEM_CHARS),
  temperature: optionalNumber(z.number().min(0).max(1)),
  maxTokens: optionalNumber(z.number().int().min(1).max(100_000)),
  tryit: optionalText(200),
});

export type ExchangeFormResult =
  | { ok: true; input: ExchangeInput }
  | { ok: false; code: Extract<RefusalCode, "invalid" | "empty" | "too_long">; params?: { max: number } };

/** Parses the chat form; why it is not acceptable, when it is not. */
export function parseExchangeForm(form: FormData): ExchangeFormResult {
  const raw = Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
  // PostgreSQL text cannot hold NUL characters; no keyboard types them, so refuse such input.
  if (Object.values(raw).some((v) => typeof v === "string" && v.includes("\u0000"))) {
    return { ok: false, code: "invalid" };
  }
  const parsed = ExchangeForm.safeParse(raw);
  if (!parsed.success) {
    const tooLongSystem = parsed.error.issues.some((i) => i.path[0] === "system" && i.code === "too_big");
    return tooLongSystem ? { ok: false, code: "too_long", params: { max: MAX_SYSTEM_CHARS } } : { ok: false, code: "invalid" };
  }
  const { intent, conversationId, prompt, model, system, temperature, maxTokens, tryit } = parsed.data;
  const regenerate = intent === "regenerate";
  if (!regenerate) {
    // Invisible characters alone (zero-width spaces, joiners) are an empty message too.
    if (!prompt.replace(/[\p{Cf}\s]/gu, "")) return { ok: false, code: "empty" };
    if (prompt.length > MAX_PROMPT_CHARS) return { ok: false, code: "too_long", params: { max: MAX_PROMPT_CHARS } };
  }
  return {
    ok: true,
    input: {
      conversationId: conversationId ?? null,
      prompt: regenerate ? null : prompt.trim(),
      regenerate,
      model,
      system: system ?? null,
      temperature: temperature ?? null,
      maxTokens: maxTokens ?? null,
      tryit: tryit ?? null,
    },
  };
}
