/**
 * What the widgets' JSON APIs accept (/api/tokenize, /api/next-token, /api/preferences), read
 * from a JSON body, a form or the query string (`readFields`). Messages are catalog keys, like
 * every form's; the APIs answer the first one translated (`fieldError`), with the numbers its
 * message names from `WIDGET_ERROR_PARAMS`.
 */
import { z } from "zod";
import { getLesson } from "~/course/course.server";
import { preferencePairs } from "~/course/widgets/widget-data";
import type { MessageKey } from "~/i18n/catalog/en";
import type { Params } from "~/i18n/translate";
import { MAX_CHARS, NEXT_TOKEN_LIMITS } from "~/utils/form-limits";

/** "" and absent both mean "use the default" for optional fields of forms and queries. */
const blankToUndefined = (value: unknown): unknown => (value === "" || value === null ? undefined : value);

/** A number from JSON, a form or a query string; blank means the default. */
const number = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess((value) => {
    const v = blankToUndefined(value);
    return typeof v === "string" ? Number(v) : v;
  }, schema.default(fallback));

const whole = (min: number, max: number, message: MessageKey) => z.number(message).int(message).min(min, message).max(max, message);

export const TokenizeSchema = z.object({
  text: z.string("widget.api.textRequired").max(MAX_CHARS.widgetText, "widget.api.textTooLong"),
});

export const NextTokenSchema = z.object({
  context: z.string("widget.api.contextRequired").max(MAX_CHARS.widgetText, "widget.api.textTooLong"),
  temperature: number(
    z.number("widget.api.badTemperature").min(0, "widget.api.badTemperature").max(NEXT_TOKEN_LIMITS.temperature, "widget.api.badTemperature"),
    1,
  ),
  topK: number(whole(1, NEXT_TOKEN_LIMITS.topK, "widget.api.badTopK"), NEXT_TOKEN_LIMITS.topK),
  mode: z.preprocess(blankToUndefined, z.enum(["peek", "top", "sample"], "widget.api.badMode").default("peek")),
  count: number(whole(0, NEXT_TOKEN_LIMITS.added, "widget.api.badCount"), 1),
  minPieces: number(whole(0, NEXT_TOKEN_LIMITS.added, "widget.api.badCount"), 0),
  locale: z.preprocess(blankToUndefined, z.string().max(16).optional()),
  seed: z.preprocess((value) => {
    const v = blankToUndefined(value);
    return typeof v === "string" ? Number(v) : v;
  }, z.number().int().min(0).max(2 ** 32 - 1).optional()),
});

const hasPreferencePairs = (slug: string) => preferencePairs(getLesson(slug)?.data ?? {}, "en").length > 0;

const lessonField = z.string("widget.api.unknownLesson").max(100, "widget.api.unknownLesson").refine(hasPreferencePairs, "widget.api.unknownLesson");

export const PreferencesQuerySchema = z.object({ lesson: lessonField });

export const PreferenceChoiceSchema = z
  .object({
    lesson: lessonField,
    pair: z.string("widget.api.unknownPair").max(100, "widget.api.unknownPair"),
    choice: z.enum(["a", "b"], "widget.api.badChoice"),
  })
  .refine((v) => preferencePairs(getLesson(v.lesson)?.data ?? {}, "en").some((p) => p.id === v.pair), {
    message: "widget.api.unknownPair",
    path: ["pair"],
  });

/** The numbers the widgets' error messages name. */
export const WIDGET_ERROR_PARAMS: Partial<Record<MessageKey, Params>> = {
  "widget.api.textTooLong": { max: MAX_CHARS.widgetText.toLocaleString("en") },
  "widget.api.badTemperature": { max: NEXT_TOKEN_LIMITS.temperature },
  "widget.api.badTopK": { max: NEXT_TOKEN_LIMITS.topK },
  "widget.api.badCount": { max: NEXT_TOKEN_LIMITS.added },
};
