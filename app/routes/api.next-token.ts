/**
 * GET or POST /api/next-token: the mini model's top next tokens after `context`, each with its
 * chance of being picked at `temperature`; with `mode` "top" or "sample" it first adds `count`
 * pieces. Public, like the lessons: nothing is stored; the work per call is bounded (text length,
 * top-k, pieces added) and each client's calls by a budget per minute (widget-budget.server.ts).
 *
 * Fields: context (text, ≤ 2,000 characters), temperature (0–2, default 1), topK (1–40,
 * default 40), mode (peek | top | sample, default peek), count (0–20, default 1), minPieces (0–20:
 * pieces to add before the text may end, default 0), locale, seed.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { translator } from "~/i18n/catalogs.server";
import type { Translate } from "~/i18n/translate";
import { blankToUndefined, json, jsonError, readFields, validationError } from "~/components/widgets/api-input.server";
import { MAX_ADDED, MAX_TEMPERATURE, MAX_TOP_K, nextTokenStep } from "~/components/widgets/next-token.server";
import { MAX_WIDGET_TEXT } from "~/components/widgets/samples";
import { localeOf } from "~/utils/locale-of.server";
import { refuseOverBudget, sizeCost } from "~/models/widget-budget.server";

/** A number from JSON, a form or a query string; blank means the default. */
const number = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess((value) => {
    const v = blankToUndefined(value);
    return typeof v === "string" ? Number(v) : v;
  }, schema.default(fallback));

const inputSchema = (t: Translate) =>
  z.object({
    context: z
      .string({ error: t("widget.api.contextRequired") })
      .max(MAX_WIDGET_TEXT, { error: t("widget.api.textTooLong", { max: MAX_WIDGET_TEXT.toLocaleString("en") }) }),
    temperature: number(
      z.number({ error: t("widget.api.badTemperature", { max: MAX_TEMPERATURE }) })
        .min(0, { error: t("widget.api.badTemperature", { max: MAX_TEMPERATURE }) })
        .max(MAX_TEMPERATURE, { error: t("widget.api.badTemperature", { max: MAX_TEMPERATURE }) }),
      1,
    ),
    topK: number(
      z.number({ error: t("widget.api.badTopK", { max: MAX_TOP_K }) })
        .int({ error: t("widget.api.badTopK", { max: MAX_TOP_K }) })
        .min(1, { error: t("widget.api.badTopK", { max: MAX_TOP_K }) })
        .max(MAX_TOP_K, { error: t("widget.api.badTopK", { max: MAX_TOP_K }) }),
      MAX_TOP_K,
    ),
    mode: z.preprocess(
      blankToUndefined,
      z.enum(["peek", "top", "sample"], { error: t("widget.api.badMode") }).default("peek"),
    ),
    count: number(
      z.number({ error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .int({ error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .min(0, { error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .max(MAX_ADDED, { error: t("widget.api.badCount", { max: MAX_ADDED }) }),
      1,
    ),
    minPieces: number(
      z.number({ error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .int({ error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .min(0, { error: t("widget.api.badCount", { max: MAX_ADDED }) })
        .max(MAX_ADDED, { error: t("widget.api.badCount", { max: MAX_ADDED }) }),
      0,
    ),
    locale: z.preprocess(blankToUndefined, z.string().max(16).optional()),
    seed: z.preprocess((value) => {
      const v = blankToUndefined(value);
      return typeof v === "string" ? Number(v) : v;
    }, z.number().int().min(0).max(2 ** 32 - 1).optional()),
  });

/** The budget a call spends: its text, plus one unit per piece it adds (each is a model step). */
function costOf(input: z.infer<ReturnType<typeof inputSchema>>): number {
  return sizeCost(input.context.length, 500) + (input.mode === "peek" ? 0 : input.count);
}

async function answer({ request, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  const t = translator(await localeOf(request));
  const fields = await readFields(request);
  const parsed = fields ? inputSchema(t).safeParse(fields) : null;
  const refused = await refuseOverBudget(request, context, parsed?.success ? costOf(parsed.data) : 1);
  if (refused) return refused;
  if (!parsed) return jsonError(t("widget.api.badBody"));
  if (!parsed.success) return validationError(parsed.error);
  return json(nextTokenStep(parsed.data));
}

export function loader(args: LoaderFunctionArgs) {
  return answer(args);
}

export function action(args: ActionFunctionArgs) {
  return answer(args);
}
