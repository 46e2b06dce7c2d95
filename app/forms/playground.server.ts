/**
 * The chat form, as the stream route (/api/playground/stream) and the no-JavaScript page
 * (/playground) both post it. Messages are the catalog keys of the playground's refusals
 * (`playground.refused.*`): the exchange turns the first one into the refusal it sends.
 */
import { z } from "zod";
import { MAX_CHARS } from "~/utils/form-limits";

/**
 * Browsers send a textarea's line breaks as CRLF, while its maxlength counted them as one
 * character: count them as the student saw them, or a box filled to its limit is refused.
 */
const asTyped = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : asTyped(v)),
    z.string().max(max, "playground.refused.too_long").optional(),
  );
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().pipe(schema).optional());

export const ExchangeFormSchema = z
  .object({
    intent: z.enum(["send", "regenerate"]).default("send"),
    conversationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    prompt: z.preprocess(asTyped, z.string().default("")),
    model: z.string().trim().min(1).max(100),
    system: optionalText(MAX_CHARS.systemPrompt),
    temperature: optionalNumber(z.number().min(0).max(1)),
    maxTokens: optionalNumber(z.number().int().min(1).max(100_000)),
    tryit: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "regenerate") return;
    // Invisible characters alone (zero-width spaces, joiners) are an empty message too.
    if (!v.prompt.replace(/[\p{Cf}\s]/gu, "")) ctx.addIssue({ code: "custom", path: ["prompt"], message: "playground.refused.empty" });
    else if (v.prompt.length > MAX_CHARS.prompt) ctx.addIssue({ code: "custom", path: ["prompt"], message: "playground.refused.too_long" });
  })
  .transform((v) => ({
    conversationId: v.conversationId ?? null,
    prompt: v.intent === "regenerate" ? null : v.prompt.trim(),
    regenerate: v.intent === "regenerate",
    model: v.model,
    system: v.system ?? null,
    temperature: v.temperature ?? null,
    maxTokens: v.maxTokens ?? null,
    tryit: v.tryit ?? null,
  }));
