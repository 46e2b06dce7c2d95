/**
 * The lesson player's forms, parsed with zod on the server only (zod must never reach the
 * browser bundle: importing it in a route module adds ~90 KB gzipped).
 *
 * `parseLessonIntent`: which button was pressed (next / check / quiz, or a widget's try or
 * choice without JavaScript) and its fields.
 *
 * `parseAnswer` reads a learner's answer to one question from a posted form. Field names, per question id:
 *   a.<id>.choice      choice id(s); for single choice the radio may be NOT_SURE_VALUE
 *   a.<id>.text        a typed answer
 *   a.<id>.notSure     "1" when "I'm not sure" was ticked (multiple choice and text)
 *   a.<id>.confidence  sure | fairly_sure | guessing (not needed with "I'm not sure")
 * The raw shape is checked with zod; the rules that depend on the question (choices among its
 * choices, one answer for single choice) are checked after it. Errors are catalog keys.
 */
import { z } from "zod";
import type { AnswerErrors, GivenAnswer } from "~/course/lesson-view-types";
import { parseVisitorSeed } from "~/course/choice-order";
import { NOT_SURE_VALUE, fieldName, type AnswerField } from "~/course/answer-fields";
import { CONFIDENCE_LEVELS, DEFAULT_MAX_ATTEMPTS, type AnswerInput } from "~/course/scoring";
import type { Question } from "~/course/types";
import { DEPTHS, HAYSTACK_SIZES, WINDOW_SIZES } from "~/course/widgets/needle-choice";
import { MAX_CHARS } from "~/utils/form-limits";


const Id = z.string().min(1).max(100);
const Attempt = z.coerce.number().int().min(1).max(DEFAULT_MAX_ATTEMPTS);
const Seconds = z.string().max(12).optional();
// A visitor's choice-order seed, sent back so the results show the order they answered in.
const Order = z.string().max(64).optional().transform((v) => parseVisitorSeed(v) ?? undefined);
/** One of the widget's own values, as its form posts it ("50"): nothing in between, nothing else. */
function oneOf(values: readonly number[]) {
  return z.enum(values.map(String) as [string, ...string[]]).transform(Number);
}
const LessonIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("next"), step: Id, seconds: Seconds }),
  z.object({ intent: z.literal("check"), step: Id, question: Id, attempt: Attempt, order: Order }),
  z.object({ intent: z.literal("quiz"), attempt: Attempt, seconds: Seconds, order: Order }),
  // a widget tried without JavaScript (its fallback's form)
  z.discriminatedUnion("widget", [
    // The box stops at MAX_CHARS.widgetText; a longer text (pasted past it, or a forged post) is
    // answered in the widget with the limit (the lesson action), not with a bare 400 page. The
    // server's body limit bounds it.
    z.object({ intent: z.literal("try"), widget: z.enum(["tokenizer", "next-token"]), text: z.string() }),
    z.object({ intent: z.literal("try"), widget: z.literal("needle"), sentences: oneOf(HAYSTACK_SIZES), depth: oneOf(DEPTHS), window: oneOf(WINDOW_SIZES) }),
  ]),
  z.object({ intent: z.literal("prefer"), pair: Id, choice: z.enum(["a", "b"]) }),
]);
export type LessonIntent = z.output<typeof LessonIntentSchema>;

/** The intent and hidden fields of a lesson form, or null when they were tampered with. */
export function parseLessonIntent(form: Record<string, string | string[]>): LessonIntent | null {
  const parsed = LessonIntentSchema.safeParse(form);
  return parsed.success ? parsed.data : null;
}

const TimeSchema = z.object({
  seconds: z.coerce.number().int().min(0).max(3600),
  step: Id,
});

/** The active-time beacon's fields, or null. */
export function parseActiveTime(form: Record<string, string | string[]>): z.output<typeof TimeSchema> | null {
  const parsed = TimeSchema.safeParse(form);
  return parsed.success ? parsed.data : null;
}

const RawAnswerSchema = z.object({
  choice: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .pipe(z.array(z.string().max(64)).max(20)),
  text: z.string().max(MAX_CHARS.answerText).optional(),
  notSure: z.enum(["1", "on"]).optional(),
  confidence: z.union([z.enum(CONFIDENCE_LEVELS), z.literal("")]).optional(),
});

export type ParsedAnswer = { ok: true; input: AnswerInput } | { ok: false; errors: AnswerErrors; given: GivenAnswer };

export function parseAnswer(form: Record<string, string | string[]>, question: Question): ParsedAnswer {
  const pick = (field: AnswerField) => form[fieldName(question.id, field)];
  const raw = RawAnswerSchema.safeParse({
    choice: pick("choice"),
    text: single(pick("text")),
    notSure: single(pick("notSure")),
    confidence: single(pick("confidence")),
  });
  if (!raw.success) {
    return { ok: false, errors: { answer: "form.invalid" }, given: { choices: [], text: null, notSure: false, confidence: null } };
  }
  const { choice, text, notSure, confidence } = raw.data;
  const picked = choice.filter((c) => c !== NOT_SURE_VALUE);
  const isNotSure = notSure !== undefined || choice.includes(NOT_SURE_VALUE);
  const given: GivenAnswer = {
    choices: picked,
    text: text ?? null,
    notSure: isNotSure,
    confidence: confidence ? confidence : null,
  };
  if (isNotSure) {
    // "I'm not sure" wins over anything else ticked: it is the honest answer the learner chose.
    return { ok: true, input: { choices: [], text: null, notSure: true, confidence: null } };
  }
  const errors: AnswerErrors = {};
  if (question.type === "text") {
    if ((text ?? "").trim() === "") errors.answer = "learn.answer.required";
  } else {
    const known = new Set(question.content.en.choices.map((c) => c.id));
    if (picked.length === 0) errors.answer = "learn.answer.required";
    else if (picked.some((c) => !known.has(c)) || (question.type === "single" && picked.length > 1)) errors.answer = "form.invalid";
  }
  if (!given.confidence) errors.confidence = "learn.answer.confidenceRequired";
  if (errors.answer || errors.confidence) return { ok: false, errors, given };
  return {
    ok: true,
    input: {
      choices: question.type === "text" ? [] : [...new Set(picked)],
      text: question.type === "text" ? (text ?? "").trim() : null,
      notSure: false,
      confidence: given.confidence,
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
